//! The docent's list of trusted assessors: the keys the docent has tied to a person, by phone or
//! in person, signed by the docent so that a colleague (or the command line) can rely on it.
//!
//! The list is a VC 2.0 of type [`TRUSTED_ASSESSORS_TYPE`]; its subject holds only
//! `trustedAssessors`, each entry a did:key with the name the docent knows the assessor by and an
//! optional organisation. It is read strictly: a member the format does not have, a key that is
//! not a well-formed did:key, or a key listed twice is refused, since a list that two readers
//! could read differently is no list to trust.

use std::fmt;

use serde_json::{json, Map, Value};

use super::TRUSTED_ASSESSORS_TYPE;
use super::{issue, verify_credential, CredentialProblem, IssueError, VerifiedCredential};
use crate::core::crypto::did_key;
use crate::core::json;
use crate::core::record::shape::{RECORD_CONTEXT, VC_TYPE};

/// A list file is a few hundred bytes per assessor; a hogeschool's whole pool fits many times.
pub const MAX_TRUSTED_LIST_BYTES: usize = 1024 * 1024;
/// Longer names are not names; the same bound as the assessment's text fields.
pub const MAX_NAME_CHARS: usize = 10_000;

/// One assessor whose key the docent vouches for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustedAssessor {
    /// `did:key:z6Mk…`
    pub did: String,
    pub name: String,
    pub organisation: Option<String>,
}

/// A list of trusted assessors, as the docent edits it and as a signed file carries it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedAssessors {
    pub assessors: Vec<TrustedAssessor>,
}

/// A list read from a signed file: who signed it, and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedTrustedList {
    pub credential: VerifiedCredential,
    pub list: TrustedAssessors,
}

impl SignedTrustedList {
    /// The docent who signed it, by name where the list gives one, else by key.
    pub fn signer_label(&self) -> &str {
        match self.credential.issuer_name.as_deref() {
            Some(name) if !name.trim().is_empty() => name,
            _ => &self.credential.issuer,
        }
    }
}

/// Why an entry cannot be on the list, or a list cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrustedListProblem {
    /// Not strict JSON, too large, not UTF-8.
    Json(json::JsonError),
    Credential(CredentialProblem),
    /// A member the list does not have, or one missing or of the wrong type, at its path.
    Shape {
        path: String,
        what: &'static str,
    },
    /// Not a well-formed did:key (or not written the one way a did:key is written).
    NotADidKey {
        path: String,
        did: String,
    },
    /// The same key twice: which name counts would depend on the reader.
    Duplicate {
        did: String,
    },
    EmptyName {
        path: String,
    },
}

impl fmt::Display for TrustedListProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrustedListProblem::Json(e) => write!(f, "{e}"),
            TrustedListProblem::Credential(e) => write!(f, "{e}"),
            TrustedListProblem::Shape { path, what } => write!(f, "{path}: {what}"),
            TrustedListProblem::NotADidKey { path, did } => {
                write!(f, "{path}: {did:?} is not a well-formed did:key")
            }
            TrustedListProblem::Duplicate { did } => write!(f, "{did} is on the list twice"),
            TrustedListProblem::EmptyName { path } => write!(f, "{path}: the name is empty"),
        }
    }
}

/// Whether `did` is a did:key of an Ed25519 key, written exactly as it encodes.
pub fn is_well_formed_did_key(did: &str) -> bool {
    did_key::decode_did_key(did).is_ok_and(|key| did_key::did_key_from_public_key(&key) == did)
}

impl TrustedAssessors {
    pub fn find(&self, did: &str) -> Option<&TrustedAssessor> {
        self.assessors.iter().find(|a| a.did == did)
    }

    /// Adds an assessor; a key already on the list is refused (rename it instead).
    pub fn add(&mut self, assessor: TrustedAssessor) -> Result<(), TrustedListProblem> {
        check_entry(&assessor, "assessor")?;
        if self.find(&assessor.did).is_some() {
            return Err(TrustedListProblem::Duplicate { did: assessor.did });
        }
        self.assessors.push(assessor);
        Ok(())
    }

