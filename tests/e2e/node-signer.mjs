// Signs records in Node with eddsa-jcs-2022 and a key of its own, for tests and benchmarks that
// need many valid records the app did not make. Written from the specification, like the
// independent verifier beside it; node:crypto does the Ed25519 and the npm package `canonicalize`
// (RFC 8785) the canonical JSON.
//
//   const signer = newSigner();
//   const signed = signer.sign(documentWithoutProof, proofTemplate); // proofTemplate: a proof to
//   // copy type, cryptosuite, created, proofPurpose and @context from; its method and value are
//   // replaced, and so is the issuer.id of a credential, since a credential's issuer is its signer
//   // (unless { keepIssuer: true }: a forgery that claims another issuer)
import { createHash, generateKeyPairSync, sign as cryptoSign } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const canonicalizeModule = require("canonicalize");
const canonicalize = typeof canonicalizeModule === "function" ? canonicalizeModule : canonicalizeModule.default;

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Base58 with the Bitcoin alphabet, as multibase `z` uses it. */
export function base58btc(data) {
  const digits = []; // little-endian base-58 digits
  for (const byte of data) {
    let carry = byte;
    for (let j = 0; j < digits.length; j++) {
      carry += digits[j] << 8;
      digits[j] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  let zeros = 0;
  while (zeros < data.length && data[zeros] === 0) zeros++;
  return "1".repeat(zeros) + digits.reverse().map((d) => BASE58[d]).join("");
}

const sha256 = (text) => createHash("sha256").update(text, "utf8").digest();

/** A fresh Ed25519 key as a did:key, and a function that signs with it. */
export function newSigner() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x, "base64url");
  const multibase = "z" + base58btc(Buffer.concat([Buffer.from([0xed, 0x01]), raw]));
  const verificationMethod = `did:key:${multibase}#${multibase}`;
  function sign(unsigned, proofTemplate, { keepIssuer = false } = {}) {
    const document = !keepIssuer && unsigned.issuer !== null && typeof unsigned.issuer === "object"
      ? { ...unsigned, issuer: { ...unsigned.issuer, id: `did:key:${multibase}` } }
      : unsigned;
    const proofConfig = { ...proofTemplate, verificationMethod };
    delete proofConfig.proofValue;
    const hashData = Buffer.concat([sha256(canonicalize(proofConfig)), sha256(canonicalize(document))]);
    return { ...document, proof: { ...proofConfig, proofValue: "z" + base58btc(cryptoSign(null, hashData, privateKey)) } };
  }
  return { did: `did:key:${multibase}`, verificationMethod, sign };
}
