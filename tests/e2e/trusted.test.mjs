// Known assessors, by what a docent sees: a valid record from a key the docent does not know is
// flagged "onbekende ondertekenaar" and stays valid; after confirming the fingerprint the assessor
// is on the docent's list and the record's signer is "vertrouwd", also after a reload; the list
// is signed and exported, and a colleague's browser that imports it sees "vertrouwd" too; a
// tampered list is refused with its message and changes nothing. axe finds no violation on the
// panel and the confirmation.
// Run: scripts/test page trusted
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { download, expectNoAxeViolations, reloadApp, startApp } from "./harness.mjs";
import { fingerprintOf } from "./fingerprint.mjs";
import { verifyCredential } from "./vc-verifier.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
// A record the app's Rust code signed with a test key (tests/example_record.rs): Jan Jansen's.
const recordText = readFileSync(join(root, "examples/record.json"), "utf8");
const signer = JSON.parse(recordText).issuer.id;

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const seen = async (locator) => (await locator.innerText()).replace(/\s+/g, " ");

/** Opens the verify view and checks the record there; returns the verdict box. */
async function verifyRecord(page) {
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", { name: "beoordeling-0123456.json", mimeType: "application/json", buffer: Buffer.from(recordText) });
  const verdict = page.locator(".verdict");
  await verdict.locator(".verdict-result", { hasText: "Geldig" }).waitFor();
  return verdict;
}

const panel = (page) => page.getByRole("region", { name: "Vertrouwde beoordelaars", exact: true });

async function importList(page, text, name = "vertrouwde-beoordelaars.json") {
  await page.setInputFiles("#trusted-file", { name, mimeType: "application/json", buffer: Buffer.from(text) });
}

test("an unknown signer is flagged, added after confirming the fingerprint, trusted after a reload; the signed list moves to a colleague's browser; a tampered one is refused", (t) => app.withPage(t, async (page, { newPage }) => {
  const fingerprint = fingerprintOf(signer);

  // A valid record from a key the docent does not know: flagged, not made invalid.
  let verdict = await verifyRecord(page);
  const standing = verdict.locator(".signer-standing");
  assert.match(await seen(standing), new RegExp(`Ondertekenaar bekend\\?: onbekende ondertekenaar · Vingerafdruk ${fingerprint}`));
  assert.ok((await seen(standing)).includes("Het record is wel geldig"));
  assert.equal(await verdict.locator(".verdict-result").innerText(), "Geldig");
  assert.ok((await seen(panel(page))).includes("Nog niemand op de lijst"));
  await expectNoAxeViolations(page, "the verify view with an unknown signer and the empty list", ".verify-view");

  // Adding asks to confirm the fingerprint by phone, with the name from the record.
  await standing.getByRole("button", { name: "Toevoegen aan vertrouwde beoordelaars", exact: true }).click();
  const confirm = page.locator("form.trusted-confirm");
  await confirm.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "trusted-confirm-heading", "focus moves to the confirmation");
  assert.equal(await confirm.locator(".trusted-confirm-fingerprint").innerText(), fingerprint);
  assert.equal(await confirm.getByLabel("Naam", { exact: true }).inputValue(), "Jan Jansen");
  assert.equal(await confirm.getByLabel("Organisatie (optioneel)", { exact: true }).inputValue(), "Buurtwerk Noord");
  await expectNoAxeViolations(page, "the confirmation", "form.trusted-confirm");
  await confirm.getByRole("button", { name: "Vingerafdruk klopt: toevoegen", exact: true }).click();
  await confirm.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.id), "signer-standing", "focus returns to the signer's line");

  assert.match(await seen(standing), /: vertrouwd: Jan Jansen \(Buurtwerk Noord\)/);
  assert.equal(await standing.getByRole("button", { name: "Toevoegen aan vertrouwde beoordelaars" }).count(), 0);
  const row = panel(page).getByRole("row", { name: new RegExp(`Jan Jansen Buurtwerk Noord ${fingerprint}`) });
  await row.waitFor();
  assert.ok((await seen(panel(page))).includes("Jan Jansen staat nu op je lijst van vertrouwde beoordelaars."));
  await expectNoAxeViolations(page, "the list with one assessor", ".trusted-panel");

  // A reload keeps the list.
  await reloadApp(page);
  verdict = await verifyRecord(page);
  assert.match(await seen(verdict.locator(".signer-standing")), /: vertrouwd: Jan Jansen \(Buurtwerk Noord\)/);

  // Signed and exported in the docent's name.
  await page.getByRole("button", { name: "Lijst ondertekenen en exporteren", exact: true }).click();
  assert.ok((await seen(panel(page))).includes("Vul eerst je naam in"));
  await page.getByLabel("Jouw naam, zoals die op de geëxporteerde lijst staat", { exact: true }).fill("Petra de Wit");
  const exported = await download(page, () => page.getByRole("button", { name: "Lijst ondertekenen en exporteren", exact: true }).click());
  assert.match(exported.name, /^vertrouwde-beoordelaars-\d{4}-\d{2}-\d{2}\.json$/);
  const list = JSON.parse(exported.text);
  assert.deepEqual(await verifyCredential(list), { verified: true, error: null });
  assert.equal(list.issuer.name, "Petra de Wit");
  assert.deepEqual(list.credentialSubject.trustedAssessors, [{ id: signer, name: "Jan Jansen", organisation: "Buurtwerk Noord" }]);

  // A colleague's browser: unknown until the list is imported, trusted after.
  const colleague = await newPage();
  verdict = await verifyRecord(colleague);
  assert.match(await seen(verdict.locator(".signer-standing")), /onbekende ondertekenaar/);
  await importList(colleague, exported.text, exported.name);
  await panel(colleague).getByText("Lijst van Petra de Wit geïmporteerd: 1 toegevoegd").waitFor();
  assert.match(await seen(verdict.locator(".signer-standing")), /: vertrouwd: Jan Jansen \(Buurtwerk Noord\)/);

  // A tampered list, in a third browser: refused with its message, nothing changes.
  const third = await newPage();
  await verifyRecord(third);
  const tampered = exported.text.replace("Jan Jansen", "Jan Jansen-Bakker");
  await importList(third, tampered);
  const refusal = panel(third).locator(".trusted-status");
  await refusal.getByText("Deze lijst is niet geïmporteerd en er is niets veranderd").waitFor();
  assert.ok((await seen(refusal)).includes("de lijst is na het ondertekenen veranderd"), await seen(refusal));
  assert.ok((await seen(panel(third))).includes("Nog niemand op de lijst"));
  assert.match(await seen(third.locator(".verdict .signer-standing")), /onbekende ondertekenaar/);
  assert.equal(await third.evaluate(() => localStorage.getItem("leeruitkomsten:v1:trusted-assessors")), null, "nothing was kept");
  await expectNoAxeViolations(third, "the panel with a refused import", ".trusted-panel");
}));

