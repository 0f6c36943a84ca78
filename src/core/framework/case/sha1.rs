//! SHA-1 (RFC 3174), only for the name-based UUIDs of version 5 that CASE identifiers are.
//!
//! SHA-1 is broken for collision resistance; here it is no security measure but the hash that
//! RFC 9562 names for version 5 UUIDs, so that anyone can derive the same identifier from the same
//! name. The project depends on `sha2` only, and the function is small.

/// The 20-byte SHA-1 digest of `data`.
pub fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0];
    let bit_length = (data.len() as u64).wrapping_mul(8);
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&bit_length.to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w: Vec<u32> = block
            .chunks_exact(4)
            .map(|word| u32::from_be_bytes([0, 1, 2, 3].map(|i| word.get(i).copied().unwrap_or(0))))
            .collect();
        for t in 16..80 {
            let at = |back: usize| w.get(t - back).copied().unwrap_or(0);
            let next = (at(3) ^ at(8) ^ at(14) ^ at(16)).rotate_left(1);
            w.push(next);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (t, word) in w.iter().enumerate() {
            let (f, k) = match t {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let temp = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*word);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = temp;
        }
        for (state, add) in h.iter_mut().zip([a, b, c, d, e]) {
            *state = state.wrapping_add(add);
        }
    }
    let mut digest = [0u8; 20];
    for (out, word) in digest.chunks_exact_mut(4).zip(h) {
        out.copy_from_slice(&word.to_be_bytes());
    }
    digest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02X}")).collect()
    }

    /// The four test vectors of RFC 3174, section 7.3.
    #[test]
    fn rfc_3174_test_vectors() {
        assert_eq!(hex(&sha1(b"abc")), "A9993E364706816ABA3E25717850C26C9CD0D89D");
        assert_eq!(
            hex(&sha1(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "84983E441C3BD26EBAAE4AA1F95129E5E54670F1"
        );
        assert_eq!(hex(&sha1(&[b'a'; 1_000_000])), "34AA973CD4C4DAA4F61EEB2BDBAD27316534016F");
        let repeated =
            b"0123456701234567012345670123456701234567012345670123456701234567".repeat(10);
        assert_eq!(hex(&sha1(&repeated)), "DEA356A2CDDD90C7A7ECEDC5EBB563934F460452");
    }

    #[test]
    fn the_empty_message_and_block_boundaries() {
        assert_eq!(hex(&sha1(b"")), "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709");
        // 55, 56 and 64 bytes: the padding needs one block, two blocks, and a block of its own.
        assert_eq!(hex(&sha1(&[b'a'; 55])), "C1C8BBDC22796E28C0E15163D20899B65621D65A");
        assert_eq!(hex(&sha1(&[b'a'; 56])), "C2DB330F6083854C99D4B5BFB6E8F29F201BE699");
        assert_eq!(hex(&sha1(&[b'a'; 64])), "0098BA824B5C16427BD7A1122A5A442A25EC644D");
    }
}
