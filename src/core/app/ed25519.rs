//! The answers to the Ed25519 effects ([`Effect::DeriveKey`], [`Effect::SignMessage`],
//! [`Effect::CheckSignature`]) from the Rust implementation: what the hogeschool's page and the
//! native test browser use. The form's page answers them with the browser's WebCrypto instead
//! (`web::ed25519`), so that its bundle carries no curve arithmetic.

use super::{Ed25519Signature, Effect, Msg};
use crate::core::crypto::data_integrity::ed25519_sign;
use crate::core::crypto::did_key::public_key_from_seed;
use crate::core::crypto::signing_key::SigningKey;

/// The answer to an Ed25519 effect, `None` for any other effect.
pub fn answer(effect: &Effect) -> Option<Msg> {
    match effect {
        Effect::DeriveKey { seed, created, purpose } => Some(Msg::KeyDerived {
            purpose: purpose.clone(),
            result: Ok(Box::new(SigningKey::from_seed(*seed, created))),
        }),
        Effect::SignMessage { key, message } => Some(Msg::Signed {
            message: *message,
            result: Ok(Ed25519Signature {
                public_key: public_key_from_seed(key.seed()),
                signature: ed25519_sign(key.seed(), message),
            }),
        }),
        Effect::CheckSignature { check, purpose } => Some(Msg::SignatureChecked {
            purpose: purpose.clone(),
            result: Ok(check.run().is_ok()),
        }),
        _ => None,
    }
}
