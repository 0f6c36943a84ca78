//! Reading a record out of parsed JSON, checking its shape only.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::core::assessment::Mode;
use crate::core::json::{JsonError, Node, Object};
use crate::core::record::layout::credential_path;
use crate::core::record::problem::{RecordProblem, ShapeProblem};
use crate::core::record::shape::{
    Aggregate, Aggregates, AppInfo, AssessmentRecord, Assessor, FrameworkInfo, IndicatorRecord,
    IndicatorStatus, InvitationRef, OutcomeRecord, Proof, ScoreRecord, Subject, RECORD_CONTEXT,
    RECORD_TYPE, RECORD_TYPES,
};

impl AssessmentRecord {
    /// Reads the typed record out of a JSON value, checking its shape only: every member present,
    /// of its type, and no other. Use [`verify_record`](super::verify_record) for a record from outside.
    pub fn from_value(value: &Value) -> Result<AssessmentRecord, Vec<RecordProblem>> {
        let mut reader = Reader::default();
        match reader.record(value) {
            Some(record) if reader.problems.is_empty() => Ok(record),
            _ => Err(reader.problems),
        }
    }

    /// [`AssessmentRecord::from_value`] as if the value had no `proof`: the verifier judges the
    /// proof on its own, and copying a whole record to drop one member cost a tenth of its check.
    pub(super) fn from_value_without_proof(
        value: &Value,
    ) -> Result<AssessmentRecord, Vec<RecordProblem>> {
        let mut reader = Reader { skip_proof: true, ..Reader::default() };
        match reader.record(value) {
            Some(record) if reader.problems.is_empty() => Ok(record),
            _ => Err(reader.problems),
        }
    }
}

/// Reads a record through [`crate::core::json`], as the framework and the saved state are read,
/// noting every shape problem with its path instead of stopping at the first.
#[derive(Default)]
pub(super) struct Reader {
    pub(super) problems: Vec<RecordProblem>,
    /// Whether the record's version has *niet waargenomen* (version 4 on); set by `flat` from the
    /// version it reads, before the indicators and aggregates.
    not_observed_allowed: bool,
    /// Reads the record as though it had no `proof` member.
    skip_proof: bool,
}

const RECORD_FIELDS: &[&str] = &[
    "type",
    "schemaVersion",
    "id",
    "created",
    "app",
    "framework",
    "subject",
    "assessor",
    "mode",
    "assessmentDate",
    "normLevel",
    "indicators",
    "learningOutcomes",
    "aggregates",
    "proof",
];
const CREDENTIAL_FIELDS: &[&str] = &[
    "@context",
    "id",
    "type",
    "schemaVersion",
    "issuer",
    "validFrom",
    "credentialSubject",
    "proof",
];
const ASSESSMENT_FIELDS: &[&str] = &[
    "app",
    "framework",
    "assessor",
    "mode",
    "assessmentDate",
    "normLevel",
    "indicators",
    "learningOutcomes",
    "aggregates",
];
const PROOF_FIELDS: &[&str] =
    &["type", "cryptosuite", "created", "verificationMethod", "proofPurpose", "proofValue"];
const CREDENTIAL_PROOF_FIELDS: &[&str] = &[
    "@context",
    "type",
    "cryptosuite",
    "created",
    "verificationMethod",
    "proofPurpose",
    "proofValue",
];
const AGGREGATE_FIELDS: &[&str] = &[
    "high",
    "good",
    "present",
    "notScored",
    "scored",
    "notObserved",
    "total",
    "sum",
    "mean",
    "result",
];

impl Reader {
    fn malformed(&mut self, path: &str, reason: ShapeProblem) {
        self.problems.push(RecordProblem::Malformed { path: path.to_string(), reason });
    }

    /// The value read, or `None` with its error noted.
    fn ok<T>(&mut self, read: Result<T, JsonError>) -> Option<T> {
        read.map_err(|error| self.problems.push(error.into())).ok()
    }

