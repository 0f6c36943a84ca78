// Page-level test of the cohort's deelcertificaten: an examinator signs a decision, opens it with
// its record in the cohort view, gives the hogeschool's name and did:web, sees what will be issued,
// and issues the cohort into a folder. window.showDirectoryPicker is stubbed with a folder of the
// page's origin private file system (navigator.storage.getDirectory()), which the test reads back:
// each outcome behaald as .json and baked .svg and overzicht.csv. One badge verifies with Digital
// Bazaar's verifyCredential and DCC's verifier-core against the did.json the page shows to
// publish, and a changed copy does not. The name and did:web survive a reload; a browser without
// a folder picker is told each file will be a download and gets them so. axe on the panel.
// Run: scripts/test page cohort-badges
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { download, expectNoAxeViolations, reloadApp, startApp } from "./harness.mjs";
import { signDecision } from "./decision-steps.mjs";
import { didWebDocuments, servedUrls, verifierCoreAccepts, verifyCredential } from "./vc-verifier.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const RECORD = readFileSync(join(root, "examples/record.json"));
const record = JSON.parse(RECORD.toString("utf8"));
const number = record.credentialSubject.studentNumber;
const DID = "did:web:hogeschool.example:opbouwwerk";

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const file = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

/** The folder picker, answered with a folder of the origin private file system. */
function stubFolderPicker() {
  window.showDirectoryPicker = async (options) => {
    window.pickerOptions = options;
    const root = await navigator.storage.getDirectory();
    return root.getDirectoryHandle("deelcertificaten", { create: true });
  };
}

/** Every file in the stubbed folder: { name: text }. */
const folderFiles = (page) => page.evaluate(async () => {
  const root = await navigator.storage.getDirectory();
  const folder = await root.getDirectoryHandle("deelcertificaten");
  const files = {};
  for await (const [name, handle] of folder.entries()) files[name] = await (await handle.getFile()).text();
  return files;
});

async function openCohort(page, decision) {
  await page.getByRole("button", { name: "Cohortoverzicht", exact: true }).click();
  // The view takes files once it has listed the cohort this browser kept (its input is disabled
  // until then, and files set on it meanwhile would be ignored, as a user could not choose them).
  await page.waitForFunction(() => document.querySelector("#cohort-files")?.disabled === false);
  await page.setInputFiles("#cohort-files", [file("record.json", RECORD), file(decision.name, decision.text)]);
  await page.locator(".cohort-status", { hasText: "1 record meegenomen" }).waitFor();
  const panel = page.locator("section.cohort-badges");
  await panel.waitFor();
  return panel;
}

