//! A cohort: many signed records, as a hogeschool receives them from its assessors, verified and
//! brought together in one table, a distribution per indicator and a CSV file for a gradebook.
//!
//! Every record is verified first ([`crate::core::record::verify_record_bytes`]); only valid ones count.
//! What is left out is kept with its reasons, so that nobody wonders where a student went. A file
//! whose record id was already taken in is left out as a copy: two files of one record would count
//! the same assessment twice. Two different records of one student (a self-assessment and an
//! assessor's, or two assessors) are two rows: they are two assessments.
//!
//! Examinators' decisions come in beside the records, in any order: a decision is matched to the
//! record it names by id and `digestMultibase`, and one that matches no record in the overview
//! (its record missing, or changed since the decision) is listed among the files left out.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::core::assessment::aggregate::Tally;
use crate::core::assessment::{Answer, Mode};
use crate::core::credentials::decision::{
    read_decision, Decision, DecisionProblem, Mismatch, OutcomeResult,
};
use crate::core::credentials::{digest_multibase, DECISION_TYPE};
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::Framework;
use crate::core::json::parse_bytes;
use crate::core::record::{
    verify_record_bytes, verify_record_value, AssessmentRecord, IndicatorStatus, RecordProblem,
    MAX_RECORD_BYTES,
};

/// One valid record, reduced to what the overview shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// The file's place in the cohort, under which it is kept in the browser: what a row opens.
    pub key: u32,
    pub file_name: String,
    pub record_id: String,
    /// The SHA-256 of the framework the record was verified against.
    pub framework: String,
    pub student_name: String,
    pub student_number: String,
    pub organisation: String,
    pub assessor_name: String,
    pub mode: Mode,
    /// `YYYY-MM-DD`, or empty.
    pub date: String,
    /// The result of each learning outcome, in framework order: `Open` while not determined,
    /// `NotObserved` when none of its indicators was observed.
    pub outcomes: Vec<Answer>,
    pub overall: Answer,
    /// What every indicator holds, in framework order: a score, not observed, or open.
    pub indicators: Vec<Answer>,
    /// The did:key that signed the record, and the invitation it answers (id, digestMultibase):
    /// what the signer's standing is judged on when shown.
    pub signer: String,
    pub invitation: Option<(String, String)>,
    /// The record's `digestMultibase`, by which a decision names it.
    pub digest: String,
    /// The examinator's decision on this record, once its file is in.
    pub decision: Option<MemberDecision>,
}

impl Member {
    /// How many indicators the record answers, of how many the framework has: `(40, 42)`.
    // An answer is a score today; a status that answers without a score would count here too.
    /// Indicators answered (scored, or marked niet waargenomen) of how many: a behaviour marked
    /// not observed is no open work.
    pub fn completeness(&self) -> (usize, usize) {
        (self.indicators.iter().filter(|a| a.is_answered()).count(), self.indicators.len())
    }

    pub fn is_complete(&self) -> bool {
        let (answered, total) = self.completeness();
        answered == total
    }

    /// The name the record gives its signer: the assessor's, or the student's own on a
    /// self-assessment (which names no assessor).
    pub fn signer_name(&self) -> &str {
        if self.assessor_name.trim().is_empty() {
            &self.student_name
        } else {
            &self.assessor_name
        }
    }

    /// The signer's key fingerprint, as every view shows a key.
    pub fn fingerprint(&self) -> String {
        if self.signer.is_empty() {
            String::new()
        } else {
            crate::core::crypto::signing_key::fingerprint(&self.signer)
        }
    }
}

/// An examinator's decision as the overview shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberDecision {
    pub file_name: String,
    /// Who signed it (`issuer.name`); empty when it names nobody.
    pub examinator: String,
    pub decision_date: String,
    /// Per learning outcome, in framework order.
    pub results: Vec<OutcomeResult>,
}

/// A verified decision kept until its record comes in (or for good, when it never does).
#[derive(Clone, Debug, PartialEq, Eq)]
struct KeptDecision {
    file_name: String,
    examinator: String,
    decision: Decision,
    /// The did:key that signed it, and the signed document: badges are issued from exactly it.
    signer: String,
    signed: std::rc::Rc<serde_json::Value>,
    /// Taken into a member's row.
    matched: bool,
}

/// A verified decision in the cohort, as issuing its deelcertificaten needs it.
#[derive(Clone, Copy, Debug)]
pub struct CohortDecision<'a> {
    pub file_name: &'a str,
    /// The did:key that signed it.
    pub signer: &'a str,
    pub signed: &'a serde_json::Value,
    pub decision: &'a Decision,
    /// Beside its record in the overview; otherwise the record is missing or was changed.
    pub matched: bool,
}

/// Why a decision file is left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecisionRejection {
    /// It does not verify.
    Invalid(DecisionProblem),
    /// No record with its id is in the overview.
    NoRecord,
    /// A record with its id is, but not the one it was made on.
    Mismatch(Mismatch),
    /// Another decision on the same record was taken in from this file first.
    Copy { of: String },
}

/// Why a file is not in the overview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The browser could not read the file, or it is larger than a record can be.
    Unreadable,
    /// The record does not verify: every reason.
    Invalid(Vec<RecordProblem>),
    /// A valid record already taken in from the file named here.
    Copy { of: String },
    /// An examinator's decision that is not shown beside a record.
    Decision(DecisionRejection),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub file_name: String,
    pub reason: Reason,
}

/// The records taken in so far, in the order they came.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cohort {
    pub members: Vec<Member>,
    pub rejected: Vec<Rejected>,
    /// The frameworks of the members, in the order first seen.
    pub frameworks: Vec<HashedFramework>,
    /// Record id -> file name, to recognise copies.
    ids: BTreeMap<String, String>,
    /// Every decision that verified, in the order they came.
    decisions: Vec<KeptDecision>,
    /// The key the next file gets.
    next_key: u32,
}

impl Cohort {
    /// Verifies one file's bytes against `known` and takes the record in, or notes why not.
    /// `bytes` is `None` for a file the browser could not read.
    pub fn add(&mut self, file_name: &str, bytes: Option<&[u8]>, known: &[&HashedFramework]) {
        let key = self.next_key();
        self.add_keyed(key, file_name, bytes, known);
    }

