//! The format in which the browser keeps the assessment in progress.
//!
//! It carries a version of its own, separate from the app's, so a later version of the app can
//! recognise and migrate what an earlier one saved instead of misreading it.

use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use serde::Serialize;
use serde_json::{Map, Value};

use super::assessment::{Assessment, Metadata, MetadataField, Mode, OutcomeEntry, Signed};
use super::framework::Framework;
use super::jcs;
use super::score::Score;

pub const SAVED_VERSION: u32 = 1;

#[derive(Serialize)]
struct SavedRef<'a> {
    version: u32,
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

pub fn to_json(assessment: &Assessment) -> Result<String, serde_json::Error> {
    serde_json::to_string(&SavedRef { version: SAVED_VERSION, assessment })
}

/// Reads what `to_json` wrote. Read by hand rather than through serde's derive: the app then
/// carries one JSON reader, not a second one for this format.
pub fn from_json(text: &str, framework: &Framework) -> Result<Assessment, SavedError> {
    let value = jcs::parse_strict(text).map_err(|_| SavedError::Unreadable("text"))?;
    let root = value.as_object().ok_or(SavedError::Unreadable("root"))?;
    let version =
        root.get("version").and_then(Value::as_u64).ok_or(SavedError::Unreadable("version"))?;
    if version != u64::from(SAVED_VERSION) {
        return Err(SavedError::UnknownVersion(version));
    }
    let a = object(root.get("assessment"), "assessment")?;
    let assessment = Assessment {
        framework_id: string(a.get("framework_id"), "framework_id")?,
        framework_version: string(a.get("framework_version"), "framework_version")?,
        metadata: metadata(a.get("metadata"))?,
        outcomes: outcomes(a.get("outcomes"))?,
        signed: signed(a.get("signed"))?,
    };
    if assessment.framework_id != framework.id {
        return Err(SavedError::OtherFramework(assessment.framework_id));
    }
    Ok(assessment)
}

fn object<'v>(
    value: Option<&'v Value>,
    at: &'static str,
) -> Result<&'v Map<String, Value>, SavedError> {
    value.and_then(Value::as_object).ok_or(SavedError::Unreadable(at))
}

fn string(value: Option<&Value>, at: &'static str) -> Result<String, SavedError> {
    value.and_then(Value::as_str).map(str::to_string).ok_or(SavedError::Unreadable(at))
}

fn metadata(value: Option<&Value>) -> Result<Metadata, SavedError> {
    let m = object(value, "metadata")?;
    let mut metadata = Metadata::default();
    for field in MetadataField::ALL {
        *metadata.get_mut(field) = string(m.get(field.serialized_name()), "metadata")?;
    }
    metadata.mode = m
        .get("mode")
        .and_then(Value::as_str)
        .and_then(Mode::from_key)
        .ok_or(SavedError::Unreadable("metadata.mode"))?;
    Ok(metadata)
}

fn signed(value: Option<&Value>) -> Result<Option<Signed>, SavedError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(value) => {
            let s = object(Some(value), "signed")?;
            Ok(Some(Signed {
                record: string(s.get("record"), "signed.record")?,
                created: string(s.get("created"), "signed.created")?,
                signer: string(s.get("signer"), "signed.signer")?,
            }))
        }
    }
}

fn outcomes(value: Option<&Value>) -> Result<BTreeMap<String, Rc<OutcomeEntry>>, SavedError> {
    let mut outcomes = BTreeMap::new();
    for (id, entry) in object(value, "outcomes")? {
        let entry = object(Some(entry), "outcomes")?;
        let mut read = OutcomeEntry::default();
        for (indicator, score) in object(entry.get("scores"), "scores")? {
            let score =
                score.as_str().and_then(Score::from_key).ok_or(SavedError::Unreadable("scores"))?;
            read.scores.insert(indicator.clone(), score);
        }
        for (indicator, comment) in object(entry.get("comments"), "comments")? {
            read.comments.insert(indicator.clone(), string(Some(comment), "comments")?);
        }
        read.feedback = string(entry.get("feedback"), "feedback")?;
        outcomes.insert(id.clone(), Rc::new(read));
    }
    Ok(outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{Action, MetadataField};
    use crate::core::score::Score;

    #[test]
    fn round_trip() {
        let fw = Framework::default_framework().unwrap();
        let mut a = Assessment::new(&fw);
        a.apply(&fw, Action::SetScore { indicator: "LU4.2".into(), score: Score::High }).unwrap();
        a.apply(&fw, Action::SetComment { indicator: "LU4.2".into(), text: "Zie verslag".into() })
            .unwrap();
        a.apply(&fw, Action::SetMetadata(MetadataField::StudentName, "Sanne de Vries".into()))
            .unwrap();
        assert_eq!(from_json(&to_json(&a).unwrap(), &fw), Ok(a.clone()));
        let signed = Signed {
            record: "{\"a\":1}".into(),
            created: "2026-11-23T10:00:00Z".into(),
            signer: "did:key:z6Mk".into(),
        };
        a.apply(&fw, Action::Seal(signed)).unwrap();
        assert_eq!(from_json(&to_json(&a).unwrap(), &fw), Ok(a));
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        let fw = Framework::default_framework().unwrap();
        assert_eq!(from_json("{", &fw), Err(SavedError::Unreadable("text")));
        assert_eq!(from_json("[]", &fw), Err(SavedError::Unreadable("root")));
        assert_eq!(from_json("{\"version\":1}", &fw), Err(SavedError::Unreadable("assessment")));
        let newer =
            to_json(&Assessment::new(&fw)).unwrap().replace("\"version\":1", "\"version\":2");
        assert_eq!(from_json(&newer, &fw), Err(SavedError::UnknownVersion(2)));
        let mut other = Assessment::new(&fw);
        other.framework_id = "ander-kader".into();
        assert_eq!(
            from_json(&to_json(&other).unwrap(), &fw),
            Err(SavedError::OtherFramework("ander-kader".into()))
        );
    }
}
