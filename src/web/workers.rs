//! The verify workers of the hogeschool's page (`core::review::bulk`): one Web Worker per core,
//! each running src/bin/verify-worker.rs. They are started when the verify view opens
//! (`WorkerEffect::Warm`), so that their WebAssembly is compiled and running before the user has
//! chosen files, and kept for every choice after: a worker says it is ready when it has started
//! and again when it has finished a job. The worker's script is fetched only then, and the
//! service worker stores it as it does the rest of the hogeschool's page, so that it works
//! offline after its first use.
//!
//! The worker's files are named by their content (scripts/name-worker), so that a page never
//! starts workers of another build; the page finds its loader's name in a meta element of
//! hogeschool.html. Without a well-formed one there are no workers, and the page checks the files
//! itself, as it does whenever the workers cannot do the job.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

use super::files;
use crate::core::app::{FileRef, Msg, ReviewMsg};
use crate::core::review::bulk::{deal, Job, READY};

/// The meta element of hogeschool.html that names the worker's loader (scripts/name-worker).
const LOADER_META: &str = "meta[name=\"leeruitkomsten-verify-worker\"]";
/// What scripts/name-worker names the loader: `verify-worker-<16 hex digits>_loader.js`.
const LOADER_PREFIX: &str = "verify-worker-";
const LOADER_SUFFIX: &str = "_loader.js";
const LOADER_HASH_DIGITS: usize = 16;

/// More workers than this gain little: reading the files and drawing the page take a core too.
const MAX_WORKERS: usize = 4;

/// How long a worker given a job has to say it is ready. A worker whose WebAssembly does not
/// start reports no error to the page, so without this a run could wait for ever.
const READY_WITHIN_MS: u32 = 10_000;

/// What the page knows of one worker, shared with its message handler.
#[derive(Default)]
struct State {
    /// It has said it is ready at least once: its WebAssembly runs.
    started: Cell<bool>,
    /// It has no job and listens.
    idle: Cell<bool>,
    /// The job it gets when it is next ready.
    queued: RefCell<Option<js_sys::Array>>,
    /// Its script failed to load or it stopped with an error.
    failed: Cell<bool>,
}

struct Running {
    worker: Worker,
    state: Rc<State>,
    // Kept with the worker: dropping them would detach its handlers.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static WORKERS: RefCell<Vec<Running>> = const { RefCell::new(Vec::new()) };
    static WATCH: RefCell<Option<Timeout>> = const { RefCell::new(None) };
    /// The run the workers are on, which a failure is reported for.
    static RUN: Cell<Option<u32>> = const { Cell::new(None) };
}

/// Starts the workers, if they are not running yet, to have them ready for a choice of files.
pub fn warm(dispatch: &Callback<Msg>) {
    if WORKERS.with(|workers| workers.borrow().is_empty()) && spawn(dispatch).is_none() {
        // Tried again, and then reported, when files are chosen.
        stop();
    }
}

/// Starts checking `chosen` for the run `run`; every answer goes to `dispatch`.
pub fn start(run: u32, chosen: &[FileRef], dispatch: &Callback<Msg>) {
    // Workers still busy with an earlier choice would answer this one late, and one that failed
    // while warming would never answer: start afresh.
    let stale = |w: &Running| !w.state.idle.get() || w.state.failed.get();
    if WORKERS.with(|workers| workers.borrow().iter().any(stale)) {
        stop();
    }
    warm(dispatch);
    RUN.with(|current| current.set(Some(run)));
    // No worker would answer and no watch would notice: the page checks the files itself.
    let none = WORKERS.with(|workers| workers.borrow().is_empty());
    if none || hand_out(run, chosen).is_none() {
        stop();
        dispatch.emit(Msg::Review(ReviewMsg::WorkersFailed(run)));
        return;
    }
    let late = dispatch.clone();
    let watch = Timeout::new(READY_WITHIN_MS, move || {
        let waiting =
            WORKERS.with(|workers| workers.borrow().iter().any(|w| !w.state.started.get()));
        if waiting {
            late.emit(Msg::Review(ReviewMsg::WorkersFailed(run)));
        }
    });
    WATCH.with(|slot| *slot.borrow_mut() = Some(watch));
}

