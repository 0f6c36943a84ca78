//! Invitations: the docent's form, the link and the mail, the banner an assessor sees on opening
//! one, and why one is refused.

use crate::core::app::InviteFailure;
use crate::core::assessment::Mode;
use crate::core::credentials::invitation::{
    InvitationField, InvitationInputProblem, InvitationProblem, SignedInvitation, MAX_FIELD_CHARS,
};

use super::{local_time, Lang};
use crate::core::zone::Zone;

texts! { InviteTexts, INVITE_NL, INVITE_EN {
    nav: "Uitnodigen", "Invite";
    heading: "Een praktijkbeoordelaar uitnodigen", "Invite a practice assessor";
    intro: "Maak een ondertekende uitnodiging om één student te beoordelen. De beoordelaar opent de link; de app vult dan de student, het kader, de modus en de naam van de beoordelaar in en zet ze vast. Het record dat de beoordelaar ondertekent, noemt deze uitnodiging, zodat je het herkent. De uitnodiging staat alleen in de link en gaat niet via een server.",
        "Make a signed invitation to assess one student. The assessor opens the link; the app then fills in the student, the framework, the mode and the assessor's name and fixes them. The record the assessor signs names this invitation, so that you recognise it. The invitation is only in the link and does not pass through a server.";
    framework: "Beoordelingskader (het kader dat nu in gebruik is)", "Framework (the one now in use)";
    mode_legend: "Wie beoordeelt", "Who assesses";
    sign: "Uitnodiging ondertekenen", "Sign the invitation";
    fix_first: "Vul eerst aan wat hierboven gemarkeerd is.", "First complete what is marked above.";
    made_heading: "De uitnodiging is ondertekend", "The invitation is signed";
    link_label: "Link voor de beoordelaar", "Link for the assessor";
    link_hint: "Stuur deze link aan de beoordelaar. Wie de link heeft, kan de uitnodiging openen; ze is geldig tot en met de inleverdatum.",
        "Send this link to the assessor. Whoever has the link can open the invitation; it is valid up to and including the due date.";
    self_link_label: "Link voor de student", "Link for the student";
    self_link_hint: "Stuur deze link aan de student. Wie de link heeft, kan de uitnodiging openen; ze is geldig tot en met de inleverdatum.",
        "Send this link to the student. Whoever has the link can open the invitation; it is valid up to and including the due date.";
    copy: "Kopiëren", "Copy";
    copied: "De link is gekopieerd.", "The link has been copied.";
    copy_failed: "Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.", "Copying did not work. Select the link and copy it yourself.";
    mail: "Mail openen", "Open mail";
    long_link: "Deze link is langer dan 2000 tekens; sommige mailprogramma's knippen zo'n link af. Plak hem in zijn geheel, of maak de uitnodiging opnieuw met kortere teksten.",
        "This link is longer than 2,000 characters; some mail programs cut such a link short. Paste it whole, or make the invitation again with shorter texts.";
    another: "Nog een uitnodiging maken", "Make another invitation";
    sent_heading: "Verstuurde uitnodigingen", "Invitations sent";
    sent_hint: "Deze browser bewaart wat je ondertekend hebt, zodat een record later aan zijn uitnodiging gekoppeld kan worden.",
        "This browser keeps what you signed, so that a record can later be matched to its invitation.";
    sent_none: "Nog geen uitnodigingen verstuurd vanuit deze browser.", "No invitations sent from this browser yet.";
    sent_student: "Student", "Student";
    sent_assessor: "Beoordelaar", "Assessor";
    sent_due: "Inleveren vóór", "Due";
    sent_made: "Gemaakt", "Made";
    optional: "(optioneel)", "(optional)";
    host_origin_hint: "Alleen als de beoordelaar de app in een pagina van de leeromgeving opent, bijvoorbeeld https://elo.hogeschool.nl. Die pagina krijgt dan het ondertekende record.",
        "Only when the assessor opens the app in a page of the learning environment, for example https://elo.hogeschool.nl. That page then receives the signed record.";
    locked_note: "Vastgelegd in de uitnodiging van de docent.", "Set by the docent's invitation.";
    dismiss: "Sluiten", "Close";
    refused_heading: "Deze uitnodiging is niet geopend", "This invitation was not opened";
    nothing_changed: "Er is niets veranderd aan wat in deze browser bewaard is.", "Nothing kept in this browser has changed.";
}}

