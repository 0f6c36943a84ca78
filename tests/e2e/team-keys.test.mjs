// Several assessors on one shared tablet, each signing with their own key, as they see it: the
// first assessor signs and a key is made for them; the form is then started for a second
// assessor in the same browser, who gets their own key explained before it is made and signs
// with it; the confirmation names the key that signs, and offers "Ondertekenen als" another
// key; the key panel lists both keys with owner, fingerprint and when each was made, before and
// after a reload; removing a key asks first and warns; axe finds nothing on the panel. On the same
// profile an examinator's decision is signed with the examinator's own key, a key in another
// person's name is named before the yes, and an examinator without a key here can choose a new
// one of their own instead.
// Run: scripts/test page team-keys
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { download, expectNoAxeViolations, reloadApp, startApp } from "./harness.mjs";
import { parseJsonStrict, verifyDataIntegrityProof } from "./independent-verify.mjs";
import { fingerprintOf } from "./fingerprint.mjs";

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

/** The panel's text as a reader sees it. */
async function seen(locator) {
  return (await locator.innerText()).replace(/\s+/g, " ");
}

/** Fills the form for `assessor` and student `number`, scores one indicator, opens signing. */
async function startSigning(page, assessor, number) {
  await page.getByLabel("Studentnummer", { exact: true }).fill(number);
  await page.getByLabel("Naam beoordelaar", { exact: true }).fill(assessor);
  await page.locator('li[id="indicator-LU1.1"]').getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).check();
  await page.getByRole("button", { name: "Ondertekenen en exporteren…", exact: true }).click();
  const dialog = page.locator("#sign").getByRole("alertdialog");
  await dialog.waitFor();
  return dialog;
}

/** Signs in the open confirmation; returns the record's signer, checked by the independent verifier. */
async function sign(page, dialog) {
  const file = await download(page, () => dialog.locator(".sign-confirm-button").click());
  await page.locator("#sign.signed").waitFor();
  const record = parseJsonStrict(file.text);
  const result = await verifyDataIntegrityProof(record);
  assert.equal(result.verified, true, `independent verifier: ${result.reason}`);
  assert.equal(record.issuer.id, result.did, "the issuer is the signer");
  return { did: result.did, record };
}

/** Checks `record` on the hogeschool's page and opens the decision's confirmation as `examinator`. */
async function confirmDecision(page, record, examinator) {
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", [{ name: "record.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(record)) }]);
  await page.locator(".verdict-result", { hasText: "Geldig" }).waitFor();
  await page.getByRole("button", { name: "Besluit vastleggen", exact: true }).click();
  await page.getByRole("button", { name: "Advies overnemen voor alle leeruitkomsten" }).click();
  await page.getByLabel("Jouw naam (examinator)").fill(examinator);
  await page.getByRole("button", { name: "Besluit ondertekenen", exact: true }).click();
  return page.getByRole("alertdialog");
}

async function newAssessment(page) {
  const sign = page.locator("#sign");
  await sign.getByRole("button", { name: "Nieuwe beoordeling starten", exact: true }).click();
  await sign.getByRole("alertdialog").getByRole("button", { name: "Nieuwe beoordeling starten", exact: true }).click();
  await sign.getByRole("button", { name: "Ondertekenen en exporteren…", exact: true }).waitFor();
}

