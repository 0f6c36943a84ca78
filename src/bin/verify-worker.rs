//! The verify worker: a Web Worker the hogeschool's page starts (one per core) to check many
//! record files off its own thread (`core::review::bulk`, README: Bulk verification). It reads
//! each file it is handed, checks it against the built-in frameworks, and answers with verdicts a
//! few files at a time. Built by trunk as a worker of hogeschool.html; on other targets an empty
//! stub.

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::listen();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod worker {
    use leeruitkomsten::core::framework::catalogue::load_all;
    use leeruitkomsten::core::framework::hashed::HashedFramework;
    use leeruitkomsten::core::record::MAX_RECORD_BYTES;
    use leeruitkomsten::core::review::bulk::{
        verdict, Job, Results, Verdict, READY, RESULTS_PER_MESSAGE,
    };
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

    /// Answers every job the page sends, until the page ends the worker.
    pub fn listen() {
        let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else { return };
        // Loaded once: parsing the frameworks for every file would cost more than checking it.
        let frameworks = load_all();
        let answer = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            check(&answer, &frameworks, &event.data());
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        let _ = scope.post_message(&JsValue::from_str(READY));
    }

    /// One job: `[header, files]`, the header a [`Job`] as JSON text.
    fn check(scope: &DedicatedWorkerGlobalScope, frameworks: &[HashedFramework], data: &JsValue) {
        let message = js_sys::Array::from(data);
        let job = message
            .get(0)
            .as_string()
            .ok_or_else(|| "no header".to_string())
            .and_then(|header| Job::decode(&header).map_err(|e| e.to_string()));
        let job = match job {
            Ok(job) => job,
            // Not a results message: the page falls back to checking the files itself.
            Err(reason) => {
                let _ = scope.post_message(&JsValue::from_str(&format!("refused: {reason}")));
                return;
            }
        };
        let files = js_sys::Array::from(&message.get(1));
        let known: Vec<&HashedFramework> = frameworks.iter().collect();
        let reader = FileReaderSync::new().ok();
        let mut verdicts = Vec::with_capacity(RESULTS_PER_MESSAGE);
        for (position, index) in job.indices.iter().enumerate() {
            let file = u32::try_from(position).ok().map(|p| files.get(p));
            let file = file.and_then(|f| f.dyn_into::<File>().ok());
            let found = match (file, &reader) {
                (Some(file), Some(reader)) => read(reader, &file, &known),
                _ => Verdict::Unreadable,
            };
            verdicts.push((*index, found));
            if verdicts.len() == RESULTS_PER_MESSAGE {
                send(scope, job.run, std::mem::take(&mut verdicts));
            }
        }
        if !verdicts.is_empty() {
            send(scope, job.run, verdicts);
        }
    }

    fn read(reader: &FileReaderSync, file: &File, known: &[&HashedFramework]) -> Verdict {
        if file.size() > MAX_RECORD_BYTES as f64 {
            return Verdict::TooLarge { bytes: file.size() as u64 };
        }
        match reader.read_as_array_buffer(file) {
            Ok(buffer) => verdict(&js_sys::Uint8Array::new(&buffer).to_vec(), known),
            Err(_) => Verdict::Unreadable,
        }
    }

    fn send(scope: &DedicatedWorkerGlobalScope, run: u32, verdicts: Vec<(u32, Verdict)>) {
        let text = Results { run, verdicts }.encode();
        // A page that has gone no longer listens.
        let _ = scope.post_message(&JsValue::from_str(&text));
    }
}
