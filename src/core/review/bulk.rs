//! Verifying many record files off the page's thread: the messages between the hogeschool's page
//! and its verify workers (Web Workers running `src/bin/verify-worker.rs`), and what a worker
//! does with one file.
//!
//! The page sends each worker one [`Job`]: the run it belongs to and the indices, in the choice of
//! files, of the files that travel beside it (a `File` is handed over as it is; the worker reads
//! it). The worker answers with [`Results`], a few files at a time, each file's [`Verdict`] under
//! its index, so that the page puts them back in the order chosen whichever worker is faster.
//! Both are JSON text: a message that is not what this side expects is refused with a
//! [`ProtocolError`], never half read.
//!
//! A worker checks against the frameworks that come with the app. Of a valid record it returns
//! what the batch table shows; of any other file only that it is not valid: the page checks that
//! file again itself for its reasons, in its own types and words. A folder of records is mostly
//! valid, so little is checked twice, and the reasons are the ones a single file gets.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::core::credentials::invitation::InvitationRef;
use crate::core::crypto::data_integrity::{Signature, SignatureCheck};
use crate::core::crypto::small_order;
use crate::core::framework::hashed::HashedFramework;
use crate::core::json;
use crate::core::record::verify::check_record_value;
use crate::core::record::{RecordReport, MAX_RECORD_BYTES};

/// Results a worker collects before it sends them: one message per file would cost the page a
/// render per file, one per job would leave the progress bar standing still.
pub const RESULTS_PER_MESSAGE: usize = 16;

/// Files dealt to one worker in a row: small blocks keep the workers near the front of the list
/// together, so the results arrive roughly in order.
const BLOCK: usize = 8;

/// What a worker says once it listens. A message sent before would be lost: the worker's
/// WebAssembly starts after its script, so the page sends the job on this.
pub const READY: &str = "ready";

/// What the page asks a worker to check. The files themselves go beside this header, in the
/// order of `indices`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Job {
    /// The choice of files this job is part of: results of an earlier one are dropped.
    pub run: u32,
    /// Each file's place in the choice.
    pub indices: Vec<u32>,
}

/// What a worker found of some of the files of a job. Read on the page by hand
/// ([`Results::decode`]) rather than by a derived reader, which cost the hogeschool's page 10 KB.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Results {
    pub run: u32,
    /// Each file's place in the choice and its verdict.
    pub verdicts: Vec<(u32, Verdict)>,
}

/// One file, as a worker judged it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    Valid(ValidRecord),
    /// Not a valid record, for whatever reason: the page checks it again for the reasons.
    Invalid,
    /// The browser would not give the worker the file's bytes.
    Unreadable,
    /// Larger than a record may be; not read.
    TooLarge {
        bytes: u64,
    },
}

/// What the batch table shows of a valid record, and what its signer's standing is judged on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidRecord {
    pub student_name: String,
    pub student_number: String,
    /// The did:key that signed it.
    pub signer: String,
    /// The name the record gives its signer: the assessor's, or the student's own on a
    /// self-assessment (which names no assessor).
    pub signer_name: String,
    /// The invitation it answers (id, `digestMultibase`), if it names one.
    pub invitation: Option<(String, String)>,
}

impl ValidRecord {
    /// The table's facts of a record that verified; `None` for one that did not.
    pub fn of(report: &RecordReport) -> Option<ValidRecord> {
        let (Some(record), Some(proof), true) = (&report.record, &report.proof, report.is_valid())
        else {
            return None;
        };
        Some(ValidRecord {
            student_name: record.subject.name.clone(),
            student_number: record.subject.student_number.clone(),
            signer: proof.did.clone(),
            signer_name: record.signer_name().to_string(),
            invitation: record.invitation.as_ref().map(|InvitationRef { id, digest_multibase }| {
                (id.clone(), digest_multibase.clone())
            }),
        })
    }
}

/// Why a message was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolError(String);

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a message of the verify worker: {}", self.0)
    }
}

/// Messages are a few kilobytes; a longer one is not ours.
const MAX_MESSAGE_CHARS: usize = 1 << 20;

fn decode<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, ProtocolError> {
    if text.len() > MAX_MESSAGE_CHARS {
        return Err(ProtocolError(format!("{} bytes is too long", text.len())));
    }
    serde_json::from_str(text).map_err(|e| ProtocolError(e.to_string()))
}

fn encode<T: Serialize>(message: &T) -> String {
    // Plain structs of strings and numbers always serialize; the fallback is never sent whole.
    serde_json::to_string(message).unwrap_or_default()
}

impl Job {
    /// Written by hand: the page sends jobs, and a derived writer would be code it need not carry.
    pub fn encode(&self) -> String {
        let indices: Vec<String> = self.indices.iter().map(u32::to_string).collect();
        format!("{{\"run\":{},\"indices\":[{}]}}", self.run, indices.join(","))
    }

