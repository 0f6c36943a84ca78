//! One assessment of one student against one framework, and the actions that change it.
//!
//! The interface never edits an assessment directly: it sends an [`Action`], and [`Assessment::apply`]
//! is the single place that decides what the action means. That keeps every rule testable natively.

pub mod aggregate;
pub mod norm_check;
pub mod open_work;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::rc::Rc;

use serde::Serialize;

use crate::core::framework::catalogue::{self, BuiltIn};
use crate::core::framework::score::Score;
use crate::core::framework::{Framework, Indicator};

/// Longest accepted text in any one field, in characters. Generous for a paragraph of evidence,
/// small enough that a pasted document cannot fill the browser's storage.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Who scores: a practice assessor, or the student scoring themselves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub enum Mode {
    #[default]
    #[serde(rename = "assessor")]
    Assessor,
    #[serde(rename = "self")]
    SelfAssessment,
}

impl Mode {
    pub const ALL: [Mode; 2] = [Mode::Assessor, Mode::SelfAssessment];

    /// The name in stored and exported JSON.
    pub fn key(self) -> &'static str {
        match self {
            Mode::Assessor => "assessor",
            Mode::SelfAssessment => "self",
        }
    }

    pub fn from_key(key: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.key() == key)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    pub student_name: String,
    pub student_number: String,
    pub assessor_name: String,
    pub assessor_role: String,
    pub organisation: String,
    /// The date of the assessment as `YYYY-MM-DD`, or empty.
    pub date: String,
    pub mode: Mode,
}

/// The free-text metadata fields, so one action serves them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetadataField {
    StudentName,
    StudentNumber,
    AssessorName,
    AssessorRole,
    Organisation,
    Date,
}

impl MetadataField {
    pub const ALL: [MetadataField; 6] = [
        MetadataField::StudentName,
        MetadataField::StudentNumber,
        MetadataField::AssessorName,
        MetadataField::AssessorRole,
        MetadataField::Organisation,
        MetadataField::Date,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MetadataField::StudentName => "student-name",
            MetadataField::StudentNumber => "student-number",
            MetadataField::AssessorName => "assessor-name",
            MetadataField::AssessorRole => "assessor-role",
            MetadataField::Organisation => "organisation",
            MetadataField::Date => "date",
        }
    }
}

impl MetadataField {
    /// The member name serde gives the field in stored JSON.
    pub fn serialized_name(self) -> &'static str {
        match self {
            MetadataField::StudentName => "student_name",
            MetadataField::StudentNumber => "student_number",
            MetadataField::AssessorName => "assessor_name",
            MetadataField::AssessorRole => "assessor_role",
            MetadataField::Organisation => "organisation",
            MetadataField::Date => "date",
        }
    }
}

impl Metadata {
    /// The fields the form asks for. A student scoring themselves has no assessor to name, so
    /// those fields are left out; but not while they hold text, which would go into the signed
    /// record unseen.
    pub fn form_fields(&self) -> impl Iterator<Item = MetadataField> + '_ {
        MetadataField::ALL.into_iter().filter(|&field| {
            self.mode == Mode::Assessor
                || !matches!(field, MetadataField::AssessorName | MetadataField::AssessorRole)
                || !self.get(field).is_empty()
        })
    }

    /// The fields a record must name before it is signed: whom it is about (the student number,
    /// which the school files it under) and who signs it (the assessor's name, or in a
    /// self-assessment the student's own, since the student signs). Text of spaces only is empty.
    pub fn missing_for_signing(&self) -> Vec<MetadataField> {
        [MetadataField::StudentNumber, self.signer_field()]
            .into_iter()
            .filter(|&field| self.get(field).trim().is_empty())
            .collect()
    }

    fn signer_field(&self) -> MetadataField {
        match self.mode {
            Mode::Assessor => MetadataField::AssessorName,
            Mode::SelfAssessment => MetadataField::StudentName,
        }
    }

    /// The name of whoever signs this assessment, once typed. The key panel puts it beside the
    /// key, so the key reads as the person's signature and not as the browser's.
    pub fn signer_name(&self) -> Option<&str> {
        Some(self.get(self.signer_field()).trim()).filter(|name| !name.is_empty())
    }

    /// A new assessment's details taken over from the one before it: an assessor who assesses
    /// several students does not type their own name again, and no student's details carry over.
    pub fn carried_over(&self) -> Metadata {
        match self.mode {
            Mode::Assessor => Metadata {
                assessor_name: self.assessor_name.clone(),
                assessor_role: self.assessor_role.clone(),
                organisation: self.organisation.clone(),
                ..Metadata::default()
            },
            // A self-assessment's details are all the student's: only the kind carries over.
            Mode::SelfAssessment => Metadata { mode: Mode::SelfAssessment, ..Metadata::default() },
        }
    }

    pub fn get(&self, field: MetadataField) -> &str {
        match field {
            MetadataField::StudentName => &self.student_name,
            MetadataField::StudentNumber => &self.student_number,
            MetadataField::AssessorName => &self.assessor_name,
            MetadataField::AssessorRole => &self.assessor_role,
            MetadataField::Organisation => &self.organisation,
            MetadataField::Date => &self.date,
        }
    }

    pub(crate) fn get_mut(&mut self, field: MetadataField) -> &mut String {
        match field {
            MetadataField::StudentName => &mut self.student_name,
            MetadataField::StudentNumber => &mut self.student_number,
            MetadataField::AssessorName => &mut self.assessor_name,
            MetadataField::AssessorRole => &mut self.assessor_role,
            MetadataField::Organisation => &mut self.organisation,
            MetadataField::Date => &mut self.date,
        }
    }
}