    /// An empty cohort whose files get keys from `next_key` on: after *Cohort leegmaken*, so
    /// that a file taken in later never reuses the key of one the browser may still hold.
    pub fn starting_at(next_key: u32) -> Cohort {
        Cohort { next_key, ..Cohort::default() }
    }

    /// The key a file taken in now gets: one past every key given so far.
    pub fn next_key(&self) -> u32 {
        self.next_key
    }

    /// [`Cohort::add`] under a key given elsewhere: a file kept in the browser comes back under
    /// the key it was kept with. Later files get keys past it.
    pub fn add_keyed(
        &mut self,
        key: u32,
        file_name: &str,
        bytes: Option<&[u8]>,
        known: &[&HashedFramework],
    ) {
        self.next_key = self.next_key.max(key.saturating_add(1));
        let reject = |reason| Rejected { file_name: file_name.to_string(), reason };
        let Some(bytes) = bytes else {
            self.rejected.push(reject(Reason::Unreadable));
            return;
        };
        let value = parse_bytes(bytes, MAX_RECORD_BYTES).ok();
        if let Some(value) = value.as_ref().filter(|v| is_decision(v)) {
            return self.add_decision(file_name, value, known);
        }
        let report = match &value {
            Some(value) => verify_record_value(value, known),
            None => verify_record_bytes(bytes, known),
        };
        let (Some(record), Some(framework), true) =
            (&report.record, &report.framework, report.is_valid())
        else {
            self.rejected.push(reject(Reason::Invalid(report.problems)));
            return;
        };
        if let Some(first) = self.ids.get(&record.id) {
            self.rejected.push(reject(Reason::Copy { of: first.clone() }));
            return;
        }
        self.ids.insert(record.id.clone(), file_name.to_string());
        if !self.frameworks.iter().any(|f| f.sha256() == framework.sha256()) {
            self.frameworks.push(framework.clone());
        }
        let digest = value.as_ref().and_then(|v| digest_multibase(v).ok()).unwrap_or_default();
        let mut member = member(file_name, record, framework, digest);
        member.key = key;
        member.signer = report.proof.as_ref().map(|p| p.did.clone()).unwrap_or_default();
        member.invitation =
            record.invitation.as_ref().map(|r| (r.id.clone(), r.digest_multibase.clone()));
        self.settle(&mut member);
        self.members.push(member);
    }

    /// Verifies a decision and puts it beside its record, if that is in already.
    fn add_decision(
        &mut self,
        file_name: &str,
        value: &serde_json::Value,
        known: &[&HashedFramework],
    ) {
        let verified = match read_decision(value, known) {
            Ok(verified) => verified,
            Err(problem) => {
                let reason = Reason::Decision(DecisionRejection::Invalid(problem));
                self.rejected.push(Rejected { file_name: file_name.to_string(), reason });
                return;
            }
        };
        let d = &verified.decision;
        let same = |k: &KeptDecision| {
            k.decision.record_id == d.record_id && k.decision.record_digest == d.record_digest
        };
        if let Some(first) = self.decisions.iter().find(|k| same(k)) {
            let reason = Reason::Decision(DecisionRejection::Copy { of: first.file_name.clone() });
            self.rejected.push(Rejected { file_name: file_name.to_string(), reason });
            return;
        }
        self.decisions.push(KeptDecision {
            file_name: file_name.to_string(),
            examinator: verified.credential.issuer_name.clone().unwrap_or_default(),
            decision: verified.decision,
            signer: verified.credential.issuer,
            signed: std::rc::Rc::new(value.clone()),
            matched: false,
        });
        let mut members = std::mem::take(&mut self.members);
        for member in members.iter_mut().filter(|m| m.decision.is_none()) {
            self.settle(member);
        }
        self.members = members;
    }

    /// Gives a member the decision made on it, if one is in.
    fn settle(&mut self, member: &mut Member) {
        let Some(kept) = self.decisions.iter_mut().find(|k| {
            !k.matched
                && k.decision
                    .check_against(&member.record_id, &member.digest, &member.framework)
                    .and_then(|()| {
                        k.decision.check_student(&member.student_name, &member.student_number)
                    })
                    .is_ok()
        }) else {
            return;
        };
        kept.matched = true;
        let framework = self.frameworks.iter().find(|f| f.sha256() == member.framework);
        let results = framework
            .map(|f| {
                f.framework()
                    .learning_outcomes()
                    .map(|o| kept.decision.result(&o.id).unwrap_or_default())
                    .collect()
            })
            .unwrap_or_default();
        member.decision = Some(MemberDecision {
            file_name: kept.file_name.clone(),
            examinator: kept.examinator.clone(),
            decision_date: kept.decision.decision_date.clone(),
            results,
        });
    }

    /// The decisions that verified but are beside no record: their record is not in the overview,
    /// or was changed after the decision.
    pub fn unmatched_decisions(&self) -> Vec<Rejected> {
        self.decisions
            .iter()
            .filter(|k| !k.matched)
            .map(|k| {
                let d = &k.decision;
                let reason = self
                    .members
                    .iter()
                    .filter(|m| m.record_id == d.record_id)
                    .find_map(|m| {
                        d.check_against(&m.record_id, &m.digest, &m.framework)
                            .and_then(|()| d.check_student(&m.student_name, &m.student_number))
                            .err()
                    })
                    .map_or(DecisionRejection::NoRecord, DecisionRejection::Mismatch);
                Rejected { file_name: k.file_name.clone(), reason: Reason::Decision(reason) }
            })
            .collect()
    }

