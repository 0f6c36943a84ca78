//! Running the `verify-record` binary on files written for a test.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_verify-record");

/// An empty folder for one test, inside the target directory cargo gives integration tests;
/// named after the test crate too, so that test binaries running side by side never share one.
pub fn folder(name: &str) -> PathBuf {
    let crate_name = env!("CARGO_CRATE_NAME");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{crate_name}-{name}"));
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("old folder removed");
    }
    fs::create_dir_all(&dir).expect("folder created");
    dir
}

pub fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, contents).expect("file written");
    path
}

/// `verify-record` with these arguments.
pub fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(BIN).args(args).output().expect("verify-record runs")
}

/// Its output's lines; the output must be UTF-8.
pub fn lines(output: &Output) -> Vec<String> {
    String::from_utf8(output.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(String::from)
        .collect()
}
