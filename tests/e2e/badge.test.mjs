// Page-level test of the deelcertificaten: an examinator verifies a record, decides, signs, then
// issues the Open Badges 3.0 credentials of the outcomes behaald and downloads one as JSON and as
// baked SVG. The JSON verifies with Digital Bazaar's verifyCredential (eddsa-rdfc-2022) and with
// DCC's verifier-core, both refuse it with one value changed, the SVG holds the same credential,
// and the verify view accepts both and refuses a changed one. axe finds no violation on the
// issuing state or on the badge verdict.
// Run: scripts/test page badge
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { download, expectNoAxeViolations, startApp } from "./harness.mjs";
import { signDecision } from "./decision-steps.mjs";
import { verifierCoreAccepts, verifyCredential } from "./vc-verifier.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const RECORD = readFileSync(join(root, "examples/record.json"));
const record = JSON.parse(RECORD.toString("utf8"));

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const file = (name, text, mimeType = "application/json") => ({ name, mimeType, buffer: Buffer.from(text) });

/** The credential baked into an SVG, read without the app. */
function unbake(svg) {
  assert.match(svg, /xmlns:openbadges="https:\/\/purl\.imsglobal\.org\/ob\/v3p0"/);
  const match = svg.match(/<openbadges:credential><!\[CDATA\[([\s\S]*?)\]\]><\/openbadges:credential>/);
  assert.ok(match, "no baked credential");
  return JSON.parse(match[1]);
}

test("an examinator issues the deelcertificaten of a signed decision; JSON and SVG verify, in the page and outside", (t) => app.withPage(t, async (page) => {
  const decision = await signDecision(page, RECORD);

  // Issuing asks for the hogeschool first, then offers a badge per outcome behaald.
  const panel = page.locator("section.badges-panel");
  await panel.getByRole("button", { name: "Deelcertificaten uitgeven", exact: true }).click();
  assert.match(await panel.getByRole("alert").innerText(), /naam van de hogeschool/);
  await panel.getByLabel("Naam van de hogeschool (uitgever)").fill("Hogeschool <Noord> & Zuid");
  await panel.getByRole("button", { name: "Deelcertificaten uitgeven", exact: true }).click();
  await panel.getByRole("heading", { name: "Uitgegeven deelcertificaten" }).waitFor();
  assert.equal(await panel.locator("li.badge-item").count(), 5);
  assert.match(await panel.getByRole("status").innerText(), new RegExp(`5 deelcertificaten klaar voor ${record.credentialSubject.name}`));
  await expectNoAxeViolations(page, "the issued deelcertificaten");

  const json = await download(page, () => panel.getByRole("button", { name: "JSON downloaden LU1" }).click());
  const svg = await download(page, () => panel.getByRole("button", { name: "Afbeelding (.svg) downloaden LU1" }).click());
  assert.equal(json.name, `deelcertificaat-${record.credentialSubject.studentNumber}-lu1.json`);
  assert.equal(svg.name, `deelcertificaat-${record.credentialSubject.studentNumber}-lu1.svg`);
  const badge = JSON.parse(json.text);
  assert.deepEqual(badge.type, ["VerifiableCredential", "OpenBadgeCredential"]);
  assert.equal(badge.issuer.name, "Hogeschool <Noord> & Zuid");
  assert.deepEqual(await verifyCredential(badge, { rdfc: true }), { verified: true, error: null });
  assert.ok(await verifierCoreAccepts(badge), "verifier-core refused the badge issued in the page");
  // One value changed (the achievement's CASE item): both outside verifiers refuse it.
  const tampered = structuredClone(badge);
  assert.match(tampered.credentialSubject.achievement.alignment[0].targetUrl, /^urn:uuid:/);
  tampered.credentialSubject.achievement.alignment[0].targetUrl = "urn:uuid:00000000-0000-4000-8000-000000000000";
  assert.equal((await verifyCredential(tampered, { rdfc: true })).verified, false);
  assert.equal(await verifierCoreAccepts(tampered), false);
  assert.deepEqual(unbake(svg.text), badge);
  assert.match(svg.text, />Hogeschool &lt;Noord&gt; &amp;<\/text>/);

  // The verify view accepts both files and refuses a changed one.
  await page.getByRole("button", { name: "Klaar", exact: true }).click();
  const check = page.locator("section.badge-check");
  await check.waitFor();
  for (const [name, text, mime] of [[json.name, json.text, "application/json"], [svg.name, svg.text, "image/svg+xml"]]) {
    await page.setInputFiles("#badge-file", [file(name, text, mime)]);
    await check.locator(".badge-verdict", { hasText: name }).waitFor();
    const verdict = await check.locator(".badge-verdict").innerText();
    assert.match(verdict, /Geldig deelcertificaat/);
    assert.match(verdict, /LU1 /);
    assert.match(verdict, new RegExp(`${record.credentialSubject.name} \\(${record.credentialSubject.studentNumber}\\)`));
    assert.match(verdict, /Hogeschool <Noord> & Zuid \(did:key:z6Mk/);
  }
  await expectNoAxeViolations(page, "a valid deelcertificaat in the verify view");
  const changed = json.text.replace(record.credentialSubject.studentNumber, "9999999");
  await page.setInputFiles("#badge-file", [file("veranderd.json", changed)]);
  await check.locator(".badge-verdict", { hasText: "veranderd.json" }).waitFor();
  assert.match(await check.locator(".badge-verdict").innerText(), /Geen geldig deelcertificaat[\s\S]*De handtekening klopt niet/);

  // Later, from the decision file: the same badges, issued anew.
  await page.setInputFiles("#badge-decision-file", [file(decision.name, decision.text)]);
  const later = page.locator("section.badges-panel");
  await later.getByLabel("Naam van de hogeschool (uitgever)").fill("Hogeschool Noord");
  await later.getByRole("button", { name: "Deelcertificaten uitgeven", exact: true }).click();
  await later.getByRole("heading", { name: "Uitgegeven deelcertificaten" }).waitFor();
  assert.equal(await later.locator("li.badge-item").count(), 5);
  const again = JSON.parse((await download(page, () => later.getByRole("button", { name: "JSON downloaden LU1" }).click())).text);
  assert.notEqual(again.id, badge.id);
  assert.deepEqual(await verifyCredential(again, { rdfc: true }), { verified: true, error: null });
  await expectNoAxeViolations(page, "badges from a decision file in the verify view");
  return `badge ${json.name} and ${svg.name} verified; issued again from ${decision.name}`;
}));
