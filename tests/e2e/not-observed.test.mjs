// *Niet waargenomen* as a user meets it, by visible labels: an assessor marks an indicator not
// observed beside the scale, the open count drops, the outcome's result comes from what was
// observed, the signed record holds the status, and the hogeschool's verify view shows it as
// *niet waargenomen*. A student self-assessing is asked in their own words.
// Run: scripts/test page not-observed
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { download, expectNoAxeViolations, loadFramework, reloadApp, startApp } from "./harness.mjs";

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());
const { indicators } = await loadFramework();

const item = (page, id) => page.locator(`li[id="indicator-${id}"]`);
const notObserved = (page, id) => item(page, id).getByRole("checkbox", { name: "Niet waargenomen", exact: true });
const nextOpen = (page) => page.getByRole("button", { name: /^Volgende open \(\d+\)$/ });
const lu2 = indicators.filter((i) => i.id.startsWith("LU2.")).map((i) => i.id);

test("marking an indicator 'Niet waargenomen' clears its score and the open count drops; scoring it clears the mark; the outcome's result comes from what was observed", (t) => app.withPage(t, async (page) => {
  assert.equal(await nextOpen(page).textContent(), `Volgende open (${indicators.length})`);
  const first = item(page, "LU1.1");
  await first.getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).check();
  assert.equal(await nextOpen(page).textContent(), `Volgende open (${indicators.length - 1})`);
  // Not a fourth level of the radio group: a box of its own.
  assert.equal(await first.getByRole("radio").count(), 3);
  await notObserved(page, "LU1.1").check();
  assert.equal(await first.getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).isChecked(), false, "the score is cleared");
  assert.equal(await nextOpen(page).textContent(), `Volgende open (${indicators.length - 1})`, "still answered");
  await first.getByText("Geen score: telt niet mee in het resultaat, en staat niet meer open.").waitFor();
  assert.equal(await first.getByText("Nog open", { exact: true }).count(), 0, "not marked open");
  // By keyboard: Space on the box toggles it.
  await notObserved(page, "LU1.2").focus();
  await page.keyboard.press("Space");
  assert.equal(await notObserved(page, "LU1.2").isChecked(), true);
  assert.equal(await nextOpen(page).textContent(), `Volgende open (${indicators.length - 2})`);
  await item(page, "LU1.2").getByRole("radio", { name: "++ in hoge mate ontwikkeld", exact: true }).check();
  assert.equal(await notObserved(page, "LU1.2").isChecked(), false, "scoring clears it");

  // LU2: two indicators scored ++, the others not observed: the result is ++, from those two.
  for (const [n, id] of lu2.entries()) {
    if (n < 2) await item(page, id).getByRole("radio", { name: "++ in hoge mate ontwikkeld", exact: true }).check();
    else await notObserved(page, id).check();
  }
  const row = page.locator('.summary .chart-row[data-id="LU2"]');
  assert.match(await row.textContent(), /niet waargenomen/);
  assert.match(await row.locator(".chart-result").textContent(), /\+\+/);
  await page.locator(".summary").getByText("3 niet waargenomen", { exact: true }).waitFor();

  // Kept across a reload.
  await reloadApp(page);
  assert.equal(await notObserved(page, "LU1.1").isChecked(), true);
  await expectNoAxeViolations(page, "the form with indicators not observed");
  return `${lu2.length} indicators in LU2`;
}));

test("a student self-assessing is asked whether they have shown it", (t) => app.withPage(t, async (page) => {
  await page.getByRole("radio", { name: /^Zelfbeoordeling/ }).check();
  await item(page, "LU1.1").getByRole("checkbox", { name: "Heb ik (nog) niet laten zien", exact: true }).check();
  assert.equal(await nextOpen(page).textContent(), `Volgende open (${indicators.length - 1})`);
}));

test("signed, the record holds 'notObserved' and the hogeschool's verify view shows it as niet waargenomen", (t) => app.withPage(t, async (page) => {
  await page.getByLabel("Studentnummer", { exact: true }).fill("4812345");
  await page.getByLabel("Naam beoordelaar", { exact: true }).fill("Karim Haddou");
  await item(page, "LU1.1").getByRole("radio", { name: "□ aanwezig", exact: true }).check();
  await notObserved(page, "LU1.2").check();
  await page.getByRole("button", { name: "Ondertekenen en exporteren…", exact: true }).click();
  const button = page.locator("#sign").getByRole("alertdialog").getByRole("button", { name: /^(Definitief ondertekenen|Ondertekenen met \d+ open)$/ });
  assert.equal(await button.textContent(), `Ondertekenen met ${indicators.length - 2} open`, "not observed is not open");
  const file = await download(page, () => button.click());
  await page.getByRole("heading", { name: "Ondertekend", exact: true }).waitFor();
  // Signed, the box is read-only.
  assert.equal(await notObserved(page, "LU1.2").isDisabled(), true);
  const record = JSON.parse(file.text);
  const stated = record.credentialSubject.assessment.indicators.find((i) => i.id === "LU1.2");
  assert.deepEqual([stated.status, stated.score], ["notObserved", null]);
  assert.equal(record.credentialSubject.assessment.aggregates.overall.notObserved, 1);

  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  await page.locator(".verdict.is-valid").waitFor();
  const shown = page.locator('.record-indicators li[data-indicator="LU1.2"] .record-score');
  assert.equal(await shown.textContent(), "niet waargenomen");
  assert.equal(await page.locator('.record-indicators li[data-indicator="LU1.3"] .record-score').textContent(), "niet gescoord");
}));

test("with every indicator answered and some not observed, the form says nothing is open rather than that all are scored", (t) => app.withPage(t, async (page) => {
  await page.getByLabel("Studentnummer", { exact: true }).fill("4812345");
  await page.getByLabel("Naam beoordelaar", { exact: true }).fill("Karim Haddou");
  const [first, second, ...rest] = indicators.map((i) => i.id);
  await notObserved(page, first).check();
  await notObserved(page, second).check();
  for (const id of rest) await item(page, id).getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).check();
  const said = "Er staat geen indicator meer open; 2 niet waargenomen.";
  const dock = page.locator(".progress-dock");
  await dock.getByText("Niets meer open", { exact: true }).waitFor();
  assert.equal(await dock.getByText("Alles gescoord").count(), 0);
  assert.equal(await page.locator(".summary .next-open").textContent(), said);
  await page.getByRole("button", { name: "Ondertekenen en exporteren…", exact: true }).click();
  assert.equal(await page.locator("#sign-confirm-heading").textContent(), `${said} Onderteken je de beoordeling definitief?`);
  return `${rest.length} scored, 2 not observed`;
}));
