<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AccountMenu</name>
    <message>
        <location filename="../../ui/admin_menu.py" line="+65"/>
        <source>&amp;Account</source>
        <extracomment>The one shortcut for signing out or switching user.</extracomment>
        <translation>&amp;Cuenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Administration</source>
        <translation>A&amp;dministración</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Sign out / switch user</source>
        <translation>&amp;Cerrar sesión / cambiar de usuario</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Change my password…</source>
        <translation>Cambiar mi &amp;contraseña…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The clinic&apos;s default</source>
        <translation>El predeterminado de la clínica</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Users…</source>
        <translation>&amp;Usuarios…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clinic &amp;settings…</source>
        <translation>&amp;Ajustes de la clínica…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Audit trail…</source>
        <translation>Registro de a&amp;uditoría…</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <location filename="../../ui/intake_pages/activity.py" line="+24"/>
        <source>Walking and pain</source>
        <translation>Caminar y dolor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Walking, standing and pain</source>
        <translation>Caminar, estar de pie y dolor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worse and better</source>
        <translation>Qué empeora y qué mejora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Worse with:</source>
        <translation>&amp;Empeora con:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Eased by:</source>
        <translation>&amp;Mejora con:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time to &amp;relief on sitting:</source>
        <translation>Tiempo hasta el a&amp;livio al sentarse:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walks farther leaning on a &amp;cart:</source>
        <translation>Camina más apoyándose en un &amp;carrito:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As the patient reports it: leaning on a shopping cart lets them walk farther.</source>
        <translation>Según lo que dice el paciente: apoyarse en un carrito de compras le permite caminar más.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How far and how long</source>
        <translation>Cuánto camina y cuánto tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Painless walking &amp;distance:</source>
        <translation>&amp;Distancia que camina sin dolor:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Standing tolerance:</source>
        <translation>&amp;Tolerancia de pie:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pain, worst in the last week (0 = none, 10 = worst)</source>
        <translation>Dolor, el peor de la última semana (0 = ninguno, 10 = el peor)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back:</source>
        <translation>E&amp;spalda:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Leg:</source>
        <translation>&amp;Pierna:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Neck:</source>
        <translation>Cuell&amp;o:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Arm:</source>
        <translation>&amp;Brazo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>of 10</source>
        <translation>de 10</translation>
    </message>
</context>
<context>
    <name>AlertPanel</name>
    <message>
        <location filename="../../ui/workstation_alerts.py" line="+86"/>
        <source>Red-flag alerts from the workstations</source>
        <extracomment>At most this many alerts are listed; the rest are counted (&quot;and 3 more&quot;).</extracomment>
        <translation>Alertas de signos de alarma de los puestos</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 Red flag recorded: %2 alert(s) waiting for a clinician</source>
        <translation>%1 Signo de alarma registrado: %2 alerta(s) a la espera de un clínico</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>and %d more</source>
        <translation>y %d más</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2 · %3 · recorded by %4 at %5, %6</source>
        <translation>%1: %2 · %3 · registrado por %4 en %5, %6</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open visit</source>
        <translation>Abrir visita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge</source>
        <translation>Me hago cargo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You take charge of this patient; recorded in the audit trail</source>
        <translation>Usted se hace cargo de este paciente; queda anotado en el registro de auditoría</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Already acknowledged by %s</source>
        <translation>Ya se hizo cargo %s</translation>
    </message>