    /// The object at `path`; members outside `fields` are problems, so nothing is silently ignored.
    fn object<'v>(&mut self, value: &'v Value, path: &str, fields: &[&str]) -> Option<Object<'v>> {
        let object = self.ok(Node::at(value, path).into_object())?;
        let unknown: Vec<JsonError> = object.unknown(fields).collect();
        for error in unknown {
            self.problems.push(error.into());
        }
        Some(object)
    }

    fn string(&mut self, object: &Object, key: &'static str) -> Option<String> {
        self.ok(object.string(key)).map(str::to_string)
    }

    /// A member that must be present but may be null.
    fn nullable_string(&mut self, object: &Object, key: &'static str) -> Option<Option<String>> {
        self.ok(object.nullable_string(key)).map(|s| s.map(str::to_string))
    }

    fn count(&mut self, object: &Object, key: &'static str) -> Option<u32> {
        self.ok(object.count(key))
    }

    /// A record in the layout it has: a credential (version 3) once it has an `@context` or says
    /// it is version 3, so that a credential missing either is told what it lacks.
    fn record(&mut self, value: &Value) -> Option<AssessmentRecord> {
        let says_credential =
            matches!(value.get("schemaVersion").and_then(Value::as_str), Some("3" | "4"));
        let is_credential = value.get("@context").is_some() || says_credential;
        let envelope = if is_credential { Some(self.envelope(value)?) } else { None };
        // One reader of the content for every version (so the app carries it once): a
        // credential's content is handed over in the flat layout, its problems moved back to
        // where the credential has them.
        let mut content = Reader { skip_proof: self.skip_proof, ..Reader::default() };
        let map = match &envelope {
            None => content.object(value, "", RECORD_FIELDS),
            // Only members of the flat layout are in either map: none is unknown. The assessor is
            // always among the members moved (described with the issuer's name), so the
            // assessment's own is not lent.
            Some(envelope) => {
                Some(envelope.assessment.over(&envelope.content, ASSESSMENT_FIELDS, ""))
            }
        };
        let record = map.and_then(|map| content.flat(map));
        self.problems.extend(content.problems.into_iter().map(|problem| match problem {
            RecordProblem::Malformed { path, reason } if is_credential => {
                RecordProblem::Malformed { path: credential_path(&path), reason }
            }
            other => other,
        }));
        let record = record?;
        match envelope {
            None => Some(record),
            Some(envelope) => Some(AssessmentRecord {
                issuer: envelope.issuer?,
                proof: envelope.proof?,
                invitation: envelope.invitation?,
                ..record
            }),
        }
    }

    /// Versions 1 and 2: `map` is the record, read as an object with [`RECORD_FIELDS`].
    fn flat(&mut self, map: Object) -> Option<AssessmentRecord> {
        let record_type = self.string(&map, "type");
        let schema_version = self.string(&map, "schemaVersion");
        let id = self.string(&map, "id");
        let created = self.string(&map, "created");
        let app = self.app(&map);
        let framework = self.framework(&map);
        let subject = self.subject(&map);
        let assessor = self.assessor(&map);
        let mode = self.mode(&map);
        let assessment_date = self.nullable_string(&map, "assessmentDate");
        self.not_observed_allowed = schema_version.as_deref() == Some("4");
        // Version 1 has no member for it; versions 2 to 4 must state it, if only as null. Of a version
        // this reader does not know, the version is the problem to report, not its members.
        let has_norm_level = map.get("normLevel").is_some();
        let norm_level = match schema_version.as_deref() {
            Some("1") => {
                if has_norm_level {
                    self.malformed("normLevel", ShapeProblem::UnexpectedMember);
                }
                Some(None)
            }
            Some("2" | "3" | "4") => self.nullable_string(&map, "normLevel"),
            _ if has_norm_level => self.nullable_string(&map, "normLevel"),
            _ => Some(None),
        };
        let indicators = self.list(&map, "indicators", Reader::indicator);
        let learning_outcomes = self.list(&map, "learningOutcomes", Reader::outcome);
        let aggregates = self.aggregates(&map);
        let proof = match map.get("proof").filter(|_| !self.skip_proof) {
            None => Some(None),
            Some(node) => self.proof(node.value(), node.path(), false).map(Some),
        };
        Some(AssessmentRecord {
            record_type: record_type?,
            schema_version: schema_version?,
            id: id?,
            created: created?,
            issuer: None,
            app: app?,
            framework: framework?,
            subject: subject?,
            assessor: assessor?,
            mode: mode?,
            assessment_date: assessment_date?,
            norm_level: norm_level?,
            indicators: indicators?,
            learning_outcomes: learning_outcomes?,
            aggregates: aggregates?,
            invitation: None,
            proof: proof?,
        })
    }

    /// Version 3: the same content as version 2 inside a Verifiable Credential. Checks the
    /// envelope and gives the content in the flat layout, for the reader of version 2.
    fn envelope<'v>(&mut self, value: &'v Value) -> Option<Envelope<'v>> {
        let map = self.object(value, "", CREDENTIAL_FIELDS)?;
        let context = self.exactly(&map, "@context", &RECORD_CONTEXT);
        let types = self.exactly(&map, "type", &RECORD_TYPES);
        if let Some(version @ ("1" | "2")) =
            map.get("schemaVersion").and_then(|v| v.value().as_str())
        {
            let found = version.to_string();
            let expected = &["3", "4"];
            self.malformed("schemaVersion", ShapeProblem::NotOneOf { found, expected });
        }
        let version = map.get("schemaVersion").and_then(|v| v.value().as_str().map(str::to_string));
        let issuer = self.part(&map, "issuer", &["id", "name"]);
        // Absent before signing; the verifier requires it of a signed record.
        let issuer_id = issuer.as_ref().and_then(|issuer| {
            self.ok(issuer.optional_string("id")).map(|id| id.map(str::to_string))
        });
        let subject = self.part(
            &map,
            "credentialSubject",
            &["name", "studentNumber", "assessment", "invitation"],
        );
        let invitation = subject.as_ref().and_then(|s| self.invitation(s, version.as_deref()));
        let assessment =
            subject.as_ref().and_then(|s| self.part(s, "assessment", ASSESSMENT_FIELDS));
        let assessor =
            assessment.as_ref().and_then(|a| self.part(a, "assessor", &["role", "organisation"]));
        let proof = match map.get("proof").filter(|_| !self.skip_proof) {
            None => Some(None),
            Some(node) => self.proof(node.value(), node.path(), true).map(Some),
        };
        let (issuer, subject, assessment, assessor) = (issuer?, subject?, assessment?, assessor?);

        let mut flat = Map::new();
        let copy = |to: &mut Map<String, Value>, from: &Object, key: &str, as_key: &str| {
            if let Some(node) = from.get(key) {
                to.insert(as_key.to_string(), node.value().clone());
            }
        };
        flat.insert("type".into(), RECORD_TYPE.into());
        copy(&mut flat, &map, "schemaVersion", "schemaVersion");
        copy(&mut flat, &map, "id", "id");
        copy(&mut flat, &map, "validFrom", "created");
        let mut student = Map::new();
        copy(&mut student, &subject, "name", "name");
        copy(&mut student, &subject, "studentNumber", "studentNumber");
        flat.insert("subject".into(), Value::Object(student));
        let mut who = Map::new();
        copy(&mut who, &issuer, "name", "name");
        copy(&mut who, &assessor, "role", "role");
        copy(&mut who, &assessor, "organisation", "organisation");
        flat.insert("assessor".into(), Value::Object(who));
        // The rest of the content, the bulk of it, is read where it is: copying it was a third
        // of reading a record.
        let whole = context.and(types).is_some();
        Some(Envelope {
            content: flat,
            assessment,
            issuer: issuer_id.filter(|_| whole),
            proof: proof.filter(|_| whole),
            invitation,
        })
    }

    /// Version 4 may name the invitation the assessment answers; no earlier version has it.
    fn invitation(
        &mut self,
        subject: &Object,
        version: Option<&str>,
    ) -> Option<Option<InvitationRef>> {
        let Some(node) = subject.get("invitation") else { return Some(None) };
        if version != Some("4") {
            self.malformed(node.path(), ShapeProblem::UnexpectedMember);
            return None;
        }
        let object = self.object(node.value(), node.path(), &["id", "digestMultibase"])?;
        let id = self.string(&object, "id");
        let digest_multibase = self.string(&object, "digestMultibase");
        Some(Some(InvitationRef { id: id?, digest_multibase: digest_multibase? }))
    }

    /// A member that must be exactly this list of strings (a credential's `@context` and `type`).
    fn exactly(
        &mut self,
        map: &Object,
        key: &'static str,
        expected: &'static [&str],
    ) -> Option<()> {
        let node = self.ok(map.member(key))?;
        let same = node.value().as_array().is_some_and(|items| {
            items.len() == expected.len()
                && items.iter().zip(expected).all(|(item, e)| item.as_str() == Some(*e))
        });
        if !same {
            self.malformed(node.path(), ShapeProblem::NotExactly { expected });
        }
        same.then_some(())
    }

    /// Reads every element, so that each bad one is reported, and gives the list only if all read.
    fn list<T>(
        &mut self,
        map: &Object,
        key: &'static str,
        read: fn(&mut Reader, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.ok(map.array(key))?;
        let read: Vec<Option<T>> =
            items.iter().map(|item| read(self, item.value(), item.path())).collect();
        read.into_iter().collect()
    }

    /// Member `key` of the record, an object with exactly `fields`.
    fn part<'v>(
        &mut self,
        map: &Object<'v>,
        key: &'static str,
        fields: &[&str],
    ) -> Option<Object<'v>> {
        let node = self.ok(map.member(key))?;
        self.object(node.value(), node.path(), fields)
    }

    fn app(&mut self, map: &Object) -> Option<AppInfo> {
        let app = self.part(map, "app", &["name", "version"])?;
        let name = self.string(&app, "name");
        let version = self.string(&app, "version");
        Some(AppInfo { name: name?, version: version? })
    }

    fn framework(&mut self, map: &Object) -> Option<FrameworkInfo> {
        let fw = self.part(map, "framework", &["id", "version", "sha256"])?;
        let id = self.string(&fw, "id");
        let version = self.string(&fw, "version");
        let sha256 = self.string(&fw, "sha256");
        Some(FrameworkInfo { id: id?, version: version?, sha256: sha256? })
    }

    fn subject(&mut self, map: &Object) -> Option<Subject> {
        let subject = self.part(map, "subject", &["name", "studentNumber"])?;
        let name = self.string(&subject, "name");
        let student_number = self.string(&subject, "studentNumber");
        Some(Subject { name: name?, student_number: student_number? })
    }

    fn assessor(&mut self, map: &Object) -> Option<Assessor> {
        let assessor = self.part(map, "assessor", &["name", "role", "organisation"])?;
        let name = self.string(&assessor, "name");
        let role = self.string(&assessor, "role");
        let organisation = self.string(&assessor, "organisation");
        Some(Assessor { name: name?, role: role?, organisation: organisation? })
    }

    fn mode(&mut self, map: &Object) -> Option<Mode> {
        let key = self.string(map, "mode")?;
        let mode = Mode::from_key(&key);
        if mode.is_none() {
            self.malformed(
                &map.path_to("mode"),
                ShapeProblem::NotOneOf { found: key, expected: &["assessor", "self"] },
            );
        }
        mode
    }

    fn indicator(&mut self, value: &Value, path: &str) -> Option<IndicatorRecord> {
        let fields = &["id", "learningOutcome", "status", "score", "comment"];
        let map = self.object(value, path, fields)?;
        let id = self.string(&map, "id");
        let learning_outcome = self.string(&map, "learningOutcome");
        let status = self.string(&map, "status").and_then(|status| match status.as_str() {
            "scored" => Some(IndicatorStatus::Scored),
            "not-scored" => Some(IndicatorStatus::NotScored),
            "notObserved" if self.not_observed_allowed => Some(IndicatorStatus::NotObserved),
            "notObserved" => {
                self.malformed(&map.path_to("status"), ShapeProblem::NotObservedBeforeVersion4);
                None
            }
            _ => {
                let expected: &[&str] = if self.not_observed_allowed {
                    &["scored", "not-scored", "notObserved"]
                } else {
                    &["scored", "not-scored"]
                };
                self.malformed(
                    &map.path_to("status"),
                    ShapeProblem::NotOneOf { found: status, expected },
                );
                None
            }
        });
        let score = self.nullable_score(&map, "score");
        let comment = self.nullable_string(&map, "comment");
        Some(IndicatorRecord {
            id: id?,
            learning_outcome: learning_outcome?,
            status: status?,
            score: score?,
            comment: comment?,
        })
    }

    fn nullable_score(&mut self, map: &Object, key: &'static str) -> Option<Option<ScoreRecord>> {
        let node = self.ok(map.member(key))?;
        if node.is_null() {
            return Some(None);
        }
        let score = self.object(node.value(), node.path(), &["symbol", "value"])?;
        let symbol = self.string(&score, "symbol");
        let value = self.count(&score, "value").and_then(|n| {
            let value = u8::try_from(n).ok();
            if value.is_none() {
                self.malformed(&score.path_to("value"), ShapeProblem::NotAScaleValue);
            }
            value
        });
        Some(Some(ScoreRecord { symbol: symbol?, value: value? }))
    }

    fn outcome(&mut self, value: &Value, path: &str) -> Option<OutcomeRecord> {
        let map = self.object(value, path, &["id", "coreTask", "feedback"])?;
        let id = self.string(&map, "id");
        let core_task = self.string(&map, "coreTask");
        let feedback = self.nullable_string(&map, "feedback");
        Some(OutcomeRecord { id: id?, core_task: core_task?, feedback: feedback? })
    }

    fn aggregates(&mut self, map: &Object) -> Option<Aggregates> {
        let map = self.part(map, "aggregates", &["learningOutcomes", "coreTasks", "overall"])?;
        let learning_outcomes = self.aggregate_map(&map, "learningOutcomes");
        let core_tasks = self.aggregate_map(&map, "coreTasks");
        let overall = self.ok(map.member("overall"));
        let overall = overall.and_then(|node| self.aggregate(node.value(), node.path()));
        Some(Aggregates {
            learning_outcomes: learning_outcomes?,
            core_tasks: core_tasks?,
            overall: overall?,
        })
    }

    /// Aggregates keyed by id: any member name is an id, so none is unknown.
    fn aggregate_map(
        &mut self,
        map: &Object,
        key: &'static str,
    ) -> Option<BTreeMap<String, Aggregate>> {
        let entries = self.ok(map.object(key))?;
        let read: Vec<Option<(String, Aggregate)>> = entries
            .members()
            .map(|(id, node)| Some((id.clone(), self.aggregate(node.value(), node.path())?)))
            .collect();
        read.into_iter().collect()
    }

    fn aggregate(&mut self, value: &Value, path: &str) -> Option<Aggregate> {
        let map = self.object(value, path, AGGREGATE_FIELDS)?;
        let high = self.count(&map, "high");
        let good = self.count(&map, "good");
        let present = self.count(&map, "present");
        let not_scored = self.count(&map, "notScored");
        let scored = self.count(&map, "scored");
        let not_observed = match map.get("notObserved") {
            None => Some(None),
            Some(node) if !self.not_observed_allowed => {
                self.malformed(node.path(), ShapeProblem::NotObservedBeforeVersion4);
                None
            }
            Some(_) => self.count(&map, "notObserved").map(Some),
        };
        let total = self.count(&map, "total");
        let sum = self.count(&map, "sum");
        let mean = self.nullable_string(&map, "mean");
        let result = self.nullable_score(&map, "result");
        Some(Aggregate {
            high: high?,
            good: good?,
            present: present?,
            not_scored: not_scored?,
            scored: scored?,
            not_observed: not_observed?,
            total: total?,
            sum: sum?,
            mean: mean?,
            result: result?,
        })
    }

    /// The proof of a record; that of a credential (version 3) carries the credential's
    /// `@context`, as the cryptosuite's proof configuration copies it.
    pub(super) fn proof(&mut self, value: &Value, path: &str, credential: bool) -> Option<Proof> {
        let fields = if credential { CREDENTIAL_PROOF_FIELDS } else { PROOF_FIELDS };
        let map = self.object(value, path, fields)?;
        let context = if credential {
            self.exactly(&map, "@context", &RECORD_CONTEXT)
                .map(|()| Some(RECORD_CONTEXT.iter().map(|c| c.to_string()).collect()))
        } else {
            Some(None)
        };
        let proof_type = self.string(&map, "type");
        let cryptosuite = self.string(&map, "cryptosuite");
        let created = self.string(&map, "created");
        let verification_method = self.string(&map, "verificationMethod");
        let proof_purpose = self.string(&map, "proofPurpose");
        let proof_value = self.string(&map, "proofValue");
        Some(Proof {
            context: context?,
            proof_type: proof_type?,
            cryptosuite: cryptosuite?,
            created: created?,
            verification_method: verification_method?,
            proof_purpose: proof_purpose?,
            proof_value: proof_value?,
        })
    }
}

