//! Why a framework or a record is not valid. The core's own wording of its errors is English;
//! Dutch words every case itself, down to the JSON, did:key, proof and shape details.

use crate::core::assessment::MAX_TEXT_CHARS;
use crate::core::crypto::data_integrity::{VerifyError, CRYPTOSUITE, PROOF_PURPOSE, PROOF_TYPE};
use crate::core::crypto::did_key::{DidKeyError, KeyKind};
use crate::core::crypto::jcs::JcsError;
use crate::core::framework::{Problem, ProblemKind};
use crate::core::record::{AggregateScope, RecordProblem, ShapeProblem, MAX_RECORD_ID_CHARS};

use super::Lang;

impl Lang {
    pub fn problem(self, problem: &Problem) -> String {
        let at = if problem.path.is_empty() { "" } else { problem.path.as_str() };
        let what = match (&problem.kind, self) {
            (ProblemKind::TooLarge { bytes, limit }, Lang::Nl) => {
                format!("het bestand is {bytes} bytes; de grens is {limit}")
            }
            (ProblemKind::TooLarge { bytes, limit }, Lang::En) => {
                format!("the file is {bytes} bytes; the limit is {limit}")
            }
            (ProblemKind::Syntax { message, line, column }, Lang::Nl) => {
                format!("geen geldig kader: {message} (regel {line}, kolom {column})")
            }
            (ProblemKind::Syntax { message, line, column }, Lang::En) => {
                format!("not a valid framework: {message} (line {line}, column {column})")
            }
            (ProblemKind::UnsupportedFormat(found), Lang::Nl) => {
                format!("onbekend formaat \"{found}\"")
            }
            (ProblemKind::UnsupportedFormat(found), Lang::En) => {
                format!("unknown format \"{found}\"")
            }
            (ProblemKind::MissingField(name), Lang::Nl) => format!("het veld \"{name}\" ontbreekt"),
            (ProblemKind::MissingField(name), Lang::En) => {
                format!("the field \"{name}\" is missing")
            }
            (ProblemKind::WrongType(expected), Lang::Nl) => {
                format!("verwacht: {}", dutch_type(expected))
            }
            (ProblemKind::WrongType(expected), Lang::En) => format!("expected: {expected}"),
            (ProblemKind::UnknownField(name), Lang::Nl) => format!("onbekend veld \"{name}\""),
            (ProblemKind::UnknownField(name), Lang::En) => format!("unknown field \"{name}\""),
            (ProblemKind::EmptyText, Lang::Nl) => "de tekst is leeg".to_string(),
            (ProblemKind::EmptyText, Lang::En) => "the text is empty".to_string(),
            (ProblemKind::DuplicateId { id, first }, Lang::Nl) => {
                format!("id \"{id}\" komt al voor bij {first}")
            }
            (ProblemKind::DuplicateId { id, first }, Lang::En) => {
                format!("id \"{id}\" is already used at {first}")
            }
            (ProblemKind::UnknownCapability(id), Lang::Nl) => {
                format!("er is geen bekwaamheid met id \"{id}\"")
            }
            (ProblemKind::UnknownCapability(id), Lang::En) => {
                format!("no capability has id \"{id}\"")
            }
            (ProblemKind::UnknownIndicator(id), Lang::Nl) => {
                format!("er is geen indicator met id \"{id}\"")
            }
            (ProblemKind::UnknownIndicator(id), Lang::En) => {
                format!("no indicator has id \"{id}\"")
            }
            (ProblemKind::ScaleMismatch, Lang::Nl) => {
                "de schaal moet precies □ = 1, + = 2 en ++ = 3 zijn".to_string()
            }
            (ProblemKind::ScaleMismatch, Lang::En) => {
                "the scale must be exactly □ = 1, + = 2 and ++ = 3".to_string()
            }
            (ProblemKind::Empty, Lang::Nl) => "de lijst is leeg".to_string(),
            (ProblemKind::Empty, Lang::En) => "the list is empty".to_string(),
            (ProblemKind::SharedTextDiffers { with }, Lang::Nl) => {
                format!("de tekst verschilt van die van {with} in dezelfde groep")
            }
            (ProblemKind::SharedTextDiffers { with }, Lang::En) => {
                format!("the text differs from that of {with} in the same group")
            }
            (ProblemKind::InSeveralGroups(id), Lang::Nl) => {
                format!("indicator \"{id}\" staat in meer dan één groep")
            }
            (ProblemKind::InSeveralGroups(id), Lang::En) => {
                format!("indicator \"{id}\" is in more than one group")
            }
            (ProblemKind::GroupTooSmall, Lang::Nl) => {
                "een groep heeft minstens twee indicatoren nodig".to_string()
            }
            (ProblemKind::GroupTooSmall, Lang::En) => {
                "a group needs at least two indicators".to_string()
            }
            (ProblemKind::UnknownLearningOutcome(id), Lang::Nl) => {
                format!("er is geen leeruitkomst met id \"{id}\"")
            }
            (ProblemKind::UnknownLearningOutcome(id), Lang::En) => {
                format!("no learning outcome has id \"{id}\"")
            }
            (ProblemKind::DuplicateNorm { id, first }, Lang::Nl) => {
                format!("voor \"{id}\" staat al een norm bij {first}")
            }
            (ProblemKind::DuplicateNorm { id, first }, Lang::En) => {
                format!("\"{id}\" already has a norm at {first}")
            }
            (ProblemKind::UnknownDimension(id), Lang::Nl) => format!("onbekende dimensie \"{id}\""),
            (ProblemKind::UnknownDimension(id), Lang::En) => format!("unknown dimension \"{id}\""),
            (ProblemKind::UnknownNormLevel(id), Lang::Nl) => format!("onbekend niveau \"{id}\""),
            (ProblemKind::UnknownNormLevel(id), Lang::En) => format!("unknown level \"{id}\""),
            (ProblemKind::MissingNorm(id), Lang::Nl) => format!("de norm voor \"{id}\" ontbreekt"),
            (ProblemKind::MissingNorm(id), Lang::En) => format!("the norm for \"{id}\" is missing"),
            (ProblemKind::NotAScaleValue(found), Lang::Nl) => {
                format!("\"{found}\" is geen waarde van de schaal (□, + of ++)")
            }
            (ProblemKind::NotAScaleValue(found), Lang::En) => {
                format!("\"{found}\" is not a value of the scale (□, + or ++)")
            }
            (ProblemKind::NotACaseItemType(found), Lang::Nl) => format!(
                "onbekend soort item \"{found}\" (verwacht: Kerntaak, Leeruitkomst, Gedragsindicator, Taakgebied of Bekwaamheid)"
            ),
            (ProblemKind::NotACaseItemType(found), Lang::En) => format!(
                "unknown kind of item \"{found}\" (expected: Kerntaak, Leeruitkomst, Gedragsindicator, Taakgebied or Bekwaamheid)"
            ),
            (ProblemKind::UnknownCaseNode(id), Lang::Nl) => {
                format!("het pakket heeft geen item met identifier \"{id}\"")
            }
            (ProblemKind::UnknownCaseNode(id), Lang::En) => {
                format!("the package has no item with identifier \"{id}\"")
            }
            (ProblemKind::NotPlaced(id), Lang::Nl) => format!(
                "\"{id}\" staat niet op een passende plaats in het kader (isChildOf van gedragsindicator naar leeruitkomst naar kerntaak)"
            ),
            (ProblemKind::NotPlaced(id), Lang::En) => format!(
                "\"{id}\" has no fitting place in the framework (isChildOf from indicator to learning outcome to core task)"
            ),
        };
        if at.is_empty() {
            what
        } else {
            format!("{at}: {what}")
        }
    }