    /// Every decision that verified, in the order the files came.
    pub fn decisions(&self) -> impl Iterator<Item = CohortDecision<'_>> {
        self.decisions.iter().map(|k| CohortDecision {
            file_name: &k.file_name,
            signer: &k.signer,
            signed: &k.signed,
            decision: &k.decision,
            matched: k.matched,
        })
    }

    /// Every file left out, those refused as they came and the decisions beside no record.
    pub fn all_rejected(&self) -> Vec<Rejected> {
        let mut all = self.rejected.clone();
        all.extend(self.unmatched_decisions());
        all
    }

    /// Whether any decision is shown beside a record: then the table and the CSV have its columns.
    pub fn has_decisions(&self) -> bool {
        self.members.iter().any(|m| m.decision.is_some())
    }

    /// Notes a file that was not verified at all, such as one too large to read.
    pub fn reject(&mut self, file_name: &str, reason: Reason) {
        self.rejected.push(Rejected { file_name: file_name.to_string(), reason });
    }

    /// The frameworks with how many members each, most first (the first seen on a tie): the
    /// overview opens on the first.
    pub fn framework_counts(&self) -> Vec<(&HashedFramework, usize)> {
        let mut counts: Vec<(&HashedFramework, usize)> = self
            .frameworks
            .iter()
            .map(|f| (f, self.members.iter().filter(|m| m.framework == f.sha256()).count()))
            .collect();
        counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        counts
    }

    /// The member a row shows, by its key.
    pub fn member(&self, key: u32) -> Option<&Member> {
        self.members.iter().find(|m| m.key == key)
    }

    /// The record to set beside `member` in the compare view: of the same student (by student
    /// number) and framework, in the other mode. Of several, the latest assessment date, then the
    /// one taken in last.
    pub fn counterpart(&self, member: &Member) -> Option<&Member> {
        let number = member.student_number.trim();
        if number.is_empty() {
            return None;
        }
        self.members
            .iter()
            .filter(|m| {
                m.mode != member.mode
                    && m.framework == member.framework
                    && m.student_number.trim() == number
            })
            .max_by(|a, b| a.date.cmp(&b.date).then(a.key.cmp(&b.key)))
    }

    pub fn framework(&self, sha256: &str) -> Option<&HashedFramework> {
        self.frameworks.iter().find(|f| f.sha256() == sha256)
    }

    /// The organisations and assessors among the members of one framework, sorted, to filter by.
    pub fn choices(&self, framework: &str) -> (Vec<String>, Vec<String>) {
        let of = |pick: fn(&Member) -> &str| -> Vec<String> {
            let set: BTreeSet<&str> =
                self.members.iter().filter(|m| m.framework == framework).map(pick).collect();
            set.into_iter().map(str::to_string).collect()
        };
        (of(|m| &m.organisation), of(|m| &m.assessor_name))
    }
}

/// A file whose `type` names it a decision is read as one; anything else as a record.
fn is_decision(value: &serde_json::Value) -> bool {
    value
        .get("type")
        .and_then(serde_json::Value::as_array)
        .is_some_and(|types| types.iter().any(|t| t.as_str() == Some(DECISION_TYPE)))
}

fn member(
    file_name: &str,
    record: &AssessmentRecord,
    framework: &HashedFramework,
    digest: String,
) -> Member {
    let fw = framework.framework();
    let result = |aggregate: Option<&crate::core::record::Aggregate>| {
        let Some(aggregate) = aggregate else { return Answer::Open };
        match aggregate.result.as_ref().and_then(|r| r.score()) {
            Some(score) => Answer::Scored(score),
            // The record states the count; all of the set not observed leaves no result.
            None if aggregate.total > 0 && aggregate.not_observed == Some(aggregate.total) => {
                Answer::NotObserved
            }
            None => Answer::Open,
        }
    };
    // A valid record lists every indicator once, in framework order (the verifier checks that).
    let scores: BTreeMap<&str, Answer> = record
        .indicators
        .iter()
        .map(|i| {
            let answer = match (i.status, i.score.as_ref().and_then(|s| s.score())) {
                (IndicatorStatus::NotObserved, _) => Answer::NotObserved,
                (_, Some(score)) => Answer::Scored(score),
                (_, None) => Answer::Open,
            };
            (i.id.as_str(), answer)
        })
        .collect();
    Member {
        key: 0,
        file_name: file_name.to_string(),
        record_id: record.id.clone(),
        framework: framework.sha256().to_string(),
        student_name: record.subject.name.clone(),
        student_number: record.subject.student_number.clone(),
        organisation: record.assessor.organisation.clone(),
        assessor_name: record.assessor.name.clone(),
        mode: record.mode,
        date: record.assessment_date.clone().unwrap_or_default(),
        outcomes: fw
            .learning_outcomes()
            .map(|o| result(record.aggregates.learning_outcomes.get(&o.id)))
            .collect(),
        overall: result(Some(&record.aggregates.overall)),
        indicators: fw
            .indicators()
            .map(|i| scores.get(&*i.id).copied().unwrap_or_default())
            .collect(),
        signer: String::new(),
        invitation: None,
        digest,
        decision: None,
    }
}

/// Which members the overview shows: those of one framework, narrowed by mode, organisation and
/// assessor where one is chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The framework's SHA-256.
    pub framework: String,
    pub mode: Option<Mode>,
    pub organisation: Option<String>,
    pub assessor: Option<String>,
}

impl Filter {
    pub fn admits(&self, member: &Member) -> bool {
        member.framework == self.framework
            && self.mode.is_none_or(|mode| member.mode == mode)
            && self.organisation.as_ref().is_none_or(|o| &member.organisation == o)
            && self.assessor.as_ref().is_none_or(|a| &member.assessor_name == a)
    }
}

/// The members the filter admits, by student name (ignoring case), then student number, date and
/// record id, so the same files always give the same order.
pub fn rows<'c>(cohort: &'c Cohort, filter: &Filter) -> Vec<&'c Member> {
    let mut rows: Vec<&Member> = cohort.members.iter().filter(|m| filter.admits(m)).collect();
    rows.sort_by_cached_key(|m| {
        (
            m.student_name.trim().to_lowercase(),
            m.student_number.trim().to_string(),
            m.date.clone(),
            m.record_id.clone(),
        )
    });
    rows
}

/// Per indicator of the framework, in its order: how the rows scored it.
pub fn distribution(framework: &Framework, rows: &[&Member]) -> Vec<Tally> {
    let mut tallies = vec![Tally::default(); framework.indicator_count()];
    for member in rows {
        for (tally, answer) in tallies.iter_mut().zip(&member.indicators) {
            tally.add_answer(*answer);
        }
    }
    tallies
}

