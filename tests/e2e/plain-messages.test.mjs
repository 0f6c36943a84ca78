// A record that is not valid is told in the docent's words first: one plain sentence and what to
// do next, the technical problems behind "Technische details". A signing-key backup opened as a
// record is named as the secret it is. In the verify, cohort and compare views, and axe finds no
// violation in any of them.
// Run: scripts/test page plain-messages
import { test, before, after } from "node:test";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { expectNoAxeViolations, startApp } from "./harness.mjs";

const folder = join(dirname(fileURLToPath(import.meta.url)), "../bad-inputs");
const badFile = async (name) => ({ name, mimeType: "application/json", buffer: await readFile(join(folder, name)) });

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const CHANGED = "Dit bestand is na het ondertekenen veranderd.";
const SEND_AGAIN = "Vraag de beoordelaar het bestand opnieuw te sturen.";
const SECRET = "Dit bestand is de geheime ondertekensleutel van een beoordelaar, geen beoordeling.";
const DETAIL = "de handtekening klopt niet";

test("the verify view says what is wrong and what to do, the detail folded away", (t) => app.withPage(t, async (page) => {
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", await badFile("record-signature-mismatch.json"));
  const verdict = page.locator(".verdict.is-invalid");
  await verdict.getByText(CHANGED, { exact: true }).waitFor();
  assert.ok(await verdict.getByText(SEND_AGAIN, { exact: true }).isVisible());
  // The old list is there, but not in the way until asked for.
  const detail = verdict.getByText(DETAIL);
  assert.equal(await detail.isVisible(), false);
  await expectNoAxeViolations(page, "verify, details closed");
  await verdict.getByText("Technische details", { exact: true }).click();
  assert.ok(await detail.isVisible());
  await expectNoAxeViolations(page, "verify, details open");
}));

test("a key file opened as a record is warned about as a secret, not listed as shape problems", (t) => app.withPage(t, async (page) => {
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", await badFile("record-a-key-file.json"));
  const verdict = page.locator(".verdict.is-invalid");
  await verdict.getByText(SECRET, { exact: true }).waitFor();
  assert.ok(await verdict.getByText(/Geef dit bestand niet door/).isVisible());
  assert.ok(await verdict.getByText(/verwijder het als het per vergissing is gestuurd/).isVisible());
  assert.equal(await verdict.locator(".verdict-reasons li").count(), 1, "one line of detail, not a list of shape problems");
  assert.ok(!(await verdict.textContent()).includes("secretKeyMultibase"));
  await expectNoAxeViolations(page, "verify, a key file");

  // English on request, the same warning.
  await page.locator(".lang-switch").click();
  await verdict.getByText("This file is an assessor's secret signing key, not an assessment.", { exact: true }).waitFor();
  assert.ok(await verdict.getByText("Technical details", { exact: true }).isVisible());
}));

test("the cohort's left-out files and compare's refused side give the same plain sentence", (t) => app.withPage(t, async (page) => {
  await page.getByRole("button", { name: "Cohortoverzicht", exact: true }).click();
  // The cohort view takes files once it has listed the cohort this browser kept.
  await page.waitForFunction(() => document.querySelector("#cohort-files")?.disabled === false);
  await page.setInputFiles("#cohort-files", [await badFile("record-signature-mismatch.json"), await badFile("record-a-key-file.json")]);
  const left = page.locator(".cohort-rejected");
  await left.getByText(SECRET, { exact: true }).waitFor();
  assert.ok(await left.getByText(CHANGED, { exact: true }).isVisible());
  assert.equal(await left.getByText("Technische details", { exact: true }).count(), 2);
  await expectNoAxeViolations(page, "cohort, files left out");

  await page.getByRole("button", { name: "Vergelijken", exact: true }).click();
  await page.locator('.compare-view input[type="file"]').nth(0).setInputFiles(await badFile("record-a-key-file.json"));
  await page.locator(".compare-verdict.is-invalid").getByText(SECRET, { exact: true }).waitFor();
  await expectNoAxeViolations(page, "compare, a key file on one side");
}));
