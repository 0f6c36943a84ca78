//! The keys on this device, each named after its owner: a shared team tablet signs every
//! assessor's records with that assessor's own key.
//!
//! Stored as one JSON document holding each key's own key file, so that a key taken out of the
//! ring is byte for byte the backup the single-key version wrote.

use serde_json::{json, Value};

use crate::core::case;
use crate::core::crypto::jcs;
use crate::core::crypto::signing_key::SigningKey;
use crate::core::json;

pub const KEY_RING_TYPE: &str = "LeeruitkomstenKeyRing";
const KEY_RING_VERSION: u64 = 1;
/// Far above any real team (a key file is under 1 kB); what is larger is not a ring of ours.
const MAX_KEY_RING_BYTES: usize = 512 * 1024;

/// A key and the person whose it is. The owner is empty for the key kept before keys had owners.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnedKey {
    pub owner: String,
    pub key: SigningKey,
}

/// Why stored keys cannot be read; nothing is written over them then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyRingError {
    NotJson,
    NotAKeyRing,
    /// The entry at this place is not a readable key.
    Entry(usize),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyRing {
    keys: Vec<OwnedKey>,
}

/// Names are matched as people type them: case (of Latin letters, `core::case`), surrounding and
/// doubled spaces do not count.
pub(super) fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| s.split_whitespace().map(case::lowercase).collect::<Vec<_>>();
    let a = words(a);
    !a.is_empty() && a == words(b)
}

impl OwnedKey {
    /// Named after someone other than `name`: signing with it as `name` would put that person's
    /// key under their words. A key without an owner belongs to no one else.
    pub fn belongs_to_other(&self, name: &str) -> bool {
        !self.owner.trim().is_empty() && !same_name(&self.owner, name)
    }
}

impl KeyRing {
    /// The single key the version before kept: it becomes the first entry, without an owner.
    pub fn migrated(key: SigningKey) -> KeyRing {
        KeyRing { keys: vec![OwnedKey { owner: String::new(), key }] }
    }

