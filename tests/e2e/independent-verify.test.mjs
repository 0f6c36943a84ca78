// Self-test of the independent eddsa-jcs-2022 verifier (tests/e2e/independent-verify.mjs).
// Run: NODE_PATH=$HOME/.cache/leeruitkomsten/node/node_modules node --test tests/e2e/independent-verify.test.mjs
// Optional: RECORD_FILE=path/to/exported-record.json also verifies that record (and a tampered copy).
// Runs on node:test, whose reporter ends with the counts; exits non-zero when a test fails.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  base58btcDecode,
  computeHashData,
  parseJsonStrict,
  verifyDataIntegrityProof,
  verifyFile,
} from "./independent-verify.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, "../..");
const vectorsDir = resolve(projectRoot, "../shared/vectors");

// Facts from W3C vc-di-eddsa (TestVectors/eddsa-jcs-2022, v1.1 of 2025-05-15): the signed
// credential, the signer's public key and the combined hash the signature covers.
const W3C_SIGNED = {
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
  id: "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
  type: ["VerifiableCredential", "AlumniCredential"],
  name: "Alumni Credential",
  description: "A minimum viable example of an Alumni Credential.",
  issuer: "https://vc.example/issuers/5678",
  validFrom: "2023-01-01T00:00:00Z",
  credentialSubject: {
    id: "did:example:abcdefgh",
    alumniOf: "The School of Examples",
  },
  proof: {
    type: "DataIntegrityProof",
    cryptosuite: "eddsa-jcs-2022",
    created: "2023-02-24T23:36:38Z",
    verificationMethod:
      "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
    proofPurpose: "assertionMethod",
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
    proofValue: "z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX",
  },
};
const W3C_DID = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
const W3C_COMBINED_HASH_HEX =
  "66ab154f5c2890a140cb8388a22a160454f80575f6eae09e5a097cabe539a1db" +
  "59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19";
const W3C_SIGNATURE_HEX =
  "407cd12654b33d718ecbb99179a1506daaa849450bf3fc523cce3e1c96f8b803" +
  "51da3f253d725c6f00b07c9e5448d50b3ef78012b9ab54255116d069c6dd2808";

// The older vector (commit c3b58d07, 2024-08): the same credential, a proof without @context.
const W3C_LEGACY_SIGNED = {
  ...structuredClone(W3C_SIGNED),
  proof: {
    type: "DataIntegrityProof",
    cryptosuite: "eddsa-jcs-2022",
    created: "2023-02-24T23:36:38Z",
    verificationMethod:
      "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
    proofPurpose: "assertionMethod",
    proofValue: "zboydVv31kj6jP37GMBZwYyjbvrqr9MWeY9NCEfYUwLcKwkdqAcB44dqEcqaMi8mfdvT2Vbnvdrv6XRaYzgpuPWn",
  },
};

async function assertVerified(document, expectedDid) {
  const result = await verifyDataIntegrityProof(document);
  assert.equal(result.verified, true, `expected verified, got: ${result.reason}`);
  if (expectedDid) assert.equal(result.did, expectedDid);
  return result;
}

async function assertRejected(document, reasonPattern) {
  const result = await verifyDataIntegrityProof(document);
  assert.equal(result.verified, false, "a tampered document verified");
  assert.equal(typeof result.reason, "string");
  if (reasonPattern) assert.match(result.reason, reasonPattern);
  return result;
}

/** A different base58btc character in place of the last one. */
function changeLastChar(value) {
  const last = value.at(-1);
  return value.slice(0, -1) + (last === "2" ? "3" : "2");
}

/** The tampering every signed document must resist; `subjectEdit` changes one signed value. */
function tamperChecks(label, signed, subjectEdit) {
  test(`${label}: a changed signed value fails`, async () => {
    const doc = structuredClone(signed);
    subjectEdit(doc);
    assert.notDeepEqual(doc, signed);
    await assertRejected(doc, /signature does not match/);
  });
  test(`${label}: an added top-level member fails`, async () => {
    await assertRejected({ ...structuredClone(signed), addedAfterSigning: true }, /signature does not match/);
  });
  test(`${label}: a changed proof.created fails`, async () => {
    const doc = structuredClone(signed);
    doc.proof.created = doc.proof.created.replace(/^\d{4}/, (y) => String(Number(y) + 1));
    await assertRejected(doc, /signature does not match/);
  });
  test(`${label}: a changed last character of proofValue fails`, async () => {
    const doc = structuredClone(signed);
    doc.proof.proofValue = changeLastChar(doc.proof.proofValue);
    await assertRejected(doc);
  });
  test(`${label}: a wrong cryptosuite fails`, async () => {
    const doc = structuredClone(signed);
    doc.proof.cryptosuite = "eddsa-rdfc-2022";
    await assertRejected(doc, /cryptosuite/);
  });
  test(`${label}: a wrong proof type fails`, async () => {
    const doc = structuredClone(signed);
    doc.proof.type = "Ed25519Signature2020";
    await assertRejected(doc, /proof\.type/);
  });
  test(`${label}: a proof array fails`, async () => {
    const doc = structuredClone(signed);
    doc.proof = [doc.proof];
    await assertRejected(doc, /single object/);
  });
  test(`${label}: a removed proof fails`, async () => {
    const doc = structuredClone(signed);
    delete doc.proof;
    await assertRejected(doc, /no proof/);
  });
  test(`${label}: another did:key fails`, async () => {
    // The RFC 8032 test 1 public key and the W3C vector's key, as did:key values; whichever differs.
    const doc = structuredClone(signed);
    const other = ["z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw", "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"].find(
      (key) => !doc.proof.verificationMethod.startsWith(`did:key:${key}#`),
    );
    doc.proof.verificationMethod = `did:key:${other}#${other}`;
    await assertRejected(doc, /signature does not match/);
  });
  test(`${label}: a fragment unlike the did:key fails`, async () => {
    const doc = structuredClone(signed);
    const [did] = doc.proof.verificationMethod.split("#");
    doc.proof.verificationMethod = `${did}#key-1`;
    await assertRejected(doc, /fragment/);
  });
}

