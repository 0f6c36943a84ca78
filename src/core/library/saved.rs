//! The format in which the browser keeps the assessment in progress.
//!
//! It carries a version of its own, separate from the app's, so a later version of the app can
//! recognise and migrate what an earlier one saved instead of misreading it.

use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::core::assessment::{
    Assessment, Invited, Metadata, MetadataField, Mode, OutcomeEntry, Signed,
};
use crate::core::credentials::invitation::is_origin;
use crate::core::framework::score::Score;
use crate::core::framework::Framework;
use crate::core::json;
use crate::core::library::MAX_BACKUP_BYTES;

/// The version of one stored entry. Version 1 kept a single assessment under one key; version 2
/// keeps each assessment under a key of its own, with an id and the time it last changed.
pub const SAVED_VERSION: u32 = 2;

/// One saved assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedEntry {
    /// Random and unique to the entry, so entries from two devices never collide.
    pub id: String,
    /// When the assessment last changed, RFC 3339 UTC; newest wins when backups are merged.
    pub updated: String,
    pub assessment: Assessment,
}

#[derive(Serialize)]
struct EntryRef<'a> {
    version: u32,
    id: &'a str,
    updated: &'a str,
    assessment: &'a Assessment,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavedError {
    /// Not JSON, or not the shape of a saved assessment; says where.
    Unreadable(&'static str),
    /// Saved by a newer version of the app.
    UnknownVersion(u64),
    /// An assessment of another framework than the one loaded.
    OtherFramework(String),
}

impl fmt::Display for SavedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SavedError::Unreadable(at) => write!(f, "saved assessment is unreadable at {at}"),
            SavedError::UnknownVersion(v) => write!(f, "saved assessment has unknown version {v}"),
            SavedError::OtherFramework(id) => {
                write!(f, "saved assessment belongs to framework {id}")
            }
        }
    }
}

pub fn to_json(entry: &SavedEntry) -> Result<String, serde_json::Error> {
    serde_json::to_string(&EntryRef {
        version: SAVED_VERSION,
        id: &entry.id,
        updated: &entry.updated,
        assessment: &entry.assessment,
    })
}

/// Reads what `to_json` wrote, through the app's one JSON reader ([`json::parse_whole`]) and
/// `serde_json::Value`'s own accessors: this format says only which part could not be read, so
/// it needs none of [`crate::core::json`]'s paths, which the scoring page then does not carry.
pub fn from_json(text: &str) -> Result<SavedEntry, SavedError> {
    from_value(&parse(text)?)
}

pub(crate) fn from_value(value: &Value) -> Result<SavedEntry, SavedError> {
    let (root, version) = versioned(value)?;
    if version != u64::from(SAVED_VERSION) {
        return Err(SavedError::UnknownVersion(version));
    }
    let id = string(root, "id", "id")?;
    if !is_entry_id(id) {
        return Err(SavedError::Unreadable("id"));
    }
    Ok(SavedEntry {
        id: id.to_string(),
        updated: string(root, "updated", "updated")?.to_string(),
        assessment: assessment(root)?,
    })
}

/// Reads the single assessment that version 1 of the app kept, to be stored again as an entry
/// with `id`, dated `updated`.
pub fn migrate_v1(text: &str, id: &str, updated: &str) -> Result<SavedEntry, SavedError> {
    let value = parse(text)?;
    let (root, version) = versioned(&value)?;
    if version != 1 {
        return Err(SavedError::UnknownVersion(version));
    }
    Ok(SavedEntry {
        id: id.to_string(),
        updated: updated.to_string(),
        assessment: assessment(root)?,
    })
}

/// An entry is part of a backup, so no readable one is larger than a backup may be. An entry in
/// storage is what `to_json` wrote, and every number it writes is whole (the version, scores'
/// counts): read with [`json::parse_whole`], so that the scoring page, which reads JSON only
/// here, carries no decimal-to-double conversion. A backup file is read with the full reader.
fn parse(text: &str) -> Result<Value, SavedError> {
    json::parse_whole(text, MAX_BACKUP_BYTES).map_err(|_| SavedError::Unreadable("text"))
}

/// The root object of what any version saved, and the version it states.
fn versioned(value: &Value) -> Result<(&Map<String, Value>, u64), SavedError> {
    let root = value.as_object().ok_or(SavedError::Unreadable("root"))?;
    let version = root.get("version").and_then(Value::as_u64);
    Ok((root, version.ok_or(SavedError::Unreadable("version"))?))
}

// What this format tells of an error is which part could not be read: its place in storage is
// no one's to fix by hand, so no path is kept.

fn object<'v>(
    o: &'v Map<String, Value>,
    key: &str,
    part: &'static str,
) -> Result<&'v Map<String, Value>, SavedError> {
    o.get(key).and_then(Value::as_object).ok_or(SavedError::Unreadable(part))
}