    pub fn keys(&self) -> &[OwnedKey] {
        &self.keys
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn first(&self) -> Option<&SigningKey> {
        self.keys.first().map(|owned| &owned.key)
    }

    /// The key of the person named so, if this device has one; of two, the one added last
    /// (a key imported from one's own backup takes over from one made here before).
    pub fn for_owner(&self, name: &str) -> Option<&OwnedKey> {
        self.keys.iter().rev().find(|owned| same_name(&owned.owner, name))
    }

    /// The key kept from before keys had owners, if it has not been named yet.
    pub fn for_owner_unnamed(&self) -> Option<&OwnedKey> {
        self.keys.iter().find(|owned| owned.owner.is_empty())
    }

    pub fn by_did(&self, did: &str) -> Option<&OwnedKey> {
        self.keys.iter().find(|owned| owned.key.did() == did)
    }

    /// Adds a key; a key already here (the same did) is not added twice, but gets the owner's
    /// name if it had none. Whether it was new.
    pub fn add(&mut self, owner: &str, key: SigningKey) -> bool {
        let owner = owner.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(kept) = self.keys.iter_mut().find(|owned| owned.key.did() == key.did()) {
            if kept.owner.is_empty() {
                kept.owner = owner;
            }
            return false;
        }
        self.keys.push(OwnedKey { owner, key });
        true
    }

    /// Takes the key with this did out; whether there was one.
    pub fn remove(&mut self, did: &str) -> bool {
        let before = self.keys.len();
        self.keys.retain(|owned| owned.key.did() != did);
        self.keys.len() != before
    }

    /// The stored form: each key as its own key file text. Written with the canonical JSON writer
    /// the record needs anyway (no second serializer in the form's bundle); `None` if it cannot
    /// be written, and then nothing is stored.
    pub fn to_json(&self) -> Option<String> {
        let keys: Vec<Value> = self
            .keys
            .iter()
            .map(|owned| json!({ "owner": owned.owner, "keyFile": owned.key.to_file_json() }))
            .collect();
        let ring = json!({ "type": KEY_RING_TYPE, "version": KEY_RING_VERSION, "keys": keys });
        jcs::canonicalize(&ring).ok()
    }

    /// Reads the stored form, each key file with `read_key` (the pages check keys differently).
    /// Anything unexpected refuses the whole ring, so that no key is dropped by a later write.
    pub fn from_json(
        text: &str,
        read_key: impl Fn(&str) -> Option<SigningKey>,
    ) -> Result<KeyRing, KeyRingError> {
        let value = json::parse(text, MAX_KEY_RING_BYTES).map_err(|_| KeyRingError::NotJson)?;
        if value.get("type").and_then(Value::as_str) != Some(KEY_RING_TYPE)
            || value.get("version").and_then(Value::as_u64) != Some(KEY_RING_VERSION)
        {
            return Err(KeyRingError::NotAKeyRing);
        }
        let entries =
            value.get("keys").and_then(Value::as_array).ok_or(KeyRingError::NotAKeyRing)?;
        let mut ring = KeyRing::default();
        for (at, entry) in entries.iter().enumerate() {
            let owner = entry.get("owner").and_then(Value::as_str);
            let key = entry.get("keyFile").and_then(Value::as_str).and_then(&read_key);
            match (owner, key) {
                (Some(owner), Some(key)) => {
                    ring.add(owner, key);
                }
                _ => return Err(KeyRingError::Entry(at)),
            }
        }
        Ok(ring)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CREATED: &str = "2026-12-06T09:00:00Z";

    fn key(byte: u8) -> SigningKey {
        SigningKey::from_seed([byte; 32], CREATED)
    }

    fn read(text: &str) -> Option<SigningKey> {
        SigningKey::from_file_json(text).ok()
    }

    #[test]
    fn keys_are_found_by_their_owners_name_as_typed() {
        let mut ring = KeyRing::default();
        assert!(ring.add("Karim  Haddou ", key(1)));
        assert!(ring.add("Sanne de Vries", key(2)));
        assert_eq!(ring.for_owner("karim haddou").map(|o| &o.key), Some(&key(1)));
        assert_eq!(ring.for_owner(" Sanne  de vries").map(|o| &o.key), Some(&key(2)));
        assert!(ring.add("Ĳsbrand Çelik", key(3)));
        assert_eq!(ring.for_owner("ĳsbrand ÇELIK").map(|o| &o.key), Some(&key(3)));
        assert_eq!(ring.for_owner("Ijsbrand Celik"), None);
        assert_eq!(ring.for_owner("Karim"), None);
        assert_eq!(ring.for_owner("   "), None);
        assert_eq!(ring.keys()[0].owner, "Karim Haddou");
    }

    #[test]
    fn the_same_key_is_not_added_twice_and_an_unnamed_key_gets_its_owner() {
        let mut ring = KeyRing::migrated(key(1));
        assert_eq!(ring.for_owner("Karim Haddou"), None);
        assert!(!ring.add("Karim Haddou", key(1)));
        assert_eq!(ring.keys().len(), 1);
        assert_eq!(ring.for_owner("Karim Haddou").map(|o| &o.key), Some(&key(1)));
        // A named key keeps its name when someone else imports it.
        assert!(!ring.add("Sanne", key(1)));
        assert_eq!(ring.keys()[0].owner, "Karim Haddou");
    }

    #[test]
    fn of_two_keys_of_one_person_the_one_added_last_signs() {
        let mut ring = KeyRing::default();
        ring.add("Karim Haddou", key(1));
        ring.add("Sanne", key(2));
        ring.add("Karim Haddou", key(3));
        assert_eq!(ring.for_owner("Karim Haddou").map(|o| &o.key), Some(&key(3)));
        ring.remove(key(3).did());
        assert_eq!(ring.for_owner("Karim Haddou").map(|o| &o.key), Some(&key(1)));
    }

    #[test]
    fn the_single_key_of_the_version_before_becomes_the_first_entry() {
        use super::super::{KeyState, KeyStatus};
        let state = KeyState::new(KeyStatus::Key(key(1)), KeyRing::default());
        assert_eq!(state.ring, KeyRing::migrated(key(1)));
        assert_eq!(state.status, KeyStatus::Key(key(1)));
        // A ring read from storage wins, and the status names its first key.
        let mut ring = KeyRing::default();
        ring.add("A", key(2));
        ring.add("B", key(1));
        let state = KeyState::new(KeyStatus::None, ring.clone());
        assert_eq!((state.ring, state.status), (ring, KeyStatus::Key(key(2))));
        let state = KeyState::new(KeyStatus::Unreadable, KeyRing::default());
        assert_eq!((state.ring.is_empty(), state.status), (true, KeyStatus::Unreadable));
    }

    #[test]
    fn the_key_for_a_name_is_theirs_or_the_one_picked_explicitly() {
        use super::super::{KeyState, KeyStatus, SignAs};
        let mut ring = KeyRing::default();
        ring.add("Karim Haddou", key(1));
        ring.add("Sanne de Vries", key(2));
        let state = KeyState::new(KeyStatus::None, ring);
        let did = |owned: Option<&OwnedKey>| owned.map(|o| o.key.did().to_string());
        let own = SignAs::Own;
        assert_eq!(did(state.signing_key_for("sanne de vries", &own)), Some(key(2).did().into()));
        assert_eq!(did(state.signing_key_for("Ayla Demir", &own)), None);
        let picked = state.signing_key_for("Ayla Demir", &SignAs::Key(key(1).did().into()));
        assert_eq!(did(picked), Some(key(1).did().into()));
        let gone = SignAs::Key(key(9).did().into());
        assert_eq!(did(state.signing_key_for("Ayla Demir", &gone)), None);
        assert_eq!(did(state.signing_key_for("Sanne de Vries", &SignAs::NewKey)), None);
        // The key without a name, from before, signs for whoever has none (and is named then).
        let mut ring = KeyRing::migrated(key(3));
        ring.add("Sanne de Vries", key(2));
        let state = KeyState::new(KeyStatus::None, ring);
        assert_eq!(did(state.signing_key_for("Ayla Demir", &own)), Some(key(3).did().into()));
        assert_eq!(did(state.signing_key_for("Sanne de Vries", &own)), Some(key(2).did().into()));
        assert_eq!(did(state.signing_key_for("Ayla Demir", &SignAs::NewKey)), None);
    }

    #[test]
    fn the_hogeschool_signs_with_the_named_persons_key_else_the_first() {
        use super::super::{KeyState, KeyStatus};
        let mut ring = KeyRing::migrated(key(3));
        ring.add("Examinator Jansen", key(1));
        ring.add("Docent de Boer", key(2));
        let state = KeyState::new(KeyStatus::None, ring);
        let signer = |name: &str| state.hogeschool_signer(name).map(|o| o.key.clone());
        assert_eq!(signer(" examinator  JANSEN"), Some(key(1)));
        assert_eq!(signer("Docent de Boer"), Some(key(2)));
        // Nobody's key in this name: the device's first key, as before keys had owners.
        assert_eq!(signer("Ayla Demir"), Some(key(3)));
        assert_eq!(signer(""), Some(key(3)));
        // Storage that cannot be read or kept gives nothing to sign with, whatever the name.
        let state = KeyState::new(KeyStatus::Unreadable, KeyRing::default());
        assert_eq!(state.hogeschool_signer("Examinator Jansen"), None);
        let state = KeyState::new(KeyStatus::None, KeyRing::default());
        assert_eq!(state.hogeschool_signer("Examinator Jansen"), None);
    }

    #[test]
    fn on_the_hogeschools_page_a_new_key_of_ones_own_can_be_chosen_over_anothers() {
        use super::super::{KeyState, KeyStatus};
        let mut ring = KeyRing::default();
        ring.add("Karim Haddou", key(1));
        let mut state = KeyState::new(KeyStatus::None, ring);
        let shown = state.for_hogeschool("Ayla Demir");
        assert_eq!(
            shown.signs.map(|o| o.key),
            Some(key(1)),
            "another's key signs unless chosen otherwise"
        );
        assert_eq!(shown.others.map(|o| o.owner), Some("Karim Haddou".to_string()));
        assert!(!shown.new_key);
        // Karim himself, and a name not typed yet, are offered nothing.
        assert_eq!(state.for_hogeschool(" karim HADDOU").others, None);
        assert_eq!(state.for_hogeschool("  ").others, None);

        state.choose_new_key(" ayla  demir ", true);
        let shown = state.for_hogeschool("Ayla Demir");
        assert_eq!(shown.signs, None, "no key signs until hers is made");
        assert!(shown.new_key);
        assert!(shown.others.is_some(), "the choice stays there to be undone");
        assert_eq!(
            state.hogeschool_signer("Docent de Boer").map(|o| o.key.clone()),
            Some(key(1)),
            "her choice is hers"
        );
        state.choose_new_key("Ayla Demir", false);
        assert_eq!(state.hogeschool_signer("Ayla Demir").map(|o| o.key.clone()), Some(key(1)));

        // Once a key in her name is kept, it signs and nothing is offered.
        state.choose_new_key("Ayla Demir", true);
        state.kept("Ayla Demir", key(2));
        assert_eq!(state.hogeschool_signer("Ayla Demir").map(|o| o.key.clone()), Some(key(2)));
        assert_eq!(state.for_hogeschool("Ayla Demir").others, None);
        // A key from before keys had owners belongs to nobody else: nothing to choose over.
        let state = KeyState::new(KeyStatus::None, KeyRing::migrated(key(3)));
        assert_eq!(state.for_hogeschool("Ayla Demir").others, None);
    }

    #[test]
    fn a_key_belongs_to_another_only_when_named_after_someone_else() {
        let owned = |owner: &str| OwnedKey { owner: owner.into(), key: key(1) };
        assert!(owned("Docent de Boer").belongs_to_other("Examinator Jansen"));
        assert!(owned("Docent de Boer").belongs_to_other(""));
        assert!(!owned("Docent de Boer").belongs_to_other(" docent DE boer "));
        assert!(!owned("").belongs_to_other("Examinator Jansen"));
        assert!(!owned("  ").belongs_to_other("Examinator Jansen"));
    }

    #[test]
    fn removing_takes_out_only_that_key() {
        let mut ring = KeyRing::default();
        ring.add("A", key(1));
        ring.add("B", key(2));
        assert!(ring.remove(key(1).did()));
        assert!(!ring.remove(key(1).did()));
        assert_eq!(ring.keys().len(), 1);
        assert_eq!(ring.first(), Some(&key(2)));
    }

    #[test]
    fn the_stored_form_reads_back_in_order_with_owners() {
        let mut ring = KeyRing::migrated(key(3));
        ring.add("Karim Haddou", key(1));
        ring.add("Sanne de Vries", key(2));
        let back = KeyRing::from_json(&ring.to_json().unwrap(), read);
        assert_eq!(back, Ok(ring.clone()));
        assert_eq!(ring.first(), Some(&key(3)));
        // Each entry is the key's own backup file.
        let stored: Value = serde_json::from_str(&ring.to_json().unwrap()).unwrap();
        let file = stored["keys"][1]["keyFile"].as_str().unwrap();
        assert_eq!(read(file), Some(key(1)));
    }

    #[test]
    fn hostile_stored_data_is_an_error_not_a_panic() {
        let good = {
            let mut ring = KeyRing::default();
            ring.add("A", key(1));
            ring.to_json().unwrap()
        };
        let tampered_key = good.replacen("secretKeyMultibase", "secret", 1);
        let cases: Vec<(String, KeyRingError)> = vec![
            ("".into(), KeyRingError::NotJson),
            ("{".into(), KeyRingError::NotJson),
            ("[]".into(), KeyRingError::NotAKeyRing),
            ("null".into(), KeyRingError::NotAKeyRing),
            (r#"{"type":"LeeruitkomstenKeyRing","version":2,"keys":[]}"#.into(), KeyRingError::NotAKeyRing),
            (r#"{"type":"LeeruitkomstenKeyRing","version":1,"keys":{}}"#.into(), KeyRingError::NotAKeyRing),
            (r#"{"type":"LeeruitkomstenKeyRing","version":1,"keys":[1]}"#.into(), KeyRingError::Entry(0)),
            (
                r#"{"type":"LeeruitkomstenKeyRing","version":1,"keys":[{"owner":7,"keyFile":"{}"}]}"#
                    .into(),
                KeyRingError::Entry(0),
            ),
            (tampered_key, KeyRingError::Entry(0)),
            ("\u{feff}".repeat(MAX_KEY_RING_BYTES), KeyRingError::NotJson),
        ];
        for (text, error) in cases {
            assert_eq!(KeyRing::from_json(&text, read), Err(error), "{:.80}", text);
        }
    }
}
