//! What the app's flow tests (tests/app*.rs) share around their in-memory browsers: a start from
//! a browser that has kept nothing, and the loop `web::runner` runs for each message.

use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

use leeruitkomsten::core::app::{
    update, CohortFile, Effect, Entropy, FilePurpose, FileRef, KeyRing, KeyStatus, Model, Msg, Now,
    ReviewMsg, Startup, Zone,
};
use leeruitkomsten::core::framework::source::FrameworkSource;
use leeruitkomsten::i18n::Lang;

/// A browser that has kept nothing (no assessment, no key) and a page opened without a link; a
/// test sets what its browser holds with `Startup { key, ..empty_startup() }`.
pub fn empty_startup() -> Startup {
    Startup {
        lang: Lang::Nl,
        listing: Ok(Vec::new()),
        open_id: None,
        migration_failed: false,
        journal_kept_apart: false,
        key: KeyStatus::None,
        key_ring: KeyRing::default(),
        presets: Vec::new(),
        instruction: None,
        can_share: false,
        source: FrameworkSource::BuiltIn,
        link_failure: None,
    }
}

/// The clock at the `tick`th message: 2026-12-06 at 10:mm:ss UTC, in a zone of +01:00, its random
/// bytes all `tick + seed`, so that each message draws other ids and keys.
pub fn now(tick: u64, seed: u8) -> Now {
    Now {
        time: format!("2026-12-06T10:{:02}:{:02}.000Z", (tick / 60) % 60, tick % 60),
        today: "2026-12-06".into(),
        zone: Rc::new(Zone::fixed(60)),
        entropy: Some(Entropy([(tick as u8).wrapping_add(seed); 64])),
    }
}

/// Handles `msg` as `web::runner` does: every effect goes to `run` (the in-memory browser), and
/// each answer it gives at once is handled in turn. `clock` counts the messages handled; `now(n)`
/// is the time of the nth.
pub fn dispatch(
    model: &mut Model,
    msg: Msg,
    clock: &mut u64,
    now: impl Fn(u64) -> Now,
    run: impl FnMut(Effect) -> Option<Msg>,
) {
    let mut run = run;
    let mut queue = VecDeque::from([msg]);
    while let Some(msg) = queue.pop_front() {
        *clock += 1;
        let effects = update(model, msg, &now(*clock));
        queue.extend(effects.into_iter().filter_map(&mut run));
    }
}

/// The answer to `Effect::ReadFiles` from a browser that holds every chosen file's bytes
/// (`held`, by handle), each read once.
pub fn files_read(
    purpose: FilePurpose,
    files: Vec<FileRef>,
    held: &mut BTreeMap<u32, Vec<u8>>,
) -> Msg {
    let files =
        files.into_iter().map(|file| (file.name, Ok(held.remove(&file.handle).unwrap()))).collect();
    Msg::FilesRead { purpose, files }
}

/// The answer to `Effect::KeepCohortFiles` from a browser that keeps every file at once.
pub fn all_kept(files: &[CohortFile]) -> Msg {
    let keys = files.iter().map(|f| f.key).collect();
    Msg::Review(ReviewMsg::CohortFilesKept { keys, result: Ok(()) })
}
