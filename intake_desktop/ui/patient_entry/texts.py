"""What the tablet says to the patient, in the patient's language (English or Spanish).

The desk's interface may be in one language and the patient's in another, so these strings are
not translated by the application's installed translator: :class:`PatientTexts` loads the
Spanish translation file privately and looks each string up in it (context "PatientEntry", marked
with ``QT_TRANSLATE_NOOP`` so ``update.sh`` collects them). Plain words, one idea per sentence;
the red-flag questions say what each flag means (CLINICAL_CONTENT.md, red flags) in everyday
terms. Questionnaire items show the short labels of the templates or a clinic's
licensed wording (``services.patient_entry.item_texts``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTranslator

from intake_desktop.domain import labels as english_labels

C = "PatientEntry"
LANGUAGES = ("en", "es")

QUESTIONS: dict[str, str] = {
    "sites": QT_TRANSLATE_NOOP(
        "PatientEntry", "Where do you feel pain, numbness or tingling? Tap every place."
    ),
    "pain_back": QT_TRANSLATE_NOOP("PatientEntry", "How bad is your back pain today?"),
    "pain_leg": QT_TRANSLATE_NOOP("PatientEntry", "How bad is the pain in your legs today?"),
    "pain_neck": QT_TRANSLATE_NOOP("PatientEntry", "How bad is your neck pain today?"),
    "pain_arm": QT_TRANSLATE_NOOP("PatientEntry", "How bad is the pain in your arms today?"),
    "flag_bladder_bowel_dysfunction": QT_TRANSLATE_NOOP(
        "PatientEntry", "Have you lately lost control of your bladder or bowels, or been "
        "unable to pass urine?"
    ),
    "flag_saddle_anaesthesia": QT_TRANSLATE_NOOP(
        "PatientEntry", "Is there new numbness between your legs, around your bottom or on "
        "your inner thighs?"
    ),
    "flag_foot_drop": QT_TRANSLATE_NOOP(
        "PatientEntry", "Are you unable to lift the front of a foot, so that it drags or slaps "
        "when you walk?"
    ),
    "flag_rapidly_progressive_weakness": QT_TRANSLATE_NOOP(
        "PatientEntry", "Are your legs getting weaker from one day to the next?"
    ),
    "flag_severe_balance_decline": QT_TRANSLATE_NOOP(
        "PatientEntry", "Has your balance or walking become much worse recently?"
    ),
    "flag_sudden_walking_loss": QT_TRANSLATE_NOOP(
        "PatientEntry", "Have you suddenly become much less able to walk?"
    ),
    "flag_rapidly_progressive_numbness": QT_TRANSLATE_NOOP(
        "PatientEntry", "Is numbness spreading from one day to the next?"
    ),
    "flag_fever": QT_TRANSLATE_NOOP(
        "PatientEntry", "Do you have a fever (above 38 °C) together with your back pain?"
    ),
    "flag_unexplained_weight_loss": QT_TRANSLATE_NOOP(
        "PatientEntry", "Have you lost a lot of weight without trying?"
    ),
    "flag_night_or_rest_pain": QT_TRANSLATE_NOOP(
        "PatientEntry", "Does the pain keep on at night or at rest, even when you sit down?"
    ),
    "duration": QT_TRANSLATE_NOOP("PatientEntry", "How long have you had this problem?"),
    "onset": QT_TRANSLATE_NOOP("PatientEntry", "How did it begin?"),
    "bilateral": QT_TRANSLATE_NOOP("PatientEntry", "Do you feel it on both sides of your body?"),
    "cart": QT_TRANSLATE_NOOP(
        "PatientEntry", "Can you walk farther when you lean on a shopping cart?"
    ),
    "relief": QT_TRANSLATE_NOOP(
        "PatientEntry", "When you sit down, how soon does the pain in your legs ease?"
    ),
    "walking": QT_TRANSLATE_NOOP(
        "PatientEntry", "How far can you walk before pain makes you stop?"
    ),
    "standing": QT_TRANSLATE_NOOP(
        "PatientEntry", "How long can you stand before pain makes you sit down?"
    ),
    "worse_with": QT_TRANSLATE_NOOP(
        "PatientEntry", "What makes your pain worse? Tap all that apply."
    ),
    "eased_by": QT_TRANSLATE_NOOP("PatientEntry", "What eases your pain? Tap all that apply."),
    "therapy": QT_TRANSLATE_NOOP(
        "PatientEntry", "How long have you had physical therapy for this problem?"
    ),
    "home_measures": QT_TRANSLATE_NOOP(
        "PatientEntry", "Do exercise, heat or rest at home help your pain?"
    ),
    "opioids": QT_TRANSLATE_NOOP(
        "PatientEntry", "Do you take strong painkillers (opioids such as tramadol, codeine or "
        "morphine)?"
    ),
}  # fmt: skip

CHOICES: dict[str, dict[Any, str]] = {
    "duration": {
        1: QT_TRANSLATE_NOOP("PatientEntry", "About a week"),
        4: QT_TRANSLATE_NOOP("PatientEntry", "About a month"),
        12: QT_TRANSLATE_NOOP("PatientEntry", "About 3 months"),
        26: QT_TRANSLATE_NOOP("PatientEntry", "About 6 months"),
        52: QT_TRANSLATE_NOOP("PatientEntry", "About a year"),
        104: QT_TRANSLATE_NOOP("PatientEntry", "2 years or more"),
    },
    "onset": {
        "gradual": QT_TRANSLATE_NOOP("PatientEntry", "Slowly, over weeks or months"),
        "sudden": QT_TRANSLATE_NOOP("PatientEntry", "Suddenly"),
    },
    "relief": {
        60: QT_TRANSLATE_NOOP("PatientEntry", "Within about a minute"),
        300: QT_TRANSLATE_NOOP("PatientEntry", "After a few minutes"),
        1200: QT_TRANSLATE_NOOP("PatientEntry", "After 20 minutes or more"),
    },
    "walking": {
        0: QT_TRANSLATE_NOOP("PatientEntry", "I cannot walk without pain"),
        50: QT_TRANSLATE_NOOP("PatientEntry", "About 50 metres"),
        100: QT_TRANSLATE_NOOP("PatientEntry", "About 100 metres"),
        200: QT_TRANSLATE_NOOP("PatientEntry", "About 200 metres"),
        500: QT_TRANSLATE_NOOP("PatientEntry", "About 500 metres"),
        1000: QT_TRANSLATE_NOOP("PatientEntry", "About 1 kilometre"),
        2000: QT_TRANSLATE_NOOP("PatientEntry", "2 kilometres or more"),
    },
    "standing": {
        0: QT_TRANSLATE_NOOP("PatientEntry", "I cannot stand without pain"),
        5: QT_TRANSLATE_NOOP("PatientEntry", "About 5 minutes"),
        10: QT_TRANSLATE_NOOP("PatientEntry", "About 10 minutes"),
        15: QT_TRANSLATE_NOOP("PatientEntry", "About 15 minutes"),
        30: QT_TRANSLATE_NOOP("PatientEntry", "About half an hour"),
        60: QT_TRANSLATE_NOOP("PatientEntry", "An hour or more"),
    },
    "therapy": {
        0: QT_TRANSLATE_NOOP("PatientEntry", "None so far"),
        2: QT_TRANSLATE_NOOP("PatientEntry", "About 2 weeks"),
        6: QT_TRANSLATE_NOOP("PatientEntry", "About 6 weeks"),
        12: QT_TRANSLATE_NOOP("PatientEntry", "About 3 months"),
        26: QT_TRANSLATE_NOOP("PatientEntry", "6 months or more"),
    },
    "home_measures": {
        "lasting": QT_TRANSLATE_NOOP("PatientEntry", "Yes, for a long time"),
        "brief": QT_TRANSLATE_NOOP("PatientEntry", "Only for a short while"),
        "none": QT_TRANSLATE_NOOP("PatientEntry", "No"),
    },
    "worse_with": {
        "walking": QT_TRANSLATE_NOOP("PatientEntry", "Walking"),
        "standing": QT_TRANSLATE_NOOP("PatientEntry", "Standing"),
        "back_extension": QT_TRANSLATE_NOOP("PatientEntry", "Leaning backwards"),
        "bending_forward": QT_TRANSLATE_NOOP("PatientEntry", "Bending forwards"),
        "sitting": QT_TRANSLATE_NOOP("PatientEntry", "Sitting"),
        "coughing_sneezing": QT_TRANSLATE_NOOP("PatientEntry", "Coughing or sneezing"),
        "neck_movement": QT_TRANSLATE_NOOP("PatientEntry", "Moving the neck"),
    },
    "eased_by": {
        "sitting": QT_TRANSLATE_NOOP("PatientEntry", "Sitting down"),
        "bending_forward": QT_TRANSLATE_NOOP("PatientEntry", "Bending forwards"),
        "stopping_while_standing": QT_TRANSLATE_NOOP("PatientEntry", "Stopping and standing still"),
        "lying_down": QT_TRANSLATE_NOOP("PatientEntry", "Lying down"),
    },
}

#: Our own short answer scales for the questionnaires (the forms' statements are licensed).
SCALES: dict[str, tuple[str, ...]] = {
    "disability": (
        QT_TRANSLATE_NOOP("PatientEntry", "No trouble"),
        QT_TRANSLATE_NOOP("PatientEntry", "A little trouble"),
        QT_TRANSLATE_NOOP("PatientEntry", "Some trouble"),
        QT_TRANSLATE_NOOP("PatientEntry", "A lot of trouble"),
        QT_TRANSLATE_NOOP("PatientEntry", "Very much trouble"),
        QT_TRANSLATE_NOOP("PatientEntry", "As bad as it gets"),
    ),
    "zcq.symptom_severity": (
        QT_TRANSLATE_NOOP("PatientEntry", "None"),
        QT_TRANSLATE_NOOP("PatientEntry", "Mild"),
        QT_TRANSLATE_NOOP("PatientEntry", "Moderate"),
        QT_TRANSLATE_NOOP("PatientEntry", "Severe"),
        QT_TRANSLATE_NOOP("PatientEntry", "Very severe"),
    ),
    "zcq.balance": (
        QT_TRANSLATE_NOOP("PatientEntry", "No"),
        QT_TRANSLATE_NOOP("PatientEntry", "Sometimes"),
        QT_TRANSLATE_NOOP("PatientEntry", "Often"),
    ),
    "zcq.physical_function": (
        QT_TRANSLATE_NOOP("PatientEntry", "Easily"),
        QT_TRANSLATE_NOOP("PatientEntry", "With some difficulty"),
        QT_TRANSLATE_NOOP("PatientEntry", "With great difficulty"),
        QT_TRANSLATE_NOOP("PatientEntry", "Not at all"),
    ),
}
INSTRUCTIONS: dict[str, str] = {
    "odi": QT_TRANSLATE_NOOP(
        "PatientEntry", "How much does your back or leg trouble affect this, these days?"
    ),
    "ndi": QT_TRANSLATE_NOOP(
        "PatientEntry", "How much does your neck trouble affect this, these days?"
    ),
    "zcq.symptom_severity": QT_TRANSLATE_NOOP(
        "PatientEntry", "In the last month, how bad has this been?"
    ),
    "zcq.physical_function": QT_TRANSLATE_NOOP(
        "PatientEntry", "In the last month, how well could you do this?"
    ),
}
WORDS = (
    QT_TRANSLATE_NOOP("PatientEntry", "Yes"),
    QT_TRANSLATE_NOOP("PatientEntry", "No"),
    QT_TRANSLATE_NOOP("PatientEntry", "Not sure"),
    QT_TRANSLATE_NOOP("PatientEntry", "No pain"),
    QT_TRANSLATE_NOOP("PatientEntry", "Worst pain you can imagine"),
    QT_TRANSLATE_NOOP("PatientEntry", "Your questions"),
    QT_TRANSLATE_NOOP("PatientEntry", "Questions for %s"),
    QT_TRANSLATE_NOOP("PatientEntry", "Staff"),
    QT_TRANSLATE_NOOP("PatientEntry", "Staff only: leave the questions"),
    QT_TRANSLATE_NOOP("PatientEntry", "Back"),
    QT_TRANSLATE_NOOP("PatientEntry", "Next"),
    QT_TRANSLATE_NOOP("PatientEntry", "Start"),
    QT_TRANSLATE_NOOP("PatientEntry", "Finish"),
    QT_TRANSLATE_NOOP("PatientEntry", "Question %1 of %2"),
    QT_TRANSLATE_NOOP("PatientEntry", "Progress"),
    QT_TRANSLATE_NOOP("PatientEntry", "Body map"),
    QT_TRANSLATE_NOOP("PatientEntry", "Front view"),
    QT_TRANSLATE_NOOP("PatientEntry", "Back view"),
)


class PatientTexts:
    """The tablet's words in one language; ``t(text)`` translates one marked string."""

    def __init__(self, language: str | None) -> None:
        self.language = language if language in LANGUAGES else "en"
        self._translator: QTranslator | None = None
        if self.language != "en":
            from intake_desktop.resources import TRANSLATIONS_DIR

            translator = QTranslator()
            if translator.load(f"intake_desktop_{self.language}", str(TRANSLATIONS_DIR)):
                self._translator = translator

    def t(self, text: str, context: str = C) -> str:
        if self._translator is None:
            return text
        return self._translator.translate(context, text) or text

    def code(self, code: str) -> str:
        """A code's readable name (body sites) in the patient's language."""
        return self.t(english_labels.label(code), "codes")

    def question(self, question_id: str) -> str:
        return self.t(QUESTIONS[question_id])

    def choice(self, question_id: str, value: Any) -> str:
        return self.t(CHOICES[question_id][value])