</context>
<context>
    <name>AlertsView</name>
    <message>
        <location filename="../../ui/alerts_view.py" line="+32"/>
        <location line="+13"/>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Follow-up alerts</source>
        <translation>Alertas de seguimiento</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Alerts since the visit of %s</source>
        <translation>Alertas desde la visita del %s</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No alerts: nothing slipped or changed meaningfully.</source>
        <translation>Sin alertas: nada empeoró ni cambió de forma importante.</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../../ui/amend_dialog.py" line="+42"/>
        <source>Amend the signed visit</source>
        <translation>Enmendar la visita firmada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A signed visit is never changed in place: the signed version is kept, and the amendment is edited and signed again. Say why it changes (printed on the summaries).</source>
        <translation>Una visita firmada no se modifica sin más: la versión firmada se conserva y la enmienda se edita y se vuelve a firmar. Indique el motivo del cambio (aparece en los resúmenes impresos).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reason for the amendment (Ctrl+Enter amends):</source>
        <translation>&amp;Motivo de la enmienda (Ctrl+Intro enmienda):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason for the amendment</source>
        <translation>Motivo de la enmienda</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Amend</source>
        <translation>&amp;Enmendar</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <location filename="../../ui/audit_window.py" line="+65"/>
        <source>Audit trail</source>
        <extracomment>Entries shown at most (the export holds every entry the filter finds). Actions that are not permission checks (sign-ins, locks, own changes).</extracomment>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>patient number</source>
        <translation>número de paciente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>user name</source>
        <translation>nombre de usuario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>any operation</source>
        <translation>cualquier operación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Between</source>
        <translation>&amp;Entre</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Patient:</source>
        <translation>&amp;Paciente:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Operation:</source>
        <translation>&amp;Operación:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When (UTC)</source>
        <translation>Cuándo (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workstation</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Check the chain</source>
        <translation>&amp;Comprobar la cadena</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Patient: type the patient&apos;s number (digits only).</source>
        <translation>Paciente: escriba el número del paciente (solo cifras).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Dates: the second date is before the first.</source>
        <translation>Fechas: la segunda fecha es anterior a la primera.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%d entries found</source>
        <translation>%d entradas encontradas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (the newest %d shown)</source>
        <translation> (se muestran las %d más recientes)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the audit trail</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not exported</source>
        <translation>No exportado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported to %s</source>
        <translation>Exportado a %s</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The audit trail is intact: no entry was changed, removed or reordered.</source>
        <translation>El registro de auditoría está intacto: ninguna entrada se modificó, eliminó ni reordenó.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The audit trail was tampered with: the chain breaks at entry %d.</source>
        <translation>El registro de auditoría fue manipulado: la cadena se rompe en la entrada %d.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The audit trail was tampered with.</source>
        <translation>El registro de auditoría fue manipulado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>and %d more</source>
        <translation>y %d más</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../ui/board_view.py" line="+51"/>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked in</source>
        <translation>Ha llegado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answering on the tablet</source>
        <translation>Respondiendo en la tableta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready for the clinician</source>
        <translation>Listo para el médico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the clinician</source>
        <translation>Con el médico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>Firmada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed</source>
        <translation>Impresa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked</source>
        <translation>Cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In this state</source>
        <translation>En este estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red flags</source>
        <translation>Signos de alarma</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%d min</source>
        <extracomment>How often the minutes in each state are redrawn (the rows themselves follow the watcher). The next visit a booking suggests, in days.</extracomment>
        <translation>%d min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%d h %02d min</source>
        <translation>%d h %02d min</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Today&apos;s board</source>
        <translation>Tablero de hoy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check i&amp;n</source>
        <translation>Registrar lle&amp;gada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient &amp;answers on the tablet</source>
        <translation>El paciente responde en la tab&amp;leta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mark ready</source>
        <translation>&amp;Marcar listo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open visit</source>
        <translation>&amp;Abrir visita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boo&amp;k next visit…</source>
        <translation>Citar &amp;próxima visita…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+B comes back to the board; Enter opens the visit</source>
        <translation>Ctrl+B vuelve al tablero; Intro abre la visita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check in the selected booking, or the patient selected in the search</source>
        <translation>Registra la llegada de la cita seleccionada, o del paciente elegido en la búsqueda</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Today&apos;s visits and their state</source>
        <translation>Visitas de hoy y su estado</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Board messages</source>
        <translation>Mensajes del tablero</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 · %2 visit(s), %3 waiting, %4 with a red flag</source>
        <translation>%1 · %2 visita(s), %3 en espera, %4 con signo de alarma</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>walk-in</source>
        <translation>sin cita</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>late %s</source>
        <translation>con %s de retraso</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Select a booking on the board, or find the patient first (Ctrl+F).</source>
        <translation>Seleccione una cita en el tablero, o busque antes al paciente (Ctrl+F).</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Booked for %s.</source>
        <translation>Cita para el %s.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Today&apos;s &amp;board</source>
        <translation>Tablero &amp;de hoy</translation>
    </message>
</context>
<context>
    <name>BodyMap</name>
    <message>
        <location filename="../../ui/widgets/body_map.py" line="+141"/>
        <source>Front</source>
        <extracomment>The two figures&apos; captions when not the interface&apos;s own (the patient&apos;s language).</extracomment>
        <translation>Frente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back</source>
        <translation>Espalda</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <location filename="../../ui/board_view.py" line="-25"/>
        <source>Book the next visit</source>
        <translation>Citar la próxima visita</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Day of the next visit</source>
        <translation>Día de la próxima visita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Day of the next visit:</source>
        <translation>&amp;Día de la próxima visita:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Book</source>
        <translation>Citar</translation>
    </message>
</context>
<context>
    <name>CarriedBar</name>
    <message>
        <location filename="../../ui/followup.py" line="+199"/>
        <source>Confirm &amp;all on this page</source>
        <translation>Confirmar &amp;todo en esta página</translation>
    </message>
</context>
<context>
    <name>CarriedMarks</name>
    <message>
        <location line="-72"/>
        <source>Carried forward from the visit of %s: change it or confirm it.</source>
        <translation>Traído de la visita del %s: cámbielo o confírmelo.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>✓ Confirm carried-forward value</source>
        <translation>✓ Confirmar el valor traído</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm %s</source>
        <translation>Confirmar %s</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%d answers come from the visit of %s (tinted). Change what is different today; confirm what is still right.</source>
        <translation>%d respuestas vienen de la visita del %s (sombreadas). Cambie lo que sea distinto hoy; confirme lo que siga igual.</translation>
    </message>
</context>
<context>
    <name>CausesField</name>
    <message>
        <location filename="../../ui/clinician_pages/imaging.py" line="+72"/>
        <source>Main cause of narrowing</source>
        <translation>Causa principal del estrechamiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other causes</source>
        <translation>Otras causas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main:</source>
        <translation>Principal:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also:</source>
        <translation>Otras:</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="+44"/>
        <source>Choose a new password</source>
        <translation>Elija una contraseña nueva</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An administrator reset your password. Choose your own before you go on; nobody else should know it.</source>
        <translation>Un administrador restableció su contraseña. Elija la suya antes de continuar; nadie más debe conocerla.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type your current password, then the new one twice.</source>
        <translation>Escriba su contraseña actual y luego la nueva dos veces.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password again</source>
        <translation>Contraseña nueva otra vez</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Current password:</source>
        <translation>Contraseña &amp;actual:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New password:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password &amp;again:</source>
        <translation>Contraseña nueva &amp;otra vez:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The two new passwords differ; type them again.</source>
        <translation>Las dos contraseñas nuevas no coinciden; escríbalas de nuevo.</translation>
    </message>
</context>
<context>
    <name>ClinicianPages</name>
    <message>
        <location filename="../../ui/clinician_pages/locked.py" line="+40"/>
        <source>Read only for your role: the examination, imaging, the four questions and the decision are recorded by a clinician. You can see what was recorded; the intake steps stay yours to fill in.</source>
        <extracomment>What the user edits with; push buttons outside the fields (e.g. &quot;Next question&quot;) stay usable.</extracomment>
        <translation>Solo lectura para su perfil: la exploración, la imagen, las cuatro preguntas y la decisión las registra un clínico. Puede ver lo registrado; los pasos de la admisión siguen siendo suyos.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="+44"/>
        <source>This visit was changed on another workstation</source>
        <translation>Esta visita se modificó en otro equipo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%s saved this draft at %s while you were editing it. Nothing has been overwritten. The fields that differ are listed below; your edits are still in this window.</source>
        <translation>%s guardó este borrador a las %s mientras usted lo editaba. No se sobrescribió nada. Abajo están los campos que difieren; sus cambios siguen en esta ventana.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Their version</source>
        <translation>Su versión (la otra)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your version</source>
        <translation>Su versión (esta)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Differences between the two versions</source>
        <translation>Diferencias entre las dos versiones</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Keep my version</source>
        <translation>&amp;Conservar mi versión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Use their version</source>
        <translation>&amp;Usar la otra versión</translation>
    </message>
</context>
<context>
    <name>DecisionPage</name>
    <message>
        <location filename="../../ui/clinician_pages/decision.py" line="+50"/>
        <location line="+5"/>
        <source>Decision and signature</source>
        <translation>Decisión y firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept the recommended level of care, or choose another and say why. Signing stores the case and the plan as computed; afterwards the visit changes only by amendment.</source>
        <translation>Acepte el nivel de atención recomendado o elija otro y explique por qué. Al firmar se guardan el caso y el plan tal como se calcularon; después, la visita solo puede cambiarse mediante una enmienda.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Level of care</source>
        <translation>Nivel de atención</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recommended level</source>
        <translation>Nivel recomendado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommended:</source>
        <translation>Recomendado:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept the recommended level</source>
        <translation>&amp;Aceptar el nivel recomendado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Override with another level</source>
        <translation>&amp;Elegir otro nivel en su lugar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Level chosen instead</source>
        <translation>Nivel elegido en su lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Level:</source>
        <translation>&amp;Nivel:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason for the override</source>
        <translation>Motivo para elegir otro nivel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required when the level is overridden</source>
        <translation>Obligatorio si se elige otro nivel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suggested procedures</source>
        <translation>Procedimientos sugeridos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Procedure chosen</source>
        <translation>Procedimiento elegido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Procedure:</source>
        <translation>&amp;Procedimiento:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next visit:</source>
        <translation>Próxima &amp;consulta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date of the next appointment, printed on the patient&apos;s summary; not before this visit</source>
        <translation>La fecha de la próxima cita, impresa en el resumen del paciente; no antes de esta consulta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What you tell the patient happens next (optional)</source>
        <translation>Lo que usted le dice al paciente sobre los próximos pasos (opcional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No&amp;te for the patient:</source>
        <translation>No&amp;ta para el paciente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed in the Next steps box on page 1 of the patient&apos;s summary</source>
        <translation>Se imprime en el recuadro «Próximos pasos» de la página 1 del resumen del paciente</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>“%1” was chosen, but the plan no longer suggests it: the choice was cleared. Choose again from the procedures listed.</source>
        <translation>Se había elegido «%1», pero el plan ya no lo sugiere: la elección se borró. Elija de nuevo entre los procedimientos de la lista.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Next visit: %1 is before the visit date %2; choose a later date.</source>
        <translation>Próxima consulta: %1 es anterior a la fecha de la consulta %2; elija una fecha posterior.</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>&amp;Sign visit</source>
        <translation>&amp;Firmar la visita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign visit</source>
        <translation>Firmar la visita</translation>
    </message>
</context>
<context>
    <name>DiscardReasonDialog</name>
    <message>
        <location filename="../../ui/discard_dialog.py" line="+35"/>
        <source>Discard a visit with a red flag?</source>
        <translation>¿Descartar una visita con un signo de alarma?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This draft records a red flag. Say why it is discarded (for example: entered for the wrong patient, or recorded again in another visit). The reason is kept with the visit and the discard is recorded in the audit trail.</source>
        <translation>Este borrador tiene un signo de alarma. Indique por qué se descarta (por ejemplo: se anotó en el paciente equivocado, o se registró de nuevo en otra visita). El motivo se guarda con la visita y el descarte queda en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason for discarding</source>
        <translation>Motivo del descarte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Discard visit</source>
        <translation>&amp;Descartar visita</translation>
    </message>
</context>
<context>
    <name>DraftChoice</name>
    <message>
        <location filename="../../ui/draft_choice.py" line="+73"/>
        <source>Draft of today open</source>
        <translation>Hay un borrador de hoy abierto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This patient already has a draft of today&apos;s visit (last saved by %1). Continue it, or start another visit?</source>
        <translation>Este paciente ya tiene un borrador de la visita de hoy (guardado por última vez por %1). ¿Continuarlo o empezar otra visita?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Continue today&apos;s draft</source>
        <translation>&amp;Continuar el borrador de hoy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start &amp;another visit</source>
        <translation>Empezar &amp;otra visita</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This patient has no draft of today.</source>
        <translation>Este paciente no tiene ningún borrador de hoy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open drafts of other days are not today&apos;s visit: signing one dates the examination on its own day.</source>
        <translation>Los borradores abiertos de otros días no son la visita de hoy: al firmar uno, la exploración queda con la fecha de ese día.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No draft of today</source>
        <translation>Ningún borrador de hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start today&apos;s visit</source>
        <translation>&amp;Empezar la visita de hoy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hoose an open draft…</source>
        <translation>E&amp;legir un borrador abierto…</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+13"/>
        <source>Open drafts of this patient</source>
        <translation>Borradores abiertos de este paciente</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Each is a visit of the day shown; it is signed with that date.</source>
        <translation>Cada uno es una visita del día indicado y se firma con esa fecha.</translation>
    </message>
</context>
<context>
    <name>DraftPager</name>
    <message>
        <location filename="../../ui/draft_pager.py" line="+47"/>
        <source>Drafts shown</source>
        <extracomment>Drafts on one page (a page is one indexed query, like the other lists).</extracomment>
        <translation>Borradores mostrados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>◀ &amp;Newer drafts</source>
        <translation>◀ Borradores más &amp;recientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Older drafts ▶</source>
        <translation>Borradores más &amp;antiguos ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The previous %d drafts</source>
        <translation>Los %d borradores anteriores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The next %d drafts</source>
        <translation>Los %d borradores siguientes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open drafts</source>
        <translation>Borradores abiertos</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No open drafts.</source>
        <translation>No hay borradores abiertos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drafts %1–%2 of %3, newest first</source>
        <translation>Borradores %1–%2 de %3, los más recientes primero</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../ui/duplicate_dialog.py" line="+45"/>
        <source>This patient may already be registered</source>
        <translation>Es posible que este paciente ya esté registrado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A patient with this name and date of birth already has a chart. Open it instead of registering the same person twice?</source>
        <translation>Ya hay una historia de un paciente con este nombre y esta fecha de nacimiento. ¿Abrirla en lugar de registrar dos veces a la misma persona?</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n patients with this name and date of birth already have a chart. Open one of them instead of registering the same person again?</source>
        <translation>
            <numerusform>Ya hay %n paciente con este nombre y esta fecha de nacimiento. ¿Abrir su historia en lugar de registrar otra vez a la misma persona?</numerusform>
            <numerusform>Ya hay %n pacientes con este nombre y esta fecha de nacimiento. ¿Abrir la historia de uno de ellos en lugar de registrar otra vez a la misma persona?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Patients already registered</source>
        <translation>Pacientes ya registrados</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Open the existing patient</source>
        <translation>&amp;Abrir el paciente existente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Register a new patient anyway</source>
        <translation>&amp;Registrar un paciente nuevo de todos modos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back to the form</source>
        <translation>&amp;Volver al formulario</translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <location filename="../../ui/clinician_pages/exam.py" line="+25"/>
        <source>Not examined</source>
        <extracomment>Page width (logical pixels) from which the exam groups sit in two columns.</extracomment>
        <translation>No explorado</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Examination</source>
        <translation>Exploración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Y / N answers a finding; leave &apos;Not examined&apos; when it was not tested. A foot drop, reduced saddle sensation or a temperature over 38 °C raises a red flag.</source>
        <translation>Marque Sí o No (teclas Y y N) en cada hallazgo; deje «No explorado» si no se exploró. Un pie caído, la sensibilidad en silla de montar disminuida o una temperatura de más de 38 °C generan una señal de alarma.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Walking and posture</source>
        <translation>Marcha y postura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shopping-cart sign (&amp;observed):</source>
        <translation>Signo del carrito de compras (&amp;observado):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Flexion relieves:</source>
        <translation>La &amp;flexión alivia:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xtension provokes:</source>
        <translation>La e&amp;xtensión provoca síntomas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walking test &amp;distance:</source>
        <translation>&amp;Distancia en la prueba de marcha:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes to symptom o&amp;nset:</source>
        <translation>Minutos hasta el i&amp;nicio de síntomas:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gait unsteady:</source>
        <translation>Marcha &amp;inestable:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Romberg positive:</source>
        <translation>&amp;Romberg positivo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strength, sensation, reflexes</source>
        <translation>Fuerza, sensibilidad, reflejos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Leg weakness:</source>
        <translation>Debilidad de &amp;piernas:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Foot dro&amp;p:</source>
        <translation>Pie &amp;caído:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot lift the foot (ankle dorsiflexion). A red flag.</source>
        <translation>No puede levantar el pie (dorsiflexión del tobillo). Es una señal de alarma.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Saddle sensation reduced:</source>
        <translation>&amp;Sensibilidad en silla de montar disminuida:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reduced sensation of groin, buttocks, perineum. A red flag.</source>
        <translation>Sensibilidad disminuida en ingle, glúteos y periné. Es una señal de alarma.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Achilles reflex abnormal:</source>
        <translation>Reflejo &amp;aquíleo anormal:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;traight-leg raise positive:</source>
        <translation>Ele&amp;vación de la pierna recta (Lasègue) positiva:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cord signs (cervical)</source>
        <translation>Signos medulares (cervicales)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hoffmann sign:</source>
        <translation>Signo de &amp;Hoffmann:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand dexterity red&amp;uced:</source>
        <translation>Destre&amp;za manual disminuida:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Circulation and temperature</source>
        <translation>Circulación y temperatura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;edal pulses:</source>
        <translation>Pulsos p&amp;edios:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ankle-&amp;brachial index:</source>
        <translation>Índice tobillo-&amp;brazo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Te&amp;mperature:</source>
        <translation>Te&amp;mperatura:</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="+188"/>
        <source>Create the administrator</source>
        <translation>Crear el administrador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the first start on this database. Create the administrator account; the administrator then adds the front desk&apos;s and the clinicians&apos; accounts (Administration, Users). An administrator manages users, settings and the audit trail, and sees no patient record unless also a clinician.</source>
        <translation>Es el primer inicio con esta base de datos. Cree la cuenta del administrador; después, el administrador crea las cuentas de recepción y de los clínicos (Administración, Usuarios). Un administrador gestiona usuarios, ajustes y el registro de auditoría, y no ve ningún expediente de paciente salvo que también sea clínico.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Password again</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password &amp;again:</source>
        <translation>&amp;Repita la contraseña:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also a &amp;clinician (records exams, signs visits, sees patients)</source>
        <translation>También &amp;clínico (registra exploraciones, firma visitas, ve pacientes)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The two passwords differ; type them again.</source>
        <translation>Las dos contraseñas no coinciden; escríbalas de nuevo.</translation>
    </message>
</context>
<context>
    <name>FrameworkPage</name>
    <message>
        <location filename="../../ui/clinician_pages/framework.py" line="+97"/>
        <source>Four questions</source>
        <translation>Cuatro preguntas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The four questions</source>
        <translation>Las cuatro preguntas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One question at a time. Confirm what the findings suggest or choose your own answer.</source>
        <translation>Una pregunta a la vez. Confirme lo que sugieren los hallazgos o elija su propia respuesta.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Previous question</source>
        <translation>Pregunta &amp;anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;xt question</source>
        <translation>Pregunta &amp;siguiente</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/amend_dialog.py" line="+37"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Versions of this visit</source>
        <translation>Versiones de esta visita</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signed versions</source>
        <translation>Versiones firmadas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What this version changed</source>
        <translation>Qué cambió esta versión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Signed %1 by %2</source>
        <translation>Firmada el %1 por %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amendment %1, signed %2 by %3</source>
        <translation>Enmienda %1, firmada el %2 por %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level: %1</source>
        <translation>Nivel: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 fields changed</source>
        <translation>%1 campos cambiados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
</context>
<context>
    <name>ImagingPage</name>
    <message>
        <location filename="../../ui/clinician_pages/imaging.py" line="+22"/>
        <location line="+4"/>
        <source>Imaging</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Leave empty when there is no imaging yet.</source>
        <translation>Déjelo vacío si todavía no hay estudios de imagen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Study</source>
        <translation>Estudio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Modality:</source>
        <translation>&amp;Modalidad:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stenotic &amp;levels:</source>
        <translation>&amp;Niveles con estenosis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. L4-L5, L5-S1</source>
        <translation>p. ej. L4-L5, L5-S1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Causes of narrowing:</source>
        <translation>&amp;Causas del estrechamiento:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smallest canal &amp;area:</source>
        <translation>Á&amp;rea mínima del canal:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Instability on flexion-extension:</source>
        <translation>&amp;Inestabilidad en flexión-extensión:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not known</source>
        <translation>No se sabe</translation>
    </message>
</context>
<context>
    <name>InjectionsEditor</name>
    <message>
        <location filename="../../ui/widgets/injections.py" line="+58"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Function better</source>
        <translation>Mejor función</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Relief&lt;br/&gt;(weeks)</source>
        <translation>Alivio&lt;br/&gt;(semanas)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No injections recorded.</source>
        <translation>No hay inyecciones registradas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add in&amp;jection</source>
        <translation>Agregar in&amp;yección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add injection</source>
        <translation>Agregar inyección</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Injection %d date</source>
        <translation>Fecha de la inyección %d</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Injection %d kind</source>
        <translation>Tipo de la inyección %d</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Response not recorded</source>
        <translation>Respuesta sin registrar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Did the expected relief come while the numbing medicine acted? (medial branch blocks only)</source>
        <translation>¿Llegó el alivio esperado mientras actuaba el anestésico? (solo bloqueos de rama medial)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Injection %d weeks of relief</source>
        <translation>Semanas de alivio de la inyección %d</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Injection %d function improved</source>
        <translation>Mejoró la función con la inyección %d</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Injection %d block response</source>
        <translation>Inyección %d: respuesta al bloqueo</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+1"/>
        <source>Remove injection %d</source>
        <translation>Quitar la inyección %d</translation>
    </message>
</context>
<context>
    <name>LimitedTextEdit</name>
    <message>
        <location filename="../../ui/widgets/limited_text.py" line="+76"/>
        <source>%1 of %2 characters</source>
        <translation>%1 de %2 caracteres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the rest did not fit and was left out</source>
        <translation>el resto no cabía y se dejó fuera</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+72"/>
        <source>Spine intake</source>
        <extracomment>Emitted by :meth:`attach`, once the lists are filled and search answers. Emitted by :meth:`await_sign_in`: the records are open, the sign-in dialog waits.</extracomment>
        <translation>Ingreso de columna</translation>
    </message>
    <message>
        <location line="+69"/>
        <location filename="../../ui/session_switch.py" line="+248"/>
        <source>No patient selected.</source>
        <translation>No hay ningún paciente seleccionado.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Selected patient</source>
        <translation>Paciente seleccionado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New &amp;intake (Ctrl+I)</source>
        <translation>Nuevo &amp;ingreso (Ctrl+I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clinician view (Ctrl+L)</source>
        <translation>Vista &amp;clínica (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit patient</source>
        <translation>&amp;Editar paciente</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Today&apos;s visits</source>
        <translation>Visitas de hoy</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Visit history</source>
        <translation>Historial de visitas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Today&apos;s visits</source>
        <translation>Visitas de &amp;hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;drafts</source>
        <translation>&amp;Borradores abiertos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit &amp;history</source>
        <translation>Histo&amp;rial de visitas</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>T&amp;rends</source>
        <translation>&amp;Tendencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in as %s</source>
        <translation>Sesión iniciada como %s</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Signed-in user and roles</source>
        <translation>Usuario con sesión iniciada y sus funciones</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Database: %s</source>
        <translation>Base de datos: %s</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Waiting for sign-in</source>
        <translation>Esperando el inicio de sesión</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Opening the clinic&apos;s records…</source>
        <translation>Abriendo los registros de la clínica…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database in use</source>
        <translation>Base de datos en uso</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Visit</source>
        <translation>&amp;Visita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New patient…</source>
        <translation>&amp;Nuevo paciente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find patient</source>
        <translation>&amp;Buscar paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import case file…</source>
        <translation>&amp;Importar expediente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export case file…</source>
        <translation>&amp;Exportar expediente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;intake</source>
        <translation>Nuevo &amp;ingreso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clinician view</source>
        <translation>Vista &amp;clínica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open selected visit</source>
        <translation>&amp;Abrir la visita seleccionada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh lists</source>
        <translation>Actuali&amp;zar listas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Getting started</source>
        <translation>&amp;Primeros pasos</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Select a patient first (Ctrl+F to find one).</source>
        <translation>Primero seleccione un paciente (Ctrl+F para buscarlo).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Cannot open the visit</source>
        <translation>No se puede abrir la visita</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Open &amp;drafts (%d)</source>
        <translation>&amp;Borradores abiertos (%d)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reopen unfinished visits?</source>
        <translation>¿Volver a abrir las visitas sin terminar?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The program ended while %d visit(s) were open. Everything typed up to the last few seconds was saved as a draft. Reopen them now?</source>
        <translation>El programa se cerró con %d visita(s) abierta(s). Todo lo escrito hasta los últimos segundos se guardó como borrador. ¿Abrirlas ahora?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import case file</source>
        <translation>Importar expediente</translation>
    </message>
    <message>
        <location filename="../../ui/visit_io.py" line="+46"/>
        <source>Cannot read the file</source>
        <translation>No se puede leer el archivo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not imported</source>
        <translation>No se importó</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select a visit in a list first.</source>
        <translation>Primero seleccione una visita en una lista.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export case file</source>
        <translation>Exportar expediente</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not exported</source>
        <translation>No se exportó</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported to %s</source>
        <translation>Exportado a %s</translation>
    </message>
</context>
<context>
    <name>NotExaminedBox</name>
    <message>
        <location filename="../../ui/clinician_pages/not_examined.py" line="+22"/>
        <location line="+4"/>
        <source>Neurological exam not done</source>
        <translation>Exploración neurológica no realizada</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The neurological exam &amp;could not be done</source>
        <translation>La exploración neurológica no se &amp;pudo hacer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why the exam was not done</source>
        <translation>Por qué no se hizo la exploración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required: why it was not done</source>
        <translation>Obligatorio: por qué no se hizo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../ui/widgets/number_field.py" line="+97"/>
        <source>Allowed: %s %s</source>
        <extracomment>Thousands grouped by spaces, or by the English comma, with an optional decimal part.</extracomment>
        <translation>Permitido: %s %s</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>in %s, allowed %s to %s</source>
        <translation>en %s, permitido de %s a %s</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../ui/widgets/optional_date.py" line="+38"/>
        <source>Set</source>
        <translation>Fijar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not set</source>
        <translation>sin fijar</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%s: set a date</source>
        <translation>%s: fijar una fecha</translation>
    </message>
</context>
<context>
    <name>PasswordRules</name>
    <message>
        <location filename="../../ui/password_text.py" line="+18"/>
        <source>Password: must have at least %1 characters.</source>
        <translation>Contraseña: debe tener al menos %1 caracteres.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password: is longer than %1 characters.</source>
        <translation>Contraseña: tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password: may not contain a NUL character.</source>
        <translation>Contraseña: no puede contener un carácter NUL.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password: is only spaces; choose one with letters, digits or signs.</source>
        <translation>Contraseña: solo tiene espacios; elija una con letras, cifras o signos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password: is one character repeated; choose one that is harder to guess.</source>
        <translation>Contraseña: es un solo carácter repetido; elija una más difícil de adivinar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password: is one of the most common passwords, which are tried first when guessing; choose another.</source>
        <translation>Contraseña: es una de las contraseñas más comunes, las primeras que se prueban para adivinar; elija otra.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password: cannot be used; choose another.</source>
        <translation>Contraseña: no se puede usar; elija otra.</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <location filename="../../ui/patient_dialog.py" line="+48"/>
        <source>Edit patient</source>
        <translation>Editar paciente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New patient</source>
        <translation>Nuevo paciente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Given and family name</source>
        <translation>Nombre y apellidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Fecha de nacimiento:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>YYYY-MM-DD or DD.MM.YYYY</source>
        <translation>AAAA-MM-DD o DD.MM.AAAA</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record number:</source>
        <translation>Número de &amp;expediente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clinic record number (optional)</source>
        <translation>Número de expediente de la clínica (opcional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sex:</source>
        <translation>&amp;Sexo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>C&amp;orreo electrónico:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For printouts, e.g. en, es</source>
        <translation>Para los impresos, p. ej. es, en</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Start the &amp;intake now</source>
        <translation>Iniciar el ingreso &amp;ahora</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The name is required.</source>
        <translation>El nombre es obligatorio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The date of birth is required.</source>
        <translation>La fecha de nacimiento es obligatoria.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 could be %2 or %3: type it as YYYY-MM-DD or DD.MM.YYYY.</source>
        <translation>%1 puede ser %2 o %3: escríbala como AAAA-MM-DD o DD.MM.AAAA.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a date: type it as YYYY-MM-DD or DD.MM.YYYY.</source>
        <translation>No es una fecha: escríbala como AAAA-MM-DD o DD.MM.AAAA.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A date of birth cannot be in the future.</source>
        <translation>La fecha de nacimiento no puede ser futura.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not an e-mail address.</source>
        <translation>No es un correo electrónico válido.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Discard these details?</source>
        <translation>¿Descartar estos datos?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patient&apos;s details are not saved. Close and discard what was typed?</source>
        <translation>Los datos del paciente no se guardaron. ¿Cerrar y descartar lo escrito?</translation>
    </message>
</context>
<context>
    <name>PatientEntry</name>
    <message>
        <location filename="../../ui/patient_entry/texts.py" line="+24"/>
        <source>Where do you feel pain, numbness or tingling? Tap every place.</source>
        <translation>¿Dónde siente dolor, adormecimiento u hormigueo? Toque cada lugar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How bad is your back pain today?</source>
        <translation>¿Cuánto le duele la espalda hoy?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How bad is the pain in your legs today?</source>
        <translation>¿Cuánto le duelen las piernas hoy?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How bad is your neck pain today?</source>
        <translation>¿Cuánto le duele el cuello hoy?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How bad is the pain in your arms today?</source>
        <translation>¿Cuánto le duelen los brazos hoy?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Have you lately lost control of your bladder or bowels, or been unable to pass urine?</source>
        <translation>¿Ha perdido últimamente el control de la orina o de las heces, o no ha podido orinar?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Is there new numbness between your legs, around your bottom or on your inner thighs?</source>
        <translation>¿Tiene adormecimiento nuevo entre las piernas, alrededor de las nalgas o en la cara interna de los muslos?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Are you unable to lift the front of a foot, so that it drags or slaps when you walk?</source>
        <translation>¿No puede levantar la punta de un pie, de modo que se arrastra o golpea el suelo al caminar?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Are your legs getting weaker from one day to the next?</source>
        <translation>¿Tiene las piernas más débiles de un día para otro?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Has your balance or walking become much worse recently?</source>
        <translation>¿Ha empeorado mucho últimamente su equilibrio o su forma de caminar?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Have you suddenly become much less able to walk?</source>
        <translation>¿De repente puede caminar mucho menos?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Is numbness spreading from one day to the next?</source>
        <translation>¿El adormecimiento se extiende de un día para otro?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you have a fever (above 38 °C) together with your back pain?</source>
        <translation>¿Tiene fiebre (más de 38 °C) además del dolor de espalda?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Have you lost a lot of weight without trying?</source>
        <translation>¿Ha perdido mucho peso sin proponérselo?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Does the pain keep on at night or at rest, even when you sit down?</source>
        <translation>¿El dolor sigue de noche o en reposo, incluso al sentarse?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>How far can you walk before pain makes you stop?</source>
        <translation>¿Cuánto puede caminar antes de que el dolor le obligue a parar?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How long can you stand before pain makes you sit down?</source>
        <translation>¿Cuánto tiempo puede estar de pie antes de que el dolor le obligue a sentarse?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What makes your pain worse? Tap all that apply.</source>
        <translation>¿Qué empeora su dolor? Toque todo lo que corresponda.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What eases your pain? Tap all that apply.</source>
        <translation>¿Qué le alivia el dolor? Toque todo lo que corresponda.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long have you had physical therapy for this problem?</source>
        <translation>¿Cuánto tiempo ha hecho fisioterapia por este problema?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do exercise, heat or rest at home help your pain?</source>
        <translation>¿Le alivian el dolor el ejercicio, el calor o el reposo en casa?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do you take strong painkillers (opioids such as tramadol, codeine or morphine)?</source>
        <translation>¿Toma analgésicos fuertes (opioides como tramadol, codeína o morfina)?</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>I cannot walk without pain</source>
        <translation>No puedo caminar sin dolor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About 50 metres</source>
        <translation>Unos 50 metros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About 100 metres</source>
        <translation>Unos 100 metros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About 200 metres</source>
        <translation>Unos 200 metros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About 500 metres</source>
        <translation>Unos 500 metros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About 1 kilometre</source>
        <translation>Un kilómetro, más o menos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 kilometres or more</source>
        <translation>2 kilómetros o más</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I cannot stand without pain</source>
        <translation>No puedo estar de pie sin dolor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About 5 minutes</source>
        <translation>Unos 5 minutos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About 10 minutes</source>
        <translation>Unos 10 minutos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About 15 minutes</source>
        <translation>Unos 15 minutos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About half an hour</source>
        <translation>Una media hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An hour or more</source>
        <translation>Una hora o más</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>About 2 weeks</source>
        <translation>Unas 2 semanas</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>None so far</source>
        <translation>Ninguna por ahora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About 6 weeks</source>
        <translation>Unas 6 semanas</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+35"/>
        <source>About 3 months</source>
        <translation>Unos 3 meses</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>How long have you had this problem?</source>
        <translation>¿Desde cuándo tiene este problema?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How did it begin?</source>
        <translation>¿Cómo empezó?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do you feel it on both sides of your body?</source>
        <translation>¿Lo nota en los dos lados del cuerpo?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Can you walk farther when you lean on a shopping cart?</source>
        <translation>¿Puede caminar más si se apoya en un carrito de la compra?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When you sit down, how soon does the pain in your legs ease?</source>
        <translation>Al sentarse, ¿cuánto tarda en aliviarse el dolor de las piernas?</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>About a week</source>
        <translation>Una semana, más o menos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About a month</source>
        <translation>Un mes, más o menos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About 6 months</source>
        <translation>Unos 6 meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About a year</source>
        <translation>Un año, más o menos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 years or more</source>
        <translation>2 años o más</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slowly, over weeks or months</source>
        <translation>Poco a poco, en semanas o meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suddenly</source>
        <translation>De repente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Within about a minute</source>
        <translation>En un minuto, más o menos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After a few minutes</source>
        <translation>Al cabo de unos minutos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After 20 minutes or more</source>
        <translation>Al cabo de 20 minutos o más</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>6 months or more</source>
        <translation>6 meses o más</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes, for a long time</source>
        <translation>Sí, durante mucho tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only for a short while</source>
        <translation>Solo un rato</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <location line="+27"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Walking</source>
        <translation>Caminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standing</source>
        <translation>Estar de pie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaning backwards</source>
        <translation>Inclinarse hacia atrás</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Bending forwards</source>
        <translation>Inclinarse hacia delante</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Sitting</source>
        <translation>Estar sentado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coughing or sneezing</source>
        <translation>Toser o estornudar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moving the neck</source>
        <translation>Mover el cuello</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sitting down</source>
        <translation>Sentarse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping and standing still</source>
        <translation>Pararse y quedarse quieto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lying down</source>
        <translation>Acostarse</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No trouble</source>
        <extracomment>Our own short answer scales for the questionnaires (the forms&apos; statements are licensed).</extracomment>
        <translation>Ninguna dificultad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A little trouble</source>
        <translation>Poca dificultad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some trouble</source>
        <translation>Algo de dificultad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A lot of trouble</source>
        <translation>Mucha dificultad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very much trouble</source>
        <translation>Muchísima dificultad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As bad as it gets</source>
        <translation>Lo peor posible</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mild</source>
        <translation>Leve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moderate</source>
        <translation>Moderado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severe</source>
        <translation>Fuerte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very severe</source>
        <translation>Muy fuerte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sometimes</source>
        <translation>A veces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Often</source>
        <translation>A menudo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Easily</source>
        <translation>Con facilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With some difficulty</source>
        <translation>Con alguna dificultad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With great difficulty</source>
        <translation>Con mucha dificultad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not at all</source>
        <translation>No puedo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How much does your back or leg trouble affect this, these days?</source>
        <translation>¿Cuánto le afecta en esto su problema de espalda o piernas estos días?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How much does your neck trouble affect this, these days?</source>
        <translation>¿Cuánto le afecta en esto su problema de cuello estos días?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the last month, how bad has this been?</source>
        <translation>En el último mes, ¿cómo de fuerte ha sido?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the last month, how well could you do this?</source>
        <translation>En el último mes, ¿cómo ha podido hacerlo?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sure</source>
        <translation>No estoy seguro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No pain</source>
        <translation>Sin dolor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worst pain you can imagine</source>
        <translation>El peor dolor que pueda imaginar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your questions</source>
        <translation>Sus preguntas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions for %s</source>
        <translation>Preguntas para %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff only: leave the questions</source>
        <translation>Solo personal: salir de las preguntas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body map</source>
        <translation>Mapa del cuerpo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Front view</source>
        <translation>De frente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back view</source>
        <translation>De espaldas</translation>
    </message>
    <message>
        <location filename="../../ui/patient_entry/window.py" line="+47"/>
        <source>Hello. Please answer these questions about your pain. Tap an answer to go on; you can go back at any time. If you are not sure, tap &quot;Not sure&quot; or &quot;Next&quot;.</source>
        <translation>Hola. Por favor, responda a estas preguntas sobre su dolor. Toque una respuesta para seguir; puede volver atrás cuando quiera. Si no está seguro, toque «No estoy seguro» o «Siguiente».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That was the last question. Tap &quot;Finish&quot; to send your answers to the clinic.</source>
        <translation>Esa era la última pregunta. Toque «Terminar» para enviar sus respuestas a la clínica.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thank you. Please give the tablet back to the front desk.</source>
        <translation>Gracias. Por favor, devuelva la tableta en recepción.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please tell the front desk now, before you answer anything else. Show them this screen. This may need to be seen today.</source>
        <translation>Avise ahora mismo en recepción, antes de responder nada más. Enséñeles esta pantalla. Puede que tengan que verle hoy.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your answers could not be sent. Please give the tablet to the front desk.</source>
        <translation>No se pudieron enviar sus respuestas. Por favor, lleve la tableta a recepción.</translation>
    </message>
</context>
<context>
    <name>PatientEntryWindow</name>
    <message>
        <location line="+210"/>
        <source>Only the front desk or a clinician may leave the patient&apos;s questions.</source>
        <translation>Solo recepción o un médico pueden salir de las preguntas del paciente.</translation>
    </message>
</context>
<context>
    <name>PatientIdentity</name>
    <message>
        <location filename="../../ui/identity.py" line="+22"/>
        <source>name not recorded</source>
        <translation>nombre no registrado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>record %1</source>
        <translation>expediente %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>born %1</source>
        <translation>nacido/a el %1</translation>
    </message>
</context>
<context>
    <name>PatientMarks</name>
    <message>
        <location filename="../../ui/patient_marks.py" line="+144"/>
        <source>from patient</source>
        <translation>del paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the patient</source>
        <translation>Del paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The patient gave this answer on the tablet. The mark goes when staff change it.</source>
        <translation>El paciente dio esta respuesta en la tableta. La marca desaparece cuando el personal la cambia.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%s, from the patient</source>
        <translation>%s, del paciente</translation>
    </message>
</context>
<context>
    <name>PatientSearchModel</name>
    <message>
        <location filename="../../ui/patient_search.py" line="+81"/>
        <source>Name</source>
        <extracomment>What the model asks for one query: (text, how many rows) -&gt; the matching patients. A search answers in about a millisecond, so keystrokes are only coalesced (a zero timer runs once per pass of the event loop, after a burst of typing or a paste) and never delayed. How long the selection must rest before the patient beside the list is loaded. The guide and &quot;no patient matches&quot; read from the top left of the list&apos;s space. Said in a one-widget style sheet, because Qt.AlignmentFlag would build the Qt namespace (qt_values).</extracomment>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record number</source>
        <translation>Número de expediente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
</context>
<context>
    <name>PatientSearchWidget</name>
    <message>
        <location line="+191"/>
        <source>&amp;Find patient:</source>
        <extracomment>The column of the red mark and the word (&quot;Emergency&quot;, &quot;Urgent&quot;) of the latest visit.</extracomment>
        <translation>B&amp;uscar paciente:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name, record number or date of birth</source>
        <translation>Nombre, número de expediente o fecha de nacimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find patient</source>
        <translation>Buscar paciente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Patients found</source>
        <translation>Pacientes encontrados</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No patient matches. Press Ctrl+N to register a new one.</source>
        <translation>Ningún paciente coincide. Pulse Ctrl+N para registrar uno nuevo.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&lt;h3&gt;Welcome&lt;/h3&gt;&lt;p&gt;This database has no patients yet.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bienvenido&lt;/h3&gt;&lt;p&gt;Esta base de datos todavía no tiene pacientes.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Find a patient&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Buscar un paciente&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;Type the start of any words of a name, in any order, any part of a record number, a date of birth (2026-01-31 or 31.01.2026) or a year of birth; the list follows as you type. Press Enter or Down to reach the list.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Ctrl+N&lt;/b&gt; registers a new patient&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ctrl+I&lt;/b&gt; starts an intake for the selected patient&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ctrl+O&lt;/b&gt; imports a case file&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ctrl+F&lt;/b&gt; comes back to this box&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;To explore with made-up patients, run &lt;code&gt;intake-desktop demo&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Escriba el comienzo de cualquier palabra del nombre, en cualquier orden, cualquier parte de un número de historia, una fecha de nacimiento (2026-01-31 o 31.01.2026) o un año de nacimiento; la lista se actualiza mientras escribe. Pulse Intro o Abajo para ir a la lista.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Ctrl+N&lt;/b&gt; registra un paciente nuevo&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ctrl+I&lt;/b&gt; inicia una admisión del paciente seleccionado&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ctrl+O&lt;/b&gt; importa un archivo de caso&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ctrl+F&lt;/b&gt; vuelve a este cuadro&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Para explorar con pacientes inventados, ejecute &lt;code&gt;intake-desktop demo&lt;/code&gt;.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PatientTrendsPanel</name>
    <message>
        <location filename="../../ui/patient_trends.py" line="+32"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walking (m)</source>
        <translation>Caminar (m)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standing (min)</source>
        <translation>De pie (min)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ODI / NDI %</source>
        <translation>ODI / NDI %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medication</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opioid</source>
        <translation>Opioides</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Injections, 12 months</source>
        <translation>Inyecciones, 12 meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommended</source>
        <translation>Recomendado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Trends of the selected patient</source>
        <translation>Evolución del paciente seleccionado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Outcomes visit by visit</source>
        <translation>Resultados visita por visita</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/pdf_preview.py" line="+88"/>
        <source>Summary preview</source>
        <extracomment>Private folders holding copies handed to an outside viewer; removed when the program ends (the viewer may still be reading them while the preview closes). Printed whole only: no page range (a patient summary, or one reporting red flags). On unless the caller says the summary may be printed in part: forgetting it is safe.</extracomment>
        <translation>Vista previa del resumen</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print status</source>
        <translation>Estado de la impresión</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Print</source>
        <translation>&amp;Imprimir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print on the default printer</source>
        <translation>Imprimir en la impresora predeterminada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print &amp;to…</source>
        <translation>Imprimir &amp;en…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the printer and copies; this summary prints whole (Ctrl+P)</source>
        <translation>Elija la impresora y las copias; este resumen se imprime entero (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save as…</source>
        <translation>&amp;Guardar como…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open in viewer</source>
        <translation>&amp;Abrir en el visor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Print summary</source>
        <translation>Imprimir resumen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This summary prints whole, every page together.</source>
        <translation>Este resumen se imprime entero, todas las páginas juntas.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This summary is printed whole, every page together: a patient&apos;s summary always (its warning signs and next steps go home with every copy), and any summary that reports red flags. Nothing was printed; choose all pages.</source>
        <translation>Este resumen se imprime entero, todas las páginas juntas: el resumen del paciente siempre (sus señales de alarma y próximos pasos van a casa con cada copia) y todo resumen que señale signos de alarma. No se imprimió nada; elija todas las páginas.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>The chosen pages (%1) are not all in this summary: it has %n page(s), 1 to %n. Nothing was printed.</source>
        <translation>
            <numerusform>Este resumen no tiene todas las páginas elegidas (%1): solo tiene %n página, la 1. No se imprimió nada.</numerusform>
            <numerusform>Este resumen no tiene todas las páginas elegidas (%1): tiene %n páginas, de la 1 a la %n. No se imprimió nada.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sent to the printer (%1).</source>
        <translation>Enviado a la impresora (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+9"/>
        <location line="+31"/>
        <source>Not printed.</source>
        <translation>No se imprimió.</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Choose the printer, copies and pages (Ctrl+P)</source>
        <translation>Elegir la impresora, las copias y las páginas (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Not printed: %1</source>
        <translation>No se imprimió: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save summary as</source>
        <translation>Guardar resumen como</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A file with that name already exists.</source>
        <translation>Ya existe un archivo con ese nombre.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file cannot be written: %1</source>
        <translation>No se puede escribir el archivo: %1</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <location filename="../../ui/plan_panel.py" line="+34"/>
        <source>Pattern</source>
        <extracomment>The headings of the plan details (translated with ``self.tr`` where the HTML is built).</extracomment>
        <translation>Patrón</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red flags</source>
        <translation>Señales de alarma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work-up</source>
        <translation>Estudios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedures</source>
        <translation>Procedimientos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalation signs</source>
        <translation>Signos de escalamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternatives</source>
        <translation>Alternativas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings</source>
        <translation>Advertencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scores</source>
        <translation>Puntajes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+4"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No plan yet</source>
        <translation>Todavía no hay plan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recommended level of care</source>
        <translation>Nivel de atención recomendado</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Plan details</source>
        <translation>Detalles del plan</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Not up to date: %d field(s) need attention. The last valid plan is shown greyed.</source>
        <translation>Desactualizado: %d campo(s) requieren atención. El último plan válido se muestra en gris.</translation>
    </message>
</context>
<context>
    <name>ProcedureChoice</name>
    <message>
        <location filename="../../ui/clinician_pages/procedure_choice.py" line="+28"/>
        <location line="+67"/>
        <source>No plan yet.</source>
        <translation>Todavía no hay plan.</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>No procedure chosen yet</source>
        <translation>Todavía no se eligió un procedimiento</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The plan suggests no procedure at this level.</source>
        <translation>El plan no sugiere ningún procedimiento en este nivel.</translation>
    </message>
</context>
<context>
    <name>QuestionPanel</name>
    <message>
        <location filename="../../ui/clinician_pages/framework.py" line="-74"/>
        <source>from the findings</source>
        <translation>según los hallazgos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the usual default</source>
        <translation>lo habitual por defecto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the findings cannot decide</source>
        <translation>los hallazgos no permiten decidir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your answer</source>
        <translation>su respuesta</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>What the findings suggest</source>
        <translation>Lo que sugieren los hallazgos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Answer:</source>
        <translation>Respuesta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence:</source>
        <translation>Evidencia:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirm the suggested answer</source>
        <translation>Confirmar la respuesta sugerida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;answer:</source>
        <translation>Su &amp;respuesta:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No answer</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suggested answer: %s</source>
        <translation>Respuesta sugerida: %s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No findings recorded.</source>
        <translation>No hay hallazgos registrados.</translation>
    </message>
</context>
<context>
    <name>QuestionnairesPage</name>
    <message>
        <location filename="../../ui/intake_pages/questionnaires.py" line="+24"/>
        <location line="+12"/>
        <source>Pain intensity</source>
        <translation>Intensidad del dolor</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+12"/>
        <source>Personal care</source>
        <translation>Cuidado personal</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+12"/>
        <source>Lifting</source>
        <translation>Levantar peso</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+39"/>
        <source>Walking</source>
        <translation>Caminar</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Sitting</source>
        <translation>Estar sentado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standing</source>
        <translation>Estar de pie</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Sleeping</source>
        <translation>Dormir</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Sex life</source>
        <translation>Vida sexual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social life</source>
        <translation>Vida social</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Travelling</source>
        <translation>Viajar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading</source>
        <translation>Leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headaches</source>
        <translation>Dolores de cabeza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concentration</source>
        <translation>Concentración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Driving</source>
        <translation>Manejar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recreation</source>
        <translation>Recreación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pain overall</source>
        <translation>Dolor en general</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often</source>
        <translation>Con qué frecuencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back pain</source>
        <translation>Dolor de espalda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leg pain</source>
        <translation>Dolor de pierna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbness or tingling</source>
        <translation>Adormecimiento u hormigueo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weakness</source>
        <translation>Debilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>Equilibrio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walking distance</source>
        <translation>Distancia que camina</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walking outdoors</source>
        <translation>Caminar al aire libre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walking at home</source>
        <translation>Caminar en casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shopping</source>
        <translation>Hacer compras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walking for pleasure</source>
        <translation>Caminar por gusto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overall result</source>
        <translation>Resultado general</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pain relief</source>
        <translation>Alivio del dolor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Housework and chores</source>
        <translation>Tareas de la casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strength</source>
        <translation>Fuerza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expectations met</source>
        <translation>Expectativas cumplidas</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+6"/>
        <source>not scorable: too many sections unanswered</source>
        <translation>no se puede calcular: demasiadas secciones sin respuesta</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+5"/>
        <source>Questionnaires</source>
        <translation>Cuestionarios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The questionnaire shown follows the symptom sites: ODI for the low back and legs, NDI for the neck and arms. Scores update as answers are entered.</source>
        <translation>El cuestionario que aparece depende de las zonas de síntomas: ODI para la zona lumbar y las piernas, NDI para el cuello y los brazos. Los puntajes se actualizan al ingresar las respuestas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Oswestry Disability Index (ODI), each section 0–5</source>
        <translation>Índice de Discapacidad de Oswestry (ODI), cada sección 0–5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Neck Disability Index (NDI), each section 0–5</source>
        <translation>Índice de Discapacidad Cervical (NDI), cada sección 0–5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zurich Claudication Questionnaire (ZCQ), lower is better</source>
        <translation>Cuestionario de Claudicación de Zúrich (ZCQ), menor es mejor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Symptom severity (1–5; balance 1, 3 or 5)</source>
        <translation>Gravedad de los síntomas (1–5; equilibrio 1, 3 o 5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Physical function (1–4)</source>
        <translation>Función física (1–4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction, only after treatment (1–4)</source>
        <translation>Satisfacción, solo después del tratamiento (1–4)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%s score</source>
        <translation>Puntaje %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s score:</source>
        <translation>Puntaje %s:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>ZCQ scores: —</source>
        <translation>Puntajes ZCQ: —</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ZCQ scores: symptom severity %s, physical function %s, satisfaction %s</source>
        <translation>Puntajes ZCQ: gravedad de los síntomas %s, función física %s, satisfacción %s</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../ui/recovery.py" line="+78"/>
        <source>• Amendment of the signed visit of %1</source>
        <translation>• Enmienda de la visita firmada del %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>• Draft of the visit of %1</source>
        <translation>• Borrador de la visita del %1</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../ui/recovery_key_dialog.py" line="+29"/>
        <location line="+20"/>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>The records on this computer are encrypted. This recovery key opens them if every password is lost. It is shown only now: write it down or print this screen, and keep it in the clinic&apos;s safe, away from this computer and its backups.</source>
        <translation>Los registros de este equipo están cifrados. Esta clave de recuperación los abre si se pierden todas las contraseñas. Solo se muestra ahora: anótela o imprima esta pantalla y guárdela en la caja fuerte de la clínica, lejos de este equipo y de sus copias de seguridad.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>I have written down or printed the recovery key</source>
        <translation>He anotado o impreso la clave de recuperación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
</context>
<context>
    <name>RecoveryResetDialog</name>
    <message>
        <location filename="../../ui/recovery_reset_dialog.py" line="+46"/>
        <source>Use the recovery key</source>
        <translation>Usar la clave de recuperación</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When every password is lost: type the recovery key that was printed at the first start and kept in the clinic&apos;s safe, then the user who needs a new password. The change is recorded in the audit trail.</source>
        <translation>Si se han perdido todas las contraseñas: escriba la clave de recuperación que se imprimió en el primer arranque y se guardó en la caja fuerte de la clínica, y luego el usuario que necesita una contraseña nueva. El cambio queda anotado en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password again</source>
        <translation>Contraseña nueva otra vez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery &amp;key:</source>
        <translation>&amp;Clave de recuperación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password &amp;again:</source>
        <translation>Contraseña nueva &amp;otra vez:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recovery problem</source>
        <translation>Problema con la recuperación</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Recovery key: type the key printed at the first start.</source>
        <translation>Clave de recuperación: escriba la clave impresa en el primer arranque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New password again: the two passwords differ.</source>
        <translation>Contraseña nueva otra vez: las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recovery key: it is not the key of this database; nothing was changed.</source>
        <translation>Clave de recuperación: no es la clave de esta base de datos; no se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>User name: there is no such user.</source>
        <translation>Usuario: no existe ese usuario.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name: type the name of the user who needs a new password.</source>
        <translation>Usuario: escriba el nombre del usuario que necesita una contraseña nueva.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name: may hold only letters, digits and . _ @ - (at most 100).</source>
        <translation>Usuario: solo admite letras, cifras y . _ @ - (100 como máximo).</translation>
    </message>
</context>
<context>
    <name>RedFlagBanner</name>
    <message>
        <location filename="../../ui/red_flag_banner.py" line="+32"/>
        <source>Red flag alert</source>
        <translation>Alerta de señal de alarma</translation>
    </message>
    <message>
        <location filename="../../ui/visit_window.py" line="+71"/>
        <source>red-flag screen</source>
        <extracomment>How the domain names a flag recorded by the red-flag screen (RedFlagFinding.sources).</extracomment>
        <translation>tamizaje de señales de alarma</translation>
    </message>
</context>
<context>
    <name>RedFlagPage</name>
    <message>
        <location filename="../../ui/intake_pages/red_flags.py" line="+28"/>
        <source>Red flags</source>
        <translation>Señales de alarma</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Red-flag screen</source>
        <translation>Tamizaje de señales de alarma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the patient every question. Answer Yes or No (keys Y and N); leave &apos;Not asked&apos; only if the question could not be asked.</source>
        <translation>Haga al paciente todas las preguntas. Responda Sí o No (teclas Y y N); deje «No se preguntó» solo si no se pudo hacer la pregunta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Is this happening now?</source>
        <translation>¿Le está pasando ahora?</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>All %d questions answered.</source>
        <translation>Las %d preguntas están respondidas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%d of %d questions answered: the screen is not complete.</source>
        <translation>%d de %d preguntas respondidas: el tamizaje no está completo.</translation>
    </message>
</context>
<context>
    <name>RedFlags</name>
    <message>
        <location filename="../../ui/red_flag_text.py" line="+16"/>
        <source>EMERGENCY: send to the emergency department now</source>
        <translation>EMERGENCIA: enviar al servicio de urgencias ahora</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SAME-DAY EVALUATION: the patient must be seen today</source>
        <translation>EVALUACIÓN EL MISMO DÍA: el paciente debe ser atendido hoy</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Do not send the patient home. Tell the clinician at once and arrange transfer to the emergency department; an urgent MRI is needed.</source>
        <translation>No envíe al paciente a su casa. Avise al médico de inmediato y organice el traslado al servicio de urgencias; se necesita una RM urgente.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tell the clinician now. The patient needs a same-day evaluation and an urgent MRI; do not book a routine appointment.</source>
        <translation>Avise al médico ahora. El paciente necesita una evaluación el mismo día y una RM urgente; no programe una cita de rutina.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Emergency</source>
        <translation>Emergencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Same day</source>
        <translation>Mismo día</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/user_dialogs.py" line="+185"/>
        <source>Reset a password</source>
        <translation>Restablecer una contraseña</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A temporary password for %s. Tell it to them in person; they choose their own when they next sign in.</source>
        <translation>Una contraseña temporal para %s. Dígasela en persona; elegirá la suya la próxima vez que inicie sesión.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Temporary password:</source>
        <translation>Contraseña &amp;temporal:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password &amp;again:</source>
        <translation>Contraseña &amp;otra vez:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>password: the two passwords differ</source>
        <translation>contraseña: las dos contraseñas no coinciden</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <location filename="../../ui/settings_window.py" line="+45"/>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergency number</source>
        <translation>Número de emergencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heading colour</source>
        <translation>Color de los títulos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accent colour</source>
        <translation>Color de realce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small-print colour</source>
        <translation>Color de la letra pequeña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page size</source>
        <translation>Tamaño de página</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English spelling</source>
        <translation>Ortografía inglesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock after (minutes idle)</source>
        <translation>Bloquear tras (minutos sin uso)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default language</source>
        <translation>Idioma predeterminado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metric (metres)</source>
        <translation>Métrico (metros)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>US (feet and yards)</source>
        <translation>EE. UU. (pies y yardas)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>US English</source>
        <translation>Inglés de EE. UU.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UK English</source>
        <translation>Inglés británico</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Clinic settings</source>
        <extracomment>The settings were stored (this workstation applies the idle-lock time at once).</extracomment>
        <translation>Ajustes de la clínica</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shared by every workstation on this database and printed on the next summary. An empty field returns to the clinic&apos;s template (clinic.toml).</source>
        <translation>Compartidos por todos los puestos de esta base de datos e impresos en el próximo resumen. Un campo vacío vuelve a la plantilla de la clínica (clinic.toml).</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template&apos;s &amp;logo</source>
        <translation>&amp;Logotipo de la plantilla</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+1"/>
        <source>the template&apos;s logo</source>
        <translation>el logotipo de la plantilla</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the logo</source>
        <translation>Elegir el logotipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Logo: cannot be read (%s)</source>
        <translation>Logotipo: no se puede leer (%s)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nothing changed.</source>
        <translation>No ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved. The next summary printed on any workstation uses it.</source>
        <translation>Guardado. El próximo resumen impreso en cualquier puesto lo usa.</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../ui/sign_dialog.py" line="+66"/>
        <source>From the last visit, not confirmed: %1</source>
        <translation>De la última visita, sin confirmar: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Red-flag question not answered: %1</source>
        <translation>Pregunta de alarma sin respuesta: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason the exam was not done</source>
        <translation>Motivo por el que no se hizo la exploración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exam not recorded: %1</source>
        <translation>Exploración sin registrar: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason for choosing another level than the recommended one</source>
        <translation>Motivo para elegir un nivel distinto del recomendado</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sign the visit</source>
        <translation>Firmar la visita</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What is missing before signing</source>
        <translation>Lo que falta antes de firmar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your password</source>
        <translation>Su contraseña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sign</source>
        <translation>&amp;Firmar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Go to the field</source>
        <translation>&amp;Ir al campo</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&lt;b&gt;Still to complete before signing: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Pendiente antes de firmar: %1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a line and press Enter (or double-click) to go to its field.</source>
        <translation>Elija una línea y pulse Intro (o haga doble clic) para ir a su campo.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&lt;b&gt;You are signing the amendment:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Va a firmar la enmienda:&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;You are signing this visit:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Va a firmar esta visita:&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Amendment: %1</source>
        <translation>Enmienda: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Level of care:</source>
        <translation>Nivel de atención:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recommended %1; changed because: %2</source>
        <translation>Recomendado: %1; cambiado porque: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Override:</source>
        <translation>Cambio de nivel:</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+2"/>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Red flags:</source>
        <translation>Señales de alarma:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suggested procedures:</source>
        <translation>Procedimientos propuestos:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Procedure chosen:</source>
        <translation>Procedimiento elegido:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by:</source>
        <translation>Firma:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your password again is your electronic signature: your name, the time and a fingerprint of what you sign are recorded. Afterwards the visit changes only by amendment.</source>
        <translation>Volver a escribir la contraseña es su firma electrónica: quedan registrados su nombre, la hora y una huella de lo firmado. Después, la visita solo cambia mediante una enmienda.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Type your password to sign.</source>
        <translation>Escriba su contraseña para firmar.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_signing.py" line="+142"/>
        <source>Not signed: the password is wrong, or the account is locked for a while after several wrong ones.</source>
        <translation>No se firmó: la contraseña no es correcta, o la cuenta está bloqueada un tiempo tras varios intentos fallidos.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ui/sign_in.py" line="-169"/>
        <source>Sign-in refused: the user name or the password is wrong, or the account is locked (after %1 failed tries in a row, for %2 minutes; an administrator can unlock it sooner).</source>
        <extracomment>What :class:`UnlockDialog` finishes with when someone else is to sign in.</extracomment>
        <translation>Inicio de sesión rechazado: el usuario o la contraseña no son correctos, o la cuenta está bloqueada (tras %1 intentos fallidos seguidos, durante %2 minutos; un administrador puede desbloquearla antes).</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location line="+77"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in to open the clinic&apos;s records.</source>
        <translation>Inicie sesión para abrir los expedientes de la clínica.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Forgot your password? Use the &amp;recovery key…</source>
        <translation>¿Ha olvidado la contraseña? Use la clave de &amp;recuperación…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The password of %1 is changed: sign in with the new one.</source>
        <translation>La contraseña de %1 ha cambiado: inicie sesión con la nueva.</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Choose a new password to continue.</source>
        <translation>Elija una contraseña nueva para continuar.</translation>
    </message>
</context>
<context>
    <name>SignatureBanner</name>
    <message>
        <location filename="../../ui/signature_banner.py" line="+37"/>
        <source>Signature does not match</source>
        <translation>La firma no coincide</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ SIGNATURE DOES NOT MATCH</source>
        <translation>⚠ LA FIRMA NO COINCIDE</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>This visit&apos;s stored content differs from what was signed: it was changed outside the program. It cannot be printed or exported; tell an administrator.</source>
        <translation>El contenido guardado de esta visita no es el que se firmó: se modificó fuera del programa. No se puede imprimir ni exportar; avise a un administrador.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Found: %1.</source>
        <translation>Detectado: %1.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../ui/patient_entry/window.py" line="+39"/>
        <source>Staff only</source>
        <translation>Solo personal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
</context>
<context>
    <name>SummaryActions</name>
    <message>
        <location filename="../../ui/summary_actions.py" line="+71"/>
        <source>Patient s&amp;ummary…</source>
        <translation>Res&amp;umen del paciente…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview, print or save the patient&apos;s summary (Ctrl+P)</source>
        <translation>Ver, imprimir o guardar el resumen del paciente (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print</source>
        <translation>Imprimir a&amp;hora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the patient&apos;s summary on the default printer (Ctrl+Shift+P)</source>
        <translation>Imprimir el resumen del paciente en la impresora predeterminada (Ctrl+Mayús+P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+14"/>
        <source>Clinician summar&amp;y</source>
        <translation>Resumen clí&amp;nico</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>&amp;Preview…</source>
        <translation>&amp;Vista previa…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;rint on the default printer</source>
        <translation>&amp;Imprimir en la impresora predeterminada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Preview, print or save the clinician&apos;s summary (Ctrl+Shift+L)</source>
        <translation>Ver, imprimir o guardar el resumen clínico (Ctrl+Mayús+L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printing</source>
        <translation>Impresión</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Needs the clinician role.</source>
        <translation>Requiere el rol de médico.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Needs the front desk or clinician role.</source>
        <translation>Requiere el rol de recepción o de médico.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Patient summary</source>
        <translation>Resumen del paciente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clinician summary</source>
        <translation>Resumen clínico</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Signature does not match</source>
        <translation>La firma no coincide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not printed: the signature does not match.</source>
        <translation>No se imprimió: la firma no coincide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No summary yet</source>
        <translation>Todavía no hay resumen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The amendment is not signed yet: the summary is the signed version.</source>
        <translation>La enmienda aún no está firmada: el resumen es la versión firmada.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Still printing the last summary…</source>
        <translation>Todavía se está imprimiendo el resumen anterior…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Printing: %1…</source>
        <translation>Imprimiendo: %1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: sent to the printer%2.</source>
        <translation>%1: enviado a la impresora%2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 not printed.</source>
        <translation>%1: no se imprimió.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not printed</source>
        <translation>No se imprimió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not printed: %1</source>
        <translation>No se imprimió: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save summary as</source>
        <translation>Guardar resumen como</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved %1.</source>
        <translation>Guardado: %1.</translation>
    </message>
</context>
<context>
    <name>SymptomsPage</name>
    <message>
        <location filename="../../ui/intake_pages/symptoms.py" line="+21"/>
        <location line="+5"/>
        <source>Symptoms</source>
        <translation>Síntomas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark every place the patient feels symptoms, on the list or on the body map.</source>
        <translation>Marque cada lugar donde el paciente siente síntomas, en la lista o en el mapa del cuerpo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Symptom sites</source>
        <translation>Zonas de los síntomas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sites:</source>
        <translation>&amp;Zonas:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Body map of symptom sites</source>
        <translation>Mapa del cuerpo con las zonas de síntomas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Course</source>
        <translation>Evolución</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both sides (&amp;bilateral):</source>
        <translation>Ambos lados (bi&amp;lateral):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Leg pain worse than back pain:</source>
        <translation>Dolor de &amp;pierna mayor que el de espalda:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Onset:</source>
        <translation>&amp;Inicio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Began after lifting or &amp;twisting:</source>
        <translation>Comenzó al levantar peso o al &amp;girar:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Duration:</source>
        <translation>&amp;Duración:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weeks</source>
        <translation>semanas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What it feels like</source>
        <translation>Cómo se siente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ensations:</source>
        <translation>S&amp;ensaciones:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hands clumsy:</source>
        <translation>&amp;Manos torpes:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Balance p&amp;roblems:</source>
        <translation>P&amp;roblemas de equilibrio:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Arm symptoms:</source>
        <translation>Síntomas en los &amp;brazos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slee&amp;p disrupted:</source>
        <translation>Altera el &amp;sueño:</translation>
    </message>
</context>
<context>
    <name>TreatmentPage</name>
    <message>
        <location filename="../../ui/intake_pages/treatment.py" line="+25"/>
        <source>Treatment so far</source>
        <translation>Tratamiento hasta ahora</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other conditions and treatment so far</source>
        <translation>Otras enfermedades y tratamiento hasta ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other conditions</source>
        <translation>Otras enfermedades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Conditions:</source>
        <translation>&amp;Enfermedades:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Treatment</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Structured c&amp;onservative care:</source>
        <translation>Tratamiento c&amp;onservador estructurado:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>weeks</source>
        <translation>semanas</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Physical therapy:</source>
        <translation>&amp;Fisioterapia:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Injections:</source>
        <translation>&amp;Inyecciones:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Medication use is:</source>
        <translation>El uso de &amp;medicamentos está:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Activity is:</source>
        <translation>La &amp;actividad está:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Takes opioi&amp;ds:</source>
        <translation>Toma opioi&amp;des:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Home measures help:</source>
        <translation>Las medidas en &amp;casa ayudan:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Daily function</source>
        <translation>Función diaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Walking distance shrinking:</source>
        <translation>&amp;La distancia que camina disminuye:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sitting breaks increasing:</source>
        <translation>Más pau&amp;sas para sentarse:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acti&amp;vities given up:</source>
        <translation>Acti&amp;vidades abandonadas:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Flares increasing:</source>
        <translation>C&amp;risis más frecuentes:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Painless walking distance at the p&amp;revious visit:</source>
        <translation>Distancia sin dolor en la visita an&amp;terior:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>m</source>
        <translation>m</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../ui/trend_chart.py" line="+73"/>
        <source>Outcome trends</source>
        <extracomment>Series drawn against a second value axis on the right (another unit). Line colours with enough contrast on light and on dark backgrounds.</extracomment>
        <translation>Evolución de los resultados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trends appear once the patient has a signed visit.</source>
        <translation>La evolución aparece cuando el paciente tiene una visita firmada.</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>%1 on %2</source>
        <comment>a value, and the date of the visit that recorded it</comment>
        <translation>%1 el %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not recorded</source>
        <translation>sin registrar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not recorded at any visit.</source>
        <translation>No se registró en ninguna visita.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>injections</source>
        <translation>inyecciones</translation>
    </message>
</context>
<context>
    <name>TriStateSwitch</name>
    <message>
        <location filename="../../ui/widgets/tri_state.py" line="+45"/>
        <source>Yes</source>
        <extracomment>What the switch last asked the screen reader to say (tests read it).</extracomment>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not asked</source>
        <translation>No se preguntó</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="-37"/>
        <source>Session locked</source>
        <extracomment>shown once by :class:`.startup.Startup` (None: the database is not encrypted)</extracomment>
        <translation>Sesión bloqueada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The session was locked. Type your password to continue where you were.</source>
        <translation>La sesión se bloqueó. Escriba su contraseña para continuar donde estaba.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign in as &amp;someone else</source>
        <translation>Iniciar sesión como &amp;otra persona</translation>
    </message>
</context>
<context>
    <name>Urgency</name>
    <message>
        <location filename="../../ui/urgency_mark.py" line="+22"/>
        <source>Emergency</source>
        <translation>Emergencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Emergency: a red flag calls for the emergency department now</source>
        <translation>Emergencia: un signo de alarma exige urgencias hospitalarias ya</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Urgent: the patient must be seen by a clinician today</source>
        <translation>Urgente: un clínico debe ver al paciente hoy</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/user_dialogs.py" line="-137"/>
        <source>Add a user</source>
        <translation>Añadir un usuario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change a user</source>
        <translation>Cambiar un usuario</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>as printed with a signature, e.g. Ana Ruiz</source>
        <translation>tal como se imprime con la firma, p. ej. Ana Ruiz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full name:</source>
        <translation>Nombre &amp;completo:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. MD, pain medicine</source>
        <translation>p. ej. médico, medicina del dolor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Credentials:</source>
        <translation>&amp;Titulación:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password &amp;again:</source>
        <translation>Contraseña &amp;otra vez:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roles</source>
        <translation>Funciones</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The clinic&apos;s default</source>
        <translation>El predeterminado de la clínica</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>password: the two passwords differ</source>
        <translation>contraseña: las dos contraseñas no coinciden</translation>
    </message>
</context>
<context>
    <name>UsersWindow</name>
    <message>
        <location line="-113"/>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clinician</source>
        <translation>Clínico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>registers patients, records the intake and prints the patient&apos;s summary; sees the clinician&apos;s steps read-only</source>
        <translation>registra pacientes, recoge la entrevista inicial e imprime el resumen del paciente; ve los pasos del clínico sin poder cambiarlos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>also records the exam, imaging and the four questions, decides the level of care, signs and amends visits, exports and prints the clinician&apos;s summary</source>
        <translation>además registra la exploración, las pruebas de imagen y las cuatro preguntas, decide el nivel de atención, firma y corrige visitas, exporta e imprime el resumen clínico</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>adds and changes users, resets passwords, changes the clinic&apos;s settings and reads the audit trail; sees no patient record without another role</source>
        <translation>crea y cambia usuarios, restablece contraseñas, cambia los ajustes de la clínica y consulta el registro de auditoría; sin otra función no ve expedientes de pacientes</translation>
    </message>
    <message>
        <location filename="../../ui/users_window.py" line="+51"/>
        <source>Users</source>
        <extracomment>The add, change or reset dialog opened last.</extracomment>
        <translation>Usuarios</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everyone who signs in. Users are never deleted, because signatures and the audit trail name them: deactivate a user who leaves.</source>
        <translation>Todas las personas que inician sesión. Los usuarios nunca se eliminan, porque las firmas y el registro de auditoría los nombran: desactive a quien se vaya.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credentials</source>
        <translation>Titulación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles</source>
        <translation>Funciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Add user…</source>
        <translation>&amp;Añadir usuario…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change…</source>
        <translation>&amp;Cambiar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset password…</source>
        <translation>&amp;Restablecer contraseña…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deactivated</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, new password at next sign-in</source>
        <translation>, contraseña nueva en el próximo inicio de sesión</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Re&amp;activate</source>
        <translation>Re&amp;activar</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s will no longer be able to sign in. Their signatures and audit entries stay. Deactivate?</source>
        <translation>%s ya no podrá iniciar sesión. Sus firmas y entradas de auditoría se conservan. ¿Desactivar?</translation>
    </message>
</context>
<context>
    <name>VisitList</name>
    <message>
        <location filename="../../ui/visit_list.py" line="+26"/>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>Firmada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amended</source>
        <translation>Enmendada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discarded</source>
        <translation>Descartada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed, amendment open</source>
        <translation>Firmada, enmienda abierta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Expediente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last saved by</source>
        <translation>Guardado por última vez por</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Alert</source>
        <extracomment>Column headers (translated when shown). &quot;Alert&quot; holds the red mark and the word.</extracomment>
        <translation>Alerta</translation>
    </message>
</context>
<context>
    <name>VisitWindow</name>
    <message>
        <location filename="../../ui/visit_saving.py" line="+155"/>
        <location filename="../../ui/visit_window.py" line="+79"/>
        <source>Patient</source>
        <extracomment>The window&apos;s own state: the step the user was on (stored beside the draft). Set on a sign-out: close keeping the draft (just saved) without asking.</extracomment>
        <translation>Paciente</translation>
    </message>
    <message>
        <location filename="../../ui/visit_window.py" line="+8"/>
        <source>Steps of the visit</source>
        <translation>Pasos de la visita</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The clinician&apos;s part starts here</source>
        <translation>Aquí empieza la parte del médico</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Needs the clinician role.</source>
        <translation>Requiere el rol de médico.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>◀ Previous step</source>
        <translation>◀ Paso anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous step (Ctrl+PgUp or Alt+Left)</source>
        <translation>Paso anterior (Ctrl+RePág o Alt+Izquierda)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step ▶</source>
        <translation>Paso siguiente ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step (Ctrl+PgDown or Alt+Right)</source>
        <translation>Paso siguiente (Ctrl+AvPág o Alt+Derecha)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save draft</source>
        <translation>Guardar borrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the draft now (Ctrl+S); it also saves itself</source>
        <translation>Guardar el borrador ahora (Ctrl+S); también se guarda solo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export case file…</source>
        <translation>Exportar expediente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the case file (Ctrl+E)</source>
        <translation>Exportar el expediente (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Amend…</source>
        <translation>&amp;Enmendar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the signed visit, with a reason</source>
        <translation>Cambiar la visita firmada, con un motivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Versions…</source>
        <translation>&amp;Versiones…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each signed version and what it changed</source>
        <translation>Cada versión firmada y lo que cambió</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Not discarded</source>
        <translation>No descartada</translation>
    </message>
    <message>
        <location filename="../../ui/visit_saving.py" line="-116"/>
        <source>Not saved: %s (your entries are kept)</source>
        <translation>No se guardó: %s (lo que escribió se conserva)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Draft saved %s</source>
        <translation>Borrador guardado %s</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Visit closed elsewhere</source>
        <translation>Visita cerrada en otro lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s

Your entries are kept: they are saved now as a new draft visit.</source>
        <translation>%s

Lo que escribió se conserva: se guarda ahora como una nueva visita en borrador.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_window.py" line="-39"/>
        <source>Signed: %s</source>
        <translation>Firmada: %s</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not exported</source>
        <translation>No se exportó</translation>
    </message>
    <message>
        <location filename="../../ui/visit_saving.py" line="+51"/>
        <source>Close this visit?</source>
        <translation>¿Cerrar esta visita?</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>This visit is not signed. It is saved as a draft and can be finished later.</source>
        <translation>Esta visita no está firmada. Se guarda como borrador y se puede terminar después.</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Changes not saved</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last changes to this visit could not be saved:
%1

Stay to correct them, or close and lose what was typed since the last save.</source>
        <translation>No se pudieron guardar los últimos cambios de esta visita:
%1

Quédese para corregirlos, o cierre y pierda lo escrito desde el último guardado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Stay and correct</source>
        <translation>&amp;Quedarse y corregir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lose and lose them</source>
        <translation>&amp;Cerrar y perderlos</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The amendment is not signed. It is kept and can be finished later.</source>
        <translation>La enmienda no está firmada. Se conserva y puede terminarse más tarde.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep amendment and close</source>
        <translation>&amp;Conservar la enmienda y cerrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel the amendment</source>
        <translation>&amp;Anular la enmienda</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Keep draft and close</source>
        <translation>&amp;Conservar el borrador y cerrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard visit</source>
        <translation>&amp;Descartar la visita</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Cancel</source>
        <translation>C&amp;ancelar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>signed</source>
        <translation>firmada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>amendment, unsaved</source>
        <translation>enmienda, sin guardar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>amendment</source>
        <translation>enmienda</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unsaved changes</source>
        <translation>cambios sin guardar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>draft saved</source>
        <translation>borrador guardado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · Visit %2 · %3</source>
        <translation>%1 · Visita %2 · %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2) · visit %3</source>
        <translation>%1 (%2) · consulta %3</translation>
    </message>
    <message>
        <location filename="../../ui/visit_signing.py" line="-102"/>
        <source>&amp;Sign amendment</source>
        <translation>&amp;Firmar la enmienda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sign visit</source>
        <translation>&amp;Firmar la visita</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signed by %1 on %2 · level: %3 · read-only</source>
        <translation>Firmada por %1 el %2 · nivel: %3 · solo lectura</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>amended (%1)</source>
        <translation>enmendada (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Amending the signed visit: %1</source>
        <translation>Enmienda de la visita firmada: %1</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Not amended</source>
        <translation>No enmendada</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Amending: edit, then sign the amendment</source>
        <translation>Enmienda: edite y luego firme la enmienda</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No history</source>
        <translation>Sin historial</translation>
    </message>
</context>
<context>
    <name>Workstation</name>
    <message>
        <location filename="../../ui/session_switch.py" line="-130"/>
        <source>Language</source>
        <extracomment>The main window was rebuilt (another language); the new one is passed. Someone signed in (again) and the window shows their records. The sign-in prompt after a sign-out was cancelled: the app should end.</extracomment>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Not signed out</source>
        <translation>No se cerró la sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This visit could not be saved; resolve it, then sign out again.</source>
        <translation>No se pudo guardar esta visita; resuélvalo y vuelva a cerrar la sesión.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>An open visit could not be saved; its user must sign in to resolve it.</source>
        <translation>No se pudo guardar una visita abierta; su usuario debe iniciar sesión para resolverlo.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
</context>
<context>
    <name>_CredentialsDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="-161"/>
        <source>User name</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in problem</source>
        <translation>Problema al iniciar sesión</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <location filename="../../../tools/translations/code_names.py" line="+6"/>
        <source>Abnormal</source>
        <translation>Anormal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ache</source>
        <translation>Dolor sordo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activities given up</source>
        <translation>Actividades abandonadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ankle-brachial index</source>
        <translation>Índice tobillo-brazo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anticoagulant use</source>
        <translation>Uso de anticoagulantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arm</source>
        <translation>Brazo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back extension</source>
        <translation>Extender la espalda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bed bound</source>
        <translation>Postrado en cama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bending forward</source>
        <translation>Inclinarse hacia adelante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borderline</source>
        <translation>Límite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brief</source>
        <translation>Breve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Burning</source>
        <translation>Ardor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buttock</source>
        <translation>Glúteo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CT myelogram</source>
        <translation>Mielografía por TC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calf</source>
        <translation>Pantorrilla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancer history</source>
        <translation>Antecedente de cáncer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cervical myelopathy (possible cord involvement)</source>
        <translation>Mielopatía cervical (posible compromiso medular)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cervical radiculopathy</source>
        <translation>Radiculopatía cervical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete</source>
        <translation>Completo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Congenital</source>
        <translation>Congénita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conservative and home care</source>
        <translation>Tratamiento conservador y cuidados en casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coughing sneezing</source>
        <translation>Toser o estornudar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cramping</source>
        <translation>Calambres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crippled</source>
        <translation>Incapacitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ct</source>
        <translation>TC</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decreasing</source>
        <translation>Disminuyendo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diabetes</source>
        <translation>Diabetes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diminished</source>
        <translation>Disminuidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disc bulge</source>
        <translation>Abombamiento discal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disc herniation suspected</source>
        <translation>Sospecha de hernia de disco</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EMG / nerve conduction</source>
        <translation>EMG / conducción nerviosa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergency department now</source>
        <translation>Servicio de urgencias ahora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Facet hypertrophy</source>
        <translation>Hipertrofia facetaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fever above 38 °C with back pain</source>
        <translation>Fiebre de más de 38 °C con dolor de espalda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flexion-extension X-rays</source>
        <translation>Radiografías en flexión-extensión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foot</source>
        <translation>Pie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foot drop</source>
        <translation>Pie caído</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradual</source>
        <translation>Progresivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groin</source>
        <translation>Ingle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand</source>
        <translation>Mano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heaviness</source>
        <translation>Pesadez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home measures help only briefly</source>
        <translation>Las medidas en casa ayudan solo por poco tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How limited is daily life?</source>
        <translation>¿Cuánto limita la vida diaria?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Increasing</source>
        <translation>Aumentando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instability</source>
        <translation>Inestabilidad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interventional pain management</source>
        <translation>Manejo intervencionista del dolor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lasting</source>
        <translation>Duradera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leg pain dominant</source>
        <translation>Predomina el dolor de pierna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leg weakness worsening over days</source>
        <translation>Debilidad de piernas que empeora en días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ligamentum flavum hypertrophy</source>
        <translation>Hipertrofia del ligamento amarillo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low back</source>
        <translation>Zona lumbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lumbar neurogenic claudication</source>
        <translation>Claudicación neurógena lumbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lying down</source>
        <translation>Acostarse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MRI</source>
        <translation>RM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked new decline in balance or gait</source>
        <translation>Empeoramiento nuevo y marcado del equilibrio o la marcha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medial branch block</source>
        <translation>Bloqueo de rama medial</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Decompression (laminectomy)</source>
        <translation>Descompresión (laminectomía)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decompression with stabilisation</source>
        <translation>Descompresión con estabilización</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Epidural steroid injection</source>
        <translation>Inyección epidural de corticoide</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Interspinous spacer</source>
        <translation>Espaciador interespinoso</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>MILD (minimally invasive lumbar decompression)</source>
        <translation>MILD (descompresión lumbar mínimamente invasiva)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mild</source>
        <translation>Leve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimal</source>
        <translation>Mínima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimally invasive procedure</source>
        <translation>Procedimiento mínimamente invasivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed or unclear pattern</source>
        <translation>Patrón mixto o poco claro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moderate</source>
        <translation>Moderada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More medication, less activity</source>
        <translation>Más medicamentos, menos actividad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mri contraindicated</source>
        <translation>RM contraindicada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multilevel</source>
        <translation>Multinivel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neck</source>
        <translation>Cuello</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neck movement</source>
        <translation>Mover el cuello</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negative</source>
        <translation>Negativa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New loss of bladder or bowel control</source>
        <translation>Pérdida reciente del control de la vejiga o del intestino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>Normales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbness</source>
        <translation>Adormecimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbness spreading over days</source>
        <translation>Adormecimiento que se extiende en días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Osteoporosis</source>
        <translation>Osteoporosis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outpatient only</source>
        <translation>Solo ambulatorio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pain at night or at rest not eased by sitting</source>
        <translation>Dolor de noche o en reposo que no alivia al sentarse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peripheral arterial disease</source>
        <translation>Enfermedad arterial periférica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peripheral neuropathy</source>
        <translation>Neuropatía periférica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positive</source>
        <translation>Positiva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prior spine surgery</source>
        <translation>Cirugía de columna previa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progressive</source>
        <translation>Progresiva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Radiofrequency ablation</source>
        <translation>Ablación por radiofrecuencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saddle numbness (groin, buttocks, inner thighs)</source>
        <translation>Adormecimiento en silla de montar (ingle, glúteos, cara interna de los muslos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same-day evaluation (urgent)</source>
        <translation>Evaluación el mismo día (urgente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severe</source>
        <translation>Grave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sharp shooting</source>
        <translation>Punzante, como descarga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short recovery</source>
        <translation>Recuperación corta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shoulder</source>
        <translation>Hombro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitting</source>
        <translation>Estar sentado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitting breaks increasing</source>
        <translation>Cada vez más pausas para sentarse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smoker</source>
        <translation>Fumador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spinal cord stimulation</source>
        <translation>Estimulación de la médula espinal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spondylolisthesis</source>
        <translation>Espondilolistesis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stable</source>
        <translation>Estable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standing</source>
        <translation>Estar de pie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopping while standing</source>
        <translation>Detenerse de pie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Structural relief</source>
        <translation>Alivio estructural</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sudden</source>
        <translation>Repentino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sudden loss of walking ability</source>
        <translation>Pérdida repentina de la capacidad de caminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surgery acceptable</source>
        <translation>Acepta cirugía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surgical consultation</source>
        <translation>Consulta quirúrgica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symptom management</source>
        <translation>Manejo de síntomas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symptom management or structural relief?</source>
        <translation>¿Manejo de síntomas o alivio estructural?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thigh</source>
        <translation>Muslo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tingling</source>
        <translation>Hormigueo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unexplained weight loss</source>
        <translation>Pérdida de peso sin explicación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent MRI</source>
        <translation>RM urgente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vascular claudication suspected</source>
        <translation>Sospecha de claudicación vascular</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vascular referral</source>
        <translation>Derivación a cirugía vascular</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walking</source>
        <translation>Caminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walking distance shrinking</source>
        <translation>La distancia que camina disminuye</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weakness</source>
        <translation>Debilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weakness, balance trouble or flares</source>
        <translation>Debilidad, problemas de equilibrio o crisis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What causes the narrowing?</source>
        <translation>¿Qué causa el estrechamiento?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What recovery will the patient take on?</source>
        <translation>¿Qué recuperación está dispuesto a asumir el paciente?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xray</source>
        <translation>Radiografía</translation>
    </message>
    <message>
        <location filename="../../ui/intake_pages/activity.py" line="-39"/>
        <source>Stopping, while still standing</source>
        <translation>Detenerse, aunque siga de pie</translation>
    </message>
    <message>
        <location filename="../../ui/intake_pages/treatment.py" line="-40"/>
        <source>MRI not possible (e.g. pacemaker)</source>
        <translation>No puede hacerse RM (p. ej., marcapasos)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/injections.py" line="-85"/>
        <source>Positive response</source>
        <translation>Respuesta positiva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negative response</source>
        <translation>Respuesta negativa</translation>
    </message>
    <message>
        <location filename="../../ui/code_labels.py" line="+36"/>
        <source>en</source>
        <comment>language code of the plan&apos;s sentences</comment>
        <translation>es</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/visit_io.py" line="+11"/>
        <location line="+28"/>
        <source>Cannot export yet</source>
        <translation>Todavía no se puede exportar</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>The case file would not be valid:

%s</source>
        <translation>El expediente no sería válido:

%s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export case file</source>
        <translation>Exportar expediente</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+24"/>
        <source>Not exported</source>
        <translation>No se exportó</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Export FHIR bundle</source>
        <translation>Exportar paquete FHIR</translation>
    </message>
</context>
</TS>
