//! The keys on a shared device: each assessor's own, listed with its owner, backed up and
//! removed one by one, and who signs with which.

use super::Lang;

texts! { KeysTexts, KEYS_NL, KEYS_EN {
    heading: "Sleutels op dit apparaat", "Keys on this device";
    intro: "Op een gedeeld apparaat heeft elke beoordelaar een eigen sleutel. De app ondertekent met de sleutel van de beoordelaar die in het formulier staat.",
        "On a shared device every assessor has their own key. The app signs with the key of the assessor named in the form.";
    unnamed: "Sleutel zonder naam", "Key without a name";
    created: "gemaakt", "made";
    backup: "Back-up downloaden", "Download backup";
    remove: "Verwijderen", "Remove";
    remove_confirm: "Sleutel verwijderen", "Remove the key";
    remove_failed: "De sleutel kon niet worden verwijderd: de opslag van deze browser is uitgeschakeld of vol. De sleutel staat er nog.",
        "The key could not be removed: this browser's storage is disabled or full. The key is still there.";
    sign_as: "Ondertekenen als", "Sign as";
    key_row: "Sleutel", "Key";
}}

impl Lang {
    pub fn keys_texts(self) -> &'static KeysTexts {
        match self {
            Lang::Nl => &KEYS_NL,
            Lang::En => &KEYS_EN,
        }
    }

    /// A key's owner as the list names it; the key from before keys had owners has none.
    pub fn key_owner_name(self, owner: &str) -> String {
        if owner.is_empty() {
            self.keys_texts().unnamed.to_string()
        } else {
            self.key_owner(owner)
        }
    }

    /// Before the first signature of someone with no key on this device.
    pub fn key_new_for(self, name: &str) -> String {
        match self {
            Lang::Nl => format!("Er staat nog geen sleutel van {name} op dit apparaat. Je sleutel is je digitale handtekening: de app maakt er een voor {name} wanneer {name} voor het eerst ondertekent. Heeft {name} al een sleutel, kies dan ‘Ik heb al een sleutel’."),
            Lang::En => format!("There is no key of {name} on this device yet. Your key is your digital signature: the app makes one for {name} when {name} signs for the first time. If {name} already has a key, choose ‘I already have a key’."),
        }
    }

    /// The choice of key in the signing confirmation: a new one for the person named.
    pub fn sign_as_new(self, name: &str) -> String {
        match self {
            Lang::Nl => format!("{name}, met een nieuwe sleutel"),
            Lang::En => format!("{name}, with a new key"),
        }
    }

    /// Which key signs, as the signing confirmation names it.
    pub fn signing_key_used(self, owner: &str, fingerprint: &str) -> String {
        let owner = self.key_owner_name(owner);
        match self {
            Lang::Nl => format!("{owner}, vingerafdruk {fingerprint}"),
            Lang::En => format!("{owner}, fingerprint {fingerprint}"),
        }
    }

    /// The key signing would make, as the signing confirmation names it.
    pub fn signing_key_new(self, name: &str) -> String {
        match self {
            Lang::Nl => format!("een nieuwe sleutel van {name}, gemaakt bij het ondertekenen"),
            Lang::En => format!("a new key of {name}, made on signing"),
        }
    }

    /// An accessible name for a button of one key in the list.
    pub fn key_action(self, action: &str, owner: &str, fingerprint: &str) -> String {
        format!("{action}: {} ({fingerprint})", self.key_owner_name(owner))
    }

    pub fn key_remove_warning(self, owner: &str, fingerprint: &str) -> String {
        let owner = self.key_owner_name(owner);
        match self {
            Lang::Nl => format!("{owner} ({fingerprint}) van dit apparaat verwijderen? Records die ermee zijn ondertekend blijven geldig. Maar zonder back-up kan met deze sleutel nooit meer worden ondertekend."),
            Lang::En => format!("Remove {owner} ({fingerprint}) from this device? Records signed with it stay valid. But without a backup this key can never sign again."),
        }
    }

    /// On the hogeschool's page, the key that would sign stands in another person's name than
    /// the one typed (a browser profile shared by several people): said before signing, with the
    /// way to one's own key.
    pub fn key_of_other(self, owner: &str) -> String {
        match self {
            Lang::Nl => format!(
                "Let op: deze sleutel staat op naam van {owner}. Is dat niet jouw sleutel, \
                 onderteken er dan niet mee. Staat je eigen sleutel in deze browser, vul je naam \
                 dan in zoals bij die sleutel; anders kies je hieronder een nieuwe sleutel op je \
                 eigen naam."
            ),
            Lang::En => format!(
                "Note: this key is in the name of {owner}. If it is not your key, do not sign \
                 with it. If your own key is in this browser, type your name as it stands with \
                 that key; otherwise, choose a new key in your own name below."
            ),
        }
    }

    /// The choice beside that warning: a key of one's own, made and kept on signing.
    pub fn new_key_of_own(self, name: &str) -> String {
        match self {
            Lang::Nl => {
                format!("Een nieuwe sleutel op naam van {name} maken en daarmee ondertekenen")
            }
            Lang::En => format!("Make a new key in the name of {name} and sign with it"),
        }
    }

    /// What stands in the warning's place once that choice is made.
    pub fn new_key_of_own_chosen(self, name: &str, owner: &str) -> String {
        match self {
            Lang::Nl => format!(
                "Er wordt niet met de sleutel van {owner} ondertekend. Bij ondertekenen wordt een \
                 nieuwe sleutel op naam van {name} gemaakt en in deze browser bewaard; maak daarna \
                 een back-up in het formulier, onder Sleutels op dit apparaat."
            ),
            Lang::En => format!(
                "The key of {owner} will not sign. On signing, a new key in the name of {name} is \
                 made and kept in this browser; then make a backup in the form, under Keys on this device."
            ),
        }
    }
}
