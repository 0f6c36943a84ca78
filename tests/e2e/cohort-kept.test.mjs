// Page-level tests of the cohort as a docent comes back to it: the records stay after a reload
// until *Cohort leegmaken*, a row opens its record in the verify view, *Vergelijken* sets a
// student's self-assessment beside the assessor's record, and the CSV has the completeness,
// signer and fingerprint columns. The records are examples/record.json with other students and
// modes, signed in Node with a key of the test's own.
// Run: scripts/test page cohort-kept
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { download, expectNoAxeViolations, reloadApp, startApp } from "./harness.mjs";
import { newSigner } from "./node-signer.mjs";
import { fingerprintOf } from "./fingerprint.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const EXAMPLE = JSON.parse(await readFile(join(here, "../../examples/record.json"), "utf8"));
let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const signer = newSigner();

/** examples/record.json for another student or mode; a self-assessment names no assessor. */
function recordOf(n, { name, number, mode }) {
  const { proof, ...document } = structuredClone(EXAMPLE);
  document.id = `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  document.credentialSubject.name = name;
  document.credentialSubject.studentNumber = number;
  const assessment = document.credentialSubject.assessment;
  assessment.mode = mode;
  if (mode === "self") {
    document.issuer = { ...document.issuer, name: "" };
    assessment.assessor = { ...assessment.assessor, role: "" };
  }
  return signer.sign(document, proof);
}

const SANNE = { name: "Sanne de Vries", number: "4812345" };
const DAAN = { name: "Daan Jansen", number: "4000001" };
const records = {
  "sanne-beoordeling.json": recordOf(1, { ...SANNE, mode: "assessor" }),
  "sanne-zelf.json": recordOf(2, { ...SANNE, mode: "self" }),
  "daan.json": recordOf(3, { ...DAAN, mode: "assessor" }),
};
const files = Object.entries(records).map(([name, record]) => ({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(record, null, 2)) }));
const brief = { name: "brief.json", mimeType: "application/json", buffer: Buffer.from("Beste docent,") };
const signerDid = records["daan.json"].issuer.id;

async function openCohort(page) {
  await page.getByRole("button", { name: "Cohortoverzicht", exact: true }).click();
  await page.getByRole("heading", { level: 2, name: "Cohortoverzicht" }).waitFor();
}

async function addFiles(page) {
  await openCohort(page);
  // The cohort view takes files once it has listed the cohort this browser kept.
  await page.waitForFunction(() => document.querySelector("#cohort-files")?.disabled === false);
  await page.setInputFiles("#cohort-files", [...files, brief]);
  await page.locator(".cohort-status", { hasText: "3 records meegenomen; 1 bestand niet" }).waitFor();
}

const rows = (page) => page.locator(".cohort-table tbody tr");
const names = async (page) => (await rows(page).locator("th").allInnerTexts()).map((t) => t.trim());

test("the cohort survives a reload, and Cohort leegmaken empties it, after a reload too", (t) => app.withPage(t, async (page) => {
  await addFiles(page);
  assert.deepEqual(await names(page), ["Daan Jansen", "Sanne de Vries", "Sanne de Vries"]);

  await reloadApp(page);
  assert.match(page.url(), /hogeschool\.html#cohort$/);
  await page.locator(".cohort-status", { hasText: "3 records meegenomen; 1 bestand niet" }).waitFor();
  assert.deepEqual(await names(page), ["Daan Jansen", "Sanne de Vries", "Sanne de Vries"]);
  assert.match(await page.locator(".cohort-rejected > ul > li").innerText(), /^brief\.json:\s+Dit is geen beoordelingsbestand\./);

  // Clearing asks first; cancelling keeps everything.
  await page.getByRole("button", { name: "Cohort leegmaken", exact: true }).click();
  const question = page.getByRole("alertdialog");
  assert.match(await question.innerText(), /Het hele cohort uit deze browser verwijderen\?/);
  await expectNoAxeViolations(page, "the cohort with its clear question", ".cohort");
  await question.getByRole("button", { name: "Annuleren" }).click();
  assert.equal(await rows(page).count(), 3);
  await page.getByRole("button", { name: "Cohort leegmaken", exact: true }).click();
  await page.getByRole("button", { name: "Ja, cohort leegmaken" }).click();
  await page.locator(".cohort-status", { hasText: "Nog geen records geopend." }).waitFor();
  assert.equal(await rows(page).count(), 0);

  await reloadApp(page);
  await page.getByRole("heading", { level: 2, name: "Cohortoverzicht" }).waitFor();
  await page.locator(".cohort-status", { hasText: "Nog geen records geopend." }).waitFor();
  assert.equal(await rows(page).count(), 0);
  assert.equal(await page.locator(".cohort-rejected").count(), 0);
}));

test("a row opens its record in the verify view, after a reload as well", (t) => app.withPage(t, async (page) => {
  await addFiles(page);
  await reloadApp(page);
  await page.locator(".cohort-status", { hasText: "3 records meegenomen" }).waitFor();
  await page.getByRole("button", { name: "Daan Jansen: record openen" }).click();
  await page.getByRole("heading", { level: 2, name: "Record controleren" }).waitFor();
  const verdict = page.locator(".verdict");
  assert.equal(await verdict.locator(".verdict-file").innerText(), "daan.json");
  assert.match(await verdict.locator(".verdict-result").innerText(), /^Geldig/);
  assert.equal(await verdict.locator(".verdict-facts .key-fingerprint").innerText(), fingerprintOf(signerDid));
  // The whole record, as a file opened there shows it.
  assert.equal(await page.locator(".verify-layout").count(), 1);
  assert.match(await page.locator(".verify-layout").innerText(), /Daan Jansen/);
}));

test("Vergelijken sets the student's self-assessment beside the assessor's record", (t) => app.withPage(t, async (page) => {
  await addFiles(page);
  // Only Sanne has a record in both modes; both her rows offer it, named after her.
  const compare = page.getByRole("button", { name: "Vergelijken: zelfbeoordeling en beoordeling van Sanne de Vries" });
  assert.equal(await compare.count(), 2);
  assert.equal(await page.getByRole("button", { name: /^Vergelijken: .*Daan Jansen/ }).count(), 0);
  await expectNoAxeViolations(page, "the cohort with its row buttons and new columns", ".cohort");
  await compare.first().click();
  await page.getByRole("heading", { level: 2, name: "Zelfbeoordeling en beoordeling vergelijken" }).waitFor();
  const sides = page.locator(".compare-side");
  await sides.nth(1).locator(".verdict-file").waitFor();
  assert.equal(await sides.nth(0).locator(".verdict-file").innerText(), "sanne-zelf.json");
  assert.equal(await sides.nth(1).locator(".verdict-file").innerText(), "sanne-beoordeling.json");
  await page.getByRole("heading", { name: "Gesprekspunten" }).waitFor();
  await expectNoAxeViolations(page, "compare opened from the cohort");
}));

test("the table and the CSV show completeness, the signer with their standing, and the fingerprint", (t) => app.withPage(t, async (page) => {
  await addFiles(page);
  const heads = (await page.locator(".cohort-table thead th").allInnerTexts()).map((h) => h.trim());
  assert.deepEqual(heads.slice(0, 10), ["Naam student", "Vergelijken", "Studentnummer", "Organisatie", "Beoordelaar",
    "Ondertekenaar", "Vingerafdruk", "Modus", "Datum", "Gescoord"]);
  const daan = rows(page).nth(0);
  const cell = async (column) => (await daan.locator("th, td").nth(heads.indexOf(column)).innerText()).trim();
  assert.equal(await cell("Ondertekenaar"), "Jan Jansen (onbekende ondertekenaar)");
  assert.equal(await cell("Vingerafdruk"), fingerprintOf(signerDid));
  assert.equal(await cell("Gescoord"), "42/42");

  const csv = await download(page, () => page.getByRole("button", { name: "CSV downloaden" }).click());
  assert.ok(csv.text.startsWith("\ufeff"), "a byte order mark, for Excel");
  const lines = csv.text.slice(1).split("\r\n").filter((l) => l !== "");
  const header = lines[0].split(";");
  assert.deepEqual(header.slice(0, 10), ["Studentnummer", "Naam student", "Organisatie", "Beoordelaar", "Ondertekenaar",
    "Vingerafdruk", "Modus", "Datum", "Indicatoren gescoord", "Indicatoren totaal"]);
  const byNumber = (number, mode) => lines.slice(1).map((l) => l.split(";")).find((f) => f[0] === number && f[6] === mode);
  const at = (fields, column) => fields[header.indexOf(column)];
  const sanneSelf = byNumber(SANNE.number, "Zelfbeoordeling");
  assert.equal(at(sanneSelf, "Ondertekenaar"), "Sanne de Vries (onbekende ondertekenaar)");
  assert.equal(at(sanneSelf, "Vingerafdruk"), fingerprintOf(signerDid));
  assert.equal(at(sanneSelf, "Indicatoren gescoord"), "42");
  assert.equal(at(sanneSelf, "Indicatoren totaal"), "42");
  assert.equal(lines.length, 1 + 3);
}));

test("the multi-file check names each signer beside the key's fingerprint", (t) => app.withPage(t, async (page) => {
  const changed = structuredClone(records["daan.json"]);
  changed.credentialSubject.name = "Iemand Anders";
  const chosen = [
    files.find((f) => f.name === "daan.json"),
    files.find((f) => f.name === "sanne-zelf.json"),
    { name: "veranderd.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(changed)) },
  ];
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", chosen);
  await page.locator(".batch-summary").waitFor();
  const rows = page.locator(".batch-table tbody tr");
  const signerCell = (n) => rows.nth(n).locator("td").nth(2);
  // The assessor's name, and on a self-assessment the student's own.
  assert.equal(await signerCell(0).locator(".batch-signer-name").innerText(), "Jan Jansen");
  assert.equal(await signerCell(1).locator(".batch-signer-name").innerText(), "Sanne de Vries");
  for (const n of [0, 1]) assert.equal(await signerCell(n).locator(".key-fingerprint").innerText(), fingerprintOf(signerDid));
  // A record whose signature fails names nobody: its name cannot be trusted.
  assert.equal(await signerCell(2).locator(".batch-signer-name").count(), 0);
  await expectNoAxeViolations(page, "the multi-file check", ".verify-view");
}));

test("where the browser keeps nothing, the cohort says so and works in memory, rows included", (t) => app.withPage(t, async (page) => {
  // As in a browser whose storage is turned off: no IndexedDB at all.
  await page.addInitScript(() => Object.defineProperty(window, "indexedDB", { value: undefined }));
  await reloadApp(page);
  await openCohort(page);
  const notice = page.locator(".cohort-not-kept");
  await notice.waitFor();
  assert.match(await notice.innerText(), /^Deze browser kan het cohort niet bewaren/);
  // The cohort view takes files once it has listed the cohort this browser kept.
  await page.waitForFunction(() => document.querySelector("#cohort-files")?.disabled === false);
  await page.setInputFiles("#cohort-files", files);
  await page.locator(".cohort-status", { hasText: "3 records meegenomen; 0 bestanden niet" }).waitFor();
  await expectNoAxeViolations(page, "the cohort that cannot be kept", ".cohort");
  await page.getByRole("button", { name: "Daan Jansen: record openen" }).click();
  await page.getByRole("heading", { level: 2, name: "Record controleren" }).waitFor();
  assert.equal(await page.locator(".verdict .verdict-file").innerText(), "daan.json");
  assert.match(await page.locator(".verdict .verdict-result").innerText(), /^Geldig/);
}));
