//! The format in which the browser keeps the assessment in progress.
//!
//! It carries a version of its own, separate from the app's, so a later version of the app can
//! recognise and migrate what an earlier one saved instead of misreading it.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::framework::Framework;

pub const SAVED_VERSION: u32 = 1;

#[derive(Serialize)]
struct SavedRef<'a> {
    version: u32,
    assessment: &'a Assessment,
}

#[derive(Deserialize)]
struct Saved {
    version: u32,
    assessment: serde_json::Value,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavedError {
    /// Not JSON, or not the shape of a saved assessment.
    Unreadable(String),
    /// Saved by a newer version of the app.
    UnknownVersion(u32),
    /// An assessment of another framework than the one loaded.
    OtherFramework(String),
}

impl fmt::Display for SavedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SavedError::Unreadable(why) => write!(f, "saved assessment is unreadable: {why}"),
            SavedError::UnknownVersion(v) => write!(f, "saved assessment has unknown version {v}"),
            SavedError::OtherFramework(id) => {
                write!(f, "saved assessment belongs to framework {id:?}")
            }
        }
    }
}

pub fn to_json(assessment: &Assessment) -> Result<String, serde_json::Error> {
    serde_json::to_string(&SavedRef {
        version: SAVED_VERSION,
        assessment,
    })
}

pub fn from_json(text: &str, framework: &Framework) -> Result<Assessment, SavedError> {
    let saved: Saved =
        serde_json::from_str(text).map_err(|e| SavedError::Unreadable(e.to_string()))?;
    if saved.version != SAVED_VERSION {
        return Err(SavedError::UnknownVersion(saved.version));
    }
    let assessment: Assessment = serde_json::from_value(saved.assessment)
        .map_err(|e| SavedError::Unreadable(e.to_string()))?;
    if assessment.framework_id != framework.id {
        return Err(SavedError::OtherFramework(assessment.framework_id));
    }
    Ok(assessment)
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
        a.apply(
            &fw,
            Action::SetScore {
                indicator: "LU4.2".into(),
                score: Score::High,
            },
        )
        .unwrap();
        a.apply(
            &fw,
            Action::SetComment {
                indicator: "LU4.2".into(),
                text: "Zie verslag".into(),
            },
        )
        .unwrap();
        a.apply(
            &fw,
            Action::SetMetadata(MetadataField::StudentName, "Sanne de Vries".into()),
        )
        .unwrap();
        assert_eq!(from_json(&to_json(&a).unwrap(), &fw), Ok(a));
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        let fw = Framework::default_framework().unwrap();
        assert!(matches!(
            from_json("{", &fw),
            Err(SavedError::Unreadable(_))
        ));
        assert!(matches!(
            from_json("{\"version\":1}", &fw),
            Err(SavedError::Unreadable(_))
        ));
        let newer = to_json(&Assessment::new(&fw))
            .unwrap()
            .replace("\"version\":1", "\"version\":2");
        assert_eq!(from_json(&newer, &fw), Err(SavedError::UnknownVersion(2)));
        let mut other = Assessment::new(&fw);
        other.framework_id = "ander-kader".into();
        assert_eq!(
            from_json(&to_json(&other).unwrap(), &fw),
            Err(SavedError::OtherFramework("ander-kader".into()))
        );
    }
}
