// Third-party verification of a deelcertificaat (an Open Badges 3.0 AchievementCredential, signed
// eddsa-rdfc-2022) issued by the app's Rust code: examples/badge.json, which tests/example_badge.rs
// makes afresh from examples/decision.json and compares byte for byte, with examples/badge.svg.
// Digital Bazaar's @digitalbazaar/vc with @digitalbazaar/eddsa-rdfc-2022-cryptosuite (contexts from
// the repository, did:key resolved locally) and the Digital Credentials Consortium's
// @digitalcredentials/verifier-core (its own bundled contexts and did:key) accept it offline, and
// each refuses every single-value change of it.
// Run: scripts/test verifier
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { OB_CONTEXT, didWebDocuments, expandStrictly, refusedFetches, servedUrls, verifierCoreAccepts, verifyCredential } from "./vc-verifier.mjs";
import { acceptedChanges, leafPaths } from "./single-changes.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const badge = JSON.parse(readFileSync(join(root, "examples/badge.json"), "utf8"));
const svg = readFileSync(join(root, "examples/badge.svg"), "utf8");

test("a deelcertificaat issued by the app's Rust code is an OpenBadgeCredential with eddsa-rdfc-2022", () => {
  assert.deepEqual(badge["@context"], ["https://www.w3.org/ns/credentials/v2", OB_CONTEXT[0]]);
  assert.deepEqual(badge.type, ["VerifiableCredential", "OpenBadgeCredential"]);
  assert.equal(badge.proof.cryptosuite, "eddsa-rdfc-2022");
  assert.deepEqual(badge.credentialSubject.type, ["AchievementSubject"]);
  assert.equal(badge.issuer.id, JSON.parse(readFileSync(join(root, "examples/decision.json"), "utf8")).issuer.id);
});

test("@digitalbazaar/vc (eddsa-rdfc-2022) and @digitalcredentials/verifier-core accept it offline", async () => {
  assert.deepEqual(await verifyCredential(badge, { rdfc: true }), { verified: true, error: null });
  assert.ok(await verifierCoreAccepts(badge), "verifier-core refused the badge");
  // Only the advisory JSON Schema was wanted from outside, and it was not fetched.
  assert.deepEqual([...refusedFetches].filter((url) => !url.includes("/schema/json/")), []);
});

test("JSON-LD expansion in safe mode keeps every term of the badge", async () => {
  await expandStrictly(badge);
  await assert.rejects(expandStrictly({ ...badge, undefinedTerm: "x" }), /safe mode|undefinedTerm|invalid property/i);
});

test("the baked SVG holds the same credential", () => {
  assert.match(svg, /xmlns:openbadges="https:\/\/purl\.imsglobal\.org\/ob\/v3p0"/);
  const match = svg.match(/<openbadges:credential><!\[CDATA\[([\s\S]*?)\]\]><\/openbadges:credential>/);
  assert.ok(match, "no baked credential");
  assert.deepEqual(JSON.parse(match[1]), badge);
});

test("every single-value change of the badge is refused by @digitalbazaar/vc and by verifier-core", async () => {
  const paths = leafPaths(badge);
  assert.ok(paths.length > 60, `only ${paths.length} leaves`);
  const accepted = await acceptedChanges(badge, paths, {
    "@digitalbazaar/vc": async (d) => (await verifyCredential(d, { rdfc: true })).verified,
    "verifier-core": (d) => verifierCoreAccepts(d),
  });
  assert.deepEqual(accepted, { "@digitalbazaar/vc": [], "verifier-core": [] }, "single-value changes accepted");
});

// The same badge issued under the hogeschool's did:web (examples/badge-did-web.json) and the
// did.json the app shows to publish for it (examples/did.json), both made by tests/example_badge.rs.
const didWebBadge = JSON.parse(readFileSync(join(root, "examples/badge-did-web.json"), "utf8"));
const didJson = JSON.parse(readFileSync(join(root, "examples/did.json"), "utf8"));

test("a did:web deelcertificaat verifies with @digitalbazaar/vc against the published did.json, served offline", async (t) => {
  t.after(() => didWebDocuments.clear());
  assert.equal(didWebBadge.issuer.id, "did:web:hogeschool.example:opbouwwerk");
  assert.equal(didJson.id, didWebBadge.issuer.id);
  assert.deepEqual(didJson.assertionMethod, [didWebBadge.proof.verificationMethod]);
  // Unresolved, it cannot verify: the key is never taken from the method's fragment.
  assert.equal((await verifyCredential(didWebBadge, { rdfc: true })).verified, false);
  didWebDocuments.set(didJson.id, didJson);
  assert.deepEqual(await verifyCredential(didWebBadge, { rdfc: true }), { verified: true, error: null });
  await expandStrictly(didWebBadge);
  // One value changed: refused.
  const changed = structuredClone(didWebBadge);
  changed.issuer.name = "Hogeschool Zuiderlicht";
  assert.equal((await verifyCredential(changed, { rdfc: true })).verified, false);
  // A did.json that lists another key under the badge's method: refused.
  // (the assessor's key of examples/record.json, a valid Ed25519 key but not the examinator's)
  const other = structuredClone(didJson);
  other.verificationMethod[0].publicKeyMultibase = JSON.parse(readFileSync(join(root, "examples/record.json"), "utf8"))
    .proof.verificationMethod.split("#")[1];
  assert.notEqual(other.verificationMethod[0].publicKeyMultibase, didJson.verificationMethod[0].publicKeyMultibase);
  didWebDocuments.set(didJson.id, other);
  assert.equal((await verifyCredential(didWebBadge, { rdfc: true })).verified, false);
});

test("verifier-core resolves the did:web from https://hogeschool.example/opbouwwerk/did.json (served here) and accepts the badge", async (t) => {
  t.after(() => servedUrls.clear());
  assert.equal(await verifierCoreAccepts(didWebBadge), false, "accepted without its did.json");
  servedUrls.set("https://hogeschool.example/opbouwwerk/did.json", didJson);
  assert.ok(await verifierCoreAccepts(didWebBadge), "verifier-core refused the did:web badge");
  const changed = structuredClone(didWebBadge);
  changed.credentialSubject.identifier[0].identityHash = "9999999";
  assert.equal(await verifierCoreAccepts(changed), false);
});