/// What has been recorded for one learning outcome. Each sits behind its own `Rc`, so a change
/// copies only the outcome it touches and the interface can tell untouched outcomes apart cheaply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OutcomeEntry {
    /// Indicator id -> score; an indicator that is not scored has no entry.
    pub scores: BTreeMap<String, Score>,
    /// Indicator id -> toelichting (evidence); empty comments have no entry.
    pub comments: BTreeMap<String, String>,
    /// Feedback on the learning outcome as a whole.
    pub feedback: String,
    /// Indicators marked *niet waargenomen*: answered, but on purpose without a score. An
    /// indicator is never both scored and not observed. Left out of stored JSON while empty, so
    /// drafts without it (from before) and with it read the same way.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub not_observed: BTreeSet<String>,
}

impl OutcomeEntry {
    pub fn score(&self, indicator_id: &str) -> Score {
        self.scores.get(indicator_id).copied().unwrap_or_default()
    }

    pub fn comment(&self, indicator_id: &str) -> &str {
        self.comments.get(indicator_id).map(String::as_str).unwrap_or("")
    }

    pub fn is_not_observed(&self, indicator_id: &str) -> bool {
        self.not_observed.contains(indicator_id)
    }

    /// What is known of one indicator: scored, not observed, or still open.
    pub fn answer(&self, indicator_id: &str) -> Answer {
        match self.score(indicator_id) {
            Score::NotScored if self.is_not_observed(indicator_id) => Answer::NotObserved,
            Score::NotScored => Answer::Open,
            score => Answer::Scored(score),
        }
    }
}

/// What an indicator holds. *Niet waargenomen* answers it, so it is no longer open work, but it is
/// no score: it counts in no mean and no result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Answer {
    #[default]
    Open,
    NotObserved,
    Scored(Score),
}

impl Answer {
    /// Scored or not observed: nothing left to do.
    pub fn is_answered(self) -> bool {
        self != Answer::Open
    }

