//! `verify-record [--trusted LIST]... FILE...`: checks signed assessment records with the same
//! core as the app.
//!
//! One line per file on standard output, `VALID <file>: …` or `INVALID <file>: <reason>; …`, so a
//! folder of records can be checked at once and the output searched with grep. With trusted
//! lists, each VALID line ends in `; trusted by <docent> as <name>` or `; unknown signer`: an
//! unknown signer is a flag for the docent, not a reason to call the record invalid. Exit status 0
//! when every file is valid, 1 when any is not, 2 on a usage error (a list that does not verify is
//! one: checking against a list that may be forged would be worse than not checking).
//!
//! Built natively only: on wasm32, where the app is built, this binary is an empty stub.

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
    use std::path::Path;
    use std::process::ExitCode;

    use leeruitkomsten::core::credentials::standing::{standing, HeldList};
    use leeruitkomsten::core::credentials::trusted::{
        read_signed_list, SignedTrustedList, MAX_TRUSTED_LIST_BYTES,
    };

    use leeruitkomsten::core::framework::catalogue::BUILT_IN;
    use leeruitkomsten::core::framework::hashed::HashedFramework;
    use leeruitkomsten::core::record::{
        verify_record_bytes, RecordProblem, RecordReport, MAX_RECORD_BYTES,
    };

    const USAGE: &str = "usage: verify-record [--trusted LIST]... FILE...\n\
        Checks the signature, the framework and the aggregates of each signed assessment record\n\
        and prints one line per file: VALID <file>: ... or INVALID <file>: <reasons>.\n\
        --trusted LIST  a signed list of trusted assessors (vertrouwde-beoordelaars-*.json); may\n\
        \x20               be given more than once. Each VALID line then ends in\n\
        \x20               \"; trusted by <docent> as <name>\" or \"; unknown signer\" (still valid).\n\
        Exit status: 0 all valid, 1 any invalid, 2 usage error (also a list that does not verify).\n";

    pub fn main() -> ExitCode {
        let options = options(std::env::args_os().skip(1)).and_then(|mut options| {
            options.known = Known::read(&options.trusted).map_err(Usage::Error)?;
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
        // Every framework that comes with the app: a record of either verifies.
        let mut frameworks = Vec::with_capacity(BUILT_IN.len());
        for built_in in &BUILT_IN {
            match built_in.load() {
                Ok(framework) => frameworks.push(framework),
                Err(_) => {
                    let _ = writeln!(io::stderr(), "verify-record: {} does not load", built_in.id);
                    return ExitCode::from(2);
                }
            }
        }
        let frameworks: Vec<&HashedFramework> = frameworks.iter().collect();

        let mut all_valid = true;
        let mut out = io::stdout().lock();
        for file in &files {
            let path = Path::new(file);
            let (valid, line) = check(path, &frameworks, &known);
            all_valid &= valid;
            // println! would panic on a closed pipe (`verify-record * | head`); stop quietly.
            if writeln!(out, "{line}").is_err() {
                break;
            }
        }
        let _ = out.flush();
        if all_valid {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
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
            Ok(Known { asked: !trusted.is_empty(), lists })
        }

        /// `; trusted by <docent> as <name>` or `; unknown signer`, for a valid record.
        fn signer_note(&self, report: &RecordReport) -> String {
            let Some(proof) = report.proof.as_ref().filter(|_| self.asked) else {
                return String::new();
            };
            let held: Vec<HeldList<'_>> = self
                .lists
                .iter()
                .map(|l| HeldList { by: l.signer_label(), list: &l.list })
                .collect();
            match standing(&proof.did, None, &[], &held).trusted {
                Some(trusted) => format!("; trusted by {} as {}", trusted.by, trusted.name),
                None => "; unknown signer".into(),
            }
        }
    }

    fn check(path: &Path, frameworks: &[&HashedFramework], known: &Known) -> (bool, String) {
        let name = path.display();
        let report = match read_limited(path, MAX_RECORD_BYTES) {
            Ok(Contents::Bytes(bytes)) => verify_record_bytes(&bytes, frameworks),
            Ok(Contents::TooLarge(bytes)) => {
                let problem = RecordProblem::TooLarge { bytes, limit: MAX_RECORD_BYTES };
                return (false, format!("INVALID {name}: {problem}"));
            }
            Err(e) => return (false, format!("INVALID {name}: cannot read: {e}")),
        };
        if report.is_valid() {
            (true, format!("VALID {name}: {}{}", summary(&report), known.signer_note(&report)))
        } else {
            (false, format!("INVALID {name}: {}", reasons(&report)))
        }
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
        let mut bytes = Vec::new();
        file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
        if bytes.len() > max_bytes {
            let size = usize::try_from(stated).unwrap_or(usize::MAX);
            return Ok(Contents::TooLarge(size.max(bytes.len())));
        }
        Ok(Contents::Bytes(bytes))
    }
}