/// What [`Reader::envelope`] found: the content in the flat layout (the members it moves in
/// `content`, over the `assessment` they join there), and the credential's own members, `None`
/// when they could not be read (the problems say why).
struct Envelope<'v> {
    content: Map<String, Value>,
    assessment: Object<'v>,
    issuer: Option<Option<String>>,
    proof: Option<Option<Proof>>,
    invitation: Option<Option<InvitationRef>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nullable_fields_must_be_present() {
        let mut reader = Reader::default();
        let with = serde_json::json!({"id": "LU1", "coreTask": "KT1", "feedback": null});
        assert!(reader.outcome(&with, "o").is_some());
        assert!(reader.problems.is_empty());
        let without = serde_json::json!({"id": "LU1", "coreTask": "KT1"});
        assert!(reader.outcome(&without, "o").is_none());
        assert_eq!(
            reader.problems,
            vec![RecordProblem::Malformed {
                path: "o.feedback".into(),
                reason: ShapeProblem::Missing
            }]
        );
    }

    /// The example record, a version 4 credential, as parsed JSON.
    fn example() -> Value {
        let text = include_str!("../../../examples/record.json");
        crate::core::json::parse(text, text.len()).unwrap()
    }

    #[test]
    fn a_credential_content_is_read_as_in_the_flat_layout() {
        let value = example();
        let record = AssessmentRecord::from_value(&value).unwrap();
        let assessment = &value["credentialSubject"]["assessment"];
        assert_eq!(record.id, value["id"].as_str().unwrap());
        assert_eq!(record.created, value["validFrom"].as_str().unwrap());
        assert_eq!(record.indicators.len(), assessment["indicators"].as_array().unwrap().len());
        assert_eq!(record.mode.key(), assessment["mode"].as_str().unwrap());
        assert_eq!(record.assessor.name, value["issuer"]["name"].as_str().unwrap());
        assert_eq!(record.assessor.role, assessment["assessor"]["role"].as_str().unwrap());
    }

    #[test]
    fn a_credential_member_is_not_taken_from_the_assessment() {
        // The flat layout's `id` and `created` come from the credential, and the assessment may
        // not stand in for them: such members there are unknown, and the credential's missing.
        let mut value = example();
        let id = value["id"].take();
        value.as_object_mut().unwrap().remove("id");
        let assessment = value["credentialSubject"]["assessment"].as_object_mut().unwrap();
        assessment.insert("id".into(), id);
        assessment.insert("created".into(), "2026-01-01T00:00:00Z".into());
        let problems = AssessmentRecord::from_value(&value).unwrap_err();
        let malformed = |path: &str, reason: ShapeProblem| RecordProblem::Malformed {
            path: path.into(),
            reason,
        };
        assert!(problems.contains(&malformed("id", ShapeProblem::Missing)), "{problems:?}");
        for member in ["id", "created"] {
            let unknown = format!("credentialSubject.assessment.{member}");
            assert!(
                problems.contains(&malformed(&unknown, ShapeProblem::UnexpectedMember)),
                "{problems:?}"
            );
        }
        assert_eq!(problems.len(), 3, "{problems:?}");
    }

    #[test]
    fn every_shape_problem_is_reported_with_its_path() {
        let value = serde_json::json!({
            "type": 1,
            "indicators": [{"id": "LU1.1", "learningOutcome": "LU1", "status": "maybe",
                            "score": {"symbol": "+", "value": 300}, "comment": 5, "x": 0}],
            "aggregates": {"learningOutcomes": [], "coreTasks": {"KT1": null}},
            "extra": true,
        });
        let problems = AssessmentRecord::from_value(&value).err().unwrap_or_default();
        let paths: Vec<&str> = problems
            .iter()
            .filter_map(|p| match p {
                RecordProblem::Malformed { path, .. } => Some(path.as_str()),
                _ => None,
            })
            .collect();
        for expected in [
            "extra",
            "type",
            "schemaVersion",
            "indicators[0].x",
            "indicators[0].status",
            "indicators[0].score.value",
            "indicators[0].comment",
            "learningOutcomes",
            "aggregates.learningOutcomes",
            "aggregates.coreTasks.KT1",
            "aggregates.overall",
            "proof",
        ] {
            assert_eq!(paths.contains(&expected), expected != "proof", "{expected} in {paths:?}");
        }
    }
}
