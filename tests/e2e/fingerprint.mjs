// The fingerprint of a did:key as the app shows it (core::crypto::signing_key::fingerprint),
// written again from its description: the first 60 bits of the SHA-256 of the did:key, in twelve
// characters of Crockford's base32, in three groups of four.
import { createHash } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const FINGERPRINT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function fingerprintOf(did) {
  const bits = createHash("sha256").update(did, "utf8").digest().readBigUInt64BE(0) >> 4n;
  let chars = "";
  for (let i = 0; i < 12; i++) chars += CROCKFORD[Number((bits >> BigInt(55 - 5 * i)) & 31n)];
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}