test("two assessors on one browser each sign with their own key, listed in the key panel before and after a reload", (t) => app.withPage(t, async (page) => {
  const panel = page.locator("#sign").getByRole("region", { name: "Je ondertekensleutel" });

  // Assessor A: no key yet, so the confirmation says a new one is made for them.
  let dialog = await startSigning(page, "Karim Haddou", "4812345");
  assert.ok((await seen(dialog)).includes("Sleutel: een nieuwe sleutel van Karim Haddou, gemaakt bij het ondertekenen"), await seen(dialog));
  assert.equal(await dialog.getByLabel("Ondertekenen als", { exact: true }).count(), 0, "nothing to choose from on an empty device");
  const karim = await sign(page, dialog);
  assert.equal(karim.record.issuer.name, "Karim Haddou");

  // Assessor B on the same browser: their own key is explained before it is made.
  await newAssessment(page);
  await page.getByLabel("Naam beoordelaar", { exact: true }).fill("Sanne de Vries");
  await panel.getByText("Er staat nog geen sleutel van Sanne de Vries op dit apparaat.", { exact: false }).waitFor();
  assert.ok((await seen(panel)).includes("Je sleutel is je digitale handtekening"), await seen(panel));
  await expectNoAxeViolations(page, "the key panel with another assessor's key listed", "#sign .key-panel");
  dialog = await startSigning(page, "Sanne de Vries", "4812346");
  assert.ok((await seen(dialog)).includes("Sleutel: een nieuwe sleutel van Sanne de Vries"), await seen(dialog));
  // Another key on this device may be picked explicitly; a new one of their own is the default.
  const signAs = dialog.getByLabel("Ondertekenen als", { exact: true });
  assert.equal(await signAs.locator("option:checked").innerText(), "Sanne de Vries, met een nieuwe sleutel");
  assert.deepEqual(await signAs.locator("option").allInnerTexts(), [
    "Sanne de Vries, met een nieuwe sleutel",
    `Sleutel van Karim Haddou (${fingerprintOf(karim.did)})`,
  ]);
  await expectNoAxeViolations(page, "the signing confirmation with a choice of key", "#sign .sign-confirm");
  const sanne = await sign(page, dialog);
  assert.notEqual(sanne.did, karim.did, "Sanne's record is signed with a key of her own");
  assert.equal(sanne.record.issuer.name, "Sanne de Vries");

  // Karim again: his own key signs, and the confirmation names it.
  await newAssessment(page);
  dialog = await startSigning(page, "Karim Haddou", "4812347");
  assert.ok((await seen(dialog)).includes(`Sleutel: Sleutel van Karim Haddou, vingerafdruk ${fingerprintOf(karim.did)}`), await seen(dialog));
  assert.equal(await dialog.getByLabel("Ondertekenen als", { exact: true }).count(), 0, "his own key, no choice needed");
  assert.equal((await sign(page, dialog)).did, karim.did);

  // The key panel lists both keys, with owner, fingerprint and when each was made, after a reload too.
  await newAssessment(page);
  const list = panel.getByRole("region", { name: "Sleutels op dit apparaat" });
  for (const round of ["before", "after"]) {
    if (round === "after") await reloadApp(page);
    const items = list.getByRole("listitem");
    assert.equal(await items.count(), 2, `two keys ${round} a reload`);
    const texts = (await items.allInnerTexts()).map((s) => s.replace(/\s+/g, " "));
    assert.match(texts[0], new RegExp(`Sleutel van Karim Haddou · vingerafdruk ${fingerprintOf(karim.did)} · gemaakt \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}`));
    assert.match(texts[1], new RegExp(`Sleutel van Sanne de Vries · vingerafdruk ${fingerprintOf(sanne.did)} · gemaakt`));
  }
  await expectNoAxeViolations(page, "the key panel listing two keys", "#sign .key-panel");

  // Each key has its own backup.
  const backup = await download(page, () => list.getByRole("button", { name: `Back-up downloaden: Sleutel van Sanne de Vries (${fingerprintOf(sanne.did)})`, exact: true }).click());
  assert.equal(JSON.parse(backup.text).did, sanne.did);

  // Removing asks first and warns; cancel keeps the key, yes removes only that one.
  const remove = list.getByRole("button", { name: `Verwijderen: Sleutel van Sanne de Vries (${fingerprintOf(sanne.did)})`, exact: true });
  await remove.click();
  const question = list.getByRole("alertdialog");
  assert.match(await seen(question), /Records die ermee zijn ondertekend blijven geldig\. Maar zonder back-up kan met deze sleutel nooit meer worden ondertekend\./);
  await expectNoAxeViolations(page, "the key panel asking to remove a key", "#sign .key-panel");
  await question.getByRole("button", { name: "Annuleren", exact: true }).click();
  assert.equal(await list.getByRole("listitem").count(), 2, "cancel keeps the key");
  await remove.click();
  await question.getByRole("button", { name: "Sleutel verwijderen", exact: true }).click();
  await question.waitFor({ state: "detached" });
  assert.equal(await list.getByRole("listitem").count(), 1);
  await reloadApp(page);
  assert.deepEqual((await list.getByRole("listitem").allInnerTexts()).map((s) => s.includes(fingerprintOf(karim.did))), [true], "only Karim's key is left");
}));