    pub fn decode(text: &str) -> Result<Job, ProtocolError> {
        decode(text)
    }
}

impl Results {
    pub fn encode(&self) -> String {
        encode(self)
    }

    /// The results, or why the text is not results; also refuses the same index twice within
    /// one message, which no worker sends.
    pub fn decode(text: &str) -> Result<Results, ProtocolError> {
        if text.len() > MAX_MESSAGE_CHARS {
            return Err(ProtocolError(format!("{} bytes is too long", text.len())));
        }
        let value = json::parse(text, MAX_MESSAGE_CHARS).map_err(|e| refuse(&e.to_string()))?;
        let object = members(&value, &["run", "verdicts"])?;
        let run = number(object.get("run"))?;
        let verdicts = match object.get("verdicts") {
            Some(Value::Array(verdicts)) => verdicts,
            _ => return Err(refuse("verdicts is not a list")),
        };
        let verdicts = verdicts
            .iter()
            .map(|pair| match pair.as_array().map(Vec::as_slice) {
                Some([index, verdict]) => Ok((number(Some(index))?, read_verdict(verdict)?)),
                _ => Err(refuse("a verdict is not [index, verdict]")),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let results = Results { run, verdicts };
        let mut seen: Vec<u32> = results.verdicts.iter().map(|(i, _)| *i).collect();
        seen.sort_unstable();
        if seen.windows(2).any(|pair| matches!(pair, [a, b] if a == b)) {
            return Err(ProtocolError("an index twice".into()));
        }
        Ok(results)
    }
}

fn refuse(reason: &str) -> ProtocolError {
    ProtocolError(reason.to_string())
}

/// An object with exactly these members.
fn members<'v>(value: &'v Value, names: &[&str]) -> Result<&'v Map<String, Value>, ProtocolError> {
    let object = value.as_object().ok_or_else(|| refuse("not an object"))?;
    if object.len() != names.len() || !names.iter().all(|n| object.contains_key(*n)) {
        return Err(refuse(&format!("the members are not {names:?}")));
    }
    Ok(object)
}

fn number<T: TryFrom<u64>>(value: Option<&Value>) -> Result<T, ProtocolError> {
    value
        .and_then(Value::as_u64)
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| refuse("a number is not a whole number in range"))
}

fn text(value: Option<&Value>) -> Result<String, ProtocolError> {
    value.and_then(Value::as_str).map(str::to_string).ok_or_else(|| refuse("not a string"))
}

fn read_verdict(value: &Value) -> Result<Verdict, ProtocolError> {
    match value {
        Value::String(word) if word == "invalid" => return Ok(Verdict::Invalid),
        Value::String(word) if word == "unreadable" => return Ok(Verdict::Unreadable),
        _ => {}
    }
    let object = value.as_object().filter(|o| o.len() == 1).ok_or_else(|| refuse("no verdict"))?;
    if let Some(large) = object.get("tooLarge") {
        let bytes = number(members(large, &["bytes"])?.get("bytes"))?;
        return Ok(Verdict::TooLarge { bytes });
    }
    let valid = object.get("valid").ok_or_else(|| refuse("no verdict"))?;
    let valid =
        members(valid, &["studentName", "studentNumber", "signer", "signerName", "invitation"])?;
    let invitation = match valid.get("invitation") {
        Some(Value::Null) => None,
        Some(Value::Array(pair)) => match pair.as_slice() {
            [id, digest] => Some((text(Some(id))?, text(Some(digest))?)),
            _ => return Err(refuse("invitation is not [id, digest]")),
        },
        _ => return Err(refuse("invitation is neither null nor [id, digest]")),
    };
    Ok(Verdict::Valid(ValidRecord {
        student_name: text(valid.get("studentName"))?,
        student_number: text(valid.get("studentNumber"))?,
        signer: text(valid.get("signer"))?,
        signer_name: text(valid.get("signerName"))?,
        invitation,
    }))
}

/// One file checked in everything but its Ed25519 signature, which a worker hands to the
/// browser's WebCrypto: that runs on a thread of the browser's own, beside the worker's next
/// files, several times faster than the curve arithmetic in WebAssembly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Prepared {
    /// Judged without the signature: not a valid record whatever it is, or too large.
    Done(Verdict),
    /// A valid record if its signature holds.
    Signed(ValidRecord, SignatureCheck),
}

impl Prepared {
    /// The signature to ask the browser about, if its answer is the Rust check's
    /// (`small_order::browser_agrees`); otherwise [`Prepared::settle_here`] decides.
    pub fn for_browser(&self) -> Option<&SignatureCheck> {
        match self {
            Prepared::Signed(_, check) if small_order::browser_agrees(check) => Some(check),
            _ => None,
        }
    }