/// The share of `count` in `total` in whole percent, rounded half up; 0 of nothing is 0.
pub fn percent(count: u32, total: u32) -> u32 {
    if total == 0 {
        0
    } else {
        let (count, total) = (u64::from(count), u64::from(total));
        u32::try_from((200 * count + total) / (2 * total)).unwrap_or(100)
    }
}

/// Which character separates the fields of the CSV file. Dutch Excel reads `;`, since the comma
/// is its decimal sign; most other software reads `,`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    Comma,
    Semicolon,
}

impl Separator {
    pub fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
}

/// The CSV's column headers and mode names, in the interface's language.
#[derive(Clone, Copy, Debug)]
pub struct CsvLabels<'a> {
    pub student_number: &'a str,
    pub student_name: &'a str,
    pub organisation: &'a str,
    pub assessor: &'a str,
    /// The signer's column: the name the docent knows them by, and their standing.
    pub signer: &'a str,
    /// The fingerprint of the signer's key.
    pub fingerprint: &'a str,
    pub mode: &'a str,
    pub date: &'a str,
    /// How many indicators are scored, and of how many.
    pub scored: &'a str,
    pub indicator_total: &'a str,
    pub overall: &'a str,
    pub mode_assessor: &'a str,
    pub mode_self: &'a str,
    /// The decision columns: "Besluit" before each outcome's code, "Besluit door", the results.
    pub decision: &'a str,
    pub decided_by: &'a str,
    pub achieved: &'a str,
    pub not_achieved: &'a str,
    pub not_assessed: &'a str,
}

/// The rows as CSV for a gradebook: UTF-8 with a byte order mark (which tells Excel the encoding),
/// CRLF line ends and quotes as RFC 4180 has them. One column per learning outcome and one for the
/// overall result hold the scale's value (□ 1, + 2, ++ 3), empty while not determined: numbers,
/// which a gradebook imports, where the symbols would start with "+".
/// Completeness is two columns of whole numbers (scored, of how many), not `40/42`, which a
/// spreadsheet may take for a date. `signers` holds the signer column's text for each row, in
/// the same order.
pub fn to_csv(
    framework: &Framework,
    rows: &[&Member],
    separator: Separator,
    labels: &CsvLabels,
    signers: &[String],
) -> String {
    let mut header: Vec<String> = [
        labels.student_number,
        labels.student_name,
        labels.organisation,
        labels.assessor,
        labels.signer,
        labels.fingerprint,
        labels.mode,
        labels.date,
        labels.scored,
        labels.indicator_total,
    ]
    .iter()
    .map(|l| l.to_string())
    .collect();
    for outcome in framework.learning_outcomes() {
        let code = outcome.code.as_deref().unwrap_or(&outcome.id);
        header.push(format!("{code} {}", outcome.title));
    }
    header.push(labels.overall.to_string());
    // Only where a decision is in: an export without decisions keeps the columns it always had.
    let decisions = rows.iter().any(|m| m.decision.is_some());
    if decisions {
        for outcome in framework.learning_outcomes() {
            let code = outcome.code.as_deref().unwrap_or(&outcome.id);
            header.push(format!("{} {code}", labels.decision));
        }
        header.push(labels.decided_by.to_string());
    }
    let word = |result: &OutcomeResult| match result {
        OutcomeResult::Achieved => labels.achieved,
        OutcomeResult::NotAchieved => labels.not_achieved,
        OutcomeResult::NotAssessed => labels.not_assessed,
    };

    // Not observed, like not determined, has no value: the cell stays empty for a gradebook.
    let value = |answer: Answer| answer.score().value().map(|v| v.to_string()).unwrap_or_default();
    let mut out = String::from("\u{feff}");
    push_line(&mut out, header.iter().map(String::as_str), separator);
    for (i, member) in rows.iter().enumerate() {
        let signer = signers.get(i).map_or("", String::as_str);
        let mode = match member.mode {
            Mode::Assessor => labels.mode_assessor,
            Mode::SelfAssessment => labels.mode_self,
        };
        let (scored, total) = member.completeness();
        let mut fields: Vec<String> = [
            member.student_number.as_str(),
            member.student_name.as_str(),
            member.organisation.as_str(),
            member.assessor_name.as_str(),
            signer,
            &member.fingerprint(),
            mode,
            member.date.as_str(),
            &scored.to_string(),
            &total.to_string(),
        ]
        .iter()
        .map(|text| text.to_string())
        .collect();
        fields.extend(member.outcomes.iter().map(|s| value(*s)));
        fields.push(value(member.overall));
        if decisions {
            match &member.decision {
                Some(d) => {
                    fields.extend(d.results.iter().map(|r| word(r).to_string()));
                    fields.push(d.examinator.clone());
                }
                None => fields.extend(std::iter::repeat_n(
                    String::new(),
                    framework.learning_outcomes().count() + 1,
                )),
            }
        }
        push_line(&mut out, fields.iter().map(String::as_str), separator);
    }
    out
}

pub fn push_line<'a>(
    out: &mut String,
    fields: impl Iterator<Item = &'a str>,
    separator: Separator,
) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(separator.char());
        }
        out.push_str(&csv_field(field, separator));
    }
    out.push_str("\r\n");
}

