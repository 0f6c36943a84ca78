//! The verify workers of the hogeschool's page (`core::review::bulk`): one Web Worker per core,
//! each running src/bin/verify-worker.rs, started when a choice of several files is checked and
//! kept for the next choice. The worker's script is fetched only then, and the service worker
//! stores it as it does the rest of the hogeschool's page, so that it works offline after its
//! first use.

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

/// The worker's loader as trunk writes it (`data-type="worker"` in hogeschool.html).
const WORKER_SCRIPT: &str = "verify-worker_loader.js";

/// More workers than this gain little: reading the files and drawing the page take a core too.
const MAX_WORKERS: usize = 4;

struct Running {
    worker: Worker,
    // Kept with the worker: dropping them would detach its handlers.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// How long the workers have to say they are ready. A worker whose WebAssembly does not start
/// reports no error to the page, so without this a run could wait for ever.
const READY_WITHIN_MS: u32 = 10_000;

thread_local! {
    static WORKERS: RefCell<Vec<Running>> = const { RefCell::new(Vec::new()) };
    static WATCH: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// Starts checking `chosen` for the run `run`; every answer goes to `dispatch`.
pub fn start(run: u32, chosen: &[FileRef], dispatch: &Callback<Msg>) {
    stop();
    if start_workers(run, chosen, dispatch).is_none() {
        stop();
        dispatch.emit(Msg::Review(ReviewMsg::WorkersFailed(run)));
    }
}

fn start_workers(run: u32, chosen: &[FileRef], dispatch: &Callback<Msg>) -> Option<()> {
    let cores = web_sys::window()?.navigator().hardware_concurrency();
    let count = if cores.is_finite() && cores >= 1.0 { cores as usize } else { 1 };
    let hands = deal(chosen.len(), count.min(MAX_WORKERS));
    let mut running = Vec::with_capacity(hands.len());
    let ready = Rc::new(Cell::new(0usize));
    let expected = hands.len();
    for hand in hands {
        let message = js_sys::Array::new();
        message.push(&JsValue::from_str(&Job { run, indices: hand.clone() }.encode()));
        let list = js_sys::Array::new();
        for index in hand {
            let file = files::peek(chosen.get(index as usize)?)?;
            list.push(&file);
        }
        message.push(&list);
        let worker = Worker::new(WORKER_SCRIPT).ok()?;
        let answers = dispatch.clone();
        let listener = worker.clone();
        let readied = ready.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            // Anything but text is not a message of the workers: the core then falls back.
            let text = event.data().as_string().unwrap_or_default();
            if text == READY {
                readied.set(readied.get() + 1);
                if listener.post_message(&message).is_err() {
                    answers.emit(Msg::Review(ReviewMsg::WorkersFailed(run)));
                }
                return;
            }
            answers.emit(Msg::Review(ReviewMsg::WorkerResults(text)));
        });
        let failures = dispatch.clone();
        // A script that does not load, or a worker that stops: the page checks the files itself.
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            failures.emit(Msg::Review(ReviewMsg::WorkersFailed(run)));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        running.push(Running { worker, _on_message: on_message, _on_error: on_error });
    }
    WORKERS.with(|workers| workers.borrow_mut().extend(running));
    let late = dispatch.clone();
    let watch = Timeout::new(READY_WITHIN_MS, move || {
        if ready.get() < expected {
            late.emit(Msg::Review(ReviewMsg::WorkersFailed(run)));
        }
    });
    WATCH.with(|slot| *slot.borrow_mut() = Some(watch));
    Some(())
}

/// Ends every worker at once, with whatever it still had to do.
pub fn stop() {
    // Dropping the timeout cancels it.
    WATCH.with(|slot| slot.borrow_mut().take());
    let running = WORKERS.with(|workers| std::mem::take(&mut *workers.borrow_mut()));
    for Running { worker, .. } in running {
        worker.terminate();
    }
}