    /// Gives a listed key another name or organisation; `false` when the key is not listed.
    pub fn rename(&mut self, did: &str, name: &str, organisation: Option<&str>) -> bool {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return false;
        }
        match self.assessors.iter_mut().find(|a| a.did == did) {
            Some(assessor) => {
                assessor.name = name.to_string();
                assessor.organisation = organisation
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .map(|o| o.chars().take(MAX_NAME_CHARS).collect());
                true
            }
            None => false,
        }
    }

    /// Takes a key off the list; `false` when it was not on it.
    pub fn remove(&mut self, did: &str) -> bool {
        let before = self.assessors.len();
        self.assessors.retain(|a| a.did != did);
        self.assessors.len() != before
    }

    /// Adds every assessor of `other` whose key is not listed yet; a listed key keeps the name
    /// the docent gave it. Returns how many were added and how many were already listed.
    pub fn merge(&mut self, other: &TrustedAssessors) -> (usize, usize) {
        let mut added = 0;
        for assessor in &other.assessors {
            if self.find(&assessor.did).is_none() {
                self.assessors.push(assessor.clone());
                added += 1;
            }
        }
        (added, other.assessors.len() - added)
    }

    /// `{"trustedAssessors": [...]}`: the credential's subject, and also how the app keeps the
    /// docent's list between visits (unsigned: the browser's own storage needs no signature).
    pub fn subject_json(&self) -> Value {
        let entries: Vec<Value> = self
            .assessors
            .iter()
            .map(|a| {
                let mut entry = Map::new();
                entry.insert("id".into(), a.did.clone().into());
                entry.insert("name".into(), a.name.clone().into());
                if let Some(organisation) = &a.organisation {
                    entry.insert("organisation".into(), organisation.clone().into());
                }
                Value::Object(entry)
            })
            .collect();
        json!({ "trustedAssessors": entries })
    }

    /// Reads what [`Self::subject_json`] wrote, as strictly as a signed list's subject.
    pub fn from_subject_json(value: &Value) -> Result<TrustedAssessors, TrustedListProblem> {
        read_subject(value, "credentialSubject")
    }

    /// The list as an unsigned credential, issued by the docent at `valid_from`.
    pub fn unsigned(&self, id: &str, docent_name: &str, valid_from: &str) -> Value {
        json!({
            "@context": RECORD_CONTEXT,
            "id": id,
            "type": [VC_TYPE, TRUSTED_ASSESSORS_TYPE],
            "issuer": { "name": docent_name },
            "validFrom": valid_from,
            "credentialSubject": self.subject_json(),
        })
    }

    /// Signs the list with the docent's key (`seed`); `now` is RFC 3339 UTC.
    pub fn sign(
        &self,
        id: &str,
        docent_name: &str,
        seed: &[u8; 32],
        now: &str,
    ) -> Result<Value, IssueError> {
        issue(&self.unsigned(id, docent_name, now), seed, now)
    }
}

fn shape(path: impl Into<String>, what: &'static str) -> TrustedListProblem {
    TrustedListProblem::Shape { path: path.into(), what }
}

fn check_entry(assessor: &TrustedAssessor, path: &str) -> Result<(), TrustedListProblem> {
    if !is_well_formed_did_key(&assessor.did) {
        return Err(TrustedListProblem::NotADidKey {
            path: format!("{path}.id"),
            did: assessor.did.clone(),
        });
    }
    if assessor.name.trim().is_empty() {
        return Err(TrustedListProblem::EmptyName { path: format!("{path}.name") });
    }
    let too_long = |s: &str| s.chars().count() > MAX_NAME_CHARS;
    if too_long(&assessor.name) || assessor.organisation.as_deref().is_some_and(too_long) {
        return Err(shape(path, "a name or organisation is too long"));
    }
    Ok(())
}

