// An independent verifier for W3C Data Integrity proofs with the cryptosuite `eddsa-jcs-2022`
// (W3C "Data Integrity EdDSA Cryptosuites v1.0", section 3.3.2 "Verify Proof (eddsa-jcs-2022)"),
// written from the specification alone so that it can cross-check the project's Rust code.
//
// Only `did:key` Ed25519 verification methods (Multikey, multicodec 0xed 0x01) are resolved.
//
// Library use:  import { verifyDataIntegrityProof } from "./independent-verify.mjs";
//               const { verified, reason, did } = await verifyDataIntegrityProof(parsedJson);
// Script use:   node tests/e2e/independent-verify.mjs FILE...
//               prints `VERIFIED <file> <did>` or `FAILED <file>: <reason>` per file, exits 1 if any fails.
//
// Needs the npm package `canonicalize` (RFC 8785 JCS) on NODE_PATH, for example
// NODE_PATH=$HOME/.cache/leeruitkomsten/node/node_modules.

import { createHash, createPublicKey, verify as cryptoVerify } from "node:crypto";
import { readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
// canonicalize 2.x is CommonJS (a function); later majors are ES modules with a default export.
let canonicalizeModule;
try {
  canonicalizeModule = require("canonicalize");
} catch (error) {
  throw new Error(
    "the npm package `canonicalize` was not found: install it and put its node_modules on NODE_PATH " +
      `(for example NODE_PATH=$HOME/.cache/leeruitkomsten/node/node_modules): ${error.message}`,
  );
}
const canonicalize =
  typeof canonicalizeModule === "function" ? canonicalizeModule : canonicalizeModule.default;

const PROOF_TYPE = "DataIntegrityProof";
const CRYPTOSUITE = "eddsa-jcs-2022";
const DID_KEY_PREFIX = "did:key:";
// Multicodec varint for ed25519-pub (0xed), as used by Multikey / did:key.
const ED25519_PUB_MULTICODEC = [0xed, 0x01];

class VerificationError extends Error {}

function fail(reason) {
  throw new VerificationError(reason);
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// base58btc (Bitcoin alphabet), as used by multibase prefix `z`.

const BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const BASE58_VALUES = new Map([...BASE58_ALPHABET].map((ch, i) => [ch, i]));

/** Decodes a base58btc string into bytes; throws on a character outside the alphabet. */
export function base58btcDecode(text) {
  // Each leading '1' stands for one leading zero byte.
  let zeros = 0;
  while (zeros < text.length && text[zeros] === "1") zeros++;
  // Little-endian base-256 digits of the big number written by the remaining characters.
  const bytes = [];
  for (let i = zeros; i < text.length; i++) {
    const digit = BASE58_VALUES.get(text[i]);
    if (digit === undefined) {
      throw new Error(`invalid base58btc character ${JSON.stringify(text[i])} at ${i}`);
    }
    let carry = digit;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j] * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  const out = new Uint8Array(zeros + bytes.length);
  for (let k = 0; k < bytes.length; k++) out[out.length - 1 - k] = bytes[k];
  return out;
}

/** Decodes a multibase base58btc value (`z...`). */
function multibaseBase58btcDecode(value, what) {
  if (typeof value !== "string" || value.length < 2 || value[0] !== "z") {
    fail(`${what} is not a multibase base58btc string (must start with 'z')`);
  }
  try {
    return base58btcDecode(value.slice(1));
  } catch (error) {
    fail(`${what}: ${error.message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Checks the spec asks for.

// XML Schema 1.1 dateTime lexical form (the `created` check of "Proof Configuration").
const XSD_DATETIME =
  /^(-?(?:[1-9]\d{3,}|0\d{3}))-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))?$/;

function isXsdDateTime(value) {
  if (typeof value !== "string") return false;
  const m = XSD_DATETIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || minute > 59 || second > 59) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day < 1 || day > daysInMonth) return false;
  // 24:00:00 is allowed only as an exact end of day.
  if (hour > 24 || (hour === 24 && (minute !== 0 || second !== 0 || /[1-9]/.test(m[7] ?? "")))) {
    return false;
  }
  if (m[9] !== undefined) {
    const tzHour = Number(m[9]);
    const tzMinute = Number(m[10]);
    if (tzMinute > 59 || tzHour > 14 || (tzHour === 14 && tzMinute !== 0)) return false;
  }
  return true;
}

/** RFC 8785 forbids strings (keys or values) that are not well-formed UTF-16 (lone surrogates). */
function assertWellFormedStrings(value, path) {
  const isWellFormed = (s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
  if (typeof value === "string") {
    if (!isWellFormed(value)) fail(`${path} contains a lone surrogate`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertWellFormedStrings(item, `${path}[${i}]`));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isWellFormed(key)) fail(`a key under ${path} contains a lone surrogate`);
      assertWellFormedStrings(item, `${path}.${key}`);
    }
  } else if (typeof value === "number" && !Number.isFinite(value)) {
    fail(`${path} is not a finite number`);
  }
}

function jcs(value, what) {
  assertWellFormedStrings(value, what);
  let text;
  try {
    text = canonicalize(value);
  } catch (error) {
    fail(`${what} cannot be canonicalized (RFC 8785): ${error.message}`);
  }
  if (typeof text !== "string") fail(`${what} cannot be canonicalized (RFC 8785)`);
  return Buffer.from(text, "utf8");
}

function sha256(bytes) {
  return createHash("sha256").update(bytes).digest();
}

function deepEqual(a, b) {
  // Both sides come from JSON, so comparing canonical forms compares the values.
  return canonicalize(a) === canonicalize(b);
}

function asContextList(context) {
  return Array.isArray(context) ? context : [context];
}

/**
 * Steps 1, 2, 4, 5, 6 and 7 of "Verify Proof (eddsa-jcs-2022)": returns the proof options
 * (the proof without `proofValue`) and the 64 bytes
 * SHA-256(JCS(proofConfig)) || SHA-256(JCS(unsecuredDocument)).
 */
function prepare(securedDocument) {
  if (!isPlainObject(securedDocument)) fail("the document is not a JSON object");
  if (!Object.prototype.hasOwnProperty.call(securedDocument, "proof")) fail("the document has no proof");
  const proof = securedDocument.proof;
  if (Array.isArray(proof)) fail("proof must be a single object, not an array (proof sets are not supported)");
  if (!isPlainObject(proof)) fail("proof is not an object");

  // Transformation / Proof Configuration: type and cryptosuite.
  if (proof.type !== PROOF_TYPE) fail(`proof.type is ${JSON.stringify(proof.type)}, expected "${PROOF_TYPE}"`);
  if (proof.cryptosuite !== CRYPTOSUITE) {
    fail(`proof.cryptosuite is ${JSON.stringify(proof.cryptosuite)}, expected "${CRYPTOSUITE}"`);
  }
  // Data Integrity "Verify Proof": type, verificationMethod and proofPurpose must exist.
  if (typeof proof.verificationMethod !== "string") fail("proof.verificationMethod is missing or not a string");
  if (typeof proof.proofPurpose !== "string") fail("proof.proofPurpose is missing or not a string");
  if (typeof proof.proofValue !== "string") fail("proof.proofValue is missing or not a string");
  // Proof Configuration: `created`, when present, must be an XML Schema dateTime.
  if (Object.prototype.hasOwnProperty.call(proof, "created") && !isXsdDateTime(proof.created)) {
    fail(`proof.created ${JSON.stringify(proof.created)} is not a valid XML Schema dateTime`);
  }

  // Step 1: the unsecured document is the secured one without `proof`.
  const unsecuredDocument = { ...securedDocument };
  delete unsecuredDocument.proof;
  // Step 2: the proof options are the proof without `proofValue`.
  const proofOptions = { ...proof };
  delete proofOptions.proofValue;

  // Step 4: when the proof states an @context, the document's @context must start with it, and
  // that is the @context that was signed. (A proof without @context, as in the 2024 vector, skips this.)
  if (Object.prototype.hasOwnProperty.call(proofOptions, "@context")) {
    if (!Object.prototype.hasOwnProperty.call(securedDocument, "@context")) {
      fail("proof.@context is present but the document has no @context");
    }
    const expected = asContextList(proofOptions["@context"]);
    const actual = asContextList(securedDocument["@context"]);
    const startsWith =
      expected.length <= actual.length && expected.every((entry, i) => deepEqual(entry, actual[i]));
    if (!startsWith) fail("the document's @context does not start with the values of proof.@context");
    unsecuredDocument["@context"] = proofOptions["@context"];
  }

  // Steps 5-7: transformation (JCS of the document), proof configuration (JCS of the options),
  // hashing (proof configuration hash first, then document hash).
  const transformedDocument = jcs(unsecuredDocument, "document");
  const canonicalProofConfig = jcs(proofOptions, "proof");
  const hashData = Buffer.concat([sha256(canonicalProofConfig), sha256(transformedDocument)]);
  return { proof, proofOptions, hashData };
}

/** did:key:z6Mk…#z6Mk… -> { did, publicKey (32 bytes) }. */
function resolveDidKey(verificationMethod) {
  if (!verificationMethod.startsWith(DID_KEY_PREFIX)) {
    fail(`verificationMethod ${JSON.stringify(verificationMethod)} is not a did:key URL`);
  }
  const hash = verificationMethod.indexOf("#");
  if (hash < 0 || verificationMethod.indexOf("#", hash + 1) >= 0) {
    fail("verificationMethod must be did:key:<multibase>#<multibase>");
  }
  const did = verificationMethod.slice(0, hash);
  const multibaseKey = did.slice(DID_KEY_PREFIX.length);
  const fragment = verificationMethod.slice(hash + 1);
  if (fragment !== multibaseKey) fail("the verificationMethod fragment does not equal the did:key's multibase key");
  const decoded = multibaseBase58btcDecode(multibaseKey, "the did:key value");
  if (decoded.length !== 2 + 32 || decoded[0] !== ED25519_PUB_MULTICODEC[0] || decoded[1] !== ED25519_PUB_MULTICODEC[1]) {
    fail("the did:key value is not an Ed25519 public key (multicodec 0xed 0x01 followed by 32 bytes)");
  }
  return { did, publicKey: decoded.subarray(2) };
}

function ed25519PublicKey(raw) {
  return createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") },
    format: "jwk",
  });
}

/** The 64-byte hash data the signature covers (exported for tests against the spec's vector). */
export function computeHashData(securedDocument) {
  return prepare(securedDocument).hashData;
}

/**
 * Verifies the `eddsa-jcs-2022` Data Integrity proof embedded in a parsed JSON document.
 * Returns { verified: true, did } or { verified: false, reason }.
 */
export async function verifyDataIntegrityProof(document) {
  try {
    const { proof, hashData } = prepare(document);
    const { did, publicKey } = resolveDidKey(proof.verificationMethod);
    // Step 3: the signature is the multibase base58btc-decoded proofValue.
    const signature = multibaseBase58btcDecode(proof.proofValue, "proof.proofValue");
    if (signature.length !== 64) fail(`proof.proofValue decodes to ${signature.length} bytes, expected 64`);
    let ok;
    try {
      ok = cryptoVerify(null, hashData, ed25519PublicKey(publicKey), signature);
    } catch (error) {
      fail(`Ed25519 verification could not run: ${error.message}`);
    }
    if (!ok) return { verified: false, reason: "the Ed25519 signature does not match", did };
    return { verified: true, did };
  } catch (error) {
    if (error instanceof VerificationError) return { verified: false, reason: error.message };
    return { verified: false, reason: `unexpected error: ${error.message}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Reading files: JSON text with duplicate object keys is refused, since JSON.parse would silently
// keep the last value while another reader might keep the first (RFC 8785 expects I-JSON).

function findDuplicateKey(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const string = () => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = (path) => {
    ws();
    if (text[i] === "{") {
      i++;
      const keys = new Set();
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        const key = string();
        if (keys.has(key)) throw new VerificationError(`duplicate key ${JSON.stringify(key)} in ${path}`);
        keys.add(key);
        ws();
        i++; // ':'
        value(`${path}.${key}`);
        ws();
        if (text[i++] === "}") return;
      }
    } else if (text[i] === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (let n = 0; ; n++) {
        value(`${path}[${n}]`);
        ws();
        if (text[i++] === "]") return;
      }
    } else if (text[i] === '"') {
      string();
    } else {
      while (i < text.length && !",]} \t\n\r".includes(text[i])) i++;
    }
  };
  try {
    value("$");
  } catch (error) {
    if (error instanceof VerificationError) return error.message;
    throw error;
  }
  return null;
}

/** Parses JSON text strictly (syntax by JSON.parse, plus no duplicate keys). */
export function parseJsonStrict(text) {
  const value = JSON.parse(text); // throws on a syntax error, so the scan below sees valid JSON
  const duplicate = findDuplicateKey(text);
  if (duplicate) throw new Error(duplicate);
  return value;
}

/** Reads, parses and verifies one file. */
export async function verifyFile(path) {
  let document;
  try {
    document = parseJsonStrict(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    return { verified: false, reason: `cannot read JSON: ${error.message}` };
  }
  return verifyDataIntegrityProof(document);
}

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node tests/e2e/independent-verify.mjs FILE...");
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const result = await verifyFile(file);
    if (result.verified) {
      console.log(`VERIFIED ${file} ${result.did}`);
    } else {
      failed++;
      console.log(`FAILED ${file}: ${result.reason}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

function isMainModule() {
  if (!process.argv[1]) return false;
  try {
    return pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isMainModule()) {
  process.exitCode = await main(process.argv.slice(2));
}