    /// Why a record is not valid, in the user's words; the technical detail follows in
    /// parentheses, for whoever supports the user. JSON paths and member names stay as they are
    /// in the file, in either language.
    pub fn record_problem(self, problem: &RecordProblem) -> String {
        use RecordProblem as P;
        let nl = self == Lang::Nl;
        let pick = |nl_text: String, en_text: String| if nl { nl_text } else { en_text };
        let not_json = |nl_why: String| match self {
            Lang::Nl => format!("het bestand is geen geldig JSON-record ({nl_why})"),
            Lang::En => format!("the file is not a valid JSON record ({problem})"),
        };
        match problem {
            P::SecretKeyFile => pick(
                "dit is een geheime ondertekensleutel, geen record; geef het niet door".into(),
                "this is a secret signing key, not a record; do not pass it on".into(),
            ),
            P::TooLarge { bytes, limit } => pick(
                format!("het bestand is te groot voor een record ({bytes} bytes; de grens is {limit})"),
                format!("the file is too large for a record ({bytes} bytes; the limit is {limit})"),
            ),
            P::NotJson => pick(
                "het bestand is geen JSON maar een ander soort bestand".into(),
                "the file is not JSON but another kind of file".into(),
            ),
            P::NotUtf8 { offset } => not_json(format!(
                "het is geen UTF-8-tekst; de eerste foute byte staat op positie {offset}"
            )),
            P::InvalidJson(e) => not_json(dutch_json_error(e)),
            P::NotAnObject => not_json("het is geen JSON-object".into()),
            P::MissingProof => pick(
                "het record is niet ondertekend".into(),
                "the record is not signed".into(),
            ),
            P::SeveralProofs => pick(
                "het record heeft meer dan één handtekening; dat wordt niet ondersteund".into(),
                "the record has more than one proof, which is not supported".into(),
            ),
            P::SignatureMismatch => pick(
                "de handtekening klopt niet: het record is na ondertekenen veranderd, of niet met deze sleutel ondertekend".into(),
                "the signature does not match: the record was changed after signing, or not signed with this key".into(),
            ),
            P::UnknownCryptosuite(suite) => pick(
                format!("onbekende ondertekenmethode \"{suite}\" (verwacht: eddsa-jcs-2022)"),
                format!("unknown cryptosuite \"{suite}\" (expected: eddsa-jcs-2022)"),
            ),
            // The core's own wording of the detail is English; Dutch words every case itself.
            P::MalformedDidKey(e) => match self {
                Lang::Nl => format!(
                    "de sleutel (did:key) in het record is ongeldig ({})",
                    dutch_did_key_error(e)
                ),
                Lang::En => format!("the key (did:key) in the record is malformed ({e})"),
            },
            P::InvalidProof(e) => match self {
                Lang::Nl => format!(
                    "de handtekening is onvolledig of ongeldig ({})",
                    dutch_verify_error(e)
                ),
                Lang::En => format!("the proof is incomplete or invalid ({e})"),
            },
            P::Malformed { path, reason } => {
                let reason = match self {
                    Lang::Nl => dutch_shape_problem(reason),
                    Lang::En => reason.to_string(),
                };
                match (self, path.is_empty()) {
                    (Lang::Nl, true) => format!("het record heeft niet de juiste vorm ({reason})"),
                    (Lang::Nl, false) => {
                        format!("het record heeft niet de juiste vorm bij {path} ({reason})")
                    }
                    (Lang::En, true) => {
                        format!("the record does not have the right shape ({reason})")
                    }
                    (Lang::En, false) => {
                        format!("the record does not have the right shape at {path} ({reason})")
                    }
                }
            }
            P::UnsupportedType(t) => pick(
                format!("dit is geen beoordelingsrecord (type \"{t}\")"),
                format!("this is not an assessment record (type \"{t}\")"),
            ),
            P::UnsupportedSchemaVersion(v) => pick(
                format!("onbekende versie van het recordformaat (\"{v}\"); mogelijk is een nieuwere app nodig"),
                format!("unknown version of the record format (\"{v}\"); a newer app may be needed"),
            ),
            P::UnknownFramework { id, version } => pick(
                format!("het beoordelingskader \"{id}\" versie \"{version}\" is onbekend, dus de resultaten kunnen niet worden nagerekend"),
                format!("the framework \"{id}\" version \"{version}\" is unknown, so the results cannot be checked"),
            ),
            P::FrameworkHashDiffers { .. } => pick(
                "het record noemt een bekend kader, maar met andere teksten dan dit kader".into(),
                "the record names a known framework, but with other texts than this one".into(),
            ),
            P::UnknownIndicator(id) => pick(
                format!("indicator {id} hoort niet bij het kader"),
                format!("indicator {id} is not part of the framework"),
            ),
            P::DuplicateIndicator(id) => pick(
                format!("indicator {id} staat er meer dan eens in"),
                format!("indicator {id} appears more than once"),
            ),
            P::MissingIndicator(id) => pick(
                format!("indicator {id} ontbreekt"),
                format!("indicator {id} is missing"),
            ),
            P::WrongLearningOutcome { indicator, stated, expected } => pick(
                format!("indicator {indicator} staat bij {stated} maar hoort bij {expected}"),
                format!("indicator {indicator} is listed under {stated} but belongs to {expected}"),
            ),
            P::UnknownLearningOutcome(id) => pick(
                format!("leeruitkomst {id} hoort niet bij het kader"),
                format!("learning outcome {id} is not part of the framework"),
            ),
            P::DuplicateLearningOutcome(id) => pick(
                format!("leeruitkomst {id} staat er meer dan eens in"),
                format!("learning outcome {id} appears more than once"),
            ),
            P::MissingLearningOutcome(id) => pick(
                format!("leeruitkomst {id} ontbreekt"),
                format!("learning outcome {id} is missing"),
            ),
            P::WrongCoreTask { outcome, stated, expected } => pick(
                format!("leeruitkomst {outcome} staat bij {stated} maar hoort bij {expected}"),
                format!("learning outcome {outcome} is listed under {stated} but belongs to {expected}"),
            ),
            P::OutOfOrder { list } => pick(
                format!("de lijst {list} staat niet in de volgorde van het kader"),
                format!("the list {list} is not in the framework's order"),
            ),
            P::UnknownNormLevel(level) => pick(
                format!("het kader heeft geen normen voor niveau \"{level}\""),
                format!("the framework has no norms for level \"{level}\""),
            ),
            P::AggregatesDiffer { scope } => {
                let place = match (scope, nl) {
                    (AggregateScope::LearningOutcome(id), true) => format!("leeruitkomst {id}"),
                    (AggregateScope::LearningOutcome(id), false) => format!("learning outcome {id}"),
                    (AggregateScope::CoreTask(id), true) => format!("kerntaak {id}"),
                    (AggregateScope::CoreTask(id), false) => format!("core task {id}"),
                    (AggregateScope::Overall, true) => "het totaal".into(),
                    (AggregateScope::Overall, false) => "the overall result".into(),
                };
                pick(
                    format!("de resultaten voor {place} volgen niet uit de scores"),
                    format!("the results for {place} do not follow from the scores"),
                )
            }
            P::IssuerNotSigner { issuer, signer } => pick(
                format!("het record noemt {issuer} als uitgever, maar {signer} ondertekende het"),
                format!("the record names {issuer} as its issuer, but {signer} signed it"),
            ),
        }
    }
}