    /// The score, `NotScored` when there is none (open or not observed).
    pub fn score(self) -> Score {
        match self {
            Answer::Scored(score) => score,
            Answer::Open | Answer::NotObserved => Score::NotScored,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub framework_id: String,
    pub framework_version: String,
    pub metadata: Metadata,
    /// Learning outcome id -> what has been recorded for it.
    pub outcomes: BTreeMap<String, Rc<OutcomeEntry>>,
    /// The level of practice whose norms the results are held against (e.g. "C"), for a
    /// framework with norms; `None` for one without.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub norm_level: Option<String>,
    /// Set once the assessment is signed; from then on it is final.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed: Option<Signed>,
    /// The docent's invitation it was opened from, which fixes whom it is about and who scores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invitation: Option<Invited>,
}

/// What an assessment keeps of the invitation it was opened from: what its record names
/// (id and digest), who invited (shown beside the signature), and until when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Invited {
    pub id: String,
    pub digest_multibase: String,
    /// The docent's did:key.
    pub issuer: String,
    pub issuer_name: String,
    pub due_date: String,
    /// The learning environment the docent named for the app (`hostOrigin`): where the app is in
    /// a frame of that page, it tells it what a link's `parentOrigin` would (README: Embedding).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_origin: Option<String>,
}

impl Invited {
    /// The fields an invitation sets; the form shows them read-only.
    pub fn locks(field: MetadataField) -> bool {
        matches!(
            field,
            MetadataField::StudentName | MetadataField::StudentNumber | MetadataField::AssessorName
        )
    }
}

/// The signed record of a final assessment, kept so it can be exported again unchanged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Signed {
    /// The record as exported, JSON text.
    pub record: Rc<str>,
    /// The record's `created`, RFC 3339 UTC.
    pub created: String,
    /// The did:key that signed it.
    pub signer: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetMetadata(MetadataField, String),
    SetMode(Mode),
    /// `Score::NotScored` clears the score. Any score clears *niet waargenomen*, so the
    /// indicator is then scored or open again.
    SetScore {
        indicator: Rc<str>,
        score: Score,
    },
    /// Marks an indicator *niet waargenomen* (clearing its score), or takes that back (open again).
    SetNotObserved {
        indicator: Rc<str>,
        not_observed: bool,
    },
    SetComment {
        indicator: Rc<str>,
        text: String,
    },
    SetFeedback {
        outcome: String,
        text: String,
    },
    /// The level of practice to compare with, one the framework's norms have a column for.
    SetNormLevel(String),
    /// Makes the assessment final with its signed record.
    Seal(Signed),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    /// The assessment is signed and can no longer change.
    Final,
    UnknownIndicator(String),
    UnknownOutcome(String),
    /// The framework has no norms, or none for this level.
    UnknownNormLevel(String),
    /// The docent's invitation set this, and it stays as the invitation says.
    SetByInvitation,
    TextTooLong {
        chars: usize,
        limit: usize,
    },
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActionError::Final => write!(f, "the assessment is signed and final"),
            ActionError::SetByInvitation => write!(f, "the invitation sets this field"),
            ActionError::UnknownIndicator(id) => write!(f, "no indicator {id:?} in this framework"),
            ActionError::UnknownOutcome(id) => {
                write!(f, "no learning outcome {id:?} in this framework")
            }
            ActionError::UnknownNormLevel(level) => {
                write!(f, "no norms for level {level:?} in this framework")
            }
            ActionError::TextTooLong { chars, limit } => {
                write!(f, "text of {chars} characters is longer than {limit}")
            }
        }
    }
}