test("an examinator issues the cohort's deelcertificaten into a folder; a badge verifies outside against the did.json shown", (t) => app.withPage(t, async (page) => {
  await page.addInitScript(stubFolderPicker);
  await reloadApp(page);
  const decision = await signDecision(page, RECORD);
  const panel = await openCohort(page, decision);

  // What will be issued, before anything is: 5 outcomes behaald for the one student.
  assert.match(await panel.locator(".cohort-badges-plan").innerText(), /Wordt uitgegeven: 5 deelcertificaten voor 1 student/);
  assert.match(await panel.locator(".cohort-badges-students").innerText(), new RegExp(`\\(${number}\\): LU1, LU2, LU3, LU4, LU5`));
  assert.equal(await panel.locator(".cohort-badges-no-folder").count(), 0, "this browser can write a folder");

  // The did:web is checked as typed; a valid one shows the did.json to publish and where.
  await panel.getByLabel("Naam van de hogeschool (uitgever)").fill("Hogeschool Noorderlicht");
  const didField = panel.getByLabel("did:web van de hogeschool (niet verplicht)");
  await didField.fill("did:web:hogeschool.example/opbouwwerk");
  assert.match(await panel.locator(".field-error").innerText(), /geen geldige did:web/);
  assert.equal(await didField.getAttribute("aria-invalid"), "true");
  await didField.fill(DID);
  assert.equal(await panel.locator(".field-error").count(), 0);
  assert.match(await panel.locator(".did-json-where").innerText(), /https:\/\/hogeschool\.example\/opbouwwerk\/did\.json/);
  const didJson = JSON.parse(await panel.getByLabel("Inhoud van did.json").inputValue());
  assert.equal(didJson.id, DID);
  const downloaded = await download(page, () => panel.getByRole("button", { name: "did.json downloaden" }).click());
  assert.equal(downloaded.name, "did.json");
  assert.deepEqual(JSON.parse(downloaded.text), didJson);
  await expectNoAxeViolations(page, "the cohort's deelcertificaten panel", "section.cohort-badges");

  await panel.getByRole("button", { name: "Deelcertificaten uitgeven voor het cohort" }).click();
  await panel.locator(".cohort-badges-status", { hasText: "Klaar: 11 bestanden" }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.pickerOptions.mode), "readwrite");
  const files = await folderFiles(page);
  const names = Object.keys(files).sort();
  const expected = ["lu1", "lu2", "lu3", "lu4", "lu5"].flatMap((lu) => [`deelcertificaat-${number}-${lu}.json`, `deelcertificaat-${number}-${lu}.svg`]);
  assert.deepEqual(names, [...expected, "overzicht.csv"].sort());
  const overview = files["overzicht.csv"].replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
  assert.equal(overview.length, 6);
  assert.match(overview[0], /^Studentnummer;Naam student;Leeruitkomst;/);
  assert.ok(overview[1].startsWith(`${number};${record.credentialSubject.name};LU1;`), overview[1]);

  const badge = JSON.parse(files[`deelcertificaat-${number}-lu1.json`]);
  assert.equal(badge.issuer.id, DID);
  assert.equal(badge.issuer.name, "Hogeschool Noorderlicht");
  const svg = files[`deelcertificaat-${number}-lu1.svg`];
  const baked = svg.match(/<openbadges:credential><!\[CDATA\[([\s\S]*?)\]\]><\/openbadges:credential>/);
  assert.deepEqual(JSON.parse(baked[1]), badge);
  // Outside the app, with the did.json the page showed as the hogeschool's published one.
  didWebDocuments.set(DID, didJson);
  servedUrls.set("https://hogeschool.example/opbouwwerk/did.json", didJson);
  try {
    assert.deepEqual(await verifyCredential(badge, { rdfc: true }), { verified: true, error: null });
    assert.ok(await verifierCoreAccepts(badge), "verifier-core refused the badge from the folder");
    const changed = structuredClone(badge);
    changed.credentialSubject.identifier[0].identityHash = "9999999";
    assert.equal((await verifyCredential(changed, { rdfc: true })).verified, false);
    assert.equal(await verifierCoreAccepts(changed), false);
  } finally {
    didWebDocuments.clear();
    servedUrls.clear();
  }
  await expectNoAxeViolations(page, "the cohort's deelcertificaten written", "section.cohort-badges");

  // The name and did:web are kept across a reload.
  await reloadApp(page);
  const again = await openCohort(page, decision);
  assert.equal(await again.getByLabel("Naam van de hogeschool (uitgever)").inputValue(), "Hogeschool Noorderlicht");
  assert.equal(await again.getByLabel("did:web van de hogeschool (niet verplicht)").inputValue(), DID);
  return `${names.length} files written; ${names[0]} verified against the page's did.json`;
}));

test("without a folder picker the page says each file is a download, and downloads them", (t) => app.withPage(t, async (page) => {
  await page.addInitScript(() => { delete window.showDirectoryPicker; delete Window.prototype.showDirectoryPicker; });
  await reloadApp(page);
  const decision = await signDecision(page, RECORD);
  const panel = await openCohort(page, decision);
  assert.match(await panel.locator(".cohort-badges-no-folder").innerText(), /elk bestand wordt apart gedownload/);
  await panel.getByLabel("Naam van de hogeschool (uitgever)").fill("Hogeschool Noorderlicht");
  const names = [];
  page.on("download", (d) => names.push(d.suggestedFilename()));
  await panel.getByRole("button", { name: "Deelcertificaten uitgeven voor het cohort" }).click();
  await panel.locator(".cohort-badges-status", { hasText: "Klaar: 11 bestanden gedownload" }).waitFor();
  for (let waited = 0; names.length < 11 && waited < 50; waited++) await page.waitForTimeout(100);
  assert.equal(names.length, 11, names.join(", "));
  assert.equal(names.at(-1), "overzicht.csv");
  assert.ok(names.includes(`deelcertificaat-${number}-lu1.json`), names.join(", "));
}));