fn string<'v>(
    o: &'v Map<String, Value>,
    key: &str,
    part: &'static str,
) -> Result<&'v str, SavedError> {
    o.get(key).and_then(Value::as_str).ok_or(SavedError::Unreadable(part))
}

/// Member `key` where it is there and not null: what earlier versions did not write.
fn present<'v>(o: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    o.get(key).filter(|v| !v.is_null())
}

/// A string, absent or null for none.
fn optional_string<'v>(
    o: &'v Map<String, Value>,
    key: &str,
    part: &'static str,
) -> Result<Option<&'v str>, SavedError> {
    present(o, key).map(|v| v.as_str().ok_or(SavedError::Unreadable(part))).transpose()
}

/// Entry ids become part of storage keys and element ids: letters, digits and hyphens only.
pub fn is_entry_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Refuses an assessment of a framework other than `framework`: another id, or another version of
/// it, whose indicators may differ.
pub fn check_framework(assessment: &Assessment, framework: &Framework) -> Result<(), SavedError> {
    if assessment.framework_id == framework.id && assessment.framework_version == framework.version
    {
        Ok(())
    } else {
        Err(SavedError::OtherFramework(assessment.framework_id.clone()))
    }
}

fn assessment(root: &Map<String, Value>) -> Result<Assessment, SavedError> {
    let a = object(root, "assessment", "assessment")?;
    Ok(Assessment {
        framework_id: string(a, "framework_id", "framework_id")?.to_string(),
        framework_version: string(a, "framework_version", "framework_version")?.to_string(),
        metadata: metadata(a)?,
        outcomes: outcomes(a)?,
        // Absent in what earlier versions of the app kept, and for frameworks without norms.
        norm_level: optional_string(a, "norm_level", "norm_level")?.map(str::to_string),
        signed: signed(a)?,
        // Absent in what the app kept before invitations, and where there was none.
        invitation: invited(a)?,
    })
}

fn invited(a: &Map<String, Value>) -> Result<Option<Invited>, SavedError> {
    let Some(node) = present(a, "invitation") else { return Ok(None) };
    let i = node.as_object().ok_or(SavedError::Unreadable("invitation"))?;
    let string = |key| string(i, key, "invitation").map(str::to_string);
    Ok(Some(Invited {
        id: string("id")?,
        digest_multibase: string("digest_multibase")?,
        issuer: string("issuer")?,
        issuer_name: string("issuer_name")?,
        due_date: string("due_date")?,
        // Absent where the invitation named none, and in what the app kept before it used it;
        // held to the invitation's own rule, since it becomes a message target.
        host_origin: optional_string(i, "host_origin", "invitation")?
            .filter(|origin| is_origin(origin))
            .map(str::to_string),
    }))
}

fn metadata(a: &Map<String, Value>) -> Result<Metadata, SavedError> {
    let m = object(a, "metadata", "metadata")?;
    let mut metadata = Metadata::default();
    for field in MetadataField::ALL {
        *metadata.get_mut(field) = string(m, field.serialized_name(), "metadata")?.to_string();
    }
    metadata.mode = m
        .get("mode")
        .and_then(Value::as_str)
        .and_then(Mode::from_key)
        .ok_or(SavedError::Unreadable("metadata.mode"))?;
    Ok(metadata)
}

fn signed(a: &Map<String, Value>) -> Result<Option<Signed>, SavedError> {
    let Some(node) = present(a, "signed") else { return Ok(None) };
    let s = node.as_object().ok_or(SavedError::Unreadable("signed"))?;
    Ok(Some(Signed {
        record: string(s, "record", "signed.record")?.into(),
        created: string(s, "created", "signed.created")?.to_string(),
        signer: string(s, "signer", "signed.signer")?.to_string(),
    }))
}