// --- base58btc decoder ------------------------------------------------------------------------

test("base58btc decodes known values", () => {
  assert.deepEqual([...base58btcDecode("")], []);
  assert.deepEqual([...base58btcDecode("1")], [0]);
  assert.deepEqual([...base58btcDecode("11")], [0, 0]);
  assert.deepEqual([...base58btcDecode("2")], [1]);
  assert.deepEqual([...base58btcDecode("z")], [57]);
  assert.deepEqual([...base58btcDecode("21")], [58]);
  assert.deepEqual([...base58btcDecode("5Q")], [255]);
  assert.deepEqual([...base58btcDecode("1112")], [0, 0, 0, 1]);
  assert.equal(Buffer.from(base58btcDecode("StV1DL6CwTryKyV")).toString(), "hello world");
  assert.throws(() => base58btcDecode("0OIl"), /invalid base58btc character/);
});

test("the W3C signature decodes to the spec's bytes", () => {
  const bytes = base58btcDecode(W3C_SIGNED.proof.proofValue.slice(1));
  assert.equal(Buffer.from(bytes).toString("hex"), W3C_SIGNATURE_HEX);
});

// --- the W3C test vectors, stated here ----------------------------------------------------------

test("W3C vector: the hash data equals the spec's combined hash", () => {
  assert.equal(computeHashData(W3C_SIGNED).toString("hex"), W3C_COMBINED_HASH_HEX);
});
test("W3C vector: the signed credential verifies", () => assertVerified(W3C_SIGNED, W3C_DID));
test("W3C legacy vector (proof without @context) verifies", () =>
  assertVerified(W3C_LEGACY_SIGNED, W3C_DID),
);
test("W3C vector: a document @context that does not start with proof.@context fails", async () => {
  const doc = structuredClone(W3C_SIGNED);
  doc["@context"] = [doc["@context"][1], doc["@context"][0]];
  await assertRejected(doc, /@context/);
});
test("W3C vector: an invalid proof.created is refused", async () => {
  const doc = structuredClone(W3C_SIGNED);
  doc.proof.created = "2023-02-30T23:36:38Z";
  await assertRejected(doc, /dateTime/);
});
tamperChecks("W3C vector", W3C_SIGNED, (doc) => {
  doc.credentialSubject.alumniOf = "The School of Counterexamples";
});
tamperChecks("W3C legacy vector", W3C_LEGACY_SIGNED, (doc) => {
  doc.credentialSubject.id = "did:example:ijklmnop";
});

// --- strict JSON reading -------------------------------------------------------------------------

test("JSON with a duplicate key is refused", () => {
  assert.throws(() => parseJsonStrict('{"a":1,"b":{"c":[{"d":1,"d":2}]}}'), /duplicate key "d"/);
  assert.deepEqual(parseJsonStrict('{"a":"x\\"}","b":[{"a":1},{"a":2}]}'), { a: 'x"}', b: [{ a: 1 }, { a: 2 }] });
});

// --- the shared vector files, where this checkout has them -------------------------------------

const vectorFiles = [
  "eddsa-jcs-2022/signedJCS.json",
  "eddsa-jcs-2022/legacy-2024-08-c3b58d0/signedJCS.json",
];
if (existsSync(vectorsDir)) {
  for (const rel of vectorFiles) {
    test(`shared vector ${rel} verifies`, async () => {
      const result = await verifyFile(join(vectorsDir, rel));
      assert.equal(result.verified, true, result.reason);
      assert.equal(result.did, W3C_DID);
    });
  }
} else {
  for (const rel of vectorFiles) {
    test(`shared vector ${rel}`, { skip: `../shared/vectors is absent (looked at ${vectorsDir})` }, () => {});
  }
}

// --- an exported record of the app, when given ---------------------------------------------------

const recordFile = process.env.RECORD_FILE;
if (recordFile) {
  test(`RECORD_FILE ${recordFile} verifies`, async (t) => {
    const result = await verifyFile(recordFile);
    assert.equal(result.verified, true, result.reason);
    assert.match(result.did, /^did:key:z6Mk/);
    t.diagnostic(`signed by ${result.did}`);
  });
  const record = parseJsonStrict(readFileSync(recordFile, "utf8").replace(/^\uFEFF/, ""));
  tamperChecks("RECORD_FILE", record, (doc) => {
    // Change the first string found in the unsecured record, depth first.
    const visit = (node) => {
      for (const [key, value] of Object.entries(node)) {
        if (key === "proof" && node === doc) continue;
        if (typeof value === "string") {
          node[key] = `${value}x`;
          return true;
        }
        if (value !== null && typeof value === "object" && visit(value)) return true;
      }
      return false;
    };
    assert.ok(visit(doc), "the record has no string to change");
  });
} else {
  console.log("RECORD_FILE is not set: no exported record checked");
}