/// What is wrong at a path of a record, in Dutch.
fn dutch_shape_problem(problem: &ShapeProblem) -> String {
    match problem {
        ShapeProblem::Missing => "ontbreekt".into(),
        ShapeProblem::UnexpectedMember => "hoort niet bij dit formaat".into(),
        ShapeProblem::NotAnObject => "verwacht: een object".into(),
        ShapeProblem::NotAnArray => "verwacht: een lijst".into(),
        ShapeProblem::NotAString => "verwacht: tekst".into(),
        ShapeProblem::NotAStringOrNull => "verwacht: tekst of null".into(),
        ShapeProblem::NotACount => "verwacht: een geheel getal van 0 tot en met 4294967295".into(),
        ShapeProblem::NotAScaleValue => "geen waarde van de schaal".into(),
        ShapeProblem::NotOneOf { found, expected } => {
            let quoted: Vec<String> = expected.iter().map(|e| format!("\"{e}\"")).collect();
            let allowed = match quoted.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} of {last}", rest.join(", ")),
                None => String::new(),
            };
            format!("\"{found}\" is geen toegestane waarde; toegestaan: {allowed}")
        }
        ShapeProblem::NotALevel { symbol, value } => format!(
            "symbool \"{symbol}\" met waarde {value} is geen niveau van de schaal (□ = 1, + = 2, ++ = 3)"
        ),
        ShapeProblem::ScoredWithoutScore => {
            "de status is \"scored\", maar de score is null".into()
        }
        ShapeProblem::ScoreWithoutScored => {
            "de status is \"not-scored\", maar er staat wel een score".into()
        }
        ShapeProblem::ScoreWithNotObserved => {
            "de status is \"notObserved\" (niet waargenomen), maar er staat wel een score".into()
        }
        ShapeProblem::NotObservedBeforeVersion4 => {
            "\"notObserved\" (niet waargenomen) bestaat pas vanaf schemaversie 4".into()
        }
        ShapeProblem::NotUtcTime(value) => format!("\"{value}\" is geen RFC 3339-tijd in UTC"),
        ShapeProblem::NotADate(value) => {
            format!("\"{value}\" is geen datum in de vorm JJJJ-MM-DD")
        }
        ShapeProblem::InvalidRecordId => {
            format!("moet 1 tot en met {MAX_RECORD_ID_CHARS} tekens zijn, zonder spaties")
        }
        ShapeProblem::NotSha256 => "verwacht: 64 hexadecimale tekens in kleine letters".into(),
        ShapeProblem::TooLong { chars } => {
            format!("de tekst heeft {chars} tekens, meer dan de grens van {MAX_TEXT_CHARS}")
        }
        ShapeProblem::BlankComment => {
            "de toelichting is leeg; zonder toelichting staat er null".into()
        }
        ShapeProblem::BlankFeedback => "de feedback is leeg; zonder feedback staat er null".into(),
        ShapeProblem::NotExactly { expected } => {
            let quoted: Vec<String> = expected.iter().map(|e| format!("\"{e}\"")).collect();
            format!("moet precies [{}] zijn", quoted.join(", "))
        }
    }
}