impl Lang {
    pub fn invite_texts(self) -> &'static InviteTexts {
        match self {
            Lang::Nl => &INVITE_NL,
            Lang::En => &INVITE_EN,
        }
    }

    pub fn invite_label(self, field: InvitationField) -> &'static str {
        match (field, self) {
            (InvitationField::DocentName, Lang::Nl) => "Jouw naam (docent)",
            (InvitationField::DocentName, Lang::En) => "Your name (docent)",
            (InvitationField::StudentName, Lang::Nl) => "Naam student",
            (InvitationField::StudentName, Lang::En) => "Student name",
            (InvitationField::StudentNumber, Lang::Nl) => "Studentnummer",
            (InvitationField::StudentNumber, Lang::En) => "Student number",
            (InvitationField::AssessorName, Lang::Nl) => "Naam beoordelaar",
            (InvitationField::AssessorName, Lang::En) => "Assessor's name",
            (InvitationField::AssessorEmail, Lang::Nl) => "E-mailadres beoordelaar",
            (InvitationField::AssessorEmail, Lang::En) => "Assessor's e-mail address",
            (InvitationField::DueDate, Lang::Nl) => "Inleveren vóór (t/m)",
            (InvitationField::DueDate, Lang::En) => "Due by (inclusive)",
            (InvitationField::HostOrigin, Lang::Nl) => "Adres van de leeromgeving (ELO)",
            (InvitationField::HostOrigin, Lang::En) => "Address of the learning environment",
        }
    }

    /// A field's label for an invitation in `mode`: a student invited to assess themselves is
    /// mailed at their own address.
    pub fn invite_label_for(self, field: InvitationField, mode: Mode) -> &'static str {
        match (field, mode, self) {
            (InvitationField::AssessorEmail, Mode::SelfAssessment, Lang::Nl) => {
                "E-mailadres student"
            }
            (InvitationField::AssessorEmail, Mode::SelfAssessment, Lang::En) => {
                "Student's e-mail address"
            }
            _ => self.invite_label(field),
        }
    }

    pub fn invite_problem(self, problem: InvitationInputProblem) -> String {
        match (problem, self) {
            (InvitationInputProblem::Empty(_), Lang::Nl) => "Vul dit in.".into(),
            (InvitationInputProblem::Empty(_), Lang::En) => "Fill this in.".into(),
            (InvitationInputProblem::TooLong(_), Lang::Nl) => {
                format!("Dit is te lang: hooguit {MAX_FIELD_CHARS} tekens.")
            }
            (InvitationInputProblem::TooLong(_), Lang::En) => {
                format!("This is too long: {MAX_FIELD_CHARS} characters at most.")
            }
            (InvitationInputProblem::NotAnEmail, Lang::Nl) => {
                "Dit is geen e-mailadres, zoals naam@organisatie.nl.".into()
            }
            (InvitationInputProblem::NotAnEmail, Lang::En) => {
                "This is not an e-mail address, such as name@organisation.nl.".into()
            }
            (InvitationInputProblem::NotADate, Lang::Nl) => "Kies een bestaande datum.".into(),
            (InvitationInputProblem::NotADate, Lang::En) => "Choose a date that exists.".into(),
            (InvitationInputProblem::DueDatePassed, Lang::Nl) => {
                "Deze datum is al voorbij; kies vandaag of later.".into()
            }
            (InvitationInputProblem::DueDatePassed, Lang::En) => {
                "This date has passed; choose today or later.".into()
            }
            (InvitationInputProblem::NotAnOrigin, Lang::Nl) => {
                "Alleen https:// en de domeinnaam, zonder pad, zoals https://elo.hogeschool.nl."
                    .into()
            }
            (InvitationInputProblem::NotAnOrigin, Lang::En) => {
                "Only https:// and the domain name, without a path, such as https://elo.hogeschool.nl."
                    .into()
            }
        }
    }

    /// Beside the framework of the docent's form, when it was opened from a file (only the
    /// hogeschool's page makes invitations, so this is no part of the form's texts).
    pub fn invite_framework_from_file(self) -> &'static str {
        match self {
            Lang::Nl => "Dit kader is uit een bestand op deze computer geopend. Een uitnodiging kan alleen voor een ingebouwd kader, of voor een kader dat de link van deze pagina met een webadres noemt.",
            Lang::En => "This framework was opened from a file on this computer. An invitation can only be for a built-in framework, or for one this page's link names by a web address.",
        }
    }

    pub fn invite_failure(self, failure: InviteFailure) -> &'static str {
        match (failure, self) {
            (InviteFailure::KeyUnreadable, Lang::Nl) => "De ondertekensleutel in deze browser is onleesbaar. Zet een back-up van je sleutel terug op het scherm Beoordelen.",
            (InviteFailure::KeyUnreadable, Lang::En) => "The signing key in this browser is unreadable. Restore a backup of your key on the Assess screen.",
            (InviteFailure::KeyNotKept, Lang::Nl) => "Deze browser kan geen sleutel bewaren (opslag uit of vol). Zonder bewaarde sleutel kun je niet ondertekenen.",
            (InviteFailure::KeyNotKept, Lang::En) => "This browser cannot keep a key (storage off or full). Without a kept key you cannot sign.",
            (InviteFailure::NoRandomSource, Lang::Nl) => "Deze browser heeft geen veilige bron van toeval; gebruik een recente browser.",
            (InviteFailure::NoRandomSource, Lang::En) => "This browser has no secure random source; use a recent browser.",
            (InviteFailure::NotSigned, Lang::Nl) => "Ondertekenen lukte niet. Controleer de ingevulde gegevens en probeer het opnieuw.",
            (InviteFailure::NotSigned, Lang::En) => "Signing did not work. Check the details entered and try again.",
            (InviteFailure::NotKept, Lang::Nl) => "De uitnodiging is ondertekend, maar deze browser kon haar niet bewaren in de lijst van verstuurde uitnodigingen (opslag uit of vol). De link werkt wel; bewaar hem zelf.",
            (InviteFailure::NotKept, Lang::En) => "The invitation is signed, but this browser could not keep it in the list of invitations sent (storage off or full). The link works; keep it yourself.",
            (InviteFailure::FrameworkFromFile, Lang::Nl) => "Deze uitnodiging is niet ondertekend: de praktijkbeoordelaar heeft het bestand van dit kader niet en zou haar niet kunnen openen. Gebruik een ingebouwd kader, of zet het bestand op een webadres en open deze pagina met een link die dat adres noemt (hogeschool.html?framework=adres); de uitnodiging noemt het adres dan ook.",
            (InviteFailure::FrameworkFromFile, Lang::En) => "This invitation was not signed: the practice assessor does not have this framework's file and could not open it. Use a built-in framework, or put the file at a web address and open this page with a link that names that address (hogeschool.html?framework=address); the invitation then names the address too.",
        }
    }

    /// "Uitnodiging van Jan de Vries (7KQ2-M9XD-4HPA) om Sanne te beoordelen voor Leeruitkomsten
    /// opbouwwerk, vóór 2026-12-29"
    pub fn invitation_banner(self, invitation: &SignedInvitation, framework: &str) -> String {
        let i = &invitation.invitation;
        let (docent, key, student, due) =
            (&invitation.issuer_name, invitation.fingerprint(), &i.student_name, &i.due_date);
        match (self, i.mode) {
            (Lang::Nl, Mode::Assessor) => format!(
                "Uitnodiging van {docent} ({key}) om {student} te beoordelen voor {framework}, vóór {due}."
            ),
            (Lang::Nl, Mode::SelfAssessment) => format!(
                "Uitnodiging van {docent} ({key}) aan {student} voor een zelfbeoordeling voor {framework}, vóór {due}."
            ),
            (Lang::En, Mode::Assessor) => format!(
                "Invitation from {docent} ({key}) to assess {student} for {framework}, by {due}."
            ),
            (Lang::En, Mode::SelfAssessment) => format!(
                "Invitation from {docent} ({key}) to {student} for a self-assessment for {framework}, by {due}."
            ),
        }
    }

    /// "Uitnodiging van Jan de Vries" beside the signature.
    pub fn invited_by(self, docent: &str) -> String {
        match self {
            Lang::Nl => format!("Uitnodiging van {docent}"),
            Lang::En => format!("Invitation from {docent}"),
        }
    }

    pub fn invitation_problem(self, problem: &InvitationProblem, zone: &Zone) -> String {
        match (problem, self) {
            (InvitationProblem::Damaged, Lang::Nl) => "De link is beschadigd of onvolledig (soms knipt een mailprogramma een lange link af). Open de link opnieuw vanuit de mail, of vraag de docent hem nog eens te sturen.".into(),
            (InvitationProblem::Damaged, Lang::En) => "The link is damaged or incomplete (a mail program sometimes cuts a long link short). Open the link again from the mail, or ask the docent to send it again.".into(),
            (InvitationProblem::NotAnInvitation, Lang::Nl) => "De link bevat geen uitnodiging om te beoordelen.".into(),
            (InvitationProblem::NotAnInvitation, Lang::En) => "The link holds no invitation to assess.".into(),
            (InvitationProblem::Changed, Lang::Nl) => "De uitnodiging is na het ondertekenen veranderd. Gebruik alleen de link die de docent zelf stuurde, of vraag om een nieuwe.".into(),
            (InvitationProblem::Changed, Lang::En) => "The invitation was changed after it was signed. Use only the link the docent sent, or ask for a new one.".into(),
            (InvitationProblem::ForeignKey { .. }, Lang::Nl) => "De uitnodiging is ondertekend met een andere sleutel dan die van de docent die ze noemt. Vertrouw deze link niet en vraag de docent om een nieuwe.".into(),
            (InvitationProblem::ForeignKey { .. }, Lang::En) => "The invitation was signed with another key than that of the docent it names. Do not trust this link; ask the docent for a new one.".into(),
            (InvitationProblem::Expired { valid_until }, Lang::Nl) => format!("De uitnodiging is verlopen (geldig tot {}). Vraag de docent om een nieuwe.", local_time(valid_until, zone)),
            (InvitationProblem::Expired { valid_until }, Lang::En) => format!("The invitation has expired (valid until {}). Ask the docent for a new one.", local_time(valid_until, zone)),
            (InvitationProblem::NotYetValid { valid_from }, Lang::Nl) => format!("De uitnodiging is pas geldig vanaf {}. Klopt de klok van dit apparaat?", local_time(valid_from, zone)),
            (InvitationProblem::NotYetValid { valid_from }, Lang::En) => format!("The invitation is only valid from {}. Is this device's clock right?", local_time(valid_from, zone)),
            (InvitationProblem::UnknownFramework { id, version }, Lang::Nl) => format!("De uitnodiging noemt het beoordelingskader {id} (versie {version}), dat deze app niet heeft. Vraag de docent welk kader bedoeld is, of gebruik een nieuwere versie van de app."),
            (InvitationProblem::UnknownFramework { id, version }, Lang::En) => format!("The invitation names the framework {id} (version {version}), which this app does not have. Ask the docent which framework is meant, or use a newer version of the app."),
            (InvitationProblem::NoEd25519, Lang::Nl) => "Deze browser kan de handtekening van de uitnodiging niet controleren: hij kent Ed25519 niet. Werk hem bij (Chrome of Edge 137, Firefox 129, Safari 17 of nieuwer) of open de link in een andere browser.".into(),
            (InvitationProblem::NoEd25519, Lang::En) => "This browser cannot check the invitation's signature: it does not know Ed25519. Update it (Chrome or Edge 137, Firefox 129, Safari 17 or newer) or open the link in another browser.".into(),
        }
    }

    /// The mail's subject and body, with the link.
    pub fn invitation_mail(self, made: &SignedInvitation, link: &str) -> (String, String) {
        let i = &made.invitation;
        let (docent, student, due) = (&made.issuer_name, &i.student_name, &i.due_date);
        let key = made.fingerprint();
        match (self, i.mode) {
            (Lang::Nl, Mode::SelfAssessment) => (
                format!("Uitnodiging: zelfbeoordeling, {student}"),
                format!("Beste {student},\n\nIk nodig je uit om jezelf te beoordelen, vóór {due}. Open deze link in je browser; de app vult je gegevens in:\n\n{link}\n\nDe uitnodiging is ondertekend met mijn sleutel {key}. Alles blijft in je browser.\n\nMet vriendelijke groet,\n{docent}"),
            ),
            (Lang::En, Mode::SelfAssessment) => (
                format!("Invitation: self-assessment, {student}"),
                format!("Dear {student},\n\nI invite you to assess yourself, by {due}. Open this link in your browser; the app fills in your details:\n\n{link}\n\nThe invitation is signed with my key {key}. Everything stays in your browser.\n\nKind regards,\n{docent}"),
            ),
            (Lang::Nl, Mode::Assessor) => (
                format!("Uitnodiging: beoordeling van {student}"),
                format!("Beste {},\n\nIk nodig je uit om {student} ({}) te beoordelen, vóór {due}. Open deze link in je browser; de app vult de gegevens in:\n\n{link}\n\nDe uitnodiging is ondertekend met mijn sleutel {key}. Alles blijft in je browser.\n\nMet vriendelijke groet,\n{docent}", i.assessor_name, i.student_number),
            ),
            (Lang::En, Mode::Assessor) => (
                format!("Invitation: assessment of {student}"),
                format!("Dear {},\n\nI invite you to assess {student} ({}), by {due}. Open this link in your browser; the app fills in the details:\n\n{link}\n\nThe invitation is signed with my key {key}. Everything stays in your browser.\n\nKind regards,\n{docent}", i.assessor_name, i.student_number),
            ),
        }
    }
}
