//! The docent's trusted assessors, and what the verify view and the cohort say about a record's
//! signer (*uitgenodigd*, *vertrouwd*, *onbekende ondertekenaar*).

use super::Lang;
use crate::core::app::TrustedNotice;
use crate::core::credentials::standing::Standing;
use crate::core::credentials::trusted::TrustedListProblem;

texts! { TrustedTexts, TRUSTED_NL, TRUSTED_EN {
    heading: "Vertrouwde beoordelaars", "Trusted assessors";
    intro: "Beoordelaars van wie je de sleutel kent. Een record dat met een sleutel op deze lijst is ondertekend, heet hier vertrouwd. Een record van een onbekende sleutel blijft geldig, maar wordt gemarkeerd als onbekende ondertekenaar.",
        "Assessors whose key you know. A record signed with a key on this list is called trusted here. A record from an unknown key stays valid, but is flagged as an unknown signer.";
    empty: "Nog niemand op de lijst. Voeg een beoordelaar toe vanuit een gecontroleerd record, of importeer een lijst.",
        "Nobody on the list yet. Add an assessor from a verified record, or import a list.";
    caption: "Vertrouwde beoordelaars met de vingerafdruk van hun sleutel", "Trusted assessors with the fingerprint of their key";
    name: "Naam", "Name";
    organisation: "Organisatie", "Organisation";
    organisation_optional: "Organisatie (optioneel)", "Organisation (optional)";
    fingerprint: "Vingerafdruk", "Fingerprint";
    actions: "Acties", "Actions";
    remove: "Verwijderen", "Remove";
    change: "Wijzigen", "Change";
    save: "Opslaan", "Save";
    undo: "Ongedaan maken", "Undo";
    docent_name: "Jouw naam, zoals die op de geëxporteerde lijst staat", "Your name, as it stands on the exported list";
    export: "Lijst ondertekenen en exporteren", "Sign and export the list";
    export_hint: "De lijst wordt ondertekend met de sleutel van deze browser. Een collega importeert hem, of controleert records ermee op de opdrachtregel (verify-record --trusted).",
        "The list is signed with this browser's key. A colleague imports it, or checks records with it on the command line (verify-record --trusted).";
    import: "Lijst importeren", "Import a list";
    import_hint: "Een ondertekende lijst van een collega (of van jezelf op een ander apparaat): beoordelaars die nog niet op je lijst staan, worden toegevoegd.",
        "A signed list from a colleague (or from yourself on another device): assessors not yet on your list are added.";
    add: "Toevoegen aan vertrouwde beoordelaars", "Add to trusted assessors";
    confirm_heading: "Vingerafdruk bevestigen", "Confirm the fingerprint";
    confirm_text: "Bel de beoordelaar en laat de vingerafdruk voorlezen die hun app toont onder Ondertekenen en exporteren. Voeg de sleutel alleen toe als elk teken klopt:",
        "Call the assessor and have them read out the fingerprint their app shows under Sign and export. Add the key only if every character matches:";
    confirm_add: "Vingerafdruk klopt: toevoegen", "Fingerprint matches: add";
    cancel: "Annuleren", "Cancel";
    name_needed: "Vul de naam in waaronder je deze beoordelaar kent.", "Fill in the name you know this assessor by.";
    standing: "Ondertekenaar bekend?", "Signer known?";
    invited: "uitgenodigd", "invited";
    trusted: "vertrouwd", "trusted";
    unknown: "onbekende ondertekenaar", "unknown signer";
    invited_detail: "Dit record beantwoordt een uitnodiging die jij hebt gestuurd.", "This record answers an invitation you sent.";
    unknown_detail: "Deze sleutel staat niet op je lijst van vertrouwde beoordelaars en beantwoordt geen uitnodiging van jou. Het record is wel geldig: vraag de beoordelaar of de sleutel van hen is, en vergelijk de vingerafdruk.",
        "This key is not on your list of trusted assessors and answers no invitation of yours. The record is valid all the same: ask the assessor whether the key is theirs, and compare the fingerprint.";
    signer_column: "Ondertekenaar", "Signer";
    kept_failed: "De lijst kan in deze browser niet worden bewaard. Exporteer hem, zodat je hem niet kwijtraakt.",
        "The list cannot be kept in this browser. Export it, so that you do not lose it.";
    kept_unreadable: "De opgeslagen lijst van vertrouwde beoordelaars kan niet worden gelezen. Wijzigingen worden pas bewaard als je hem hebt vervangen; download hem eerst als je hem wilt houden.",
        "The stored list of trusted assessors cannot be read. Changes are kept only once you have replaced it; download it first if you want to keep it.";
    download_unreadable: "Onleesbare lijst downloaden", "Download the unreadable list";
    replace_unreadable: "Vervangen door de lijst hieronder", "Replace it with the list below";
}}