/// One worker per core, up to [`MAX_WORKERS`], each with its handlers.
fn spawn(dispatch: &Callback<Msg>) -> Option<()> {
    let window = web_sys::window()?;
    let script = loader_of(&window.document()?)?;
    let cores = window.navigator().hardware_concurrency();
    let count = if cores.is_finite() && cores >= 1.0 { cores as usize } else { 1 };
    for _ in 0..count.min(MAX_WORKERS) {
        let worker = Worker::new(&script).ok()?;
        let state = Rc::new(State::default());
        let answers = dispatch.clone();
        let listener = worker.clone();
        let shared = state.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            // Anything but text is not a message of the workers: the core then falls back.
            let text = event.data().as_string().unwrap_or_default();
            if text != READY {
                answers.emit(Msg::Review(ReviewMsg::WorkerResults(text)));
                return;
            }
            shared.started.set(true);
            match shared.queued.borrow_mut().take() {
                Some(job) => {
                    shared.idle.set(false);
                    if listener.post_message(&job).is_err() {
                        fail(&answers);
                    }
                }
                None => shared.idle.set(true),
            }
        });
        let failures = dispatch.clone();
        let failed = state.clone();
        // A script that does not load, or a worker that stops: the page checks the files itself.
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            failed.failed.set(true);
            fail(&failures);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let running = Running { worker, state, _on_message: on_message, _on_error: on_error };
        // Kept at once, so that `stop` ends it if a later one cannot be started.
        WORKERS.with(|workers| workers.borrow_mut().push(running));
    }
    Some(())
}

/// The worker's loader that this page's build named, or None where the page names none that
/// scripts/name-worker could have written (a page built otherwise, or edited). Only a bare file
/// name of that shape passes: it is resolved against the page, so the workers are this build's,
/// from the page's own origin and folder.
fn loader_of(document: &web_sys::Document) -> Option<String> {
    let content = document.query_selector(LOADER_META).ok()??.get_attribute("content")?;
    let hash = content.strip_prefix(LOADER_PREFIX)?.strip_suffix(LOADER_SUFFIX)?;
    let hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
    (hash.len() == LOADER_HASH_DIGITS && hash.chars().all(hex)).then_some(content)
}

/// Deals the files round the workers: a worker that is ready gets its job at once, one still
/// starting when it says it is ready.
fn hand_out(run: u32, chosen: &[FileRef]) -> Option<()> {
    WORKERS.with(|workers| {
        let workers = workers.borrow();
        let hands = deal(chosen.len(), workers.len());
        for (hand, running) in hands.into_iter().zip(workers.iter()) {
            let message = js_sys::Array::new();
            message.push(&JsValue::from_str(&Job { run, indices: hand.clone() }.encode()));
            let list = js_sys::Array::new();
            for index in hand {
                let file = files::peek(chosen.get(index as usize)?)?;
                list.push(&file);
            }
            message.push(&list);
            if running.state.idle.get() {
                running.state.idle.set(false);
                running.worker.post_message(&message).ok()?;
            } else {
                *running.state.queued.borrow_mut() = Some(message);
            }
        }
        Some(())
    })
}

/// The workers cannot be relied on: the run they are on, if any, is reported, and the core
/// stops them and checks its files on the page.
fn fail(dispatch: &Callback<Msg>) {
    if let Some(run) = RUN.with(Cell::get) {
        dispatch.emit(Msg::Review(ReviewMsg::WorkersFailed(run)));
    }
}

/// Ends every worker at once, with whatever it still had to do.
pub fn stop() {
    RUN.with(|current| current.set(None));
    // Dropping the timeout cancels it.
    WATCH.with(|slot| slot.borrow_mut().take());
    let running = WORKERS.with(|workers| std::mem::take(&mut *workers.borrow_mut()));
    for Running { worker, .. } in running {
        // An event already on its way (a late message, or the error of a worker that failed
        // while warming) must not reach the handlers dropped here.
        worker.set_onmessage(None);
        worker.set_onerror(None);
        worker.terminate();
    }
}
