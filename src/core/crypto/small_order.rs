//! Ed25519 points of small order, recognised by their encoding alone.
//!
//! The app checks signatures with ed25519-dalek's `verify_strict`, which refuses a public key or
//! a signature's `R` of small order (a key of small order "signs" nearly any message). The
//! browser's WebCrypto Ed25519 need not: BoringSSL checks the plain RFC 8032 equation. Both
//! refuse a non-canonical `S` and compare `R` byte for byte, so a signature the browser accepts
//! is one `verify_strict` accepts unless its key or `R` has small order. Finding those before the
//! browser is asked makes the browser's "valid" mean exactly what the Rust check's means, without
//! the curve arithmetic of decompressing either point.
//!
//! The eight points of small order have five y-coordinates: 1, p − 1, 0 and ±y₈ (the points of
//! order 8). An encoding is y (255 bits, read modulo p) and the sign of x in the top bit; y + p
//! still fits in 255 bits only for y < 19, so 0 and 1 have a second, non-canonical encoding.

use crate::core::crypto::data_integrity::SignatureCheck;

/// Every encoding, the top bit (x's sign) left out, of a point of small order. Decoding one
/// with its top bit set gives a point of small order too.
const SMALL_ORDER: [[u8; 32]; 7] = [
    // 0 (order 4)
    [0; 32],
    // 1 (order 1)
    [
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0,
    ],
    // y₈ (order 8)
    [
        0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98,
        0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53,
        0xfc, 0x05,
    ],
    // p − y₈ (order 8)
    [
        0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67,
        0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac,
        0x03, 0x7a,
    ],
    // p − 1 (order 2)
    [
        0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0x7f,
    ],
    // p, which is 0 (order 4)
    [
        0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0x7f,
    ],
    // p + 1, which is 1 (order 1)
    [
        0xee, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0x7f,
    ],
];

/// Whether `encoding` decodes to a point of small order.
pub fn is_small_order(encoding: &[u8; 32]) -> bool {
    SMALL_ORDER.iter().any(|small| {
        encoding.iter().zip(small).enumerate().all(|(i, (a, b))| {
            // The top bit of the last byte is x's sign, which does not change the order.
            if i == 31 {
                a & 0x7f == *b
            } else {
                a == b
            }
        })
    })
}

/// Whether the browser's Ed25519 answers `check` as `verify_strict` does: neither the key nor
/// the signature's `R` has small order.
pub fn browser_agrees(check: &SignatureCheck) -> bool {
    let r = check.signature.first_chunk::<32>();
    !is_small_order(&check.public_key) && r.is_some_and(|r| !is_small_order(r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::crypto::did_key::public_key_from_seed;
    use ed25519_dalek::VerifyingKey;

    /// What ed25519-dalek makes of an encoding: `None` if it is no point, else whether the point
    /// has small order.
    fn dalek(encoding: &[u8; 32]) -> Option<bool> {
        VerifyingKey::from_bytes(encoding).ok().map(|key| key.is_weak())
    }

    #[test]
    fn every_listed_encoding_is_a_point_of_small_order_with_either_sign() {
        for small in SMALL_ORDER {
            for sign in [0, 0x80] {
                let mut encoding = small;
                encoding[31] |= sign;
                assert_eq!(dalek(&encoding), Some(true), "{encoding:02x?}");
                assert!(is_small_order(&encoding));
            }
        }
    }

    #[test]
    fn an_encoding_one_bit_off_a_listed_one_agrees_with_dalek() {
        // Near misses are where a wrong constant or comparison would show.
        for small in SMALL_ORDER {
            for bit in 0..255 {
                let mut encoding = small;
                encoding[bit / 8] ^= 1 << (bit % 8);
                let listed = is_small_order(&encoding);
                assert_eq!(dalek(&encoding).unwrap_or(false), listed, "{encoding:02x?}");
            }
        }
    }

    #[test]
    fn real_keys_and_signatures_are_not_of_small_order() {
        for seed in 0..64u8 {
            let public_key = public_key_from_seed(&[seed; 32]);
            assert!(!is_small_order(&public_key));
            let key = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]);
            let signature = ed25519_dalek::Signer::sign(&key, b"beoordeling").to_bytes();
            let check = SignatureCheck { public_key, message: [seed; 64], signature };
            assert!(browser_agrees(&check));
        }
    }

    #[test]
    fn a_key_or_r_of_small_order_is_left_to_the_rust_check() {
        let public_key = public_key_from_seed(&[3; 32]);
        let mut signature = [9u8; 64];
        assert!(browser_agrees(&SignatureCheck { public_key, message: [0; 64], signature }));
        signature[..32].copy_from_slice(&SMALL_ORDER[2]);
        assert!(!browser_agrees(&SignatureCheck { public_key, message: [0; 64], signature }));
        let mut weak = SMALL_ORDER[4];
        weak[31] |= 0x80;
        assert!(!browser_agrees(&SignatureCheck {
            public_key: weak,
            message: [0; 64],
            signature: [9; 64]
        }));
    }
}