impl Lang {
    pub fn trusted_texts(self) -> &'static TrustedTexts {
        match self {
            Lang::Nl => &TRUSTED_NL,
            Lang::En => &TRUSTED_EN,
        }
    }

    /// The standing in a few words: "vertrouwd: Karim Haddou (Buurtwerk Noord)", "uitgenodigd",
    /// "onbekende ondertekenaar", or both first ones joined.
    pub fn standing_label(self, standing: &Standing) -> String {
        let t = self.trusted_texts();
        let mut parts = Vec::new();
        if standing.invited {
            parts.push(t.invited.to_string());
        }
        if let Some(trusted) = &standing.trusted {
            let mut label = format!("{}: {}", t.trusted, trusted.name);
            if let Some(organisation) = &trusted.organisation {
                label.push_str(&format!(" ({organisation})"));
            }
            parts.push(label);
        }
        if parts.is_empty() {
            parts.push(t.unknown.to_string());
        }
        parts.join(" · ")
    }

    /// The cohort's signer cell and CSV field: the name the docent knows the signer by (else the
    /// record's), and the standing.
    pub fn signer_cell(self, record_name: &str, standing: &Standing) -> String {
        let t = self.trusted_texts();
        let name = standing.trusted.as_ref().map_or(record_name, |t| t.name.as_str());
        let mut words = Vec::new();
        if standing.invited {
            words.push(t.invited);
        }
        if standing.trusted.is_some() {
            words.push(t.trusted);
        }
        if words.is_empty() {
            words.push(t.unknown);
        }
        let words = words.join(", ");
        if name.trim().is_empty() {
            words
        } else {
            format!("{name} ({words})")
        }
    }

    pub fn change_assessor_label(self, name: &str) -> String {
        match self {
            Lang::Nl => format!("Naam of organisatie van {name} wijzigen"),
            Lang::En => format!("Change the name or organisation of {name}"),
        }
    }

    pub fn remove_assessor_label(self, name: &str) -> String {
        match self {
            Lang::Nl => format!("{name} verwijderen"),
            Lang::En => format!("Remove {name}"),
        }
    }

    pub fn trusted_notice(self, notice: &TrustedNotice) -> String {
        use TrustedNotice as N;
        match (notice, self) {
            (N::Added(name), Lang::Nl) => format!("{name} staat nu op je lijst van vertrouwde beoordelaars."),
            (N::Added(name), Lang::En) => format!("{name} is now on your list of trusted assessors."),
            (N::AlreadyListed(name), Lang::Nl) => format!("De sleutel van {name} staat al op je lijst."),
            (N::AlreadyListed(name), Lang::En) => format!("The key of {name} is already on your list."),
            (N::Removed(name), Lang::Nl) => format!("{name} is van de lijst verwijderd. Records die deze sleutel al ondertekende, blijven geldig; ze heten nu onbekende ondertekenaar."),
            (N::Removed(name), Lang::En) => format!("{name} was removed from the list. Records this key already signed stay valid; they now show an unknown signer."),
            (N::Changed(name), Lang::Nl) => format!("Gewijzigd: {name}. De sleutel is dezelfde gebleven."),
            (N::Changed(name), Lang::En) => format!("Changed: {name}. The key stays the same."),
            (N::Imported { added, already, by }, Lang::Nl) => format!("Lijst van {by} geïmporteerd: {added} toegevoegd, {already} stond(en) er al op."),
            (N::Imported { added, already, by }, Lang::En) => format!("List of {by} imported: {added} added, {already} already on your list."),
            (N::ImportRefused(problem), Lang::Nl) => format!("Deze lijst is niet geïmporteerd en er is niets veranderd: {}", self.trusted_problem(problem)),
            (N::ImportRefused(problem), Lang::En) => format!("This list was not imported and nothing changed: {}", self.trusted_problem(problem)),
            (N::FileUnreadable, Lang::Nl) => "Het bestand kon niet worden gelezen; er is niets veranderd.".into(),
            (N::FileUnreadable, Lang::En) => "The file could not be read; nothing changed.".into(),
            (N::FileTooLarge, Lang::Nl) => "Het bestand is te groot voor een lijst van vertrouwde beoordelaars; er is niets veranderd.".into(),
            (N::FileTooLarge, Lang::En) => "The file is too large for a list of trusted assessors; nothing changed.".into(),
            (N::Exported(name), Lang::Nl) => format!("De ondertekende lijst is gedownload als {name}."),
            (N::Exported(name), Lang::En) => format!("The signed list was downloaded as {name}."),
            (N::ExportFailed, Lang::Nl) => "De lijst kon niet als bestand worden aangeboden. Probeer het opnieuw.".into(),
            (N::ExportFailed, Lang::En) => "The list could not be offered as a file. Try again.".into(),
            (N::NeedsDocentName, Lang::Nl) => "Vul eerst je naam in: de lijst staat op jouw naam.".into(),
            (N::NeedsDocentName, Lang::En) => "Fill in your name first: the list is in your name.".into(),
            (N::KeyUnreadable, Lang::Nl) => "De sleutel van deze browser kan niet worden gelezen, dus de lijst kan niet worden ondertekend. Importeer je sleutel bij Ondertekenen en exporteren.".into(),
            (N::KeyUnreadable, Lang::En) => "This browser's key cannot be read, so the list cannot be signed. Import your key under Sign and export.".into(),
            (N::KeyNotKept, Lang::Nl) => "Deze browser kan geen sleutel bewaren, dus de lijst kan niet worden ondertekend.".into(),
            (N::KeyNotKept, Lang::En) => "This browser cannot keep a key, so the list cannot be signed.".into(),
            (N::NoRandomSource, Lang::Nl) => "Deze browser kan geen veilige sleutel maken.".into(),
            (N::NoRandomSource, Lang::En) => "This browser cannot make a secure key.".into(),
        }
    }

    /// Why a list file is refused, in words a docent can act on, with the detail after it.
    pub fn trusted_problem(self, problem: &TrustedListProblem) -> String {
        use crate::core::credentials::CredentialProblem as C;
        use TrustedListProblem as P;
        let plain = match (problem, self) {
            (P::Json(_), Lang::Nl) => {
                "het bestand is geen leesbare lijst (beschadigd of onvolledig)."
            }
            (P::Json(_), Lang::En) => "the file is not a readable list (damaged or incomplete).",
            (P::Credential(C::Signature(_)), Lang::Nl) => {
                "de lijst is na het ondertekenen veranderd of de handtekening klopt niet."
            }
            (P::Credential(C::Signature(_)), Lang::En) => {
                "the list was changed after it was signed, or its signature does not match."
            }
            (P::Credential(C::WrongType { .. } | C::WrongContext | C::NotAnObject), Lang::Nl) => {
                "dit is geen lijst van vertrouwde beoordelaars."
            }
            (P::Credential(C::WrongType { .. } | C::WrongContext | C::NotAnObject), Lang::En) => {
                "this is not a list of trusted assessors."
            }
            (_, Lang::Nl) => {
                "de lijst klopt niet met de regels voor een lijst van vertrouwde beoordelaars."
            }
            (_, Lang::En) => "the list does not follow the rules for a list of trusted assessors.",
        };
        format!("{plain} ({problem})")
    }
}
