//! The browser's cryptographic random source (`crypto.getRandomValues`, `crypto.randomUUID`).

/// 32 random bytes for a new signing key; `None` where the browser offers no crypto source,
/// since a key from a weaker source must never be made.
pub fn seed() -> Option<[u8; 32]> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut seed = [0u8; 32];
    crypto.get_random_values_with_u8_array(&mut seed).ok()?;
    // All zeros means the call did nothing; no real source returns that.
    (seed != [0u8; 32]).then_some(seed)
}

/// `urn:uuid:…` with a random (version 4) UUID.
pub fn record_id() -> Option<String> {
    let crypto = web_sys::window()?.crypto().ok()?;
    Some(format!("urn:uuid:{}", crypto.random_uuid()))
}

/// A new assessment's id: a random UUID, unique across devices so backups merge without clashes.
pub fn entry_id() -> Option<String> {
    let crypto = web_sys::window()?.crypto().ok()?;
    Some(crypto.random_uuid())
}