    /// The verdict, once it is known whether the signature holds.
    pub fn settle(self, signature_holds: bool) -> Verdict {
        match self {
            Prepared::Done(verdict) => verdict,
            Prepared::Signed(valid, _) if signature_holds => Verdict::Valid(valid),
            Prepared::Signed(..) => Verdict::Invalid,
        }
    }

    /// The verdict with the signature checked in Rust, as the page checks it.
    pub fn settle_here(self) -> Verdict {
        let holds = match &self {
            Prepared::Signed(_, check) => check.run().is_ok(),
            Prepared::Done(_) => false,
        };
        self.settle(holds)
    }
}

/// What a worker makes of one file's bytes before the signature is checked.
pub fn prepare(bytes: &[u8], frameworks: &[&HashedFramework]) -> Prepared {
    if bytes.len() > MAX_RECORD_BYTES {
        let bytes = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        return Prepared::Done(Verdict::TooLarge { bytes });
    }
    let Ok(value) = json::parse_bytes(bytes, MAX_RECORD_BYTES) else {
        return Prepared::Done(Verdict::Invalid);
    };
    // The report counts the returned signature as good; `settle` has the last word on it.
    match check_record_value(&value, frameworks, Signature::Return) {
        (report, Some(check)) => match ValidRecord::of(&report) {
            Some(valid) => Prepared::Signed(valid, check),
            None => Prepared::Done(Verdict::Invalid),
        },
        (_, None) => Prepared::Done(Verdict::Invalid),
    }
}

/// What a worker sends for one file's bytes, the signature checked in Rust (where the browser
/// has no Ed25519 of its own).
pub fn verdict(bytes: &[u8], frameworks: &[&HashedFramework]) -> Verdict {
    prepare(bytes, frameworks).settle_here()
}

