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
    bytes_of(file).await
}

/// All of `file`'s bytes, whatever its size.
async fn bytes_of(file: &File) -> Result<Vec<u8>, ReadError> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| ReadError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The most bytes read in one go by [`Reading`]; a batch of larger files is read file by file, so
/// that no more than about one large file is held at a time. The cohort's batches stay within it
/// (`core::app::review::MAX_BATCH_BYTES`); the verify workers' batches are counted in files.
#[cfg(feature = "hogeschool")]
const MAX_JOINED_BYTES: usize = crate::core::app::review::MAX_BATCH_BYTES;

/// A batch of files being read as one. Each read is a round trip to the browser, which for
/// hundreds of small records cost more than the reading itself (README: Bulk verification), so
/// the files are joined and read in one go. Started apart from its finish, so that a verify
/// worker has the browser read its next batch while it checks this one. Only the hogeschool's
/// page and its workers read files in batches.
#[cfg(feature = "hogeschool")]
pub struct Reading {
    /// Each file with its size when it was chosen, or why it is not read.
    files: Vec<Result<(File, usize), ReadError>>,
    joined: Option<js_sys::Promise>,
    /// The bytes the joined read is to bring.
    joined_bytes: usize,
}

#[cfg(feature = "hogeschool")]
impl Reading {
    /// Asks the browser for the files' contents; `None` is a file no longer there, and a file
    /// over `limit` bytes is refused unread, as [`read_bytes`] does.
    pub fn start(files: impl IntoIterator<Item = Option<File>>, limit: usize) -> Reading {
        let parts = js_sys::Array::new();
        let files: Vec<_> = files
            .into_iter()
            .map(|file| match file {
                None => Err(ReadError::Unreadable),
                Some(file) if file.size() > limit as f64 => {
                    Err(ReadError::TooLarge { bytes: file.size() as u64 })
                }
                Some(file) => {
                    parts.push(&file);
                    let size = file.size() as usize;
                    Ok((file, size))
                }
            })
            .collect();
        let joined_bytes = files.iter().filter_map(|f| f.as_ref().ok()).map(|(_, n)| n).sum();
        let joined = match parts.length() {
            0 => None,
            _ if joined_bytes > MAX_JOINED_BYTES => None,
            _ => web_sys::Blob::new_with_blob_sequence(&parts).ok().map(|blob| blob.array_buffer()),
        };
        Reading { files, joined, joined_bytes }
    }

    /// `each` applied to each file's bytes, as [`read_bytes`] gives them, in order. Where the
    /// joined read fails or comes back with another size (a file changed or went since it was
    /// chosen), each file is read apart, so that only the file at fault is unreadable; read
    /// apart, a file's bytes are let go before the next is read.
    pub async fn finish<T>(self, mut each: impl FnMut(Result<Vec<u8>, ReadError>) -> T) -> Vec<T> {
        let joined = match self.joined {
            Some(promise) => JsFuture::from(promise)
                .await
                .ok()
                .map(|buffer| js_sys::Uint8Array::new(&buffer))
                .filter(|bytes| bytes.length() as usize == self.joined_bytes),
            None => None,
        };
        let mut results = Vec::with_capacity(self.files.len());
        let mut offset = 0;
        for file in self.files {
            let bytes = match (file, &joined) {
                (Err(error), _) => Err(error),
                // Each file's part copied into the app once, not the whole batch first.
                (Ok((_, size)), Some(bytes)) => {
                    let part = bytes.subarray(offset as u32, (offset + size) as u32).to_vec();
                    offset += size;
                    Ok(part)
                }
                // Its size was held against the limit when it was chosen.
                (Ok((file, _)), None) => bytes_of(&file).await,
            };
            results.push(each(bytes));
        }
        results
    }
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