fn read_subject(value: &Value, path: &str) -> Result<TrustedAssessors, TrustedListProblem> {
    let object = value.as_object().ok_or_else(|| shape(path, "expected an object"))?;
    if let Some(unknown) = object.keys().find(|k| k.as_str() != "trustedAssessors") {
        return Err(shape(format!("{path}.{unknown}"), "is not a member of this format"));
    }
    let path = format!("{path}.trustedAssessors");
    let entries = object
        .get("trustedAssessors")
        .ok_or_else(|| shape(path.as_str(), "is missing"))?
        .as_array()
        .ok_or_else(|| shape(path.as_str(), "expected an array"))?;
    let mut list = TrustedAssessors::default();
    for (i, entry) in entries.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let entry = entry.as_object().ok_or_else(|| shape(at.as_str(), "expected an object"))?;
        if let Some(unknown) =
            entry.keys().find(|k| !matches!(k.as_str(), "id" | "name" | "organisation"))
        {
            return Err(shape(format!("{at}.{unknown}"), "is not a member of this format"));
        }
        let text = |member: &'static str| -> Result<Option<String>, TrustedListProblem> {
            match entry.get(member) {
                None => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(shape(format!("{at}.{member}"), "expected a string")),
            }
        };
        let did = text("id")?.ok_or_else(|| shape(format!("{at}.id"), "is missing"))?;
        let name = text("name")?.ok_or_else(|| shape(format!("{at}.name"), "is missing"))?;
        let assessor = TrustedAssessor { did, name, organisation: text("organisation")? };
        check_entry(&assessor, &at)?;
        if list.find(&assessor.did).is_some() {
            return Err(TrustedListProblem::Duplicate { did: assessor.did });
        }
        list.assessors.push(assessor);
    }
    Ok(list)
}

/// Reads and verifies a signed list from a file's bytes: strict JSON, the credential's envelope
/// and signature, exactly the members of the format, and every entry well formed and once.
pub fn read_signed_list(bytes: &[u8]) -> Result<SignedTrustedList, TrustedListProblem> {
    let value =
        json::parse_bytes(bytes, MAX_TRUSTED_LIST_BYTES).map_err(TrustedListProblem::Json)?;
    verify_signed_list(&value)
}

/// [`read_signed_list`] for a document already parsed strictly.
pub fn verify_signed_list(value: &Value) -> Result<SignedTrustedList, TrustedListProblem> {
    let credential =
        verify_credential(value, TRUSTED_ASSESSORS_TYPE).map_err(TrustedListProblem::Credential)?;
    let object = value.as_object().ok_or_else(|| shape("(root)", "expected an object"))?;
    // The envelope's checks allow more than this format has; a list carries nothing else.
    const MEMBERS: [&str; 7] =
        ["@context", "id", "type", "issuer", "validFrom", "credentialSubject", "proof"];
    if let Some(unknown) = object.keys().find(|k| !MEMBERS.contains(&k.as_str())) {
        return Err(shape(unknown.as_str(), "is not a member of this format"));
    }
    let types = object.get("type").and_then(Value::as_array);
    let exact_type = types.is_some_and(|t| {
        t.len() == 2
            && t.first().and_then(Value::as_str) == Some(VC_TYPE)
            && t.get(1).and_then(Value::as_str) == Some(TRUSTED_ASSESSORS_TYPE)
    });
    if !exact_type {
        return Err(TrustedListProblem::Credential(CredentialProblem::WrongType {
            expected: TRUSTED_ASSESSORS_TYPE,
        }));
    }
    if !object.get("id").and_then(Value::as_str).is_some_and(|id| id.starts_with("urn:uuid:")) {
        return Err(shape("id", "expected a urn:uuid: identifier"));
    }
    match object.get("issuer") {
        Some(Value::Object(issuer))
            if issuer.keys().all(|k| k == "id" || k == "name")
                && issuer.get("name").is_some_and(Value::is_string) => {}
        _ => return Err(shape("issuer", "expected an object with id and name")),
    }
    let subject =
        object.get("credentialSubject").ok_or_else(|| shape("credentialSubject", "is missing"))?;
    let list = read_subject(subject, "credentialSubject")?;
    Ok(SignedTrustedList { credential, list })
}