/// The files of a choice of `total` dealt round `workers` workers in small blocks: for each
/// worker the indices it checks, in order. Every index is dealt exactly once.
pub fn deal(total: usize, workers: usize) -> Vec<Vec<u32>> {
    let workers = workers.clamp(1, total.max(1));
    let mut dealt: Vec<Vec<u32>> = vec![Vec::new(); workers];
    for index in 0..total {
        let (Some(hand), Ok(index)) =
            (dealt.get_mut((index / BLOCK) % workers), u32::try_from(index))
        else {
            continue;
        };
        hand.push(index);
    }
    dealt
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_and_results_come_through_encoding_unchanged() {
        let job = Job { run: 7, indices: vec![0, 1, 16, 17] };
        assert_eq!(Job::decode(&job.encode()), Ok(job));
        let valid = ValidRecord {
            student_name: "Sanne \"de\" Vries".into(),
            student_number: "0481234".into(),
            signer: "did:key:z6Mk".into(),
            signer_name: "Petra Jansen".into(),
            invitation: Some(("urn:uuid:1".into(), "uAbc".into())),
        };
        let results = Results {
            run: u32::MAX,
            verdicts: vec![
                (0, Verdict::Valid(valid)),
                (1, Verdict::Invalid),
                (2, Verdict::Unreadable),
                (3, Verdict::TooLarge { bytes: 5_000_000_000 }),
            ],
        };
        assert_eq!(Results::decode(&results.encode()), Ok(results));
    }

    #[test]
    fn malformed_messages_are_refused_with_a_reason() {
        let refused = [
            "",
            "{",
            "null",
            "[]",
            r#"{"run":1}"#,
            r#"{"run":-1,"verdicts":[]}"#,
            r#"{"run":1.5,"verdicts":[]}"#,
            r#"{"run":4294967296,"verdicts":[]}"#,
            r#"{"run":1,"verdicts":[],"extra":true}"#,
            r#"{"run":1,"verdicts":[[0]]}"#,
            r#"{"run":1,"verdicts":[[0,"valid"]]}"#,
            r#"{"run":1,"verdicts":[[0,"maybe"]]}"#,
            r#"{"run":1,"verdicts":[[0,{"valid":{"studentName":"a"}}]]}"#,
            r#"{"run":1,"verdicts":[[0,{"tooLarge":{"bytes":"many"}}]]}"#,
            r#"{"run":1,"verdicts":[[0,"invalid"],[0,"invalid"]]}"#,
        ];
        for text in refused {
            let error = Results::decode(text).expect_err(text);
            assert!(error.to_string().starts_with("not a message of the verify worker"), "{error}");
        }
        for text in
            ["", r#"{"run":1}"#, r#"{"run":1,"indices":[-1]}"#, r#"{"run":1,"indices":"0"}"#]
        {
            assert!(Job::decode(text).is_err(), "{text}");
        }
        let long = format!(r#"{{"run":1,"indices":[{}0]}}"#, "0,".repeat(MAX_MESSAGE_CHARS));
        assert!(Job::decode(&long).is_err());
    }

    #[test]
    fn a_worker_says_only_invalid_of_a_file_that_is_not_a_valid_record() {
        let known: Vec<HashedFramework> = crate::core::framework::catalogue::load_all();
        let known: Vec<&HashedFramework> = known.iter().collect();
        assert_eq!(verdict(b"Beste docent,", &known), Verdict::Invalid);
        assert_eq!(verdict(b"{}", &known), Verdict::Invalid);
        let huge = vec![b' '; MAX_RECORD_BYTES + 1];
        assert_eq!(verdict(&huge, &known), Verdict::TooLarge { bytes: huge.len() as u64 });
    }

    const EXAMPLE: &str = include_str!("../../../examples/record.json");

    /// The example record with its `proofValue` signing something else: everything but the
    /// signature still in order.
    fn wrongly_signed() -> String {
        let mut value: Value = serde_json::from_str(EXAMPLE).expect("the example is JSON");
        let other = crate::core::crypto::data_integrity::encode_proof_value(&[7; 64]);
        value["proof"]["proofValue"] = Value::String(other);
        serde_json::to_string(&value).expect("serializes")
    }

    #[test]
    fn a_prepared_record_is_as_valid_as_its_signature() {
        let known: Vec<HashedFramework> = crate::core::framework::catalogue::load_all();
        let known: Vec<&HashedFramework> = known.iter().collect();
        let prepared = prepare(EXAMPLE.as_bytes(), &known);
        assert!(prepared.for_browser().is_some(), "a real signature goes to the browser");
        let Verdict::Valid(valid) = prepared.clone().settle(true) else {
            panic!("the example record is valid when its signature holds")
        };
        assert_eq!(valid.student_number, "0123456");
        assert_eq!(prepared.clone().settle(false), Verdict::Invalid);
        assert_eq!(prepared.settle_here(), Verdict::Valid(valid));

        let forged = prepare(wrongly_signed().as_bytes(), &known);
        assert!(matches!(forged, Prepared::Signed(..)), "only the signature is wrong");
        assert_eq!(forged.settle_here(), Verdict::Invalid);
    }

    #[test]
    fn the_worker_verdict_is_the_page_verdict() {
        let known: Vec<HashedFramework> = crate::core::framework::catalogue::load_all();
        let known: Vec<&HashedFramework> = known.iter().collect();
        let renamed = EXAMPLE.replacen("0123456", "0123457", 1);
        let unsigned = EXAMPLE.replacen("\"proof\"", "\"proef\"", 1);
        for text in [EXAMPLE, &wrongly_signed(), &renamed, &unsigned, "[]", "{\"proof\":{}}"] {
            let page = crate::core::record::verify_record_bytes(text.as_bytes(), &known);
            let expected = ValidRecord::of(&page).map_or(Verdict::Invalid, Verdict::Valid);
            assert_eq!(verdict(text.as_bytes(), &known), expected, "{text:.60}");
        }
    }

    #[test]
    fn a_key_of_small_order_is_not_left_to_the_browser() {
        let known: Vec<HashedFramework> = crate::core::framework::catalogue::load_all();
        let known: Vec<&HashedFramework> = known.iter().collect();
        let Prepared::Signed(valid, mut check) = prepare(EXAMPLE.as_bytes(), &known) else {
            panic!("the example record is signed")
        };
        check.public_key = [0; 32];
        let weak = Prepared::Signed(valid, check);
        assert_eq!(weak.for_browser(), None);
        assert_eq!(weak.settle_here(), Verdict::Invalid);
    }

    #[test]
    fn every_file_is_dealt_once_in_blocks_round_the_workers() {
        for (total, workers) in [(0, 2), (1, 2), (30, 2), (1000, 2), (17, 3), (5, 0), (100, 1)] {
            let dealt = deal(total, workers);
            assert!(dealt.len() <= workers.max(1));
            let mut all: Vec<u32> = dealt.iter().flatten().copied().collect();
            all.sort_unstable();
            assert_eq!(all, (0..total as u32).collect::<Vec<_>>(), "{total} over {workers}");
            for hand in &dealt {
                assert!(hand.windows(2).all(|w| w[0] < w[1]), "each hand in order");
            }
        }
        let dealt = deal(30, 2);
        assert_eq!(dealt[0][..9], [0, 1, 2, 3, 4, 5, 6, 7, 16]);
        assert_eq!(dealt[1][..9], [8, 9, 10, 11, 12, 13, 14, 15, 24]);
    }
}
