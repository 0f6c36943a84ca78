// Third-party verification of a docent's signed list of trusted assessors made by the app's Rust
// code (examples/trusted-assessors.json, which tests/example_trusted.rs makes afresh and compares
// byte for byte): Digital Bazaar's VC verifier accepts it, the JSON-LD processor expands it in safe
// mode with every term defined, and every single-value change is refused by that verifier and by
// the independent one. Offline: contexts from the repository, did:key from the key.
// Run: scripts/test verifier
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTEXTS, expandStrictly, verifyCredential } from "./vc-verifier.mjs";
import { parseJsonStrict, verifyDataIntegrityProof } from "./independent-verify.mjs";
import { acceptedChanges, leafPaths, showPath as show } from "./single-changes.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const list = parseJsonStrict(readFileSync(join(root, "examples/trusted-assessors.json"), "utf8"));
const record = parseJsonStrict(readFileSync(join(root, "examples/record.json"), "utf8"));
const OWN_VOCABULARY = "https://leeruitkomsten.example/ns/v1#";

test("the app's signed list of trusted assessors is a Verifiable Credential that @digitalbazaar/vc verifies, offline", async () => {
  assert.deepEqual(list["@context"], [...CONTEXTS.keys()]);
  assert.deepEqual(list.type, ["VerifiableCredential", "LeeruitkomstenTrustedAssessors"]);
  assert.deepEqual(await verifyCredential(list), { verified: true, error: null });
  assert.deepEqual(await verifyDataIntegrityProof(list), { verified: true, did: list.issuer.id });
  // It lists the key that signed the example record, by the name the docent knows them by.
  const [entry] = list.credentialSubject.trustedAssessors;
  assert.equal(entry.id, record.issuer.id);
  assert.equal(entry.name, "Jan Jansen");
});

test("JSON-LD expansion in safe mode keeps every term of the list", async () => {
  const expanded = await expandStrictly(list);
  const text = JSON.stringify(expanded);
  for (const term of ["trustedAssessors", "organisation"]) {
    assert.ok(text.includes(`${OWN_VOCABULARY}${term}`), `${term} expands`);
  }
  // The assessor's did:key is a node identifier, their name schema.org's.
  assert.ok(text.includes(`"@id":"${record.issuer.id}"`), text);
  assert.ok(text.includes(`"https://schema.org/name":[{"@value":"Jan Jansen"}]`), text);
  // An undefined member is refused, so the check above has teeth.
  const extra = structuredClone(list);
  extra.credentialSubject.trustedAssessors[0].email = "jan@example.org";
  await assert.rejects(expandStrictly(extra), /safe mode|invalid property/i);
});

test("every single-value change of the list is refused by @digitalbazaar/vc and by the independent verifier", async () => {
  const paths = leafPaths(list);
  for (const path of paths) {
    assert.equal(typeof path.reduce((v, key) => v[key], list), "string", `a list holds only strings, not at ${show(path)}`);
  }
  assert.ok(paths.length >= 17, `only ${paths.length} leaves`);
  const accepted = await acceptedChanges(list, paths, {
    "@digitalbazaar/vc": async (d) => (await verifyCredential(d)).verified,
    "the independent verifier": async (d) => (await verifyDataIntegrityProof(d)).verified,
  });
  assert.deepEqual(accepted, { "@digitalbazaar/vc": [], "the independent verifier": [] }, "single-value changes accepted");
});