/// `vertrouwde-beoordelaars-<date>.json`, the name the docent's export gets.
pub fn export_file_name(today: &str) -> String {
    format!("vertrouwde-beoordelaars-{today}.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Signed by the docent after a change, so that only the format can catch what changed.
    fn resign(unsigned: &Value, seed: &[u8; 32], now: &str) -> Value {
        issue(unsigned, seed, now).unwrap()
    }

    const DOCENT: [u8; 32] = [21; 32];
    const ID: &str = "urn:uuid:5d1f8a3c-2b4e-4c6d-8e9f-0a1b2c3d4e5f";
    const NOW: &str = "2026-12-06T10:00:00Z";

    fn assessor(seed: u8, name: &str) -> TrustedAssessor {
        TrustedAssessor {
            did: did_key::did_key_from_seed(&[seed; 32]),
            name: name.into(),
            organisation: Some("Buurtwerk Noord".into()),
        }
    }

    fn list() -> TrustedAssessors {
        let mut list = TrustedAssessors::default();
        list.add(assessor(1, "Karim Haddou")).unwrap();
        list.add(TrustedAssessor { organisation: None, ..assessor(2, "Anaïs Çelik") }).unwrap();
        list
    }

    fn signed() -> Value {
        list().sign(ID, "Docent De Vries", &DOCENT, NOW).unwrap()
    }

    #[test]
    fn a_signed_list_verifies_and_reads_back_as_made() {
        let signed = signed();
        let text = serde_json::to_string_pretty(&signed).unwrap();
        let read = read_signed_list(text.as_bytes()).unwrap();
        assert_eq!(read.list, list());
        assert_eq!(read.credential.issuer, did_key::did_key_from_seed(&DOCENT));
        assert_eq!(read.signer_label(), "Docent De Vries");
        // No organisation is no member, not an empty or null one.
        assert!(signed["credentialSubject"]["trustedAssessors"][1].get("organisation").is_none());
    }

    #[test]
    fn every_changed_value_of_a_signed_list_is_refused() {
        let signed = signed();
        let changes: [(&str, Value); 6] = [
            ("/credentialSubject/trustedAssessors/0/name", "Iemand anders".into()),
            ("/credentialSubject/trustedAssessors/1/id", assessor(3, "x").did.into()),
            ("/credentialSubject/trustedAssessors/0/organisation", "Elders".into()),
            ("/issuer/name", "Een ander".into()),
            ("/validFrom", "2026-12-06T10:00:01Z".into()),
            ("/id", "urn:uuid:00000000-0000-4000-8000-000000000000".into()),
        ];
        for (pointer, value) in changes {
            let mut changed = signed.clone();
            *changed.pointer_mut(pointer).unwrap() = value;
            assert!(verify_signed_list(&changed).is_err(), "{pointer} changed but accepted");
        }
        let mut added = signed.clone();
        added["credentialSubject"]["trustedAssessors"]
            .as_array_mut()
            .unwrap()
            .push(list().subject_json()["trustedAssessors"][0].clone());
        assert!(matches!(
            verify_signed_list(&added),
            Err(TrustedListProblem::Credential(CredentialProblem::Signature(_)))
        ));
    }

    #[test]
    fn a_resigned_list_must_still_have_the_format() {
        let mut duplicate = list().unsigned(ID, "Docent", NOW);
        let first = duplicate["credentialSubject"]["trustedAssessors"][0].clone();
        duplicate["credentialSubject"]["trustedAssessors"].as_array_mut().unwrap().push(first);
        assert!(matches!(
            verify_signed_list(&resign(&duplicate, &DOCENT, NOW)),
            Err(TrustedListProblem::Duplicate { .. })
        ));

        let mut bad_did = list().unsigned(ID, "Docent", NOW);
        bad_did["credentialSubject"]["trustedAssessors"][0]["id"] = "did:key:z6MkNOPE".into();
        assert!(matches!(
            verify_signed_list(&resign(&bad_did, &DOCENT, NOW)),
            Err(TrustedListProblem::NotADidKey { .. })
        ));

        let mut extra = list().unsigned(ID, "Docent", NOW);
        extra["credentialSubject"]["trustedAssessors"][0]["email"] = "k@example.org".into();
        assert_eq!(
            verify_signed_list(&resign(&extra, &DOCENT, NOW)).unwrap_err().to_string(),
            "credentialSubject.trustedAssessors[0].email: is not a member of this format"
        );

        let mut empty_name = list().unsigned(ID, "Docent", NOW);
        empty_name["credentialSubject"]["trustedAssessors"][1]["name"] = " ".into();
        assert!(matches!(
            verify_signed_list(&resign(&empty_name, &DOCENT, NOW)),
            Err(TrustedListProblem::EmptyName { .. })
        ));

        let mut other_type = list().unsigned(ID, "Docent", NOW);
        other_type["type"] = json!([VC_TYPE, TRUSTED_ASSESSORS_TYPE, "Extra"]);
        assert!(verify_signed_list(&resign(&other_type, &DOCENT, NOW)).is_err());

        let mut top_level = list().unsigned(ID, "Docent", NOW);
        top_level["validUntil"] = "2027-01-01T00:00:00Z".into();
        assert!(verify_signed_list(&resign(&top_level, &DOCENT, NOW)).is_err());
    }

    #[test]
    fn files_that_are_not_lists_get_their_reason() {
        assert!(matches!(read_signed_list(b"{"), Err(TrustedListProblem::Json(_))));
        let record = include_str!("../../../examples/record.json");
        assert!(matches!(
            read_signed_list(record.as_bytes()),
            Err(TrustedListProblem::Credential(CredentialProblem::WrongType { .. }))
        ));
        let huge = vec![b' '; MAX_TRUSTED_LIST_BYTES + 1];
        assert!(matches!(read_signed_list(&huge), Err(TrustedListProblem::Json(_))));
    }

    #[test]
    fn adding_renaming_removing_and_merging() {
        let mut list = list();
        assert!(matches!(
            list.add(assessor(1, "Karim H.")),
            Err(TrustedListProblem::Duplicate { .. })
        ));
        assert!(matches!(
            list.add(TrustedAssessor { did: "did:key:nope".into(), ..assessor(5, "X") }),
            Err(TrustedListProblem::NotADidKey { .. })
        ));
        assert!(matches!(list.add(assessor(6, "  ")), Err(TrustedListProblem::EmptyName { .. })));
        let karim = assessor(1, "").did;
        assert!(list.rename(&karim, " Karim Haddou-Smit ", Some(" ")));
        assert_eq!(list.find(&karim).unwrap().name, "Karim Haddou-Smit");
        assert_eq!(list.find(&karim).unwrap().organisation, None);
        assert!(!list.rename(&karim, "", None), "a key keeps a name");
        assert!(!list.rename(&assessor(9, "").did, "Niemand", None));
        assert!(list.remove(&karim));
        assert!(!list.remove(&karim));
        assert_eq!(list.assessors.len(), 1);

        let mut other = TrustedAssessors::default();
        other.add(assessor(2, "A. Çelik")).unwrap();
        other.add(assessor(7, "Sven Bakker")).unwrap();
        assert_eq!(list.merge(&other), (1, 1));
        assert_eq!(list.find(&assessor(2, "").did).unwrap().name, "Anaïs Çelik", "kept");
        assert_eq!(list.assessors.len(), 2);
    }

    #[test]
    fn the_kept_form_reads_back() {
        let list = list();
        assert_eq!(TrustedAssessors::from_subject_json(&list.subject_json()), Ok(list));
        assert!(TrustedAssessors::from_subject_json(&json!({"trustedAssessors": {}})).is_err());
        assert_eq!(export_file_name("2026-12-06"), "vertrouwde-beoordelaars-2026-12-06.json");
    }
}
