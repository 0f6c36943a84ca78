//! The verify worker: a Web Worker the hogeschool's page starts (one per core) to check many
//! record files off its own thread (`core::review::bulk`, README: Bulk verification). It reads
//! each file it is handed, checks it against the built-in frameworks, and answers with verdicts a
//! few files at a time. Built by trunk as a worker of hogeschool.html; on other targets an empty
//! stub.
//!
//! Signatures go to the browser's WebCrypto Ed25519, which answers from a thread of its own
//! while the worker reads its next files; whatever it does not confirm (and everything, in a
//! browser without Ed25519) is checked here in Rust, so a verdict is always the Rust check's.

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::listen();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;
    use std::rc::Rc;

    use js_sys::{Array, Function, Promise, Reflect};
    use leeruitkomsten::core::crypto::data_integrity::SignatureCheck;
    use leeruitkomsten::core::crypto::did_key::KEY_LENGTH;
    use leeruitkomsten::core::framework::catalogue::load_all;
    use leeruitkomsten::core::framework::hashed::HashedFramework;
    use leeruitkomsten::core::record::MAX_RECORD_BYTES;
    use leeruitkomsten::core::review::bulk::{
        prepare, Job, Prepared, Results, Verdict, READY, RESULTS_PER_MESSAGE,
    };
    use leeruitkomsten::web::ed25519::{verify_key, VerifyKey};
    use leeruitkomsten::web::files::{ReadError, Reading};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use web_sys::{
        Crypto, CryptoKey, DedicatedWorkerGlobalScope, File, MessageEvent, SubtleCrypto,
    };

    const ALGORITHM: &str = "Ed25519";

    /// A record the worker checks over and over while it waits for its first job (see
    /// [`warm_up`]).
    const SAMPLE: &[u8] = include_bytes!("../../examples/record.json");

    /// At most this many checks of [`SAMPLE`]: enough for the hot functions to be optimised.
    const WARM_UP_ROUNDS: usize = 40;

    struct Worker {
        scope: DedicatedWorkerGlobalScope,
        frameworks: Vec<HashedFramework>,
        ed25519: RefCell<Ed25519>,
        /// A job has come: warming up is over.
        working: Cell<bool>,
    }

    /// The browser's Ed25519 as far as this worker knows it.
    enum Ed25519 {
        /// Keys imported so far, by their bytes: a folder of records has few signers, and an
        /// import is a round trip to the browser's thread.
        Browser(SubtleCrypto, HashMap<[u8; KEY_LENGTH], CryptoKey>),
        /// No WebCrypto Ed25519 here: every signature is checked in Rust.
        Rust,
    }

    /// Answers every job the page sends, until the page ends the worker.
    pub fn listen() {
        let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else { return };
        let ed25519 = match subtle(&scope) {
            Some(subtle) => Ed25519::Browser(subtle, HashMap::new()),
            None => Ed25519::Rust,
        };
        // Loaded once: parsing the frameworks for every file would cost more than checking it.
        let worker = Rc::new(Worker {
            scope: scope.clone(),
            frameworks: load_all(),
            ed25519: RefCell::new(ed25519),
            working: Cell::new(false),
        });
        let answering = worker.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            answering.working.set(true);
            spawn_local(check(answering.clone(), event.data()));
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        let _ = scope.post_message(&JsValue::from_str(READY));
        spawn_local(warm_up(worker));
    }

    /// Checks [`SAMPLE`] a number of times, one check per task, until the first job comes.
    /// The browser runs a worker's WebAssembly first from a quick baseline compile and optimises
    /// a function only once it has run for a while: without this the first files of a choice
    /// were checked several times slower than the rest. The workers start when the verify view
    /// opens, so this happens while the user chooses files; a job waits for one check at most.
    async fn warm_up(worker: Rc<Worker>) {
        let known: Vec<&HashedFramework> = worker.frameworks.iter().collect();
        for _ in 0..WARM_UP_ROUNDS {
            if worker.working.get() {
                return;
            }
            std::hint::black_box(prepare(SAMPLE, &known));
            next_task(&worker.scope).await;
        }
    }

    /// Waits for a task of its own, so that a job that came in the meantime runs first.
    async fn next_task(scope: &DedicatedWorkerGlobalScope) {
        let timeout = Reflect::get(scope, &JsValue::from_str("setTimeout"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        let Some(timeout) = timeout else { return };
        let later = Promise::new(&mut |resolve, _| {
            let _ = timeout.call2(scope, &resolve, &JsValue::from(0));
        });
        let _ = JsFuture::from(later).await;
    }

    fn subtle(scope: &DedicatedWorkerGlobalScope) -> Option<SubtleCrypto> {
        let crypto = Reflect::get(scope, &JsValue::from_str("crypto")).ok()?;
        Some(crypto.dyn_into::<Crypto>().ok()?.subtle())
    }

    /// One job: `[header, files]`, the header a [`Job`] as JSON text. Once every verdict is sent
    /// the worker says it is ready again, for the page's next choice of files.
    async fn check(worker: Rc<Worker>, data: JsValue) {
        let message = Array::from(&data);
        let job = message
            .get(0)
            .as_string()
            .ok_or_else(|| "no header".to_string())
            .and_then(|header| Job::decode(&header).map_err(|e| e.to_string()));
        let job = match job {
            Ok(job) => job,
            // Not a results message: the page falls back to checking the files itself.
            Err(reason) => {
                let _ =
                    worker.scope.post_message(&JsValue::from_str(&format!("refused: {reason}")));
                return;
            }
        };
        let files = Array::from(&message.get(1));
        let known: Vec<&HashedFramework> = worker.frameworks.iter().collect();
        // The browser reads the next batch's files while this one is prepared, and checks one
        // batch's signatures while the next is prepared.
        let mut batches = job.indices.chunks(RESULTS_PER_MESSAGE);
        let mut position = 0u32;
        let mut reading =
            batches.next().map(|indices| start_reading(&files, &mut position, indices));
        let mut asked: Option<Vec<Asked>> = None;
        while let Some(batch) = reading.take() {
            reading = batches.next().map(|indices| start_reading(&files, &mut position, indices));
            let prepared = finish_reading(batch, &known).await;
            let batch = worker.ask(prepared).await;
            if let Some(previous) = asked.replace(batch) {
                send(&worker.scope, job.run, answers(previous).await);
            }
        }
        if let Some(last) = asked {
            send(&worker.scope, job.run, answers(last).await);
        }
        let _ = worker.scope.post_message(&JsValue::from_str(READY));
    }

    /// A batch of files being read, and each file's place in the choice.
    struct Batch {
        indices: Vec<u32>,
        reading: Reading,
    }

    /// Asks the browser for the contents of the files at the batch's places.
    fn start_reading(files: &Array, position: &mut u32, indices: &[u32]) -> Batch {
        let chosen = indices.iter().map(|_| {
            let file = files.get(*position).dyn_into::<File>().ok();
            *position = position.saturating_add(1);
            file
        });
        Batch { indices: indices.to_vec(), reading: Reading::start(chosen, MAX_RECORD_BYTES) }
    }

    /// What was found of each file of the batch.
    async fn finish_reading(batch: Batch, known: &[&HashedFramework]) -> Vec<(u32, Prepared)> {
        let prepared = batch
            .reading
            .finish(|read| match read {
                Ok(bytes) => prepare(&bytes, known),
                Err(ReadError::TooLarge { bytes }) => Prepared::Done(Verdict::TooLarge { bytes }),
                Err(ReadError::Unreadable) => Prepared::Done(Verdict::Unreadable),
            })
            .await;
        batch.indices.into_iter().zip(prepared).collect()
    }

    /// A file's place, what was found of it, and the browser's answer on its signature to come.
    type Asked = (u32, Prepared, Option<Promise>);

    impl Worker {
        /// Hands the batch's signatures to the browser, without waiting for its answers.
        async fn ask(&self, prepared: Vec<(u32, Prepared)>) -> Vec<Asked> {
            let mut asked = Vec::with_capacity(prepared.len());
            for (index, found) in prepared {
                let promise = match found.for_browser() {
                    Some(check) => self.verify(check).await,
                    None => None,
                };
                asked.push((index, found, promise));
            }
            asked
        }

        /// The browser's answer to come, or `None` when it cannot give one.
        async fn verify(&self, check: &SignatureCheck) -> Option<Promise> {
            let key = self.key(&check.public_key).await?;
            let ed25519 = self.ed25519.borrow();
            let Ed25519::Browser(subtle, _) = &*ed25519 else { return None };
            subtle
                .verify_with_str_and_u8_array_and_u8_array(
                    ALGORITHM,
                    &key,
                    &check.signature,
                    &check.message,
                )
                .ok()
        }

        async fn key(&self, public_key: &[u8; KEY_LENGTH]) -> Option<CryptoKey> {
            let subtle = match &*self.ed25519.borrow() {
                Ed25519::Browser(_, keys) if keys.contains_key(public_key) => {
                    return keys.get(public_key).cloned()
                }
                Ed25519::Browser(subtle, _) => subtle.clone(),
                Ed25519::Rust => return None,
            };
            let imported = verify_key(&subtle, public_key).await;
            let mut ed25519 = self.ed25519.borrow_mut();
            match imported {
                VerifyKey::Key(key) => {
                    if let Ed25519::Browser(_, keys) = &mut *ed25519 {
                        keys.insert(*public_key, key.clone());
                    }
                    Some(key)
                }
                VerifyKey::NoEd25519 => {
                    *ed25519 = Ed25519::Rust;
                    None
                }
                // A key the browser will not take: the Rust check says why.
                VerifyKey::Refused => None,
            }
        }
    }

    /// The verdicts of a batch: valid where the browser confirms the signature, and otherwise
    /// as the Rust check finds.
    async fn answers(asked: Vec<Asked>) -> Vec<(u32, Verdict)> {
        let mut verdicts = Vec::with_capacity(asked.len());
        for (index, found, promise) in asked {
            let confirmed = match promise {
                Some(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
                None => None,
            };
            let verdict = match confirmed {
                Some(true) => found.settle(true),
                _ => found.settle_here(),
            };
            verdicts.push((index, verdict));
        }
        verdicts
    }

    fn send(scope: &DedicatedWorkerGlobalScope, run: u32, verdicts: Vec<(u32, Verdict)>) {
        let text = Results { run, verdicts }.encode();
        // A page that has gone no longer listens.
        let _ = scope.post_message(&JsValue::from_str(&text));
    }
}
