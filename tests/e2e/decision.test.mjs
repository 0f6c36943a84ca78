// Page-level test of the examinator's decision: an examinator (a fresh browser profile) verifies
// a record, opens the decision view, decides per learning outcome with motivations, reloads
// halfway (nothing is lost), signs and downloads the decision, which Digital Bazaar's VC verifier
// accepts. Then the cohort with the record and the decision shows the decision columns and the
// CSV has them, and a tampered decision is left out with its reason. axe finds no violation on
// the decision view.
// Run: scripts/test page decision
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { download, expectNoAxeViolations, reloadApp, startApp } from "./harness.mjs";
import { verifyCredential } from "./vc-verifier.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const RECORD = readFileSync(join(root, "examples/record.json"));
const record = JSON.parse(RECORD.toString("utf8"));

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const file = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });
const outcome = (page, id) => page.locator(`section.decide-outcome[data-outcome="${id}"]`);

test("an examinator decides on a verified record, signs, and the cohort shows the decision beside it", (t) => app.withPage(t, async (page) => {
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", [file("record.json", RECORD)]);
  await page.locator(".verdict-result", { hasText: "Geldig" }).waitFor();
  // The way to the decision is right under the verdict, before the record's forty-two indicators.
  const decide = page.getByRole("button", { name: "Besluit vastleggen", exact: true });
  assert.equal(await decide.evaluate((button) => {
    const after = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    return after(document.querySelector(".verdict"), button) && after(button, document.querySelector(".record-view"));
  }), true);
  await decide.click();
  await page.getByRole("heading", { name: "Besluit van de examinator" }).waitFor();

  // Every outcome starts at *niet beoordeeld*, with the assessor's advice and feedback beside it.
  const lu1 = outcome(page, "LU1");
  assert.equal(await lu1.getByRole("radio", { name: "niet beoordeeld", exact: true }).isChecked(), true);
  assert.match(await lu1.locator(".decide-advice-result").innerText(), /^\+/);
  assert.equal(
    await lu1.locator(".decide-feedback").innerText(),
    record.credentialSubject.assessment.learningOutcomes[0].feedback,
  );
  await expectNoAxeViolations(page, "the decision view");

  await page.getByRole("button", { name: "Advies overnemen voor alle leeruitkomsten" }).click();
  assert.equal(await lu1.getByRole("radio", { name: "behaald", exact: true }).isChecked(), true);
  const lu2 = outcome(page, "LU2");
  await lu2.getByRole("radio", { name: "niet behaald", exact: true }).check();
  await outcome(page, "LU6").getByRole("radio", { name: "niet beoordeeld", exact: true }).check();
  await page.getByLabel("Jouw naam (examinator)").fill("Petra van den Berg");
  await page.getByRole("button", { name: "Besluit ondertekenen", exact: true }).click();
  assert.match(await page.getByRole("alert").filter({ hasText: "motivering" }).innerText(), /Een motivering ontbreekt bij LU2\./);
  await lu2.getByLabel("Motivering (verplicht)").fill("Het netwerk is nog niet aangetoond.");

  // A reload loses nothing: the view comes back with every choice and text.
  await reloadApp(page);
  await page.getByRole("heading", { name: "Besluit van de examinator" }).waitFor();
  assert.equal(await outcome(page, "LU2").getByLabel("Motivering (verplicht)").inputValue(), "Het netwerk is nog niet aangetoond.");
  assert.equal(await outcome(page, "LU2").getByRole("radio", { name: "niet behaald", exact: true }).isChecked(), true);
  assert.equal(await page.getByLabel("Jouw naam (examinator)").inputValue(), "Petra van den Berg");

  // Who signs what for whom, before the yes.
  await page.getByRole("button", { name: "Besluit ondertekenen", exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  const summary = await dialog.innerText();
  assert.match(summary, /Petra van den Berg/);
  assert.match(summary, new RegExp(`${record.credentialSubject.name} \\(${record.credentialSubject.studentNumber}\\)`));
  assert.match(summary, /4 behaald, 1 niet behaald, 1 niet beoordeeld/);
  await expectNoAxeViolations(page, "the decision's confirmation");
  const signed = await download(page, () => dialog.getByRole("button", { name: "Ja, besluit ondertekenen" }).click());
  assert.match(signed.name, new RegExp(`^besluit-${record.credentialSubject.studentNumber}-.+-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const decision = JSON.parse(signed.text);
  assert.deepEqual(await verifyCredential(decision), { verified: true, error: null });
  assert.equal(decision.issuer.name, "Petra van den Berg");
  assert.equal(decision.credentialSubject.decision.record.id, record.id);
  const results = decision.credentialSubject.decision.learningOutcomes.map((o) => o.result);
  assert.deepEqual(results, ["achieved", "notAchieved", "achieved", "achieved", "achieved", "notAssessed"]);
  await page.getByRole("heading", { name: "Besluit ondertekend" }).waitFor();
  await expectNoAxeViolations(page, "the signed decision");

  // The cohort: the record, its decision and a tampered copy of the decision.
  const tampered = structuredClone(decision);
  tampered.credentialSubject.decision.learningOutcomes[1].result = "achieved";
  await page.getByRole("button", { name: "Cohortoverzicht", exact: true }).click();
  // The cohort view takes files once it has listed the cohort this browser kept.
  await page.waitForFunction(() => document.querySelector("#cohort-files")?.disabled === false);
  await page.setInputFiles("#cohort-files", [
    file("besluit.json", signed.text),
    file("record.json", RECORD),
    file("besluit-veranderd.json", JSON.stringify(tampered)),
  ]);
  await page.locator(".cohort-status", { hasText: "1 record meegenomen" }).waitFor();
  const row = page.locator(`tr[data-record="${record.id}"]`);
  assert.deepEqual(
    await row.locator("td.cohort-decision").allInnerTexts(),
    ["behaald", "niet behaald", "behaald", "behaald", "behaald", "niet beoordeeld"],
  );
  assert.equal(await row.locator("td.cohort-decided-by").innerText(), "Petra van den Berg");
  assert.equal(await page.getByRole("columnheader", { name: /^Besluit LU1/ }).count(), 1);
  const rejected = await page.locator(".cohort-rejected li").allInnerTexts();
  assert.equal(rejected.length, 1);
  assert.match(rejected[0], /besluit-veranderd\.json: Besluit: de handtekening of de vorm klopt niet/);

  const csv = await download(page, () => page.getByRole("button", { name: /CSV/ }).first().click());
  const lines = csv.text.replace(/^\ufeff/, "").split("\r\n");
  assert.match(lines[0], /;Besluit LU1;Besluit LU2;Besluit LU3;Besluit LU4;Besluit LU5;Besluit LU6;Besluit door$/);
  assert.match(lines[1], /;behaald;niet behaald;behaald;behaald;behaald;niet beoordeeld;Petra van den Berg$/);

  return `decision ${signed.name} verified; cohort columns and CSV checked`;
}));
