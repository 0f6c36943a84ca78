// Third-party verification of an invitation made by the app's Rust code (examples/invitation.json,
// which tests/example_invitation.rs makes afresh and compares byte for byte): Digital Bazaar's VC
// verifier accepts it while it is valid and refuses it once it has expired, the JSON-LD processor
// expands it in safe mode with every term defined, and every single-value change of it is refused.
// Offline: contexts come from the repository, did:key from the key.
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
const text = readFileSync(join(root, "examples/invitation.json"), "utf8");
const invitation = parseJsonStrict(text);
/** A moment between validFrom and validUntil of the example. */
const DURING = "2026-04-10T12:00:00Z";

test("an invitation made by the app's Rust code is a Verifiable Credential that @digitalbazaar/vc verifies while valid", async () => {
  assert.deepEqual(invitation.type, ["VerifiableCredential", "LeeruitkomstenInvitation"]);
  assert.deepEqual(invitation["@context"], [...CONTEXTS.keys()]);
  assert.equal(invitation.issuer.id, invitation.proof.verificationMethod.split("#")[0]);
  assert.deepEqual(await verifyCredential(invitation, { now: DURING }), { verified: true, error: null });
  assert.deepEqual(await verifyDataIntegrityProof(invitation), { verified: true, did: invitation.issuer.id });
});

test("it is refused before validFrom and after validUntil", async () => {
  // @digitalbazaar/vc allows five minutes of clock skew either way (the app allows none).
  const expired = await verifyCredential(invitation, { now: "2026-04-30T22:10:00Z" });
  assert.equal(expired.verified, false);
  assert.match(expired.error, /expired|validUntil/i);
  const early = await verifyCredential(invitation, { now: "2026-04-01T08:05:00Z" });
  assert.equal(early.verified, false);
  assert.match(early.error, /not yet valid|validFrom/i);
});

test("JSON-LD expansion in safe mode keeps every member of the invitation", async () => {
  const expanded = await expandStrictly(invitation);
  const json = JSON.stringify(expanded);
  for (const term of ["studentNumber", "assessment", "framework", "sha256", "mode", "assessor", "dueDate"]) {
    assert.ok(json.includes(`https://leeruitkomsten.example/ns/v1#${term}`), term);
  }
  assert.ok(json.includes("https://schema.org/email"), "email");
  // The optional host origin expands too, and an undefined term is refused.
  const withOrigin = structuredClone(invitation);
  withOrigin.credentialSubject.assessment.hostOrigin = "https://elo.example";
  assert.ok(JSON.stringify(await expandStrictly(withOrigin)).includes("ns/v1#hostOrigin"));
  const extra = structuredClone(invitation);
  extra.credentialSubject.assessment.extra = 1;
  await assert.rejects(expandStrictly(extra), /safe mode|invalid property/i);
});

test("a record of version 4 that names the invitation expands with it", async () => {
  const record = parseJsonStrict(readFileSync(join(root, "examples/record.json"), "utf8"));
  record.credentialSubject.invitation = { id: invitation.id, digestMultibase: `uEiA${"A".repeat(43)}` };
  const json = JSON.stringify(await expandStrictly(record));
  assert.ok(json.includes("https://leeruitkomsten.example/ns/v1#invitation"));
  assert.ok(json.includes("https://w3id.org/security#digestMultibase"));
});

test("every single-value change of the invitation is refused by @digitalbazaar/vc and by the independent verifier", async () => {
  const paths = leafPaths(invitation);
  for (const path of paths) {
    assert.equal(typeof path.reduce((v, key) => v[key], invitation), "string", `an invitation holds only strings, not at ${show(path)}`);
  }
  assert.ok(paths.length >= 25, `only ${paths.length} leaves`);
  const accepted = await acceptedChanges(invitation, paths, {
    "@digitalbazaar/vc": async (d) => (await verifyCredential(d, { now: DURING })).verified,
    "the independent verifier": async (d) => (await verifyDataIntegrityProof(d)).verified,
  });
  assert.deepEqual(accepted, { "@digitalbazaar/vc": [], "the independent verifier": [] }, "single-value changes accepted");
});
