//! The self-assessment: the form speaks to the student, who signs with their own key.

use crate::core::assessment::{MetadataField, Mode};

use super::Lang;

texts! { SelfTexts, SELF_NL, SELF_EN {
    metadata_heading: "Je zelfbeoordeling", "Your self-assessment";
    metadata_hint: "Je beoordeelt jezelf. Met je studentnummer kan je beoordelaar dit naast de eigen beoordeling leggen. Alles blijft in deze browser.",
        "You assess yourself. With your student number your assessor can compare this with their assessment. Everything stays in this browser.";
    student_name: "Je naam", "Your name";
    student_number: "Je studentnummer", "Your student number";
    organisation: "Organisatie van je stage", "Your placement organisation";
    sign_intro: "Na ondertekenen is je zelfbeoordeling definitief. Je ondertekent met de sleutel van deze browser: je eigen sleutel, niet die van je beoordelaar. Het JSON-bestand geef je aan je beoordelaar.",
        "Once signed, your self-assessment is final. You sign with this browser's key: your own, not your assessor's. You give the JSON file to your assessor.";
    signed_by_student: "ingevuld en ondertekend door de student zelf", "filled in and signed by the student";
    feedback_label: "Wat wil je over deze leeruitkomst zeggen?", "What would you like to say about this learning outcome?";
    feedback_read: "Toelichting van de student", "The student's explanation";
}}

impl Lang {
    pub fn self_texts(self) -> &'static SelfTexts {
        match self {
            Lang::Nl => &SELF_NL,
            Lang::En => &SELF_EN,
        }
    }

    /// The label of the text field under a learning outcome: an assessor gives feedback, a student
    /// scoring themselves is asked what they want to say.
    pub fn feedback_label(self, mode: Mode) -> &'static str {
        match mode {
            Mode::Assessor => self.form_texts().feedback_label,
            Mode::SelfAssessment => self.self_texts().feedback_label,
        }
    }

    /// The same text as a reader of the record sees it: a self-assessment's is the student's.
    pub fn feedback_heading(self, mode: Mode) -> &'static str {
        match mode {
            Mode::Assessor => self.form_texts().feedback_label,
            Mode::SelfAssessment => self.self_texts().feedback_read,
        }
    }

    /// The form's label of a field: in a self-assessment it speaks to the student.
    pub fn form_label(self, field: MetadataField, mode: Mode) -> &'static str {
        let s = self.self_texts();
        match (mode, field) {
            (Mode::SelfAssessment, MetadataField::StudentName) => s.student_name,
            (Mode::SelfAssessment, MetadataField::StudentNumber) => s.student_number,
            (Mode::SelfAssessment, MetadataField::Organisation) => s.organisation,
            _ => self.metadata_label(field),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_self_assessment_speaks_to_the_student() {
        let label = |lang: Lang, field, mode| lang.form_label(field, mode);
        assert_eq!(label(Lang::Nl, MetadataField::StudentName, Mode::SelfAssessment), "Je naam");
        assert_eq!(label(Lang::Nl, MetadataField::StudentName, Mode::Assessor), "Naam student");
        assert_eq!(label(Lang::En, MetadataField::Date, Mode::SelfAssessment), "Date");
        assert_eq!(Lang::Nl.feedback_label(Mode::Assessor), "Feedback op deze leeruitkomst");
        assert_eq!(
            Lang::Nl.feedback_label(Mode::SelfAssessment),
            "Wat wil je over deze leeruitkomst zeggen?"
        );
        assert_eq!(Lang::Nl.feedback_heading(Mode::SelfAssessment), "Toelichting van de student");
    }
}