/// Why a proof cannot be checked, in Dutch.
fn dutch_verify_error(error: &VerifyError) -> String {
    match error {
        VerifyError::DocumentNotAnObject => "het record is geen JSON-object".into(),
        VerifyError::MissingProof => "er is geen proof".into(),
        VerifyError::ProofIsArray => "er is meer dan één proof".into(),
        VerifyError::ProofNotAnObject => "proof is geen object".into(),
        VerifyError::MissingProofField(name) => format!("proof.{name} ontbreekt"),
        VerifyError::ProofFieldNotAString(name) => format!("proof.{name} is geen tekst"),
        VerifyError::WrongProofType(found) => {
            format!("proof.type is \"{found}\" in plaats van \"{PROOF_TYPE}\"")
        }
        VerifyError::UnknownCryptosuite(found) => {
            format!("onbekende ondertekenmethode \"{found}\" (verwacht: {CRYPTOSUITE})")
        }
        VerifyError::WrongProofPurpose(found) => format!(
            "het doel van de handtekening (proof.proofPurpose) is \"{found}\" in plaats van \"{PROOF_PURPOSE}\""
        ),
        VerifyError::InvalidCreated(found) => {
            format!("proof.created \"{found}\" is geen datum en tijd met tijdzone")
        }
        VerifyError::MalformedDidKey(e) => {
            format!("proof.verificationMethod is ongeldig: {}", dutch_did_key_error(e))
        }
        VerifyError::ContextMismatch => {
            "de @context van de proof verschilt van die van het record".into()
        }
        // The decoder's reason is English and only of use to a developer; the CLI still gives it.
        VerifyError::MalformedProofValue(_) => {
            "proof.proofValue is geen Ed25519-handtekening van 64 bytes in base58btc".into()
        }
        VerifyError::Canonicalization(e) => {
            format!("het record heeft geen canonieke vorm: {}", dutch_json_error(e))
        }
        VerifyError::SignatureMismatch => "de handtekening klopt niet".into(),
    }
}

