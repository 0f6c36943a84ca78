//! Reading files the user opens or drops.

use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use crate::core::app::{FileReadError, FileRef};

/// The first file of a file input's `change` event or a `drop` event.
pub fn first_of(list: Option<web_sys::FileList>) -> Option<File> {
    list?.get(0)
}

/// Every file of a file input's `change` event or a `drop` event, in order.
pub fn all_of(list: Option<web_sys::FileList>) -> Vec<File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default()
}

/// The file's bytes. Reading the bytes rather than text lets the verifier say where a file is not
/// UTF-8 instead of reading it with replacement characters. Refuses files over `limit` bytes
/// before reading them.
pub async fn read_bytes(file: &File, limit: usize) -> Result<Vec<u8>, ReadError> {
    if file.size() > limit as f64 {
        return Err(ReadError::TooLarge { bytes: file.size() as u64 });
    }
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| ReadError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The most bytes read in one go by [`read_all`]; the cohort's batches stay within it
/// (`core::app::review::MAX_BATCH_BYTES`), and a batch of larger files is read file by file.
#[cfg(feature = "hogeschool")]
const MAX_JOINED_BYTES: usize = crate::core::app::review::MAX_BATCH_BYTES;

/// Each file's bytes, as [`read_bytes`] gives them, in order; `None` is a file no longer there.
/// The files are read as one: each read is a round trip to the browser, which for hundreds of
/// small records cost more than the reading itself. Where the joined read fails or comes back
/// with another size (a file changed or went since it was chosen), each file is read apart, so
/// that only the file at fault is unreadable. Only the cohort reads files in batches.
#[cfg(feature = "hogeschool")]
pub async fn read_all(files: Vec<Option<File>>, limit: usize) -> Vec<Result<Vec<u8>, ReadError>> {
    let parts = js_sys::Array::new();
    let mut joined_bytes = 0;
    for file in files.iter().flatten().filter(|f| f.size() <= limit as f64) {
        parts.push(file);
        joined_bytes += file.size() as usize;
    }
    let joined = match parts.length() {
        0 => None,
        _ if joined_bytes > MAX_JOINED_BYTES => None,
        _ => match web_sys::Blob::new_with_blob_sequence(&parts) {
            Ok(blob) => JsFuture::from(blob.array_buffer())
                .await
                .ok()
                .map(|buffer| js_sys::Uint8Array::new(&buffer))
                .filter(|bytes| bytes.length() as usize == joined_bytes),
            Err(_) => None,
        },
    };
    let mut results = Vec::with_capacity(files.len());
    let mut offset = 0;
    for file in files {
        let result = match (file, &joined) {
            (None, _) => Err(ReadError::Unreadable),
            (Some(file), _) if file.size() > limit as f64 => {
                Err(ReadError::TooLarge { bytes: file.size() as u64 })
            }
            // Each file's part copied into the app once, not the whole batch first.
            (Some(file), Some(bytes)) => {
                let size = file.size() as u32;
                let part = bytes.subarray(offset, offset + size).to_vec();
                offset += size;
                Ok(part)
            }
            (Some(file), None) => read_bytes(&file, limit).await,
        };
        results.push(result);
    }
    results
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge { bytes: u64 },
    Unreadable,
}

thread_local! {
    /// Files the user chose, until the core asks for their bytes: the core holds only a handle.
    static CHOSEN: std::cell::RefCell<(u32, std::collections::HashMap<u32, File>)> =
        std::cell::RefCell::new((0, std::collections::HashMap::new()));
}

/// Keeps `files` for a later [`take`] and returns a handle for each.
pub fn register(files: Vec<File>) -> Vec<FileRef> {
    CHOSEN.with(|chosen| {
        let (next, held) = &mut *chosen.borrow_mut();
        files
            .into_iter()
            .map(|file| {
                *next = next.wrapping_add(1);
                let (name, size) = (file.name(), file.size() as u64);
                held.insert(*next, file);
                FileRef { handle: *next, name, size }
            })
            .collect()
    })
}

/// The file behind a handle, which stays chosen: handed to a verify worker, it may still be read
/// here.
pub fn peek(file: &FileRef) -> Option<File> {
    CHOSEN.with(|chosen| chosen.borrow().1.get(&file.handle).cloned())
}

/// Lets go of chosen files that will not be read.
pub fn forget(files: &[FileRef]) {
    CHOSEN.with(|chosen| {
        let held = &mut chosen.borrow_mut().1;
        for file in files {
            held.remove(&file.handle);
        }
    });
}

/// The file behind a handle, which is given up: each is read once.
pub fn take(file: &FileRef) -> Option<File> {
    CHOSEN.with(|chosen| chosen.borrow_mut().1.remove(&file.handle))
}

impl From<ReadError> for FileReadError {
    fn from(error: ReadError) -> FileReadError {
        match error {
            ReadError::TooLarge { bytes } => FileReadError::TooLarge { bytes },
            ReadError::Unreadable => FileReadError::Unreadable,
        }
    }
}