impl Assessment {
    /// The built-in framework this assessment was made in (same id and version), if it was.
    pub fn built_in_framework(&self) -> Option<&'static BuiltIn> {
        catalogue::built_in_version(&self.framework_id, &self.framework_version)
    }

    /// An empty assessment of `framework`. Where the framework has norms, it starts at their
    /// first level: for the 2010 profile that is C, the level a starting hbo-opbouwwerker works
    /// at (D asks for further training); the assessor can change it.
    pub fn new(framework: &Framework) -> Assessment {
        Assessment {
            framework_id: framework.id.clone(),
            framework_version: framework.version.clone(),
            metadata: Metadata::default(),
            outcomes: BTreeMap::new(),
            norm_level: framework
                .norms
                .as_ref()
                .and_then(|norms| norms.levels.first())
                .map(|level| level.id.clone()),
            signed: None,
            invitation: None,
        }
    }

    pub fn entry(&self, outcome_id: &str) -> Option<&Rc<OutcomeEntry>> {
        self.outcomes.get(outcome_id)
    }

    /// The score of an indicator; `NotScored` for ids the framework lacks as well.
    pub fn score(&self, framework: &Framework, indicator_id: &str) -> Score {
        framework
            .outcome_of(indicator_id)
            .and_then(|outcome| self.outcomes.get(&outcome.id))
            .map(|entry| entry.score(indicator_id))
            .unwrap_or_default()
    }

    /// What an indicator holds; `Open` for ids the framework lacks as well.
    pub fn answer(&self, framework: &Framework, indicator_id: &str) -> Answer {
        framework
            .outcome_of(indicator_id)
            .and_then(|outcome| self.outcomes.get(&outcome.id))
            .map(|entry| entry.answer(indicator_id))
            .unwrap_or_default()
    }

    /// The first indicator, in framework order, that is still open (neither scored nor marked
    /// not observed).
    pub fn first_unscored(&self, framework: &Framework) -> Option<Rc<str>> {
        framework.learning_outcomes().find_map(|outcome| {
            let entry = self.outcomes.get(&outcome.id);
            outcome
                .indicators
                .iter()
                .find(|i| !entry.map(|e| e.answer(&i.id)).unwrap_or_default().is_answered())
                .map(|i| i.id.clone())
        })
    }

    pub fn is_final(&self) -> bool {
        self.signed.is_some()
    }

    /// The indicators still open (neither scored nor not observed), in framework order: what the
    /// assessor is shown before signing.
    pub fn unscored<'f>(&self, framework: &'f Framework) -> Vec<&'f Indicator> {
        framework.indicators().filter(|i| !self.answer(framework, &i.id).is_answered()).collect()
    }

    /// `beoordeling-<studentnummer>-<datum>.json`, with the assessment's date or else the day of
    /// `created`. Anything but letters, digits and hyphens becomes a hyphen, so that a student
    /// number can never steer where the file goes.
    pub fn export_file_name(&self, created: &str) -> String {
        let m = &self.metadata;
        let kind = match m.mode {
            Mode::Assessor => "beoordeling",
            Mode::SelfAssessment => "zelfbeoordeling",
        };
        let number = file_name_part(&m.student_number, 32);
        let number = if number.is_empty() { "zonder-nummer".to_string() } else { number };
        let name = file_name_part(&m.student_name, 40);
        let date = if m.date.is_empty() { created.get(..10).unwrap_or("") } else { &m.date };
        let date = file_name_part(date, 10);
        let parts = [kind, &number, &name, &date];
        let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        format!("{}.json", parts.join("-"))
    }

    /// Applies one change. An action naming something the framework lacks changes nothing.
    pub fn apply(&mut self, framework: &Framework, action: Action) -> Result<(), ActionError> {
        if self.signed.is_some() {
            return Err(ActionError::Final);
        }
        if self.invitation.is_some() {
            let locked = match &action {
                Action::SetMetadata(field, _) => Invited::locks(*field),
                Action::SetMode(_) => true,
                _ => false,
            };
            if locked {
                return Err(ActionError::SetByInvitation);
            }
        }
        match action {
            Action::Seal(signed) => self.signed = Some(signed),
            Action::SetMetadata(field, value) => {
                check_length(&value)?;
                *self.metadata.get_mut(field) = value;
            }
            Action::SetMode(mode) => self.metadata.mode = mode,
            Action::SetNormLevel(level) => {
                if framework.norms.as_ref().and_then(|norms| norms.level(&level)).is_none() {
                    return Err(ActionError::UnknownNormLevel(level));
                }
                self.norm_level = Some(level);
            }
            Action::SetScore { indicator, score } => {
                let entry = self.entry_for_indicator(framework, &indicator)?;
                entry.not_observed.remove(&*indicator);
                if score.is_scored() {
                    entry.scores.insert(indicator.to_string(), score);
                } else {
                    entry.scores.remove(&*indicator);
                }
            }
            Action::SetNotObserved { indicator, not_observed } => {
                let entry = self.entry_for_indicator(framework, &indicator)?;
                if not_observed {
                    entry.scores.remove(&*indicator);
                    entry.not_observed.insert(indicator.to_string());
                } else {
                    entry.not_observed.remove(&*indicator);
                }
            }
            Action::SetComment { indicator, text } => {
                check_length(&text)?;
                let entry = self.entry_for_indicator(framework, &indicator)?;
                if text.trim().is_empty() {
                    entry.comments.remove(&*indicator);
                } else {
                    entry.comments.insert(indicator.to_string(), text);
                }
            }
            Action::SetFeedback { outcome, text } => {
                check_length(&text)?;
                if framework.learning_outcome(&outcome).is_none() {
                    return Err(ActionError::UnknownOutcome(outcome));
                }
                Rc::make_mut(self.outcomes.entry(outcome).or_default()).feedback = text;
            }
        }
        Ok(())
    }

    fn entry_for_indicator(
        &mut self,
        framework: &Framework,
        indicator: &str,
    ) -> Result<&mut OutcomeEntry, ActionError> {
        let outcome = framework
            .outcome_of(indicator)
            .ok_or_else(|| ActionError::UnknownIndicator(indicator.to_string()))?;
        Ok(Rc::make_mut(self.outcomes.entry(outcome.id.clone()).or_default()))
    }
}

