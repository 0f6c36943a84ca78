//! Ed25519 with the browser's own WebCrypto (Chromium 137+, Firefox 129+, Safari 17+): how the
//! form's page answers the core's Ed25519 effects, so that its bundle carries no curve
//! arithmetic. The hogeschool's page answers them in Rust (`core::app::ed25519`).
//!
//! The key stays what it is everywhere in the app, the 32-byte seed of the key file: it is
//! imported for each signature as PKCS #8 and its public half read from the JWK export, so the
//! key file and its backup are the same on both pages. Ed25519 is deterministic (RFC 8032), so
//! the browser's signature is byte for byte the Rust signer's.

use std::cell::RefCell;

use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::core::app::{Ed25519Signature, NoEd25519};
use crate::core::crypto::base64url;
use crate::core::crypto::data_integrity::{SignatureCheck, SIGNATURE_LENGTH};
use crate::core::crypto::did_key::KEY_LENGTH;

const ALGORITHM: &str = "Ed25519";
/// An Ed25519 private key in PKCS #8 (RFC 8410, section 7) is this fixed DER prefix and the seed.
const PKCS8_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

/// The public key of `seed`.
pub async fn public_key(seed: &[u8; KEY_LENGTH]) -> Result<[u8; KEY_LENGTH], NoEd25519> {
    let subtle = subtle()?;
    let key = private_key(&subtle, seed).await?;
    public_half(&subtle, &key).await
}

/// Signs `message` with `seed`; answers with the public key that signed, which the core holds
/// to the key's did:key.
pub async fn sign(seed: &[u8; KEY_LENGTH], message: &[u8]) -> Result<Ed25519Signature, NoEd25519> {
    let subtle = subtle()?;
    let (key, public_key) = match imported(seed) {
        Some(hit) => hit,
        None => {
            let key = private_key(&subtle, seed).await?;
            let public_key = public_half(&subtle, &key).await?;
            IMPORTED.with(|kept| *kept.borrow_mut() = Some((*seed, key.clone(), public_key)));
            (key, public_key)
        }
    };
    let signature = settle(subtle.sign_with_str_and_u8_array(ALGORITHM, &key, message)).await?;
    let signature = <[u8; SIGNATURE_LENGTH]>::try_from(Uint8Array::new(&signature).to_vec())
        .map_err(|_| NoEd25519)?;
    Ok(Ed25519Signature { public_key, signature })
}

/// Whether the signature holds. A public key the browser refuses to import (not a point on the
/// curve) is a signature that does not hold; only a browser without Ed25519 is `NoEd25519`.
pub async fn verify(check: &SignatureCheck) -> Result<bool, NoEd25519> {
    let subtle = subtle()?;
    let key = match verify_key(&subtle, &check.public_key).await {
        VerifyKey::Key(key) => key,
        VerifyKey::NoEd25519 => return Err(NoEd25519),
        VerifyKey::Refused => return Ok(false),
    };
    let verified = settle(subtle.verify_with_str_and_u8_array_and_u8_array(
        ALGORITHM,
        &key,
        &check.signature,
        &check.message,
    ))
    .await?;
    Ok(verified.as_bool() == Some(true))
}

/// A public key imported to verify with, as the browser took it.
pub enum VerifyKey {
    Key(CryptoKey),
    /// The browser has no WebCrypto Ed25519.
    NoEd25519,
    /// A key the browser will not take (not a point on the curve).
    Refused,
}

/// Imports `public_key` to verify with. Takes the `SubtleCrypto` it is given: the verify worker
/// (`src/bin/verify-worker.rs`) has no window.
pub async fn verify_key(subtle: &SubtleCrypto, public_key: &[u8; KEY_LENGTH]) -> VerifyKey {
    let data = Uint8Array::from(&public_key[..]);
    let usages = Array::of1(&JsValue::from_str("verify"));
    let Ok(imported) = subtle.import_key_with_str("raw", &data, ALGORITHM, false, &usages) else {
        return VerifyKey::NoEd25519;
    };
    match JsFuture::from(imported).await {
        Ok(key) => key.dyn_into::<CryptoKey>().map_or(VerifyKey::NoEd25519, VerifyKey::Key),
        Err(error) if error_name(&error).as_deref() == Some("NotSupportedError") => {
            VerifyKey::NoEd25519
        }
        Err(_) => VerifyKey::Refused,
    }
}

thread_local! {
    /// The last key imported to sign, with its public half: each WebCrypto call is a round trip
    /// to another thread, and a signature without them takes one instead of three. The seed is in
    /// this page's memory and storage anyway.
    static IMPORTED: RefCell<Option<Imported>> = const { RefCell::new(None) };
}

/// A seed, the private key imported from it, and its public half.
type Imported = ([u8; KEY_LENGTH], CryptoKey, [u8; KEY_LENGTH]);

fn imported(seed: &[u8; KEY_LENGTH]) -> Option<(CryptoKey, [u8; KEY_LENGTH])> {
    IMPORTED.with(|kept| {
        kept.borrow()
            .as_ref()
            .filter(|(kept_seed, _, _)| kept_seed == seed)
            .map(|(_, key, public_key)| (key.clone(), *public_key))
    })
}

fn subtle() -> Result<SubtleCrypto, NoEd25519> {
    let window = web_sys::window().ok_or(NoEd25519)?;
    Ok(window.crypto().map_err(|_| NoEd25519)?.subtle())
}

/// The seed as an extractable private key, so that its public half can be read.
async fn private_key(
    subtle: &SubtleCrypto,
    seed: &[u8; KEY_LENGTH],
) -> Result<CryptoKey, NoEd25519> {
    let mut der = PKCS8_PREFIX.to_vec();
    der.extend_from_slice(seed);
    let data = Uint8Array::from(der.as_slice());
    let usages = Array::of1(&JsValue::from_str("sign"));
    let key = settle(subtle.import_key_with_str("pkcs8", &data, ALGORITHM, true, &usages)).await?;
    key.dyn_into::<CryptoKey>().map_err(|_| NoEd25519)
}

/// `x` of the key's JWK export: the public key (RFC 8037).
async fn public_half(
    subtle: &SubtleCrypto,
    key: &CryptoKey,
) -> Result<[u8; KEY_LENGTH], NoEd25519> {
    let jwk = settle(subtle.export_key("jwk", key)).await?;
    let x = Reflect::get(&jwk, &JsValue::from_str("x")).ok().and_then(|x| x.as_string());
    let bytes = x.and_then(|x| base64url::decode(&x)).ok_or(NoEd25519)?;
    <[u8; KEY_LENGTH]>::try_from(bytes).map_err(|_| NoEd25519)
}

async fn settle(promise: Result<Promise, JsValue>) -> Result<JsValue, NoEd25519> {
    JsFuture::from(promise.map_err(|_| NoEd25519)?).await.map_err(|_| NoEd25519)
}

fn error_name(error: &JsValue) -> Option<String> {
    Reflect::get(error, &JsValue::from_str("name")).ok().and_then(|name| name.as_string())
}
