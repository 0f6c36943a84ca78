// Third-party verification of an examinator's decision made by the app's Rust code
// (examples/decision.json, which tests/example_decision.rs makes afresh on examples/record.json and
// compares byte for byte): Digital Bazaar's VC verifier accepts it, the JSON-LD processor expands
// it in safe mode with every term defined, and every single-value change of it is refused by that
// verifier and by the independent one (independent-verify.mjs). Changes that keep a good proof
// (re-signed by the examinator) are our own check's: tests/example_decision.rs.
// Run: scripts/test verifier
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTEXTS, KNOWN_VOCABULARIES, expandStrictly, expandedProperties, verifyCredential } from "./vc-verifier.mjs";
import { parseJsonStrict, verifyDataIntegrityProof } from "./independent-verify.mjs";
import { acceptedChanges, leafPaths } from "./single-changes.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const read = (file) => parseJsonStrict(readFileSync(join(root, file), "utf8"));
const decision = read("examples/decision.json");

test("a decision made by the app's Rust code is a Verifiable Credential that @digitalbazaar/vc verifies, offline", async () => {
  assert.deepEqual(decision["@context"], [...CONTEXTS.keys()]);
  assert.deepEqual(decision.type, ["VerifiableCredential", "LeeruitkomstenDecision"]);
  assert.deepEqual(await verifyCredential(decision), { verified: true, error: null });
  assert.deepEqual(await verifyDataIntegrityProof(decision), { verified: true, did: decision.issuer.id });
});

test("it names the example record by its id and a digest, and covers every learning outcome once", () => {
  const record = read("examples/record.json");
  const named = decision.credentialSubject.decision.record;
  assert.equal(named.id, record.id);
  assert.match(named.digestMultibase, /^u[A-Za-z0-9_-]{46}$/);
  const outcomes = decision.credentialSubject.decision.learningOutcomes.map((o) => o.learningOutcome);
  assert.deepEqual(outcomes, Object.keys(record.credentialSubject.assessment.aggregates.learningOutcomes));
  assert.equal(decision.credentialSubject.studentNumber, record.credentialSubject.studentNumber);
});

test("JSON-LD expansion in safe mode keeps every term of the decision", async () => {
  const expanded = await expandStrictly(decision);
  const properties = expandedProperties(expanded);
  assert.deepEqual([...properties].filter((p) => !KNOWN_VOCABULARIES.some((prefix) => p.startsWith(prefix))), []);
  const text = JSON.stringify(expanded);
  for (const term of ["decision", "decisionDate", "advice", "decisionResult", "motivation", "digestMultibase"]) {
    assert.ok(text.includes(term), `${term} is not in the expanded decision`);
  }
  await assert.rejects(expandStrictly({ ...decision, undefinedTerm: "x" }), /safe mode|undefinedTerm|invalid property/i);
});

test("every single-value change of the decision is refused by @digitalbazaar/vc and by the independent verifier", async () => {
  const paths = leafPaths(decision);
  assert.ok(paths.length > 40, `only ${paths.length} leaves`);
  const accepted = await acceptedChanges(decision, paths, {
    "@digitalbazaar/vc": async (d) => (await verifyCredential(d)).verified,
    "the independent verifier": async (d) => (await verifyDataIntegrityProof(d)).verified,
  });
  assert.deepEqual(accepted, { "@digitalbazaar/vc": [], "the independent verifier": [] }, "single-value changes accepted");
});