fn outcomes(a: &Map<String, Value>) -> Result<BTreeMap<String, Rc<OutcomeEntry>>, SavedError> {
    let mut outcomes = BTreeMap::new();
    for (id, entry) in object(a, "outcomes", "outcomes")? {
        let entry = entry.as_object().ok_or(SavedError::Unreadable("outcomes"))?;
        let mut read = OutcomeEntry::default();
        for (indicator, score) in object(entry, "scores", "scores")? {
            let score =
                score.as_str().and_then(Score::from_key).ok_or(SavedError::Unreadable("scores"))?;
            read.scores.insert(indicator.clone(), score);
        }
        for (indicator, comment) in object(entry, "comments", "comments")? {
            let comment = comment.as_str().ok_or(SavedError::Unreadable("comments"))?;
            read.comments.insert(indicator.clone(), comment.to_string());
        }
        read.feedback = string(entry, "feedback", "feedback")?.to_string();
        // Absent in what the app kept before niet waargenomen, and while there is none.
        if let Some(list) = entry.get("not_observed") {
            let list = list.as_array().ok_or(SavedError::Unreadable("not_observed"))?;
            for indicator in list {
                let indicator = indicator.as_str().ok_or(SavedError::Unreadable("not_observed"))?;
                read.not_observed.insert(indicator.to_string());
            }
        }
        outcomes.insert(id.clone(), Rc::new(read));
    }
    Ok(outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{Action, MetadataField};
    use crate::core::framework::score::Score;

    fn entry(assessment: Assessment) -> SavedEntry {
        SavedEntry { id: "a1b2".into(), updated: "2026-11-23T10:00:00.000Z".into(), assessment }
    }

    #[test]
    fn round_trip() {
        let fw = Framework::default_framework().unwrap();
        let mut a = Assessment::new(&fw);
        a.apply(&fw, Action::SetScore { indicator: "LU4.2".into(), score: Score::High }).unwrap();
        a.apply(&fw, Action::SetComment { indicator: "LU4.2".into(), text: "Zie verslag".into() })
            .unwrap();
        a.apply(&fw, Action::SetMetadata(MetadataField::StudentName, "Sanne de Vries".into()))
            .unwrap();
        let e = entry(a.clone());
        assert_eq!(from_json(&to_json(&e).unwrap()), Ok(e));
        let signed = Signed {
            record: "{\"a\":1}".into(),
            created: "2026-11-23T10:00:00Z".into(),
            signer: "did:key:z6Mk".into(),
        };
        a.apply(&fw, Action::Seal(signed)).unwrap();
        let e = entry(a);
        assert_eq!(from_json(&to_json(&e).unwrap()), Ok(e));
    }

    #[test]
    fn a_stored_entry_with_a_number_this_app_never_writes_is_unreadable() {
        let fw = Framework::default_framework().unwrap();
        let text = to_json(&entry(Assessment::new(&fw))).unwrap();
        assert!(text.contains(r#""version":2,"#));
        let fraction = text.replace(r#""version":2,"#, r#""version":2.0,"#);
        assert_eq!(from_json(&fraction), Err(SavedError::Unreadable("text")));
    }

    fn invited(host_origin: Option<&str>) -> Invited {
        Invited {
            id: "urn:uuid:3f2b8c1e-5d4a-4b6f-9e8d-7c6b5a4f3e2d".into(),
            digest_multibase: "uEiAabc".into(),
            issuer: "did:key:z6MkDocent".into(),
            issuer_name: "Petra Bakker".into(),
            due_date: "2026-12-29".into(),
            host_origin: host_origin.map(str::to_string),
        }
    }

    #[test]
    fn the_invitation_is_kept_and_entries_from_before_invitations_still_read() {
        let fw = Framework::default_framework().unwrap();
        let mut a = Assessment::new(&fw);
        a.invitation = Some(invited(None));
        let e = entry(a);
        let text = to_json(&e).unwrap();
        assert_eq!(from_json(&text), Ok(e.clone()));
        assert!(!text.contains("host_origin"), "left out where the invitation named none");
        // Read back, the lock holds.
        let mut read = from_json(&text).unwrap().assessment;
        let change = Action::SetMetadata(MetadataField::StudentNumber, "1".into());
        assert_eq!(
            read.apply(&fw, change),
            Err(crate::core::assessment::ActionError::SetByInvitation)
        );
        // Without the member (as before invitations) it reads as none; a broken one is refused.
        let plain = to_json(&entry(Assessment::new(&fw))).unwrap();
        assert!(!plain.contains("invitation"));
        assert_eq!(from_json(&plain).unwrap().assessment.invitation, None);
        let broken = text.replace("\"issuer_name\":\"Petra Bakker\",", "");
        assert_ne!(broken, text);
        assert_eq!(from_json(&broken), Err(SavedError::Unreadable("invitation")));
    }

    #[test]
    fn the_invitations_learning_environment_is_kept_and_only_as_an_origin() {
        let fw = Framework::default_framework().unwrap();
        let mut a = Assessment::new(&fw);
        a.invitation = Some(invited(Some("https://elo.hogeschool.example")));
        let e = entry(a);
        let text = to_json(&e).unwrap();
        assert_eq!(from_json(&text), Ok(e.clone()));
        let host = |text: &str| from_json(text).unwrap().assessment.invitation.unwrap().host_origin;
        assert_eq!(host(&text).as_deref(), Some("https://elo.hogeschool.example"));
        // Changed in storage into something that is no origin, it is not used as a target.
        for changed in ["*", "https://elo.hogeschool.example/pad", "http://elo.hogeschool.example"]
        {
            let changed = text.replace("https://elo.hogeschool.example", changed);
            assert_eq!(host(&changed), None, "{changed}");
        }
    }

    #[test]
    fn not_observed_is_kept_and_drafts_from_before_it_still_read() {
        let fw = Framework::default_framework().unwrap();
        let mut a = Assessment::new(&fw);
        a.apply(&fw, Action::SetScore { indicator: "LU1.1".into(), score: Score::Good }).unwrap();
        let before = to_json(&entry(a.clone())).unwrap();
        assert!(!before.contains("not_observed"), "left out while there is none");
        assert_eq!(from_json(&before), Ok(entry(a.clone())));
        let mark = Action::SetNotObserved { indicator: "LU1.2".into(), not_observed: true };
        a.apply(&fw, mark).unwrap();
        let e = entry(a);
        let text = to_json(&e).unwrap();
        assert!(text.contains(r#""not_observed":["LU1.2"]"#), "{text}");
        let read = from_json(&text).unwrap();
        assert_eq!(read, e);
        assert!(read.assessment.entry("LU1").unwrap().is_not_observed("LU1.2"));
        let broken = text.replace(r#"["LU1.2"]"#, "[12]");
        assert_eq!(from_json(&broken), Err(SavedError::Unreadable("not_observed")));
    }

    #[test]
    fn the_norm_level_is_kept_and_may_be_absent() {
        let profile = crate::core::framework::catalogue::BUILT_IN[1].load().unwrap();
        let profile = profile.framework();
        let mut a = Assessment::new(profile);
        a.apply(profile, Action::SetNormLevel("D".into())).unwrap();
        let text = to_json(&entry(a.clone())).unwrap();
        assert!(text.contains("\"norm_level\":\"D\""));
        assert_eq!(from_json(&text).unwrap().assessment.norm_level.as_deref(), Some("D"));
        // What the app kept before it knew levels reads as no level.
        let earlier = text.replace(",\"norm_level\":\"D\"", "");
        assert_ne!(earlier, text);
        assert_eq!(from_json(&earlier).unwrap().assessment.norm_level, None);
        let number = text.replace("\"norm_level\":\"D\"", "\"norm_level\":4");
        assert_eq!(from_json(&number), Err(SavedError::Unreadable("norm_level")));
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        let fw = Framework::default_framework().unwrap();
        assert_eq!(from_json("{"), Err(SavedError::Unreadable("text")));
        assert_eq!(from_json("[]"), Err(SavedError::Unreadable("root")));
        assert_eq!(from_json("{\"version\":2}"), Err(SavedError::Unreadable("id")));
        let good = to_json(&entry(Assessment::new(&fw))).unwrap();
        let newer = good.replace("\"version\":2", "\"version\":3");
        assert_eq!(from_json(&newer), Err(SavedError::UnknownVersion(3)));
        let hostile = good.replace("\"a1b2\"", "\"../x\"");
        assert_eq!(from_json(&hostile), Err(SavedError::Unreadable("id")));
        let mut other = Assessment::new(&fw);
        let mut newer = Assessment::new(&fw);
        newer.framework_version = "2027-01".into();
        assert!(check_framework(&newer, &fw).is_err());
        other.framework_id = "ander-kader".into();
        assert_eq!(
            check_framework(&other, &fw),
            Err(SavedError::OtherFramework("ander-kader".into()))
        );
        assert_eq!(check_framework(&Assessment::new(&fw), &fw), Ok(()));
    }

    #[test]
    fn migrates_what_version_1_saved() {
        let fw = Framework::default_framework().unwrap();
        let v1 = include_str!("../../../tests/fixtures/saved-v1.json");
        let migrated = migrate_v1(v1, "0f3c", "2026-11-23T09:00:00.000Z").unwrap();
        assert_eq!(migrated.id, "0f3c");
        let a = &migrated.assessment;
        check_framework(a, &fw).unwrap();
        assert_eq!(a.metadata.student_name, "Sanne de Vries");
        assert_eq!(a.metadata.student_number, "1234567");
        assert_eq!(a.score(&fw, "LU1.1"), Score::High);
        assert_eq!(a.score(&fw, "LU4.2"), Score::Present);
        assert_eq!(a.outcomes["LU4"].comment("LU4.2"), "Zie verslag van 12 november.");
        assert_eq!(a.outcomes["LU1"].feedback, "Sterk in contact met bewoners.");
        // A migrated entry reads back as version 2, unchanged.
        assert_eq!(from_json(&to_json(&migrated).unwrap()), Ok(migrated.clone()));
        // Version 1 text is not a version 2 entry, and the other way round.
        assert_eq!(from_json(v1), Err(SavedError::UnknownVersion(1)));
        let v2 = to_json(&migrated).unwrap();
        assert_eq!(migrate_v1(&v2, "x", "y"), Err(SavedError::UnknownVersion(2)));
    }
}