/// Why a did:key or verification method is not a usable Ed25519 key, in Dutch.
fn dutch_did_key_error(error: &DidKeyError) -> String {
    match error {
        DidKeyError::NotDidKey => "het is geen did:key".into(),
        DidKeyError::WrongMultibasePrefix(Some(c)) => {
            format!("de sleutelwaarde begint met '{c}' in plaats van 'z' (base58btc)")
        }
        DidKeyError::WrongMultibasePrefix(None) => "de sleutelwaarde is leeg".into(),
        DidKeyError::BadBase58(_) => "de sleutelwaarde is geen leesbare base58btc-sleutel".into(),
        DidKeyError::WrongMulticodec { expected, .. } => {
            let codec = match expected {
                KeyKind::Public => "ed25519-pub",
                KeyKind::Secret => "ed25519-priv",
            };
            format!("de multicodec-kop klopt niet (verwacht: {codec})")
        }
        DidKeyError::WrongKeyLength { expected, found } => {
            format!("de sleutel is {found} bytes lang in plaats van {expected}")
        }
        DidKeyError::InvalidPublicKey => "het is geen geldige Ed25519-sleutel".into(),
        DidKeyError::MissingFragment => {
            "na de # in de verificationMethod hoort de sleutel te staan, maar die ontbreekt".into()
        }
        DidKeyError::FragmentMismatch => {
            "de sleutel na de # in de verificationMethod hoort niet bij de did:key".into()
        }
    }
}

