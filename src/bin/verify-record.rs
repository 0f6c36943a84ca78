//! `verify-record [--trusted LIST]... [--did-document DID.JSON]... FILE...`: checks signed assessment records, and the
//! invitations, decisions and deelcertificaten around them, with the same core as the app.
//!
//! One line per file on standard output, `VALID <file>: …` or `INVALID <file>: <reason>; …`, so a
//! folder of records can be checked at once and the output searched with grep. Each file is told
//! apart by its `type`. The chain is checked across the files given: a record says whether the
//! invitation it names is among them (same id and digest), a decision whether the record it names
//! is and still matches it. Each file is read and verified once, on every core; the references
//! are matched in a cheap pass at the end, so only lines that depend on another file wait (a record
//! whose id a decision names is read once more there, for its digest). With trusted
//! lists, each VALID line ends in `; trusted by <docent> as <name>` or `; unknown signer`: an
//! unknown signer is a flag for the docent, not a reason to call the record invalid. Exit status 0
//! when every file is valid, 1 when any is not, 2 on a usage error (a list that does not verify is
//! one: checking against a list that may be forged would be worse than not checking).
//!
//! Built natively only: on wasm32, where the app is built, this binary is an empty stub.

/// Checking a record allocates and frees a few thousand small blocks (its parsed JSON, the
/// record read from it); mimalloc does that in far fewer instructions than the system's malloc,
/// and keeps each thread to its own heap.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::ffi::OsString;
    use std::fs::File;
    use std::io::{self, Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::mpsc;

    use leeruitkomsten::core::app::badges::MAX_DID_DOCUMENT_BYTES;
    use leeruitkomsten::core::credentials::badge::{
        is_badge, read_badge_with, BadgeProblem, BadgeReadError, VerifiedBadge,
    };
    use leeruitkomsten::core::credentials::baking::{looks_like_svg, SVG_LIMIT};
    use leeruitkomsten::core::credentials::decision::{
        read_decision, record_digest, Decision, Mismatch, OutcomeResult, VerifiedDecision,
    };
    use leeruitkomsten::core::credentials::invitation::{
        InvitationProblem, InvitationRef, SignedInvitation,
    };
    use leeruitkomsten::core::credentials::standing::{standing, HeldList};
    use leeruitkomsten::core::credentials::trusted::{
        read_signed_list, SignedTrustedList, MAX_TRUSTED_LIST_BYTES,
    };
    use leeruitkomsten::core::crypto::did_web::is_did_web;
    use leeruitkomsten::core::crypto::eddsa_rdfc::RdfcProofError;

    use leeruitkomsten::core::credentials::{
        validity, verify_credential, Validity, DECISION_TYPE, INVITATION_TYPE,
    };
    use leeruitkomsten::core::framework::catalogue::BUILT_IN;
    use leeruitkomsten::core::framework::hashed::HashedFramework;
    use leeruitkomsten::core::json;
    use leeruitkomsten::core::record::{
        unreadable, verify_record_value, RecordProblem, RecordReport, MAX_RECORD_BYTES,
    };
    use serde_json::Value;

    const USAGE: &str = "usage: verify-record [--trusted LIST]... [--did-document DID.JSON]... FILE...\n\
        Checks the signature, the framework and the aggregates of each signed assessment record\n\
        and prints one line per file: VALID <file>: ... or INVALID <file>: <reasons>.\n\
        A deelcertificaat (Open Badges 3.0, .json or baked .svg) is checked as such: VALID <file>:\n\
        badge <outcome> for <student> by <issuer> at <time>.\n\
        An invitation: VALID <file>: invitation <id> from <docent> (<did>) for <student number>,\n\
        assessor <name>, valid until <time> (\"; expired\" after it: still authentic).\n\
        A decision: VALID <file>: decision by <examinator> on record <id>: LU1 achieved, ...\n\
        The chain is checked across the files given, in any order: a record that names an\n\
        invitation ends in \"; answers invitation <id> from <docent>\" when that invitation is\n\
        given (INVALID when the one given has the same id but another digest) or \"; names\n\
        invitation <id>, not given\"; a decision ends in \"; record <file>\" when the record it\n\
        names is given and matches it (INVALID when it does not) or \"; record not given\".\n\
        --trusted LIST  a signed list of trusted assessors (vertrouwde-beoordelaars-*.json); may\n\
        \x20               be given more than once. Each VALID record's line then ends in\n\
        \x20               \"; trusted by <docent> as <name>\" or \"; unknown signer\" (still valid);\n\
        \x20               a record answering an invitation given is not unknown.\n\
        --did-document DID.JSON  the published DID document (did.json) of a did:web that issued\n\
        \x20               deelcertificaten; may be given more than once. Nothing is fetched: a\n\
        \x20               did:web badge without its did.json is INVALID as \"cannot be checked\".\n\
        Exit status: 0 all valid, 1 any invalid, 2 usage error (also a list that does not verify).\n";

    pub fn main() -> ExitCode {
        let options = options(std::env::args_os().skip(1)).and_then(|mut options| {
            options.known = Known::read(&options.trusted).map_err(Usage::Error)?;
            options.known.did_documents =
                read_did_documents(&options.did_documents).map_err(Usage::Error)?;
            Ok(options)
        });
        let Options { files, known, .. } = match options {
            Ok(options) => options,
            Err(Usage::Help) => {
                // Nothing useful remains to be done if stdout is gone.
                let _ = io::stdout().write_all(USAGE.as_bytes());
                return ExitCode::SUCCESS;
            }
            Err(Usage::Error(message)) => {
                let _ = write!(io::stderr(), "verify-record: {message}\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        let workers = std::thread::available_parallelism().map_or(1, usize::from).min(files.len());
        let mut all_valid = true;
        let mut out = io::BufWriter::new(io::stdout().lock());
        let mut not_loaded = None;
        // Set when stdout is gone (`verify-record * | head`): the workers stop.
        let stop = AtomicBool::new(false);
        // A block of files checked, or the id of a built-in framework that does not load.
        let (sender, results) = mpsc::channel::<Result<Vec<(usize, Checked)>, &str>>();
        // The next block of files to claim: a worker that is done takes the next, so that the
        // work is shared however the files differ in size, and lines are written from the front.
        let next_block = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..workers {
                let sender = sender.clone();
                let (files, stop, known, next_block) = (&files, &stop, &known, &next_block);
                scope.spawn(move || {
                    // Every framework that comes with the app: a record of either verifies. Each
                    // worker loads its own, as a loaded framework is not shared between threads;
                    // if one does not load, nothing is checked.
                    let frameworks = match built_in_frameworks() {
                        Ok(frameworks) => frameworks,
                        Err(id) => {
                            let _ = sender.send(Err(id));
                            return;
                        }
                    };
                    let frameworks: Vec<&HashedFramework> = frameworks.iter().collect();
                    loop {
                        let start =
                            next_block.fetch_add(1, Ordering::Relaxed).saturating_mul(BLOCK);
                        let Some(block) =
                            files.get(start..files.len().min(start.saturating_add(BLOCK)))
                        else {
                            return;
                        };
                        if block.is_empty() || stop.load(Ordering::Relaxed) {
                            return;
                        }
                        // One message per block: one per file woke the writer for each.
                        let checked = (start..)
                            .zip(block)
                            .map(|(i, file)| (i, check(Path::new(file), &frameworks, known)))
                            .collect();
                        if sender.send(Ok(checked)).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(sender);
            // Lines in the order the files were given, whatever order the workers finish in; each
            // is written once it and every line before it are final. A line that depends on
            // other files (a record naming an invitation, a decision) waits for all of them.
            let mut checked: Vec<Option<Checked>> = files.iter().map(|_| None).collect();
            let mut next = 0;
            for block in results {
                let block = match block {
                    Ok(block) => block,
                    Err(id) => {
                        // The same for every worker: no file is checked, none is written.
                        stop.store(true, Ordering::Relaxed);
                        not_loaded = Some(id);
                        break;
                    }
                };
                for (i, result) in block {
                    if let Some(slot) = checked.get_mut(i) {
                        *slot = Some(result);
                    }
                    while let Some(Some(done)) = checked.get_mut(next) {
                        if done.waits.is_some() {
                            break;
                        }
                        next += 1;
                        all_valid &= done.valid;
                        // println! would panic on a closed pipe; stop quietly.
                        if writeln!(out, "{}", std::mem::take(&mut done.line)).is_err() {
                            stop.store(true, Ordering::Relaxed);
                            return;
                        }
                    }
                }
            }
            if not_loaded.is_some() {
                return;
            }
            // Only if a worker gave up, which the check of the built-in frameworks rules out;
            // said rather than passed over in silence.
            let missing = checked.iter().filter(|c| c.is_none()).count();
            if missing > 0 {
                all_valid = false;
                let _ = out.flush();
                let _ = writeln!(io::stderr(), "verify-record: {missing} files were not checked");
                return;
            }
            let pending: Vec<Pending> = checked
                .iter_mut()
                .enumerate()
                .filter_map(|(i, done)| Some((i, done.as_mut()?.waits.take()?)))
                .collect();
            let chain = Chain::of(&checked);
            let finished: Vec<(usize, Result<String, String>)> =
                pending.iter().map(|(i, waits)| (*i, chain.resolve(waits, &known))).collect();
            for (i, finish) in finished {
                let Some(Some(done)) = checked.get_mut(i) else { continue };
                match finish {
                    Ok(note) => done.line.push_str(&note),
                    Err(reason) => done.invalid(&reason),
                }
            }
            for done in checked.iter().skip(next).flatten() {
                all_valid &= done.valid;
                if writeln!(out, "{}", done.line).is_err() {
                    return;
                }
            }
        });
        let _ = out.flush();
        if let Some(id) = not_loaded {
            let _ = writeln!(io::stderr(), "verify-record: {id} does not load");
            return ExitCode::from(2);
        }
        if all_valid {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }

    /// Files a worker checks in a row, and reports at once, before it claims the next block.
    const BLOCK: usize = 32;

    /// The frameworks that come with the app, or the id of one that does not load.
    fn built_in_frameworks() -> Result<Vec<HashedFramework>, &'static str> {
        BUILT_IN.iter().map(|b| b.load().map_err(|_| b.id)).collect()
    }

    enum Usage {
        Help,
        Error(String),
    }

    /// What the command line asks for. Each kind of file that tells more about the records (for
    /// now the trusted lists) has its own option and its own member here.
    #[derive(Default)]
    struct Options {
        files: Vec<OsString>,
        trusted: Vec<OsString>,
        did_documents: Vec<OsString>,
        known: Known,
    }

    /// Options are `-h`/`--help` and `--trusted LIST` (or `--trusted=LIST`); `--` ends them, so
    /// a file may be named `-x`.
    fn options(args: impl Iterator<Item = OsString>) -> Result<Options, Usage> {
        let mut options = Options::default();
        let mut options_done = false;
        let mut args = args.peekable();
        while let Some(arg) = args.next() {
            if !options_done {
                match arg.to_str() {
                    Some("--") => {
                        options_done = true;
                        continue;
                    }
                    Some("-h" | "--help") => return Err(Usage::Help),
                    Some("--trusted") => {
                        let list = args.next().ok_or_else(|| {
                            Usage::Error("--trusted needs a file: --trusted LIST".into())
                        })?;
                        options.trusted.push(list);
                        continue;
                    }
                    Some(option) if option.starts_with("--trusted=") => {
                        let list = option.trim_start_matches("--trusted=");
                        options.trusted.push(list.into());
                        continue;
                    }
                    Some("--did-document") => {
                        let document = args.next().ok_or_else(|| {
                            Usage::Error(
                                "--did-document needs a file: --did-document DID.JSON".into(),
                            )
                        })?;
                        options.did_documents.push(document);
                        continue;
                    }
                    Some(option) if option.starts_with("--did-document=") => {
                        let document = option.trim_start_matches("--did-document=");
                        options.did_documents.push(document.into());
                        continue;
                    }
                    Some(option) if option.starts_with('-') && option != "-" => {
                        return Err(Usage::Error(format!("unknown option {option}")));
                    }
                    _ => {}
                }
            }
            options.files.push(arg);
        }
        if options.files.is_empty() {
            return Err(Usage::Error("no files given".into()));
        }
        Ok(options)
    }

    /// What the docent's files say about signers, read before any record.
    #[derive(Default)]
    struct Known {
        /// Whether any list was given: without one, lines say nothing about the signer.
        asked: bool,
        lists: Vec<SignedTrustedList>,
        /// The DID documents given with `--did-document`, for did:web badges.
        did_documents: Vec<Value>,
    }

    /// Reads each `--did-document`: JSON whose `id` is a did:web, or a usage error (checking
    /// against a file that is not what it was given as would mislead).
    fn read_did_documents(files: &[OsString]) -> Result<Vec<Value>, String> {
        files
            .iter()
            .map(|file| {
                let path = Path::new(file);
                let name = path.display();
                let bytes = match read_limited(path, MAX_DID_DOCUMENT_BYTES) {
                    Ok(Contents::Bytes(bytes)) => bytes,
                    Ok(Contents::TooLarge(bytes)) => {
                        return Err(format!("--did-document {name}: {bytes} bytes, too large"))
                    }
                    Err(e) => return Err(format!("--did-document {name}: cannot read: {e}")),
                };
                let value = json::parse_bytes(&bytes, MAX_DID_DOCUMENT_BYTES)
                    .map_err(|e| format!("--did-document {name}: not JSON: {e}"))?;
                match value.get("id").and_then(Value::as_str) {
                    Some(id) if is_did_web(id) => Ok(value),
                    _ => Err(format!("--did-document {name}: its id is not a did:web")),
                }
            })
            .collect()
    }

    impl Known {
        fn read(trusted: &[OsString]) -> Result<Known, String> {
            let mut lists = Vec::with_capacity(trusted.len());
            for file in trusted {
                let path = Path::new(file);
                let name = path.display();
                let bytes = match read_limited(path, MAX_TRUSTED_LIST_BYTES) {
                    Ok(Contents::Bytes(bytes)) => bytes,
                    Ok(Contents::TooLarge(bytes)) => {
                        return Err(format!(
                            "--trusted {name}: {bytes} bytes, more than a trusted list may have \
                             ({MAX_TRUSTED_LIST_BYTES})"
                        ))
                    }
                    Err(e) => return Err(format!("--trusted {name}: cannot read: {e}")),
                };
                let list = read_signed_list(&bytes).map_err(|problem| {
                    format!("--trusted {name}: not a valid list of trusted assessors: {problem}")
                })?;
                lists.push(list);
            }
            Ok(Known { asked: !trusted.is_empty(), lists, did_documents: Vec::new() })
        }

        /// `; trusted by <docent> as <name>` or `; unknown signer`, for a valid record signed by
        /// `signer`. The invitations given on the command line count as the docent's sent ones:
        /// a record answering one is *uitgenodigd*, not unknown (its line says so already).
        fn signer_note(
            &self,
            signer: &str,
            invitation: Option<&InvitationRef>,
            sent: &[(String, String)],
        ) -> String {
            if !self.asked {
                return String::new();
            }
            let held: Vec<HeldList<'_>> = self
                .lists
                .iter()
                .map(|l| HeldList { by: l.signer_label(), list: &l.list })
                .collect();
            let reference = invitation.map(|r| (r.id.as_str(), r.digest_multibase.as_str()));
            let standing = standing(signer, reference, sent, &held);
            match standing.trusted {
                Some(trusted) => format!("; trusted by {} as {}", trusted.by, trusted.name),
                None if standing.is_unknown() => "; unknown signer".into(),
                None => String::new(),
            }
        }
    }

    /// One file as a worker checked it: its line so far, and what the lines of other files need
    /// of it.
    struct Checked {
        /// The file as the line names it.
        name: String,
        valid: bool,
        line: String,
        facts: Facts,
        /// Set when the line depends on other files: finished in [`Chain::resolve`].
        waits: Option<Waits>,
    }

    impl Checked {
        fn done(name: String, valid: bool, text: &str) -> Checked {
            let line = format!("{} {name}: {text}", if valid { "VALID" } else { "INVALID" });
            Checked { name, valid, line, facts: Facts::Nothing, waits: None }
        }

        fn invalid(&mut self, reason: &str) {
            self.valid = false;
            self.line = format!("INVALID {}: {reason}", self.name);
        }
    }

    /// What a file tells the others.
    enum Facts {
        Nothing,
        /// A record that verified, as a decision is held against it.
        Record(RecordFacts),
        /// A record that did not verify, by the id it gives.
        InvalidRecord {
            id: String,
        },
        /// An invitation that verified, and the docent's name.
        Invitation {
            reference: InvitationRef,
            docent: String,
        },
        /// An invitation that did not verify, by the id it gives.
        InvalidInvitation {
            id: String,
        },
    }

    struct RecordFacts {
        id: String,
        /// The file, read again for its digest only when a decision names this record's id: a
        /// second canonicalisation and SHA-256 of every record would cost as much as half its
        /// check, for the few that a decision among the files names.
        path: PathBuf,
        framework_sha256: String,
        student_name: String,
        student_number: String,
    }

    enum Waits {
        /// A valid record naming the invitation it answers, and who signed the record.
        Invitation { reference: InvitationRef, signer: String },
        /// A valid decision, to be held against the record it names.
        Record(Box<Decision>),
    }

    /// The files given, by what the others look up in them: the cheap pass after every file is
    /// verified. Each entry holds the file's name.
    #[derive(Default)]
    struct Chain<'a> {
        invitations: Vec<(&'a str, &'a InvitationRef, &'a str)>,
        invalid_invitations: Vec<(&'a str, &'a str)>,
        /// The invitations that verified as (id, digest): the docent's sent ones for the standing.
        sent: Vec<(String, String)>,
        records: Vec<(&'a str, &'a RecordFacts)>,
        invalid_records: Vec<(&'a str, &'a str)>,
    }

    /// A line still to finish: its file's index and what it waits for.
    type Pending = (usize, Waits);

    impl<'a> Chain<'a> {
        fn of(checked: &'a [Option<Checked>]) -> Chain<'a> {
            let mut chain = Chain::default();
            for done in checked.iter().flatten() {
                let name = done.name.as_str();
                match &done.facts {
                    Facts::Nothing => {}
                    Facts::Record(facts) => chain.records.push((name, facts)),
                    Facts::InvalidRecord { id } => chain.invalid_records.push((name, id)),
                    Facts::Invitation { reference, docent } => {
                        let sent = (reference.id.clone(), reference.digest_multibase.clone());
                        chain.sent.push(sent);
                        chain.invitations.push((name, reference, docent));
                    }
                    Facts::InvalidInvitation { id } => chain.invalid_invitations.push((name, id)),
                }
            }
            chain
        }

        /// What finishes a waiting line: the text to add, or the reason it is invalid.
        fn resolve(&self, waits: &Waits, known: &Known) -> Result<String, String> {
            match waits {
                Waits::Invitation { reference, signer } => {
                    let id = &reference.id;
                    let answered = self.invitations.iter().find(|(_, r, _)| *r == reference);
                    let same_id = self.invitations.iter().find(|(_, r, _)| r.id == *id);
                    let invalid = self.invalid_invitations.iter().find(|(_, i)| *i == id);
                    let note = match (answered, same_id, invalid) {
                        (Some((_, _, docent)), _, _) => {
                            format!("; answers invitation {id} from {docent}")
                        }
                        (None, Some((file, _, _)), _) => {
                            return Err(format!(
                                "it names invitation {id} with another digest than {file} has: \
                                 it answers another invitation than the one given"
                            ))
                        }
                        (None, None, Some((file, _))) => format!(
                            "; names invitation {id}, given as {file}, which does not verify"
                        ),
                        (None, None, None) => format!("; names invitation {id}, not given"),
                    };
                    Ok(note + &known.signer_note(signer, Some(reference), &self.sent))
                }
                Waits::Record(decision) => {
                    let id = &decision.record_id;
                    // Of several records with the id, the one the decision names by digest.
                    let given: Vec<(&str, &RecordFacts, Option<String>)> = self
                        .records
                        .iter()
                        .filter(|(_, r)| r.id == *id)
                        .map(|(file, r)| (*file, *r, digest_of(&r.path)))
                        .collect();
                    let record = given
                        .iter()
                        .find(|(_, _, digest)| digest.as_ref() == Some(&decision.record_digest))
                        .or_else(|| given.first());
                    if let Some((file, record, digest)) = record {
                        // Read and verified a moment ago; gone or changed since, it is not the
                        // record that was checked.
                        let Some(digest) = digest else {
                            return Err(format!("the record {file} could not be read again"));
                        };
                        let matches = decision
                            .check_against(&record.id, digest, &record.framework_sha256)
                            .and_then(|()| {
                                decision.check_student(&record.student_name, &record.student_number)
                            });
                        return match matches {
                            Ok(()) => Ok(format!("; record {file}")),
                            Err(mismatch) => Err(format!(
                                "the record {file} does not match it: {}",
                                mismatch_text(mismatch)
                            )),
                        };
                    }
                    match self.invalid_records.iter().find(|(_, i)| *i == id) {
                        Some((file, _)) => {
                            Err(format!("the record it names, {file}, does not verify"))
                        }
                        None => Ok("; record not given".into()),
                    }
                }
            }
        }
    }

    fn mismatch_text(mismatch: Mismatch) -> &'static str {
        match mismatch {
            Mismatch::OtherRecord => "it names another record",
            Mismatch::RecordChanged => {
                "the record was changed after the decision (its digest differs)"
            }
            Mismatch::OtherFramework => "the record uses another framework",
            Mismatch::OtherStudent => "the decision names another student than the record",
        }
    }

    fn check(path: &Path, frameworks: &[&HashedFramework], known: &Known) -> Checked {
        let name = path.display().to_string();
        let bytes = match read_limited(path, MAX_RECORD_BYTES) {
            Ok(Contents::Bytes(bytes)) => bytes,
            Ok(Contents::TooLarge(bytes)) => {
                let problem = RecordProblem::TooLarge { bytes, limit: MAX_RECORD_BYTES };
                return Checked::done(name, false, &problem.to_string());
            }
            Err(e) => return Checked::done(name, false, &format!("cannot read: {e}")),
        };
        // A deelcertificaat (Open Badges 3.0, .json or baked .svg) is told apart by its type. The
        // text is parsed once here for every kind of file: parsing it a second time only to see
        // whether it is a badge took a fifth of a record's check.
        let value = if looks_like_svg(&bytes) {
            None
        } else {
            match json::parse_bytes(&bytes, MAX_RECORD_BYTES) {
                Ok(value) => Some(value),
                // Not JSON: the record's verifier says why, as it always did.
                Err(error) => {
                    let report = RecordReport::with(unreadable(&bytes, error));
                    return check_record(path, name, None, report, known);
                }
            }
        };
        // A badge's reader takes at most SVG_LIMIT bytes; a larger file is judged as a record.
        let Some(value) = value.filter(|v| bytes.len() > SVG_LIMIT || !is_badge(v)) else {
            return match read_badge_with(&bytes, &known.did_documents) {
                Ok((_, badge)) => Checked::done(name, true, &badge_summary(&badge)),
                Err(BadgeReadError::Badge(BadgeProblem::Proof(RdfcProofError::NoDidDocument(
                    did,
                )))) => Checked::done(
                    name,
                    false,
                    &format!(
                        "badge: cannot be checked: issued by {did}, whose did.json was not \
                         given (--did-document did.json)"
                    ),
                ),
                Err(problem) => Checked::done(name, false, &format!("badge: {problem}")),
            };
        };
        if has_type(&value, INVITATION_TYPE) {
            check_invitation(name, &value)
        } else if has_type(&value, DECISION_TYPE) {
            check_decision(name, &value, frameworks)
        } else {
            let report = verify_record_value(&value, frameworks);
            check_record(path, name, Some(&value), report, known)
        }
    }

    /// Whether `type` names this credential type (the core's verifier then holds it to the rest).
    fn has_type(value: &Value, name: &str) -> bool {
        match value.get("type") {
            Some(Value::Array(types)) => types.iter().any(|t| t.as_str() == Some(name)),
            Some(Value::String(single)) => single == name,
            _ => false,
        }
    }

    fn check_record(
        path: &Path,
        name: String,
        value: Option<&Value>,
        report: RecordReport,
        known: &Known,
    ) -> Checked {
        let (Some(record), Some(proof), true) = (&report.record, &report.proof, report.is_valid())
        else {
            let mut checked = Checked::done(name, false, &reasons(&report));
            if let Some(record) = &report.record {
                checked.facts = Facts::InvalidRecord { id: record.id.clone() };
            }
            return checked;
        };
        let mut checked = Checked::done(name, true, &summary(&report));
        // What a decision among the files is held against; the digest is of the record as given.
        if value.is_some() {
            checked.facts = Facts::Record(RecordFacts {
                id: record.id.clone(),
                path: path.to_path_buf(),
                framework_sha256: record.framework.sha256.clone(),
                student_name: record.subject.name.clone(),
                student_number: record.subject.student_number.clone(),
            });
        }
        match &record.invitation {
            Some(reference) => {
                checked.waits = Some(Waits::Invitation {
                    reference: reference.clone(),
                    signer: proof.did.clone(),
                })
            }
            None => checked.line.push_str(&known.signer_note(&proof.did, None, &[])),
        }
        checked
    }

    fn check_invitation(name: String, value: &Value) -> Checked {
        let given_id = value.get("id").and_then(Value::as_str).map(str::to_string);
        let signed = SignedInvitation::from_value(value).and_then(|signed| {
            // Only an invitation for a framework the app has can have led to a record.
            match signed.framework() {
                Some(_) => Ok(signed),
                None => Err(InvitationProblem::UnknownFramework {
                    id: signed.invitation.framework.id.clone(),
                    version: signed.invitation.framework.version.clone(),
                }),
            }
        });
        let signed = match signed {
            Ok(signed) => signed,
            Err(problem) => {
                let reason = invitation_reason(value, &problem);
                let mut checked = Checked::done(name, false, &format!("invitation: {reason}"));
                if let Some(id) = given_id {
                    checked.facts = Facts::InvalidInvitation { id };
                }
                return checked;
            }
        };
        let invitation = &signed.invitation;
        let mut text = format!(
            "invitation {} from {} ({}) for {}, assessor {}, valid until {}",
            signed.reference.id,
            signed.issuer_name,
            signed.issuer,
            invitation.student_number,
            invitation.assessor_name,
            signed.valid_until
        );
        // Past its time an invitation is still authentic: a record may have answered it in time.
        match validity(&signed.valid_from, Some(&signed.valid_until), &now_utc()) {
            Validity::Current => {}
            Validity::Expired => text.push_str("; expired"),
            Validity::NotYet => text.push_str("; not valid yet"),
        }
        let mut checked = Checked::done(name, true, &text);
        checked.facts =
            Facts::Invitation { reference: signed.reference.clone(), docent: signed.issuer_name };
        checked
    }

    fn invitation_reason(value: &Value, problem: &InvitationProblem) -> String {
        match problem {
            InvitationProblem::Changed => "the signature does not match the invitation".into(),
            InvitationProblem::ForeignKey { issuer, signer } => {
                format!("issuer.id {issuer} is not the signer {signer}")
            }
            InvitationProblem::NotAnInvitation => {
                format!("type must hold VerifiableCredential and {INVITATION_TYPE}")
            }
            InvitationProblem::UnknownFramework { id, version } => {
                format!("unknown framework \"{id}\" version \"{version}\"")
            }
            InvitationProblem::Expired { valid_until } => format!("expired at {valid_until}"),
            InvitationProblem::NotYetValid { valid_from } => {
                format!("not valid before {valid_from}")
            }
            // Only the form's page, which checks with the browser's Ed25519, meets this.
            InvitationProblem::NoEd25519 => "no Ed25519 to check the signature with".into(),
            // The envelope's own reason when it has one; otherwise the subject is at fault.
            InvitationProblem::Damaged => match verify_credential(value, INVITATION_TYPE) {
                Err(problem) => problem.to_string(),
                Ok(_) => "credentialSubject or validUntil is not that of an invitation".into(),
            },
        }
    }

    fn check_decision(name: String, value: &Value, frameworks: &[&HashedFramework]) -> Checked {
        match read_decision(value, frameworks) {
            Ok(verified) => {
                let mut checked = Checked::done(name, true, &decision_summary(&verified));
                checked.waits = Some(Waits::Record(Box::new(verified.decision)));
                checked
            }
            Err(problem) => Checked::done(name, false, &format!("decision: {problem}")),
        }
    }

    /// `decision by <examinator> on record <id>: LU1 achieved, LU2 not achieved, …`.
    fn decision_summary(verified: &VerifiedDecision) -> String {
        let credential = &verified.credential;
        let examinator = match &credential.issuer_name {
            Some(name) => format!("{name} ({})", credential.issuer),
            None => credential.issuer.clone(),
        };
        let results: Vec<String> = verified
            .decision
            .outcomes
            .iter()
            .map(|o| {
                let result = match o.result {
                    OutcomeResult::Achieved => "achieved",
                    OutcomeResult::NotAchieved => "not achieved",
                    OutcomeResult::NotAssessed => "not assessed",
                };
                format!("{} {result}", o.learning_outcome)
            })
            .collect();
        format!(
            "decision by {examinator} on record {}: {}",
            verified.decision.record_id,
            results.join(", ")
        )
    }

    /// The clock's time as RFC 3339 UTC, to say whether an invitation has expired.
    fn now_utc() -> String {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let seconds = i64::try_from(seconds).unwrap_or(i64::MAX);
        let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
        let (year, month, day) = civil_date(days);
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            rest / 3600,
            rest % 3600 / 60,
            rest % 60
        )
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (counting 400-year eras from
    /// 0000-03-01, so that the leap day ends a year).
    fn civil_date(days: i64) -> (i64, i64, i64) {
        let shifted = days + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        (year, month, day)
    }

    /// `badge <outcome> for <student> by <issuer>`.
    fn badge_summary(badge: &VerifiedBadge) -> String {
        let issuer = match &badge.credential.issuer_name {
            Some(name) => format!("{name} ({})", badge.credential.issuer),
            None => badge.credential.issuer.clone(),
        };
        format!(
            "badge {} for {} by {issuer} at {}",
            badge.outcome_label(),
            badge.student_label(),
            badge.credential.valid_from
        )
    }

    fn summary(report: &RecordReport) -> String {
        let number = report
            .record
            .as_ref()
            .map(|r| r.subject.student_number.as_str())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or("(no student number)");
        let (signer, created) = match &report.proof {
            Some(proof) => (proof.did.as_str(), proof.created.as_deref().unwrap_or("(no time)")),
            None => ("(nobody)", "(no time)"),
        };
        format!("{number} signed by {signer} at {created}")
    }

    fn reasons(report: &RecordReport) -> String {
        let mut reasons: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
        if reasons.is_empty() {
            reasons.push("the record could not be checked".into());
        }
        let mut line = reasons.join("; ");
        // Said outright so that an unknown framework does not read as a forged record.
        if report.signature_valid() {
            line.push_str(" (the signature itself is valid)");
        }
        line
    }

    /// The `digestMultibase` of the record in the file, by which a decision names it.
    fn digest_of(path: &Path) -> Option<String> {
        let Ok(Contents::Bytes(bytes)) = read_limited(path, MAX_RECORD_BYTES) else { return None };
        let value = json::parse_bytes(&bytes, MAX_RECORD_BYTES).ok()?;
        record_digest(&value)
    }

    enum Contents {
        Bytes(Vec<u8>),
        /// At least this many bytes.
        TooLarge(usize),
    }

    /// Reads at most one byte past the limit, so a huge file or a device is not read whole.
    fn read_limited(path: &Path, max_bytes: usize) -> io::Result<Contents> {
        let file = File::open(path)?;
        let stated = file.metadata().map(|m| m.len()).unwrap_or(0);
        let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX);
        // Sized to the file at once: growing it by doubling was a tenth of the profile.
        let expected = usize::try_from(stated).unwrap_or(0).min(max_bytes).saturating_add(1);
        let mut bytes = Vec::with_capacity(expected);
        file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
        if bytes.len() > max_bytes {
            let size = usize::try_from(stated).unwrap_or(usize::MAX);
            return Ok(Contents::TooLarge(size.max(bytes.len())));
        }
        Ok(Contents::Bytes(bytes))
    }
}
