// Third-party verification of a record made by the app's Rust code (examples/record.json, which
// tests/example_record.rs makes afresh and compares byte for byte): Digital Bazaar's VC verifier
// accepts it, the JSON-LD processor expands it in safe mode with every term defined, and every
// single-value change of it is refused by that verifier and by the independent one
// (independent-verify.mjs). Offline: contexts come from the repository, did:key from the key.
// Run: scripts/test verifier
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTEXTS, KNOWN_VOCABULARIES, expandStrictly, expandedProperties, requested, verifyCredential } from "./vc-verifier.mjs";
import { parseJsonStrict, verifyDataIntegrityProof } from "./independent-verify.mjs";
import { acceptedChanges, leafPaths } from "./single-changes.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const record = parseJsonStrict(readFileSync(join(root, "examples/record.json"), "utf8"));
const OWN_VOCABULARY = "https://leeruitkomsten.example/ns/v1#";

test("a record made by the app's Rust code is a Verifiable Credential that @digitalbazaar/vc verifies, offline", async () => {
  assert.equal(record.schemaVersion, "4");
  assert.deepEqual(record["@context"], [...CONTEXTS.keys()]);
  const result = await verifyCredential(record);
  assert.deepEqual(result, { verified: true, error: null });
  // The issuer's did:key was resolved (to check that it controls the proof's key), and nothing but
  // it and the repository's contexts was asked for.
  const did = record.issuer.id;
  const allowed = [...CONTEXTS.keys(), did, `${did}#${did.slice("did:key:".length)}`];
  assert.ok(requested.has(did), `${did} was not resolved`);
  assert.deepEqual([...requested].filter((url) => !allowed.includes(url)), []);
});

test("the independent eddsa-jcs-2022 verifier accepts it too", async () => {
  assert.deepEqual(await verifyDataIntegrityProof(record), { verified: true, did: record.issuer.id });
});

test("JSON-LD expansion in safe mode keeps every term: each member name is defined by VC 2.0 or the app's context", async () => {
  const expanded = await expandStrictly(record);
  assert.equal(expanded.length, 1);
  // Every property of the expanded graph is an absolute IRI of a known vocabulary, so no member
  // fell back to a default vocabulary or was dropped as undefined.
  const properties = expandedProperties(expanded);
  const unknown = [...properties].filter((p) => !KNOWN_VOCABULARIES.some((prefix) => p.startsWith(prefix)));
  assert.deepEqual(unknown, []);
  // Every member name of the record (but the JSON-LD keywords, `id`, `type`, and the ids that key
  // the aggregates, which the context maps as indexes) appears expanded.
  // A member whose value is null states that there is none, which JSON-LD expresses by leaving
  // the property out; such members (here normLevel, null for a framework without norms) are
  // defined all the same, as the expansion of a record where they have a value shows below.
  const names = new Set();
  const collect = (value, parentKey) => {
    if (Array.isArray(value)) return value.forEach((v) => collect(v, parentKey));
    if (value === null || typeof value !== "object") return;
    const indexMap = parentKey === "learningOutcomes" || parentKey === "coreTasks";
    for (const [key, child] of Object.entries(value)) {
      const aggregateId = indexMap && child !== null && typeof child === "object" && !Array.isArray(child) && "high" in child;
      if (!aggregateId && child !== null && !key.startsWith("@") && key !== "type") names.add(key);
      collect(child, key);
    }
  };
  collect(record);
  const expandedNames = new Set([...properties].map((p) => p.slice(p.lastIndexOf(p.includes("#") ? "#" : "/") + 1)));
  const missing = [...names].filter((n) => !expandedNames.has(n) && n !== "id");
  // Names the context maps to another IRI than their own: the aggregates' maps and the ids inside
  // the assessment (which are not node identifiers but the framework's ids), and VC 2.0's own
  // renamings (created -> dc:created, proofValue and friends -> security vocabulary names).
  const mappedElsewhere = ["learningOutcomes", "coreTasks", "validFrom", "issuer", "credentialSubject", "proof"];
  assert.deepEqual(missing.filter((n) => !mappedElsewhere.includes(n)), []);
  // The members that are null here expand when they have a value.
  const assessment = { ...record.credentialSubject.assessment, normLevel: "C", assessmentDate: "2026-04-30" };
  const filled = await expandStrictly({ ...record, credentialSubject: { ...record.credentialSubject, assessment } });
  const text = JSON.stringify(filled);
  assert.ok(text.includes(`${OWN_VOCABULARY}normLevel`) && text.includes(`${OWN_VOCABULARY}assessmentDate`));
  // And a term the contexts do not define is refused, so the check above has teeth.
  await assert.rejects(expandStrictly({ ...record, undefinedTerm: "x" }), /safe mode|undefinedTerm|invalid property/i);
  await assert.rejects(
    expandStrictly({ ...record, credentialSubject: { ...record.credentialSubject, assessment: { ...record.credentialSubject.assessment, extra: 1 } } }),
    /safe mode|invalid property/i,
  );
});

test("every single-value change of the record is refused by @digitalbazaar/vc and by the independent verifier", async () => {
  const paths = leafPaths(record);
  // 42 indicators of six leaves, six learning outcomes, nine aggregates of ten, the envelope, the proof.
  assert.ok(paths.length > 380, `only ${paths.length} leaves`);
  const accepted = await acceptedChanges(record, paths, {
    "@digitalbazaar/vc": async (d) => (await verifyCredential(d)).verified,
    "the independent verifier": async (d) => (await verifyDataIntegrityProof(d)).verified,
  });
  assert.deepEqual(accepted, { "@digitalbazaar/vc": [], "the independent verifier": [] }, "single-value changes accepted");
  return `${paths.length} changed leaves refused by both`;
});