/// Why a text is not strict JSON, in Dutch. The parser's reason for a syntax error is English;
/// the byte offset says where to look.
fn dutch_json_error(error: &JcsError) -> String {
    match error {
        JcsError::ByteOrderMark => {
            "het bestand begint met een byte-order-markering (BOM); sla het op als UTF-8 zonder BOM"
                .into()
        }
        JcsError::Syntax { offset, .. } => format!("ongeldige JSON bij byte {offset}"),
        JcsError::DuplicateKey { offset, key } => {
            format!("de naam \"{key}\" staat twee keer in hetzelfde object, bij byte {offset}")
        }
        JcsError::LoneSurrogate { offset, code_unit } => format!(
            "een losse surrogaat \\u{code_unit:04x} bij byte {offset}; dat is geen geldige Unicode-tekst"
        ),
        JcsError::TooDeep { limit } => {
            format!("lijsten en objecten zijn dieper genest dan {limit} niveaus")
        }
        JcsError::NonFiniteNumber { literal } => {
            format!("het getal {literal} is geen eindig getal of te groot voor JSON")
        }
    }
}

/// The core names JSON types in English; Dutch users read them in Dutch.
fn dutch_type(name: &str) -> &str {
    match name {
        "object" => "een object",
        "array" => "een lijst",
        "string" => "tekst",
        "boolean" => "waar of onwaar",
        "number from 1 to 3" => "een getal van 1 tot en met 3",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each kind of JSON error. The match makes a new kind a compile error here until it
    /// has a sample.
    fn json_errors() -> Vec<JcsError> {
        let all = vec![
            JcsError::Syntax { offset: 9, reason: "expected a JSON value" },
            JcsError::DuplicateKey { offset: 12, key: "id".into() },
            JcsError::LoneSurrogate { offset: 3, code_unit: 0xd800 },
            JcsError::TooDeep { limit: 128 },
            JcsError::NonFiniteNumber { literal: "1e999".into() },
            JcsError::ByteOrderMark,
        ];
        for e in &all {
            match e {
                JcsError::Syntax { .. }
                | JcsError::DuplicateKey { .. }
                | JcsError::LoneSurrogate { .. }
                | JcsError::TooDeep { .. }
                | JcsError::NonFiniteNumber { .. }
                | JcsError::ByteOrderMark => {}
            }
        }
        all
    }

    fn did_key_errors() -> Vec<DidKeyError> {
        let all = vec![
            DidKeyError::NotDidKey,
            DidKeyError::WrongMultibasePrefix(Some('f')),
            DidKeyError::WrongMultibasePrefix(None),
            DidKeyError::BadBase58(
                "provided string contained invalid character '0' at byte 4".into(),
            ),
            DidKeyError::WrongMulticodec { expected: KeyKind::Public, found: vec![0xec, 0x01] },
            DidKeyError::WrongMulticodec { expected: KeyKind::Secret, found: vec![] },
            DidKeyError::WrongKeyLength { expected: 32, found: 31 },
            DidKeyError::InvalidPublicKey,
            DidKeyError::MissingFragment,
            DidKeyError::FragmentMismatch,
        ];
        for e in &all {
            match e {
                DidKeyError::NotDidKey
                | DidKeyError::WrongMultibasePrefix(_)
                | DidKeyError::BadBase58(_)
                | DidKeyError::WrongMulticodec { .. }
                | DidKeyError::WrongKeyLength { .. }
                | DidKeyError::InvalidPublicKey
                | DidKeyError::MissingFragment
                | DidKeyError::FragmentMismatch => {}
            }
        }
        all
    }

    fn verify_errors() -> Vec<VerifyError> {
        let mut all = vec![
            VerifyError::DocumentNotAnObject,
            VerifyError::MissingProof,
            VerifyError::ProofIsArray,
            VerifyError::ProofNotAnObject,
            VerifyError::MissingProofField("proofValue"),
            VerifyError::ProofFieldNotAString("created"),
            VerifyError::WrongProofType("Ed25519Signature2020".into()),
            VerifyError::UnknownCryptosuite("eddsa-rdfc-2022".into()),
            VerifyError::WrongProofPurpose("authentication".into()),
            VerifyError::InvalidCreated("yesterday".into()),
            VerifyError::ContextMismatch,
            VerifyError::MalformedProofValue("signature is 61 bytes long, expected 64".into()),
            VerifyError::SignatureMismatch,
        ];
        all.extend(did_key_errors().into_iter().map(VerifyError::MalformedDidKey));
        all.extend(json_errors().into_iter().map(VerifyError::Canonicalization));
        for e in &all {
            match e {
                VerifyError::DocumentNotAnObject
                | VerifyError::MissingProof
                | VerifyError::ProofIsArray
                | VerifyError::ProofNotAnObject
                | VerifyError::MissingProofField(_)
                | VerifyError::ProofFieldNotAString(_)
                | VerifyError::WrongProofType(_)
                | VerifyError::UnknownCryptosuite(_)
                | VerifyError::WrongProofPurpose(_)
                | VerifyError::InvalidCreated(_)
                | VerifyError::MalformedDidKey(_)
                | VerifyError::ContextMismatch
                | VerifyError::MalformedProofValue(_)
                | VerifyError::Canonicalization(_)
                | VerifyError::SignatureMismatch => {}
            }
        }
        all
    }

    fn shape_problems() -> Vec<ShapeProblem> {
        let all = vec![
            ShapeProblem::Missing,
            ShapeProblem::UnexpectedMember,
            ShapeProblem::NotAnObject,
            ShapeProblem::NotAnArray,
            ShapeProblem::NotAString,
            ShapeProblem::NotAStringOrNull,
            ShapeProblem::NotACount,
            ShapeProblem::NotAScaleValue,
            ShapeProblem::NotOneOf { found: "scorea".into(), expected: &["scored", "not-scored"] },
            ShapeProblem::NotOneOf { found: "x".into(), expected: &["a", "b", "c"] },
            ShapeProblem::NotALevel { symbol: "++".into(), value: 2 },
            ShapeProblem::ScoredWithoutScore,
            ShapeProblem::ScoreWithoutScored,
            ShapeProblem::ScoreWithNotObserved,
            ShapeProblem::NotObservedBeforeVersion4,
            ShapeProblem::NotUtcTime("2026-05-01T09:30:00+02:00".into()),
            ShapeProblem::NotADate("2026-02-30".into()),
            ShapeProblem::InvalidRecordId,
            ShapeProblem::NotSha256,
            ShapeProblem::TooLong { chars: 10_001 },
            ShapeProblem::BlankComment,
            ShapeProblem::BlankFeedback,
            ShapeProblem::NotExactly { expected: &["VerifiableCredential", "X"] },
        ];
        for p in &all {
            match p {
                ShapeProblem::Missing
                | ShapeProblem::UnexpectedMember
                | ShapeProblem::NotAnObject
                | ShapeProblem::NotAnArray
                | ShapeProblem::NotAString
                | ShapeProblem::NotAStringOrNull
                | ShapeProblem::NotACount
                | ShapeProblem::NotAScaleValue
                | ShapeProblem::NotOneOf { .. }
                | ShapeProblem::NotALevel { .. }
                | ShapeProblem::ScoredWithoutScore
                | ShapeProblem::ScoreWithoutScored
                | ShapeProblem::ScoreWithNotObserved
                | ShapeProblem::NotObservedBeforeVersion4
                | ShapeProblem::NotUtcTime(_)
                | ShapeProblem::NotADate(_)
                | ShapeProblem::InvalidRecordId
                | ShapeProblem::NotSha256
                | ShapeProblem::TooLong { .. }
                | ShapeProblem::BlankComment
                | ShapeProblem::BlankFeedback
                | ShapeProblem::NotExactly { .. } => {}
            }
        }
        all
    }

    /// Every kind of record problem, with every kind of detail each can carry.
    fn record_problems() -> Vec<RecordProblem> {
        use RecordProblem as P;
        let id = || "LU1.1".to_string();
        let mut all = vec![
            P::SecretKeyFile,
            P::TooLarge { bytes: 6_000_000, limit: 5_242_880 },
            P::NotJson,
            P::NotUtf8 { offset: 6 },
            P::NotAnObject,
            P::MissingProof,
            P::SeveralProofs,
            P::SignatureMismatch,
            P::UnknownCryptosuite("eddsa-rdfc-2022".into()),
            P::UnsupportedType("SomethingElse".into()),
            P::UnsupportedSchemaVersion("3".into()),
            P::UnknownFramework { id: "ander-kader".into(), version: "1".into() },
            P::FrameworkHashDiffers { stated: "0".repeat(64), expected: "1".repeat(64) },
            P::UnknownIndicator(id()),
            P::DuplicateIndicator(id()),
            P::MissingIndicator(id()),
            P::WrongLearningOutcome {
                indicator: id(),
                stated: "LU2".into(),
                expected: "LU1".into(),
            },
            P::UnknownLearningOutcome("LU9".into()),
            P::DuplicateLearningOutcome("LU1".into()),
            P::MissingLearningOutcome("LU1".into()),
            P::WrongCoreTask {
                outcome: "LU1".into(),
                stated: "KT2".into(),
                expected: "KT1".into(),
            },
            P::OutOfOrder { list: "indicators" },
            P::UnknownNormLevel("E".into()),
            P::AggregatesDiffer { scope: AggregateScope::LearningOutcome("LU1".into()) },
            P::AggregatesDiffer { scope: AggregateScope::CoreTask("KT1".into()) },
            P::AggregatesDiffer { scope: AggregateScope::Overall },
            P::IssuerNotSigner { issuer: "did:key:z6MkA".into(), signer: "did:key:z6MkB".into() },
        ];
        all.extend(json_errors().into_iter().map(P::InvalidJson));
        all.extend(did_key_errors().into_iter().map(P::MalformedDidKey));
        all.extend(verify_errors().into_iter().map(P::InvalidProof));
        for (i, reason) in shape_problems().into_iter().enumerate() {
            // The whole record as well as a member deep inside it.
            let path = if i == 0 { String::new() } else { "indicators[3].status".into() };
            all.push(P::Malformed { path, reason });
        }
        for p in &all {
            match p {
                P::SecretKeyFile
                | P::TooLarge { .. }
                | P::NotJson
                | P::NotUtf8 { .. }
                | P::InvalidJson(_)
                | P::NotAnObject
                | P::MissingProof
                | P::SeveralProofs
                | P::SignatureMismatch
                | P::UnknownCryptosuite(_)
                | P::MalformedDidKey(_)
                | P::InvalidProof(_)
                | P::Malformed { .. }
                | P::UnsupportedType(_)
                | P::UnsupportedSchemaVersion(_)
                | P::UnknownFramework { .. }
                | P::FrameworkHashDiffers { .. }
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
                | P::AggregatesDiffer { .. }
                | P::IssuerNotSigner { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_record_problem_reads_in_dutch_without_english() {
        // Pieces of the core's English wording, none of which is Dutch.
        let english = [
            "is missing",
            "is not",
            "does not",
            "neither",
            "member of",
            "expected",
            "invalid",
            "malformed",
            " the ",
            "bytes long",
            "characters",
            "not a ",
            "proof purpose",
            "fragment",
            "at byte",
        ];
        let problems = record_problems();
        assert!(problems.len() >= 80, "only {} samples", problems.len());
        for problem in &problems {
            let dutch = Lang::Nl.record_problem(problem);
            let lower = dutch.to_lowercase();
            for fragment in english {
                assert!(!lower.contains(fragment), "{fragment:?} in {dutch:?} ({problem:?})");
            }
            assert_ne!(dutch, Lang::En.record_problem(problem), "{problem:?}");
        }
    }

    #[test]
    fn every_record_problem_reads_in_english_without_dutch() {
        let dutch = [" het ", " niet ", " de ", "ontbreekt", " geen ", "verwacht", "handtekening"];
        for problem in &record_problems() {
            let english = Lang::En.record_problem(problem);
            for fragment in dutch {
                assert!(!english.contains(fragment), "{fragment:?} in {english:?} ({problem:?})");
            }
        }
    }

    #[test]
    fn record_problems_keep_the_json_path_and_values() {
        let problem = RecordProblem::Malformed {
            path: "indicators[3].status".into(),
            reason: ShapeProblem::NotOneOf {
                found: "scorea".into(),
                expected: &["scored", "not-scored"],
            },
        };
        assert_eq!(
            Lang::Nl.record_problem(&problem),
            "het record heeft niet de juiste vorm bij indicators[3].status (\"scorea\" is geen \
             toegestane waarde; toegestaan: \"scored\" of \"not-scored\")"
        );
        assert_eq!(
            Lang::En.record_problem(&problem),
            "the record does not have the right shape at indicators[3].status (\"scorea\" is \
             neither \"scored\" nor \"not-scored\")"
        );
        let purpose = RecordProblem::InvalidProof(VerifyError::WrongProofPurpose("auth".into()));
        assert_eq!(
            Lang::Nl.record_problem(&purpose),
            "de handtekening is onvolledig of ongeldig (het doel van de handtekening \
             (proof.proofPurpose) is \"auth\" in plaats van \"assertionMethod\")"
        );
        let missing =
            RecordProblem::Malformed { path: "subject.name".into(), reason: ShapeProblem::Missing };
        assert_eq!(
            Lang::Nl.record_problem(&missing),
            "het record heeft niet de juiste vorm bij subject.name (ontbreekt)"
        );
    }
}