/// One field, safe to open in a spreadsheet. Texts come from records made elsewhere, so a name
/// such as `=HYPERLINK(…)` could run as a formula: a text starting with `=`, `+`, `-`, `@`, a tab
/// or a carriage return gets a leading apostrophe, which spreadsheets read as "this is text".
/// Then a field holding the separator, a quote or a line break is quoted, its quotes doubled.
pub fn csv_field(text: &str, separator: Separator) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([separator.char(), '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The members of one framework that have the same student number: a student assessed twice, or a
/// self-assessment beside an assessor's. Not an error; the overview says so.
pub fn repeated_students(rows: &[&Member]) -> usize {
    let mut seen = HashSet::new();
    rows.iter()
        .filter(|m| !m.student_number.trim().is_empty())
        .filter(|m| !seen.insert(m.student_number.trim().to_lowercase()))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{Action, Assessment, MetadataField};
    use crate::core::framework::catalogue::BUILT_IN;
    use crate::core::framework::score::Score;
    use crate::core::record::{build_record, sign_record};

    const CREATED: &str = "2026-11-20T10:00:00Z";

    fn signed(
        fw: &HashedFramework,
        n: usize,
        edit: impl FnOnce(&Framework, &mut Assessment),
    ) -> Vec<u8> {
        let framework = fw.framework();
        let mut a = Assessment::new(framework);
        edit(framework, &mut a);
        let unsigned = build_record(fw, &a, CREATED, &format!("urn:uuid:test-{n}")).unwrap();
        serde_json::to_vec(&sign_record(&unsigned, &[7; 32], CREATED).unwrap()).unwrap()
    }

    fn meta(fw: &Framework, a: &mut Assessment, field: MetadataField, value: &str) {
        a.apply(fw, Action::SetMetadata(field, value.into())).unwrap();
    }

    /// Every indicator of the framework scored `score`, or only those of outcome `only`.
    fn score_all(fw: &Framework, a: &mut Assessment, score: Score, only: Option<&str>) {
        for outcome in fw.learning_outcomes().filter(|o| only.is_none_or(|id| o.id == id)) {
            for i in &outcome.indicators {
                a.apply(fw, Action::SetScore { indicator: i.id.clone(), score }).unwrap();
            }
        }
    }

    fn default() -> HashedFramework {
        BUILT_IN[0].load().unwrap()
    }

    #[test]
    fn valid_records_are_taken_in_and_the_others_kept_with_their_reasons() {
        let fw = default();
        let mut cohort = Cohort::default();
        let good = signed(&fw, 1, |f, a| {
            meta(f, a, MetadataField::StudentName, "Sanne");
            score_all(f, a, Score::Good, Some("LU1"));
        });
        let mut text = String::from_utf8(good.clone()).unwrap();
        text = text.replace("\"Sanne\"", "\"Sanna\"");
        cohort.add("sanne.json", Some(&good), &[&fw]);
        cohort.add("veranderd.json", Some(text.as_bytes()), &[&fw]);
        cohort.add("kopie.json", Some(&good), &[&fw]);
        cohort.add("onleesbaar.json", None, &[&fw]);
        cohort.add("brief.json", Some(b"Beste docent,"), &[&fw]);
        assert_eq!(cohort.members.len(), 1);
        let m = &cohort.members[0];
        assert_eq!((m.student_name.as_str(), m.file_name.as_str()), ("Sanne", "sanne.json"));
        assert_eq!(m.outcomes.first(), Some(&Answer::Scored(Score::Good)));
        assert_eq!(m.outcomes.get(1), Some(&Answer::Open));
        assert_eq!(m.overall, Answer::Open);
        assert_eq!(m.indicators.len(), 42);
        let reasons: Vec<(&str, &Reason)> =
            cohort.rejected.iter().map(|r| (r.file_name.as_str(), &r.reason)).collect();
        assert_eq!(reasons.len(), 4);
        assert!(
            matches!(reasons[0], ("veranderd.json", Reason::Invalid(p)) if p == &[RecordProblem::SignatureMismatch])
        );
        assert_eq!(reasons[1], ("kopie.json", &Reason::Copy { of: "sanne.json".into() }));
        assert_eq!(reasons[2], ("onleesbaar.json", &Reason::Unreadable));
        assert!(matches!(reasons[3], ("brief.json", Reason::Invalid(p)) if !p.is_empty()));
    }

    #[test]
    fn records_of_both_built_in_frameworks_are_told_apart() {
        let (fw, profile) = (default(), BUILT_IN[1].load().unwrap());
        let mut cohort = Cohort::default();
        for n in 0..3 {
            cohort.add(&format!("p{n}"), Some(&signed(&profile, n, |_, _| {})), &[&fw, &profile]);
        }
        cohort.add("lu", Some(&signed(&fw, 9, |_, _| {})), &[&fw, &profile]);
        // Known only with both frameworks.
        cohort.add("alleen-2026", Some(&signed(&profile, 7, |_, _| {})), &[&fw]);
        let counts: Vec<(&str, usize)> = cohort
            .framework_counts()
            .into_iter()
            .map(|(f, n)| (f.framework().id.as_str(), n))
            .collect();
        assert_eq!(
            counts,
            [("competentieprofiel-opbouwwerker-2010", 3), ("leeruitkomsten-opbouwwerk-2026", 1)]
        );
        assert_eq!(cohort.members[0].outcomes.len(), 20);
        assert_eq!(cohort.members[0].indicators.len(), 150);
        assert!(
            matches!(&cohort.rejected[0].reason, Reason::Invalid(p) if matches!(p[..], [RecordProblem::UnknownFramework { .. }]))
        );
    }

    fn cohort_of_four() -> (HashedFramework, Cohort) {
        let fw = default();
        let mut cohort = Cohort::default();
        let people = [
            ("daan", "Daan", "2", "Buurtwerk West", "Ahmed", Score::High),
            ("anna", "anna", "1", "Buurtwerk West", "Petra", Score::Good),
            ("bram", "Bram", "3", "Wijkteam Oost", "Ahmed", Score::Present),
            ("anna-zelf", "Anna", "1", "Buurtwerk West", "", Score::High),
        ];
        for (n, (file, name, number, organisation, assessor, score)) in
            people.into_iter().enumerate()
        {
            let bytes = signed(&fw, n, |f, a| {
                meta(f, a, MetadataField::StudentName, name);
                meta(f, a, MetadataField::StudentNumber, number);
                meta(f, a, MetadataField::Organisation, organisation);
                meta(f, a, MetadataField::AssessorName, assessor);
                if file.ends_with("zelf") {
                    a.apply(f, Action::SetMode(Mode::SelfAssessment)).unwrap();
                }
                score_all(f, a, score, None);
            });
            cohort.add(file, Some(&bytes), &[&fw]);
        }
        (fw, cohort)
    }

    #[test]
    fn filters_narrow_the_rows_and_the_order_ignores_case() {
        let (fw, cohort) = cohort_of_four();
        let all = Filter { framework: fw.sha256().into(), ..Filter::default() };
        let names = |filter: &Filter| -> Vec<String> {
            rows(&cohort, filter).iter().map(|m| m.file_name.clone()).collect()
        };
        assert_eq!(names(&all), ["anna", "anna-zelf", "bram", "daan"]);
        let assessors = Filter { mode: Some(Mode::Assessor), ..all.clone() };
        assert_eq!(names(&assessors), ["anna", "bram", "daan"]);
        let west = Filter { organisation: Some("Buurtwerk West".into()), ..all.clone() };
        assert_eq!(names(&west), ["anna", "anna-zelf", "daan"]);
        let ahmed_west = Filter { assessor: Some("Ahmed".into()), ..west };
        assert_eq!(names(&ahmed_west), ["daan"]);
        let other = Filter { framework: "0".repeat(64), ..all };
        assert!(names(&other).is_empty());
        let (organisations, assessors) = cohort.choices(fw.sha256());
        assert_eq!(organisations, ["Buurtwerk West", "Wijkteam Oost"]);
        assert_eq!(assessors, ["", "Ahmed", "Petra"]);
        assert_eq!(repeated_students(&rows(&cohort, &assessors_filter(&fw))), 0);
        let everyone = Filter { framework: fw.sha256().into(), ..Filter::default() };
        assert_eq!(repeated_students(&rows(&cohort, &everyone)), 1);
    }

    fn assessors_filter(fw: &HashedFramework) -> Filter {
        Filter { framework: fw.sha256().into(), mode: Some(Mode::Assessor), ..Filter::default() }
    }

    #[test]
    fn the_distribution_counts_each_indicator_over_the_rows() {
        let (fw, cohort) = cohort_of_four();
        let filter = assessors_filter(&fw);
        let rows = rows(&cohort, &filter);
        let tallies = distribution(fw.framework(), &rows);
        assert_eq!(tallies.len(), 42);
        for tally in &tallies {
            assert_eq!(
                (tally.count(Score::High), tally.count(Score::Good), tally.count(Score::Present)),
                (1, 1, 1)
            );
            assert_eq!(tally.count(Score::NotScored), 0);
        }
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(0, 0), 0);
    }

    #[test]
    fn the_csv_has_a_bom_crlf_a_column_per_outcome_and_values_not_symbols() {
        let (fw, cohort) = cohort_of_four();
        let filter = assessors_filter(&fw);
        let labels = CsvLabels {
            student_number: "studentnummer",
            student_name: "naam",
            organisation: "organisatie",
            assessor: "beoordelaar",
            signer: "ondertekenaar",
            fingerprint: "vingerafdruk",
            mode: "modus",
            date: "datum",
            scored: "gescoord",
            indicator_total: "indicatoren",
            overall: "totaal",
            mode_assessor: "beoordelaar",
            mode_self: "zelf",
            decision: "besluit",
            decided_by: "besluit door",
            achieved: "behaald",
            not_achieved: "niet behaald",
            not_assessed: "niet beoordeeld",
        };
        let signers = vec!["Petra (vertrouwd)".to_string(), String::new()];
        let csv = to_csv(
            fw.framework(),
            &rows(&cohort, &filter),
            Separator::Semicolon,
            &labels,
            &signers,
        );
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> =
            csv.trim_start_matches('\u{feff}').split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 4);
        assert!(!csv.trim_start_matches('\u{feff}').replace("\r\n", "").contains('\n'));
        assert!(lines[0].starts_with(
            "studentnummer;naam;organisatie;beoordelaar;ondertekenaar;vingerafdruk;modus;datum;\
             gescoord;indicatoren;LU1 "
        ));
        assert!(lines[0].ends_with(";totaal"));
        assert_eq!(lines[0].split(';').count(), 10 + 6 + 1);
        // Every record here is signed with one key: its fingerprint, as every view shows it.
        let key = crate::core::crypto::signing_key::fingerprint(&cohort.members[0].signer);
        assert_eq!(key.len(), 14);
        assert_eq!(
            lines[1],
            format!("1;anna;Buurtwerk West;Petra;Petra (vertrouwd);{key};beoordelaar;;42;42;2;2;2;2;2;2;2")
        );
        assert_eq!(
            lines[3],
            format!("2;Daan;Buurtwerk West;Ahmed;;{key};beoordelaar;;42;42;3;3;3;3;3;3;3")
        );
        let comma =
            to_csv(fw.framework(), &rows(&cohort, &filter), Separator::Comma, &labels, &signers);
        assert_eq!(
            comma.split("\r\n").nth(1),
            Some(
                format!(
                    "1,anna,Buurtwerk West,Petra,Petra (vertrouwd),{key},beoordelaar,,42,42,2,2,2,2,2,2,2"
                )
                .as_str()
            )
        );
    }

    /// A decision on `record` (its bytes as a file holds them): LU1 achieved, LU2 not.
    fn decision_on(fw: &HashedFramework, record: &[u8]) -> Vec<u8> {
        use crate::core::credentials::decision::Draft;
        let value: serde_json::Value = serde_json::from_slice(record).unwrap();
        let report = verify_record_value(&value, &[fw]);
        let digest = digest_multibase(&value).unwrap();
        let mut draft = Draft::from_record(&report, &digest, "2026-12-01").unwrap();
        draft.examinator = "Examinator Jansen".into();
        draft.decision.outcomes[0].result = OutcomeResult::Achieved;
        draft.decision.outcomes[0].motivation = "Gezien op de werkplek.".into();
        draft.decision.outcomes[1].result = OutcomeResult::NotAchieved;
        draft.decision.outcomes[1].motivation = "Nog geen bewijs.".into();
        let signed =
            draft.sign(&[5; 32], "6f1c2a4e-8b3d-4c5e-9f60-718293a4b5c6", CREATED, "2026-12-01");
        serde_json::to_vec(&signed.unwrap()).unwrap()
    }

    #[test]
    fn decisions_are_matched_to_their_record_in_any_order_and_the_others_left_out_with_a_reason() {
        let fw = default();
        let sanne = signed(&fw, 1, |f, a| meta(f, a, MetadataField::StudentName, "Sanne"));
        let bram = signed(&fw, 2, |f, a| meta(f, a, MetadataField::StudentName, "Bram"));
        // The same id, signed again with other content: valid, but not the record decided on.
        let bram_again = signed(&fw, 2, |f, a| meta(f, a, MetadataField::StudentName, "Bram B."));
        let daan = signed(&fw, 3, |f, a| meta(f, a, MetadataField::StudentName, "Daan"));
        let mut tampered = String::from_utf8(decision_on(&fw, &daan)).unwrap();
        tampered = tampered.replace("\"notAchieved\"", "\"achieved\"");
        let mut cohort = Cohort::default();
        cohort.add("besluit-sanne.json", Some(&decision_on(&fw, &sanne)), &[&fw]);
        cohort.add("sanne.json", Some(&sanne), &[&fw]);
        cohort.add("bram.json", Some(&bram_again), &[&fw]);
        cohort.add("besluit-bram.json", Some(&decision_on(&fw, &bram)), &[&fw]);
        cohort.add("besluit-niemand.json", Some(&decision_on(&fw, &daan)), &[&fw]);
        cohort.add("besluit-daan-veranderd.json", Some(tampered.as_bytes()), &[&fw]);
        cohort.add("besluit-sanne-kopie.json", Some(&decision_on(&fw, &sanne)), &[&fw]);
        assert_eq!(cohort.members.len(), 2);
        let decision = cohort.members[0].decision.as_ref().unwrap();
        assert_eq!(decision.file_name, "besluit-sanne.json");
        assert_eq!(decision.examinator, "Examinator Jansen");
        assert_eq!(
            &decision.results[..3],
            [OutcomeResult::Achieved, OutcomeResult::NotAchieved, OutcomeResult::NotAssessed]
        );
        assert_eq!(cohort.members[1].decision, None);
        let reasons: Vec<(String, Reason)> =
            cohort.all_rejected().into_iter().map(|r| (r.file_name, r.reason)).collect();
        assert!(
            matches!(&reasons[0], (f, Reason::Decision(DecisionRejection::Invalid(DecisionProblem::Credential(_)))) if f == "besluit-daan-veranderd.json")
        );
        assert_eq!(
            reasons[1],
            (
                "besluit-sanne-kopie.json".into(),
                Reason::Decision(DecisionRejection::Copy { of: "besluit-sanne.json".into() })
            )
        );
        assert_eq!(
            reasons[2],
            (
                "besluit-bram.json".into(),
                Reason::Decision(DecisionRejection::Mismatch(Mismatch::RecordChanged))
            )
        );
        assert_eq!(
            reasons[3],
            ("besluit-niemand.json".into(), Reason::Decision(DecisionRejection::NoRecord))
        );
        assert_eq!(reasons.len(), 4);
        // Daan's record coming in later takes its decision in.
        cohort.add("daan.json", Some(&daan), &[&fw]);
        assert!(cohort.members[2].decision.is_some());
        assert_eq!(cohort.all_rejected().len(), 3);
    }

    #[test]
    fn the_csv_has_decision_columns_only_when_a_decision_is_in() {
        let fw = default();
        let sanne = signed(&fw, 1, |f, a| meta(f, a, MetadataField::StudentName, "Sanne"));
        let bram = signed(&fw, 2, |f, a| meta(f, a, MetadataField::StudentName, "Bram"));
        let mut cohort = Cohort::default();
        cohort.add("sanne.json", Some(&sanne), &[&fw]);
        cohort.add("bram.json", Some(&bram), &[&fw]);
        let labels = csv_test_labels();
        let filter = Filter { framework: fw.sha256().into(), ..Filter::default() };
        let csv = |cohort: &Cohort| {
            let shown = rows(cohort, &filter);
            let signers = vec![String::from("onbekend"); shown.len()];
            to_csv(fw.framework(), &shown, Separator::Semicolon, &labels, &signers)
        };
        let before = csv(&cohort);
        assert!(before.lines().next().unwrap().ends_with(";totaal"));
        cohort.add("besluit.json", Some(&decision_on(&fw, &sanne)), &[&fw]);
        let after = csv(&cohort);
        let lines: Vec<&str> = after.split_terminator("\r\n").collect();
        assert!(lines[0].ends_with(";totaal;Besluit LU1;Besluit LU2;Besluit LU3;Besluit LU4;Besluit LU5;Besluit LU6;Besluit door"));
        assert!(lines[1].starts_with(";Bram;"));
        assert!(lines[1].ends_with(";;;;;;;"));
        assert!(lines[2].ends_with(";behaald;niet behaald;niet beoordeeld;niet beoordeeld;niet beoordeeld;niet beoordeeld;Examinator Jansen"));
    }

    #[test]
    fn completeness_counts_the_scored_indicators_and_the_csv_gives_both_numbers() {
        let fw = default();
        let mut cohort = Cohort::default();
        let partial = signed(&fw, 1, |f, a| {
            meta(f, a, MetadataField::StudentNumber, "1");
            score_all(f, a, Score::Good, Some("LU1"));
            score_all(f, a, Score::High, Some("LU3"));
        });
        let none = signed(&fw, 2, |f, a| meta(f, a, MetadataField::StudentNumber, "2"));
        cohort.add("deels.json", Some(&partial), &[&fw]);
        cohort.add("leeg.json", Some(&none), &[&fw]);
        let in_lu = |id: &str| {
            fw.framework().learning_outcomes().find(|o| o.id == id).unwrap().indicators.len()
        };
        let scored = in_lu("LU1") + in_lu("LU3");
        assert!(scored > 0 && scored < 42);
        assert_eq!(cohort.members[0].completeness(), (scored, 42));
        assert!(!cohort.members[0].is_complete());
        assert_eq!(cohort.members[1].completeness(), (0, 42));
        let (_, full) = cohort_of_four();
        assert!(full.members.iter().all(|m| m.completeness() == (42, 42) && m.is_complete()));

        let labels = csv_test_labels();
        let filter = Filter { framework: fw.sha256().into(), ..Filter::default() };
        let csv =
            to_csv(fw.framework(), &rows(&cohort, &filter), Separator::Semicolon, &labels, &[]);
        let lines: Vec<Vec<&str>> =
            csv.split_terminator("\r\n").map(|l| l.split(';').collect()).collect();
        let column = |name: &str| {
            lines[0].iter().position(|h| h.trim_start_matches('\u{feff}') == name).unwrap()
        };
        let (s, t) = (column("gescoord"), column("indicatoren"));
        assert_eq!((lines[1][s], lines[1][t]), (scored.to_string().as_str(), "42"));
        assert_eq!((lines[2][s], lines[2][t]), ("0", "42"));
    }

    #[test]
    fn completeness_counts_an_indicator_marked_not_observed_as_answered() {
        let fw = default();
        let mut cohort = Cohort::default();
        let record = signed(&fw, 1, |f, a| {
            score_all(f, a, Score::Good, None);
            let first = f.learning_outcomes().next().unwrap().indicators[0].id.clone();
            a.apply(f, Action::SetNotObserved { indicator: first, not_observed: true }).unwrap();
        });
        cohort.add("nw.json", Some(&record), &[&fw]);
        assert_eq!(
            cohort.members[0].indicators.iter().filter(|a| **a == Answer::NotObserved).count(),
            1
        );
        assert_eq!(cohort.members[0].completeness(), (42, 42));
        assert!(cohort.members[0].is_complete());
    }

    fn csv_test_labels() -> CsvLabels<'static> {
        CsvLabels {
            student_number: "nr",
            student_name: "naam",
            organisation: "org",
            assessor: "beoordelaar",
            signer: "ondertekenaar",
            fingerprint: "vingerafdruk",
            mode: "modus",
            date: "datum",
            scored: "gescoord",
            indicator_total: "indicatoren",
            overall: "totaal",
            mode_assessor: "beoordelaar",
            mode_self: "zelf",
            decision: "Besluit",
            decided_by: "Besluit door",
            achieved: "behaald",
            not_achieved: "niet behaald",
            not_assessed: "niet beoordeeld",
        }
    }

    #[test]
    fn a_row_has_a_counterpart_only_of_the_same_student_and_framework_in_the_other_mode() {
        let (fw, mut cohort) = cohort_of_four();
        // anna (assessor, number 1) and anna-zelf (self, number 1); daan and bram have none.
        let key_of =
            |c: &Cohort, file: &str| c.members.iter().find(|m| m.file_name == file).unwrap().key;
        let anna = key_of(&cohort, "anna");
        let anna_self = key_of(&cohort, "anna-zelf");
        let pair = |c: &Cohort, key: u32| {
            c.counterpart(c.member(key).unwrap()).map(|m| m.file_name.clone())
        };
        assert_eq!(pair(&cohort, anna).as_deref(), Some("anna-zelf"));
        assert_eq!(pair(&cohort, anna_self).as_deref(), Some("anna"));
        assert_eq!(pair(&cohort, key_of(&cohort, "daan")), None);
        assert_eq!(pair(&cohort, key_of(&cohort, "bram")), None);
        // Of two assessors' records, the later assessment is set beside the self-assessment.
        let later = signed(&fw, 10, |f, a| {
            meta(f, a, MetadataField::StudentNumber, "1");
            meta(f, a, MetadataField::Date, "2026-12-01");
        });
        cohort.add("anna-later", Some(&later), &[&fw]);
        assert_eq!(pair(&cohort, anna_self).as_deref(), Some("anna-later"));
        // Without a student number nothing is matched.
        let nameless =
            signed(&fw, 11, |f, a| a.apply(f, Action::SetMode(Mode::SelfAssessment)).unwrap());
        let nameless_assessor = signed(&fw, 12, |_, _| {});
        cohort.add("zonder-1", Some(&nameless), &[&fw]);
        cohort.add("zonder-2", Some(&nameless_assessor), &[&fw]);
        assert_eq!(pair(&cohort, key_of(&cohort, "zonder-1")), None);
    }

    #[test]
    fn keys_follow_the_files_and_a_kept_file_comes_back_under_its_own() {
        let fw = default();
        let mut cohort = Cohort::default();
        let one = signed(&fw, 1, |_, _| {});
        let two = signed(&fw, 2, |_, _| {});
        cohort.add("een.json", Some(&one), &[&fw]);
        cohort.add("brief.json", Some(b"Beste docent,"), &[&fw]);
        assert_eq!(cohort.members[0].key, 0);
        assert_eq!(cohort.next_key(), 2, "a file left out has a key too: it is kept as well");
        let mut restored = Cohort::default();
        restored.add_keyed(7, "twee.json", Some(&two), &[&fw]);
        assert_eq!(restored.members[0].key, 7);
        assert_eq!(restored.next_key(), 8);
        restored.add_keyed(3, "een.json", Some(&one), &[&fw]);
        assert_eq!(restored.next_key(), 8, "an earlier key does not move the next one back");
        assert_eq!(restored.member(3).map(|m| m.file_name.as_str()), Some("een.json"));
        assert_eq!(restored.member(5), None);
        let emptied = Cohort::starting_at(restored.next_key());
        assert!(emptied.members.is_empty());
        assert_eq!(emptied.next_key(), 8);
    }

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        let s = Separator::Semicolon;
        assert_eq!(csv_field("Buurtwerk West", s), "Buurtwerk West");
        assert_eq!(csv_field("de Vries; Sanne", s), "\"de Vries; Sanne\"");
        assert_eq!(csv_field("de Vries, Sanne", s), "de Vries, Sanne");
        assert_eq!(csv_field("de Vries, Sanne", Separator::Comma), "\"de Vries, Sanne\"");
        assert_eq!(csv_field("\"Sanne\"", s), "\"\"\"Sanne\"\"\"");
        assert_eq!(csv_field("regel 1\nregel 2", s), "\"regel 1\nregel 2\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")", s), "\"'=HYPERLINK(\"\"x\"\")\"");
        for text in ["+31 6", "-1", "@SUM(A1)", "\tx"] {
            assert_eq!(csv_field(text, Separator::Comma), format!("'{text}"));
        }
        assert_eq!(csv_field("", s), "");
    }
}
