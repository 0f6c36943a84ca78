//! What a docent needs to hear first about a record that is not valid: one of a few plain
//! verdicts, chosen from the technical problems. The problems themselves stay available as the
//! detail; they name paths and bytes, which a docent cannot act on.

use super::RecordProblem;

/// Why a file is not a trustworthy record, in the reader's terms. Each has one sentence and one
/// next step in `src/i18n/verify.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Someone's secret signing key: passing it on lets others sign in the owner's name.
    SecretKey,
    /// Begins as JSON but cannot be read: cut off, a byte that is no text, or empty.
    Damaged,
    /// Not an assessment record: other JSON, another kind of file, or larger than a record is.
    NotARecord,
    /// A record of a format version this app does not read.
    NewerVersion,
    /// The signature does not match: changed after signing, or a claimed signer who did not sign.
    Changed,
    /// No signature at all.
    NotSigned,
    /// A signature of a kind this app cannot check.
    UncheckableSignature,
    /// A framework this app does not have, or another content under a known name.
    UnknownFramework,
    /// Signed, but not following the format's rules (shape, indicators, aggregates).
    Faulty,
}

/// The verdict for a record's problems, `None` when there are none. When several apply, the one
/// that most changes what the docent should do wins: a key must be handled before anything, and
/// a damaged file cannot be judged on anything else.
pub fn verdict(problems: &[RecordProblem]) -> Option<Verdict> {
    use RecordProblem as P;
    const ORDER: [Verdict; 9] = [
        Verdict::SecretKey,
        Verdict::Damaged,
        Verdict::NotARecord,
        Verdict::NewerVersion,
        Verdict::Changed,
        Verdict::NotSigned,
        Verdict::UncheckableSignature,
        Verdict::UnknownFramework,
        Verdict::Faulty,
    ];
    let of = |problem: &RecordProblem| match problem {
        P::SecretKeyFile => Verdict::SecretKey,
        P::NotUtf8 { .. } | P::InvalidJson(_) => Verdict::Damaged,
        // A record is at most some hundred KB; one of the limit's megabytes is something else.
        P::TooLarge { .. } | P::NotJson | P::NotAnObject | P::UnsupportedType(_) => {
            Verdict::NotARecord
        }
        // Without a type the object could be anything; with a wrong one, see above.
        P::Malformed { path, reason: super::ShapeProblem::Missing } if path == "type" => {
            Verdict::NotARecord
        }
        P::UnsupportedSchemaVersion(_) => Verdict::NewerVersion,
        P::SignatureMismatch | P::IssuerNotSigner { .. } => Verdict::Changed,
        P::MissingProof => Verdict::NotSigned,
        P::SeveralProofs
        | P::UnknownCryptosuite(_)
        | P::MalformedDidKey(_)
        | P::InvalidProof(_) => Verdict::UncheckableSignature,
        P::UnknownFramework { .. } | P::FrameworkHashDiffers { .. } => Verdict::UnknownFramework,
        // Listed, not left to a wildcard, so that a new kind of problem is placed on purpose.
        P::Malformed { .. }
        | P::UnknownIndicator(_)
        | P::DuplicateIndicator(_)
        | P::MissingIndicator(_)
        | P::WrongLearningOutcome { .. }
        | P::UnknownLearningOutcome(_)
        | P::DuplicateLearningOutcome(_)
        | P::MissingLearningOutcome(_)
        | P::WrongCoreTask { .. }
        | P::OutOfOrder { .. }
        | P::UnknownNormLevel(_)
        | P::AggregatesDiffer { .. } => Verdict::Faulty,
    };
    let found: Vec<Verdict> = problems.iter().map(of).collect();
    ORDER.into_iter().find(|v| found.contains(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::crypto::jcs::JcsError;
    use crate::core::record::ShapeProblem;

    #[test]
    fn no_problems_no_verdict() {
        assert_eq!(verdict(&[]), None);
    }

    #[test]
    fn each_kind_of_problem_has_its_plain_verdict() {
        use RecordProblem as P;
        let cases = [
            (P::SecretKeyFile, Verdict::SecretKey),
            (P::NotUtf8 { offset: 3 }, Verdict::Damaged),
            (P::TooLarge { bytes: 9, limit: 8 }, Verdict::NotARecord),
            (P::NotJson, Verdict::NotARecord),
            (P::InvalidJson(JcsError::ByteOrderMark), Verdict::Damaged),
            (P::NotAnObject, Verdict::NotARecord),
            (P::UnsupportedType("VerifiableCredential".into()), Verdict::NotARecord),
            (P::UnsupportedSchemaVersion("4".into()), Verdict::NewerVersion),
            (P::SignatureMismatch, Verdict::Changed),
            (P::MissingProof, Verdict::NotSigned),
            (P::SeveralProofs, Verdict::UncheckableSignature),
            (
                P::UnknownFramework { id: "x".into(), version: "1".into() },
                Verdict::UnknownFramework,
            ),
            (P::MissingIndicator("LU1.1".into()), Verdict::Faulty),
        ];
        for (problem, expected) in cases {
            assert_eq!(verdict(std::slice::from_ref(&problem)), Some(expected), "{problem}");
        }
    }

    #[test]
    fn the_verdict_that_changes_what_to_do_most_wins() {
        use RecordProblem as P;
        // A changed record also fails its aggregates; the change is what matters.
        let changed = [
            P::AggregatesDiffer { scope: crate::core::record::AggregateScope::Overall },
            P::SignatureMismatch,
        ];
        assert_eq!(verdict(&changed), Some(Verdict::Changed));
        // An object without a type and proof is no record, not merely an unsigned one.
        let other_json =
            [P::MissingProof, P::Malformed { path: "type".into(), reason: ShapeProblem::Missing }];
        assert_eq!(verdict(&other_json), Some(Verdict::NotARecord));
    }
}