test("on a shared profile a decision is signed with the examinator's own key, and another's key is named before the yes", (t) => app.withPage(t, async (page) => {
  const karim = await sign(page, await startSigning(page, "Karim Haddou", "4812345"));
  await newAssessment(page);
  const petra = await sign(page, await startSigning(page, "Petra van den Berg", "4812346"));

  // Nobody's key in this name: the browser's first key would sign, and the dialog says whose it is.
  let dialog = await confirmDecision(page, karim.record, "Ayla Demir");
  let text = await seen(dialog);
  assert.ok(text.includes(`Sleutel van Karim Haddou, vingerafdruk ${fingerprintOf(karim.did)}`), text);
  assert.ok(text.includes("Let op: deze sleutel staat op naam van Karim Haddou."), text);
  await expectNoAxeViolations(page, "the decision's confirmation warning of another's key", ".decide-confirm");
  await dialog.getByRole("button", { name: "Terug naar het besluit", exact: true }).click();

  // The examinator's own key is here: it signs, not the first key, and nothing warns.
  await page.getByLabel("Jouw naam (examinator)").fill("petra van den  Berg");
  await page.getByRole("button", { name: "Besluit ondertekenen", exact: true }).click();
  dialog = page.getByRole("alertdialog");
  text = await seen(dialog);
  assert.ok(text.includes(`Sleutel van Petra van den Berg, vingerafdruk ${fingerprintOf(petra.did)}`), text);
  assert.equal(await dialog.locator(".key-of-other").count(), 0);
  const decision = await download(page, () => dialog.getByRole("button", { name: "Ja, besluit ondertekenen" }).click());
  assert.equal(JSON.parse(decision.text).issuer.id, petra.did);
  await page.getByRole("heading", { name: "Besluit ondertekend" }).waitFor();

  // The trusted list and an invitation are signed by a docent: the same warning before each.
  const warning = page.locator(".key-of-other");
  await page.getByRole("navigation").getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.locator("#trusted-docent").fill("Ayla Demir");
  assert.equal(await warning.locator(".key-of-other-text").innerText(), "Let op: deze sleutel staat op naam van Karim Haddou. Is dat niet jouw sleutel, onderteken er dan niet mee. Staat je eigen sleutel in deze browser, vul je naam dan in zoals bij die sleutel; anders kies je hieronder een nieuwe sleutel op je eigen naam.");
  assert.equal(await warning.getByRole("checkbox", { name: "Een nieuwe sleutel op naam van Ayla Demir maken en daarmee ondertekenen", exact: true }).isChecked(), false);
  await page.locator("#trusted-docent").fill("Petra van den Berg");
  await warning.waitFor({ state: "detached" });
  await page.getByRole("navigation").getByRole("button", { name: "Uitnodigen", exact: true }).click();
  assert.equal(await warning.count(), 0, "nothing is said before a name is typed");
  await page.locator("#invite-docent-name").fill("Ayla Demir");
  assert.match(await warning.innerText(), /^Let op: deze sleutel staat op naam van Karim Haddou\./);
  await expectNoAxeViolations(page, "the invitation form warning of another's key", ".invite");
  await page.locator("#invite-docent-name").fill("karim haddou");
  await warning.waitFor({ state: "detached" });
  return `decision signed by ${fingerprintOf(petra.did)}, not the first key ${fingerprintOf(karim.did)}`;
}));