test("removing an assessor makes the signer unknown again, and Ongedaan maken puts them back", (t) => app.withPage(t, async (page) => {
  const verdict = await verifyRecord(page);
  await verdict.getByRole("button", { name: "Toevoegen aan vertrouwde beoordelaars", exact: true }).click();
  await page.getByRole("button", { name: "Vingerafdruk klopt: toevoegen", exact: true }).click();
  await panel(page).getByRole("button", { name: "Jan Jansen verwijderen", exact: true }).click();
  assert.match(await seen(verdict.locator(".signer-standing")), /onbekende ondertekenaar/);
  await panel(page).getByRole("button", { name: "Ongedaan maken", exact: true }).click();
  assert.match(await seen(verdict.locator(".signer-standing")), /vertrouwd: Jan Jansen/);
  await reloadApp(page);
  await verifyRecord(page);
  assert.match(await seen(page.locator(".verdict .signer-standing")), /vertrouwd: Jan Jansen/);
}));

test("Wijzigen changes the name and organisation a key is known by, kept after a reload; the key stays, an empty name is not saved, Escape cancels", (t) => app.withPage(t, async (page) => {
  const verdict = await verifyRecord(page);
  await verdict.getByRole("button", { name: "Toevoegen aan vertrouwde beoordelaars", exact: true }).click();
  await page.getByRole("button", { name: "Vingerafdruk klopt: toevoegen", exact: true }).click();
  const list = panel(page);
  const fingerprint = await list.locator("tbody .key-fingerprint").textContent();
  const change = list.getByRole("button", { name: "Naam of organisatie van Jan Jansen wijzigen", exact: true });
  await change.click();
  const name = list.getByRole("textbox", { name: "Naam", exact: true });
  const organisation = list.getByRole("textbox", { name: "Organisatie (optioneel)", exact: true });
  assert.equal(await name.evaluate((e) => e === document.activeElement), true, "the name field takes the focus");
  await expectNoAxeViolations(page, "a row being changed", ".trusted-panel");
  // No name, no saving: the button waits and says why.
  await name.fill("");
  assert.equal(await list.getByRole("button", { name: "Opslaan", exact: true }).isDisabled(), true);
  assert.match(await list.locator(".trusted-editing .hint").textContent(), /Vul de naam in/);
  await name.press("Enter");
  assert.equal(await name.count(), 1, "Enter with no name saves nothing");
  // Escape leaves it as it was, and the button that opened the row has the focus again.
  await name.press("Escape");
  assert.equal(await name.count(), 0);
  assert.equal(await change.evaluate((e) => e === document.activeElement), true, "focus is back on Wijzigen");
  assert.match(await seen(verdict.locator(".signer-standing")), /vertrouwd: Jan Jansen/);
  // Changed and saved with Enter: the signer's line, the list and the same key.
  await change.click();
  await name.fill("Jan Jansen-Bakker");
  await organisation.fill("Buurtwerk Noord");
  await organisation.press("Enter");
  assert.match(await list.getByRole("status").textContent(), /Gewijzigd: Jan Jansen-Bakker/);
  assert.match(await seen(verdict.locator(".signer-standing")), /vertrouwd: Jan Jansen-Bakker \(Buurtwerk Noord\)/);
  assert.equal(await list.locator("tbody .key-fingerprint").textContent(), fingerprint);
  const changed = list.getByRole("button", { name: "Naam of organisatie van Jan Jansen-Bakker wijzigen", exact: true });
  assert.equal(await changed.evaluate((e) => e === document.activeElement), true, "focus is back on Wijzigen");
  await reloadApp(page);
  await verifyRecord(page);
  assert.match(await seen(page.locator(".verdict .signer-standing")), /vertrouwd: Jan Jansen-Bakker \(Buurtwerk Noord\)/);
}));
