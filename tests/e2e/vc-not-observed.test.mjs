// Third-party verification of a record with indicators marked niet waargenomen
// (examples/record-not-observed.json, which tests/example_record.rs makes afresh): Digital Bazaar's
// VC verifier accepts it, the JSON-LD processor expands the status and the notObserved counts in
// safe mode, and a not-observed indicator changed to a score (or a count changed) is refused.
// Run: scripts/test verifier
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expandStrictly, verifyCredential } from "./vc-verifier.mjs";
import { parseJsonStrict, verifyDataIntegrityProof } from "./independent-verify.mjs";
import { acceptedChanges, leafPaths } from "./single-changes.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const record = parseJsonStrict(readFileSync(join(root, "examples/record-not-observed.json"), "utf8"));
const OWN_VOCABULARY = "https://leeruitkomsten.example/ns/v1#";
const assessment = record.credentialSubject.assessment;
const notObserved = assessment.indicators.findIndex((i) => i.status === "notObserved");

test("a record with indicators not observed is a credential @digitalbazaar/vc and the independent verifier accept", async () => {
  assert.equal(record.schemaVersion, "4");
  assert.ok(notObserved >= 0, "the example holds an indicator not observed");
  assert.equal(assessment.indicators[notObserved].score, null);
  assert.ok(assessment.aggregates.overall.notObserved > 0);
  assert.deepEqual(await verifyCredential(record), { verified: true, error: null });
  assert.deepEqual(await verifyDataIntegrityProof(record), { verified: true, did: record.issuer.id });
});

test("JSON-LD expansion in safe mode keeps the notObserved count and status", async () => {
  const expanded = JSON.stringify(await expandStrictly(record));
  assert.ok(expanded.includes(`${OWN_VOCABULARY}notObserved`), "the aggregates' count expands to the app's term");
  assert.ok(expanded.includes('"@value":"notObserved"'), "the status is kept as its value");
});

test("a not-observed indicator made a score, or a count changed, is refused", async () => {
  const scored = structuredClone(record);
  Object.assign(scored.credentialSubject.assessment.indicators[notObserved], { status: "scored", score: { symbol: "++", value: 3 } });
  assert.equal((await verifyCredential(scored)).verified, false);
  assert.equal((await verifyDataIntegrityProof(scored)).verified, false);
  const back = structuredClone(record);
  const firstScored = back.credentialSubject.assessment.indicators.findIndex((i) => i.status === "scored");
  Object.assign(back.credentialSubject.assessment.indicators[firstScored], { status: "notObserved", score: null });
  assert.equal((await verifyCredential(back)).verified, false);
  const paths = leafPaths(record).filter((path) => path.includes("notObserved") || path.join(".").endsWith(`${notObserved}.status`));
  assert.ok(paths.length > 3, `only ${paths.length} leaves`);
  const accepted = await acceptedChanges(record, paths, {
    "@digitalbazaar/vc": async (d) => (await verifyCredential(d)).verified,
  });
  assert.deepEqual(accepted, { "@digitalbazaar/vc": [] }, "single-value changes accepted");
});
