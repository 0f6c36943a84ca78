// The signing key in plain words, by what a practice assessor sees and reads: before the first
// signature the panel says what the key is, when it is made and why to back it up; after signing
// it names whose key it is beside the fingerprint, with the did:key behind "Technische gegevens";
// importing a key waits behind "Ik heb al een sleutel" and is never as strong as signing; and axe
// finds nothing on the panel in any of these states, light or dark.
// Run: scripts/test page key-words
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { download, expectNoAxeViolations, startApp } from "./harness.mjs";
import { FINGERPRINT, fingerprintOf } from "./fingerprint.mjs";

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

/** The panel's text as a reader sees it: what is hidden (a closed <details>) is left out. */
async function seen(locator) {
  return (await locator.innerText()).replace(/\s+/g, " ");
}

async function background(locator) {
  return locator.evaluate((e) => getComputedStyle(e).backgroundColor);
}

for (const scheme of ["light", "dark"]) test(`before the first signature the key is explained; after it, it is the assessor's key with its fingerprint, the did:key under Technische gegevens; import only behind Ik heb al een sleutel (${scheme} scheme)`, (t) => app.withPage(t, async (page) => {
  await page.emulateMedia({ colorScheme: scheme });
  const sign = page.locator("#sign");
  const panel = sign.getByRole("region", { name: "Je ondertekensleutel" });
  const haveOne = panel.getByRole("button", { name: "Ik heb al een sleutel", exact: true });
  const picker = page.getByLabel("Sleutel uit back-up importeren", { exact: true });

  // No key yet: what it is, when it is made, and why a backup matters, in plain words.
  await panel.waitFor();
  const intro = await seen(panel);
  for (const words of [
    "je digitale handtekening op dit apparaat",
    "wanneer je voor het eerst ondertekent",
    "een back-up",
    "op een ander apparaat, in een nieuwe browser of nadat deze browser is gewist",
  ]) assert.ok(intro.includes(words), `the explanation says "${words}": ${intro}`);
  assert.ok(!intro.includes("did:key"), "no did:key before there is a key");

  // Importing waits, collapsed, behind a control that is no stronger than any secondary button.
  assert.equal(await haveOne.getAttribute("aria-expanded"), "false");
  assert.equal(await picker.count(), 0, "no file picker before Ik heb al een sleutel");
  const signStart = sign.getByRole("button", { name: "Ondertekenen en exporteren…", exact: true });
  assert.notEqual(await background(haveOne), await background(signStart), "the import control does not look like signing");
  await expectNoAxeViolations(page, "the key panel before the first signature", "#sign .key-panel");
  await haveOne.click();
  assert.equal(await haveOne.getAttribute("aria-expanded"), "true");
  await picker.waitFor({ state: "attached" });
  const pickerButton = panel.locator(".file-picker label", { hasText: "Sleutel uit back-up importeren" });
  assert.ok(await pickerButton.isVisible(), "the picker shows once opened");
  assert.notEqual(await background(pickerButton), await background(signStart), "the file button does not look like signing");
  await expectNoAxeViolations(page, "the key panel with the import opened", "#sign .key-panel");
  await haveOne.click();
  assert.equal(await haveOne.getAttribute("aria-expanded"), "false");
  assert.equal(await picker.count(), 0, "closed again");

  // Signing makes the key; the signed view names whose it is.
  await page.getByLabel("Studentnummer", { exact: true }).fill("4812345");
  await page.getByLabel("Naam beoordelaar", { exact: true }).fill("Karim Haddou");
  await page.locator('li[id="indicator-LU1.1"]').getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).check();
  await signStart.click();
  await download(page, () => sign.getByRole("alertdialog").locator(".sign-confirm-button").click());
  const signedPanel = page.locator("#sign.signed").getByRole("region", { name: "Je ondertekensleutel" });
  await signedPanel.waitFor();
  const fingerprint = await signedPanel.locator(".key-fingerprint").innerText();
  assert.match(fingerprint, FINGERPRINT);
  assert.ok((await seen(signedPanel)).includes(`Sleutel van Karim Haddou · vingerafdruk ${fingerprint}`), await seen(signedPanel));

  // The did:key is there for whoever asks, with one sentence on what it is.
  const technical = signedPanel.locator("details", { hasText: "Technische gegevens" });
  assert.ok(!(await seen(signedPanel)).includes("did:key:"), "the did:key is folded away");
  await expectNoAxeViolations(page, "the key panel after signing", "#sign .key-panel");
  await technical.locator("summary").click();
  const opened = await seen(technical);
  assert.match(opened, /De did:key is het openbare deel van je sleutel\./);
  assert.match(opened, /did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+/);
  assert.equal(fingerprintOf(opened.match(/did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+/)[0]), fingerprint, "the fingerprint is the did:key's");
  await expectNoAxeViolations(page, "the key panel with Technische gegevens open", "#sign .key-panel");

  // The next assessment: the assessor carries over, so the key is still theirs; importing still
  // waits behind its control.
  await sign.locator(".new-assessment").click();
  await sign.getByRole("alertdialog").locator(".confirm-new").click();
  await signStart.waitFor();
  assert.ok((await seen(panel)).includes(`Sleutel van Karim Haddou · vingerafdruk ${fingerprint}`), await seen(panel));
  assert.equal(await picker.count(), 0);
  await haveOne.click();
  await picker.waitFor({ state: "attached" });
  await expectNoAxeViolations(page, "the key panel with a key and the import opened", "#sign .key-panel");

  // In English.
  await page.locator(".lang-switch").click();
  const english = page.locator("#sign").getByRole("region", { name: "Your signing key" });
  assert.ok((await seen(english)).includes(`Key of Karim Haddou · fingerprint ${fingerprint}`), await seen(english));
  await english.locator("summary", { hasText: "Technical details" }).waitFor();
}));

test("a self-assessing student's key is shown as the student's", (t) => app.withPage(t, async (page) => {
  await page.getByRole("radio", { name: "Zelfbeoordeling", exact: true }).check();
  await page.getByLabel("Je studentnummer", { exact: true }).fill("4812345");
  await page.getByLabel("Je naam", { exact: true }).fill("Anaïs Çelik");
  await page.locator('li[id="indicator-LU1.1"]').getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).check();
  const sign = page.locator("#sign");
  await sign.locator(".sign-start").click();
  await download(page, () => sign.getByRole("alertdialog").locator(".sign-confirm-button").click());
  const panel = page.locator("#sign.signed").getByRole("region", { name: "Je ondertekensleutel" });
  await panel.waitFor();
  assert.match(await seen(panel), /Sleutel van Anaïs Çelik · vingerafdruk \S{4}-\S{4}-\S{4}/);
}));