test("on a shared profile an examinator without a key here chooses a new key of their own, which signs the decision and is kept in their name", (t) => app.withPage(t, async (page) => {
  const karim = await sign(page, await startSigning(page, "Karim Haddou", "4812345"));
  const dialog = await confirmDecision(page, karim.record, "Ayla Demir");
  const choice = dialog.getByRole("checkbox", { name: "Een nieuwe sleutel op naam van Ayla Demir maken en daarmee ondertekenen", exact: true });
  await choice.check();
  let text = await seen(dialog);
  assert.ok(text.includes("een nieuwe sleutel van Ayla Demir, gemaakt bij het ondertekenen"), text);
  assert.ok(text.includes("Er wordt niet met de sleutel van Karim Haddou ondertekend."), text);
  assert.ok(!text.includes(fingerprintOf(karim.did)), "Karim's key is not named as the one that signs");
  await expectNoAxeViolations(page, "the decision's confirmation with a new key of one's own chosen", ".decide-confirm");
  // Undone, Karim's key would sign again; chosen again, it does not.
  await choice.uncheck();
  assert.ok((await seen(dialog)).includes(`Sleutel van Karim Haddou, vingerafdruk ${fingerprintOf(karim.did)}`));
  await choice.check();
  const decision = JSON.parse((await download(page, () => dialog.getByRole("button", { name: "Ja, besluit ondertekenen" }).click())).text);
  await page.getByRole("heading", { name: "Besluit ondertekend" }).waitFor();
  assert.notEqual(decision.issuer.id, karim.did, "not signed with Karim's key");
  assert.match(decision.issuer.id, /^did:key:z6Mk/);

  // Her key is kept in her name: signing as her elsewhere names no one else's key.
  await page.getByRole("navigation").getByRole("button", { name: "Uitnodigen", exact: true }).click();
  await page.locator("#invite-docent-name").fill("Ayla Demir");
  assert.equal(await page.locator(".key-of-other").count(), 0);
  await page.locator("#invite-docent-name").fill("Bram Visser");
  assert.match(await page.locator(".key-of-other .key-of-other-text").innerText(), /^Let op: deze sleutel staat op naam van Karim Haddou\./);
  await page.getByRole("button", { name: "Switch to English", exact: true }).click();
  assert.match(await page.locator(".key-of-other .key-of-other-text").innerText(), /^Note: this key is in the name of Karim Haddou\. If it is not your key, do not sign with it\./);
  await page.getByRole("checkbox", { name: "Make a new key in the name of Bram Visser and sign with it", exact: true }).check();
  assert.match(await page.locator(".key-of-other .key-of-other-text").innerText(), /^The key of Karim Haddou will not sign\. On signing, a new key in the name of Bram Visser is made/);
  return `decision signed by ${fingerprintOf(decision.issuer.id)}, a new key of Ayla Demir`;
}));

test("in English the team's keys read in English", (t) => app.withPage(t, async (page) => {
  await page.getByRole("button", { name: "Switch to English", exact: true }).click();
  await page.getByLabel("Student number", { exact: true }).fill("4812345");
  await page.getByLabel("Assessor name", { exact: true }).fill("Karim Haddou");
  await page.locator('li[id="indicator-LU1.1"]').getByRole("radio", { name: /^\+ / }).first().check();
  const sign = page.locator("#sign");
  await sign.locator(".sign-start").click();
  const dialog = sign.getByRole("alertdialog");
  assert.ok((await seen(dialog)).includes("Key: a new key of Karim Haddou, made on signing"), await seen(dialog));
  await download(page, () => dialog.locator(".sign-confirm-button").click());
  await sign.locator(".new-assessment").click();
  await sign.getByRole("alertdialog").locator(".confirm-new").click();
  await page.getByLabel("Assessor name", { exact: true }).fill("Sanne de Vries");
  const list = sign.getByRole("region", { name: "Keys on this device" });
  assert.match(await seen(list), /Key of Karim Haddou · fingerprint [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4} · made /);
  assert.ok((await seen(sign.locator(".key-panel"))).includes("There is no key of Sanne de Vries on this device yet."));
}));