fn check_length(text: &str) -> Result<(), ActionError> {
    // Bytes bound characters from above, so most texts need no count at all.
    if text.len() > MAX_TEXT_CHARS {
        let chars = text.chars().count();
        if chars > MAX_TEXT_CHARS {
            return Err(ActionError::TextTooLong { chars, limit: MAX_TEXT_CHARS });
        }
    }
    Ok(())
}

/// `text` made safe for a file name on every system: diacritics folded (é → e), every other
/// character but ASCII letters and digits a hyphen, no hyphen twice, at either end or past `max`.
pub fn file_name_part(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let folded = fold_diacritic(c);
        for c in folded.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
    }
    out.truncate(max);
    out.trim_end_matches('-').to_string()
}

/// The Latin letters names in the Netherlands commonly carry, without their marks; any other
/// character is returned as it is.
fn fold_diacritic(c: char) -> String {
    let plain = match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È'..='Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ì'..='ï' | 'ī' | 'ı' | 'į' => "i",
        'Ì'..='Ï' | 'Ī' | 'İ' | 'Į' => "I",
        'ĳ' => "ij",
        'Ĳ' => "IJ",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'œ' => "oe",
        'Œ' => "OE",
        'ß' => "ss",
        'ś' | 'š' | 'ş' => "s",
        'Ś' | 'Š' | 'Ş' => "S",
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => "u",
        'Ù'..='Ü' | 'Ū' | 'Ů' | 'Ű' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'ğ' => "g",
        'Ğ' => "G",
        'ł' => "l",
        'Ł' => "L",
        other => return other.to_string(),
    };
    plain.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framework() -> Framework {
        Framework::default_framework().expect("the default framework loads")
    }

    fn set(indicator: &str, score: Score) -> Action {
        Action::SetScore { indicator: indicator.into(), score }
    }

    #[test]
    fn the_norm_level_starts_at_c_and_takes_only_levels_the_norms_have() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        assert_eq!(a.norm_level, None);
        assert_eq!(
            a.apply(&fw, Action::SetNormLevel("C".into())),
            Err(ActionError::UnknownNormLevel("C".into()))
        );
        let profile = crate::core::framework::catalogue::BUILT_IN[1].load().unwrap();
        let profile = profile.framework();
        let mut a = Assessment::new(profile);
        assert_eq!(a.norm_level.as_deref(), Some("C"));
        a.apply(profile, Action::SetNormLevel("D".into())).unwrap();
        assert_eq!(a.norm_level.as_deref(), Some("D"));
        assert_eq!(
            a.apply(profile, Action::SetNormLevel("E".into())),
            Err(ActionError::UnknownNormLevel("E".into()))
        );
        assert_eq!(a.norm_level.as_deref(), Some("D"));
    }

    #[test]
    fn scoring_and_clearing_an_indicator() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        a.apply(&fw, set("LU2.3", Score::Good)).unwrap();
        assert_eq!(a.score(&fw, "LU2.3"), Score::Good);
        assert_eq!(a.entry("LU2").unwrap().scores.len(), 1);
        a.apply(&fw, set("LU2.3", Score::NotScored)).unwrap();
        assert_eq!(a.score(&fw, "LU2.3"), Score::NotScored);
        assert!(a.entry("LU2").unwrap().scores.is_empty());
    }

    #[test]
    fn not_observed_and_a_score_exclude_each_other_and_close_the_indicator() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        let mark =
            |not_observed| Action::SetNotObserved { indicator: "LU1.1".into(), not_observed };
        a.apply(&fw, set("LU1.1", Score::Good)).unwrap();
        a.apply(&fw, mark(true)).unwrap();
        assert_eq!(a.answer(&fw, "LU1.1"), Answer::NotObserved);
        assert_eq!(a.score(&fw, "LU1.1"), Score::NotScored, "choosing it clears the score");
        assert_eq!(a.first_unscored(&fw).as_deref(), Some("LU1.2"), "it is not open");
        assert_eq!(a.unscored(&fw).len(), 41);
        a.apply(&fw, set("LU1.1", Score::High)).unwrap();
        assert_eq!(a.answer(&fw, "LU1.1"), Answer::Scored(Score::High), "scoring clears it");
        assert!(a.entry("LU1").unwrap().not_observed.is_empty());
        a.apply(&fw, mark(true)).unwrap();
        a.apply(&fw, mark(false)).unwrap();
        assert_eq!(a.answer(&fw, "LU1.1"), Answer::Open, "taken back, it is open again");
        assert_eq!(a.first_unscored(&fw).as_deref(), Some("LU1.1"));
        a.apply(&fw, mark(true)).unwrap();
        a.apply(&fw, set("LU1.1", Score::NotScored)).unwrap();
        assert_eq!(a.answer(&fw, "LU1.1"), Answer::Open, "clearing leaves it open");
        assert_eq!(
            a.apply(&fw, Action::SetNotObserved { indicator: "LU9.1".into(), not_observed: true }),
            Err(ActionError::UnknownIndicator("LU9.1".into()))
        );
    }

    #[test]
    fn first_unscored_follows_framework_order() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        assert_eq!(a.first_unscored(&fw).as_deref(), Some("LU1.1"));
        a.apply(&fw, set("LU1.1", Score::Present)).unwrap();
        assert_eq!(a.first_unscored(&fw).as_deref(), Some("LU1.2"));
        let ids: Vec<_> = fw.indicators().map(|i| i.id.clone()).collect();
        for id in &ids {
            a.apply(&fw, Action::SetScore { indicator: id.clone(), score: Score::Good }).unwrap();
        }
        assert_eq!(a.first_unscored(&fw), None);
        a.apply(&fw, set("LU5.2", Score::NotScored)).unwrap();
        assert_eq!(a.first_unscored(&fw).as_deref(), Some("LU5.2"));
    }

    #[test]
    fn shared_texts_are_scored_on_their_own() {
        let fw = framework();
        assert!(fw.shared_with("LU1.3").contains(&"LU2.1".to_string()));
        let mut a = Assessment::new(&fw);
        a.apply(&fw, set("LU1.3", Score::High)).unwrap();
        assert_eq!(a.score(&fw, "LU1.3"), Score::High);
        assert_eq!(a.score(&fw, "LU2.1"), Score::NotScored);
    }

    #[test]
    fn a_change_copies_only_the_outcome_it_touches() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        a.apply(&fw, set("LU1.1", Score::Good)).unwrap();
        a.apply(&fw, set("LU2.1", Score::Good)).unwrap();
        let before = a.clone();
        a.apply(&fw, set("LU2.2", Score::High)).unwrap();
        assert!(Rc::ptr_eq(before.entry("LU1").unwrap(), a.entry("LU1").unwrap()));
        assert!(!Rc::ptr_eq(before.entry("LU2").unwrap(), a.entry("LU2").unwrap()));
        assert_eq!(before.score(&fw, "LU2.2"), Score::NotScored);
    }

    #[test]
    fn unknown_ids_are_refused_and_change_nothing() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        let before = a.clone();
        assert_eq!(
            a.apply(&fw, set("LU9.1", Score::Good)),
            Err(ActionError::UnknownIndicator("LU9.1".into()))
        );
        let feedback = Action::SetFeedback { outcome: "LU9".into(), text: "x".into() };
        assert_eq!(a.apply(&fw, feedback), Err(ActionError::UnknownOutcome("LU9".into())));
        assert_eq!(a, before);
    }

    #[test]
    fn comments_feedback_and_metadata() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        let comment =
            |text: &str| Action::SetComment { indicator: "LU3.2".into(), text: text.into() };
        a.apply(&fw, comment("Buurtavond georganiseerd")).unwrap();
        assert_eq!(a.entry("LU3").unwrap().comment("LU3.2"), "Buurtavond georganiseerd");
        a.apply(&fw, comment("  ")).unwrap();
        assert_eq!(a.entry("LU3").unwrap().comment("LU3.2"), "");
        let feedback = Action::SetFeedback { outcome: "LU6".into(), text: "Sterk".into() };
        a.apply(&fw, feedback).unwrap();
        assert_eq!(a.entry("LU6").unwrap().feedback, "Sterk");
        a.apply(&fw, Action::SetMetadata(MetadataField::StudentNumber, "123".into())).unwrap();
        a.apply(&fw, Action::SetMode(Mode::SelfAssessment)).unwrap();
        assert_eq!(a.metadata.get(MetadataField::StudentNumber), "123");
        assert_eq!(a.metadata.mode, Mode::SelfAssessment);
    }

    #[test]
    fn a_self_assessment_asks_for_no_assessor_unless_one_is_named() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        assert_eq!(a.metadata.form_fields().collect::<Vec<_>>(), MetadataField::ALL);
        a.apply(&fw, Action::SetMode(Mode::SelfAssessment)).unwrap();
        assert_eq!(
            a.metadata.form_fields().collect::<Vec<_>>(),
            [
                MetadataField::StudentName,
                MetadataField::StudentNumber,
                MetadataField::Organisation,
                MetadataField::Date
            ]
        );
        a.apply(&fw, Action::SetMetadata(MetadataField::AssessorRole, "stagiair".into())).unwrap();
        assert!(a.metadata.form_fields().any(|f| f == MetadataField::AssessorRole));
        assert!(!a.metadata.form_fields().any(|f| f == MetadataField::AssessorName));
    }

    #[test]
    fn a_sealed_assessment_refuses_every_change() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        a.apply(&fw, set("LU1.1", Score::Good)).unwrap();
        assert_eq!(a.unscored(&fw).len(), 41);
        assert_eq!(&*a.unscored(&fw)[0].id, "LU1.2");
        let signed = Signed {
            record: "{}".into(),
            created: "2026-11-23T10:00:00Z".into(),
            signer: "did:key:z6Mk".into(),
        };
        a.apply(&fw, Action::Seal(signed.clone())).unwrap();
        assert!(a.is_final());
        let before = a.clone();
        for action in [
            set("LU1.1", Score::High),
            set("LU1.1", Score::NotScored),
            Action::SetComment { indicator: "LU1.1".into(), text: "x".into() },
            Action::SetFeedback { outcome: "LU1".into(), text: "x".into() },
            Action::SetMetadata(MetadataField::StudentName, "x".into()),
            Action::SetMode(Mode::SelfAssessment),
            Action::Seal(signed.clone()),
        ] {
            assert_eq!(a.apply(&fw, action), Err(ActionError::Final));
        }
        assert_eq!(a, before);
    }

    #[test]
    fn export_file_names_are_safe() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        assert_eq!(
            a.export_file_name("2026-11-23T10:00:00Z"),
            "beoordeling-zonder-nummer-2026-11-23.json"
        );
        a.apply(&fw, Action::SetMetadata(MetadataField::StudentNumber, " 4812345 ".into()))
            .unwrap();
        a.apply(&fw, Action::SetMetadata(MetadataField::Date, "2026-11-20".into())).unwrap();
        assert_eq!(
            a.export_file_name("2026-11-23T10:00:00Z"),
            "beoordeling-4812345-2026-11-20.json"
        );
        // Before names went into file names, "../../etc/<x>" gave "beoordeling-------etc--x--…":
        // hyphens now never come twice.
        a.apply(&fw, Action::SetMetadata(MetadataField::StudentNumber, "../../etc/<x>".into()))
            .unwrap();
        assert_eq!(a.export_file_name("2026-11-23T10:00:00Z"), "beoordeling-etc-x-2026-11-20.json");
    }

    #[test]
    fn a_file_name_says_whose_record_of_what_kind_in_safe_letters() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        let set = |a: &mut Assessment, field, text: &str| {
            a.apply(&fw, Action::SetMetadata(field, text.into())).unwrap()
        };
        set(&mut a, MetadataField::StudentNumber, "4812345");
        set(&mut a, MetadataField::StudentName, "Anaïs Çelik-de Vrieß");
        set(&mut a, MetadataField::Date, "2026-05-01");
        assert_eq!(
            a.export_file_name("2026-05-01T10:00:00Z"),
            "beoordeling-4812345-Anais-Celik-de-Vriess-2026-05-01.json"
        );
        a.apply(&fw, Action::SetMode(Mode::SelfAssessment)).unwrap();
        set(&mut a, MetadataField::StudentName, "  Zoë 👍 <b>Ĳsselmeer</b>/.. ");
        assert_eq!(
            a.export_file_name("2026-05-01T10:00:00Z"),
            "zelfbeoordeling-4812345-Zoe-b-IJsselmeer-b-2026-05-01.json"
        );
        // Long names are cut, never mid-hyphen; a name of marks only leaves no part.
        set(&mut a, MetadataField::StudentName, &"Abcdefghi ".repeat(10));
        let name = a.export_file_name("2026-05-01T10:00:00Z");
        assert_eq!(
            name,
            "zelfbeoordeling-4812345-Abcdefghi-Abcdefghi-Abcdefghi-Abcdefghi-2026-05-01.json"
        );
        set(&mut a, MetadataField::StudentName, "—…");
        assert_eq!(a.export_file_name("x"), "zelfbeoordeling-4812345-2026-05-01.json");
        assert_eq!(file_name_part(&"ø".repeat(100), 32), "o".repeat(32));
    }

    #[test]
    fn signing_needs_the_student_number_and_the_signer_s_name() {
        let mut m = Metadata::default();
        assert_eq!(
            m.missing_for_signing(),
            [MetadataField::StudentNumber, MetadataField::AssessorName]
        );
        m.student_number = "4812345".into();
        m.assessor_name = "   ".into();
        assert_eq!(m.missing_for_signing(), [MetadataField::AssessorName]);
        m.assessor_name = "Karim Haddou".into();
        assert!(m.missing_for_signing().is_empty());
        // In a self-assessment the student signs, so the student's name is the signer's.
        m.mode = Mode::SelfAssessment;
        assert_eq!(m.missing_for_signing(), [MetadataField::StudentName]);
    }

    #[test]
    fn the_signer_s_name_is_the_assessor_s_or_the_self_assessing_student_s() {
        let mut m = Metadata {
            student_name: " Sanne de Vries ".into(),
            assessor_name: "   ".into(),
            ..Metadata::default()
        };
        assert_eq!(m.signer_name(), None, "spaces name no one");
        m.assessor_name = "Karim Haddou".into();
        assert_eq!(m.signer_name(), Some("Karim Haddou"));
        m.mode = Mode::SelfAssessment;
        assert_eq!(m.signer_name(), Some("Sanne de Vries"));
    }

    #[test]
    fn only_the_assessor_s_details_carry_over_to_the_next_assessment() {
        let m = Metadata {
            student_name: "Sanne".into(),
            student_number: "1".into(),
            assessor_name: "Karim".into(),
            assessor_role: "werkbegeleider".into(),
            organisation: "Buurtwerk Zuid".into(),
            date: "2026-05-01".into(),
            mode: Mode::Assessor,
        };
        let next = m.carried_over();
        assert_eq!(
            (next.assessor_name.as_str(), next.assessor_role.as_str(), next.organisation.as_str()),
            ("Karim", "werkbegeleider", "Buurtwerk Zuid")
        );
        assert_eq!((next.student_name.as_str(), next.student_number.as_str()), ("", ""));
        assert_eq!(next.date, "");
        let own = Metadata { mode: Mode::SelfAssessment, ..m }.carried_over();
        assert_eq!(own, Metadata { mode: Mode::SelfAssessment, ..Metadata::default() });
    }

    #[test]
    fn overlong_text_is_refused() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        let long = "é".repeat(MAX_TEXT_CHARS + 1);
        let at_limit = "é".repeat(MAX_TEXT_CHARS);
        let comment =
            |text: &str| Action::SetComment { indicator: "LU1.1".into(), text: text.into() };
        assert!(matches!(a.apply(&fw, comment(&long)), Err(ActionError::TextTooLong { .. })));
        assert_eq!(a.apply(&fw, comment(&at_limit)), Ok(()));
    }
}
