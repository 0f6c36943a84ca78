// The invitation between two browser profiles: a docent makes and signs an invitation in the
// "Uitnodigen" view; an assessor opens its link in a browser of their own, sees who invites whom,
// finds the invitation's fields filled in and read-only, scores and signs; the record names the
// invitation by id and digest and verifies with @digitalbazaar/vc. A changed link, an expired
// invitation and one signed by another key than its issuer's are each refused with their message,
// and nothing stored changes. A framework the hogeschool's link names by address travels in the
// invitation link; one opened from a file is not invited for. axe finds no violation on the view
// and the banners.
// Run: scripts/test page invitation
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { fingerprintOf } from "./fingerprint.mjs";
import { download, expectNoAxeViolations, loadFramework, saved, startApp } from "./harness.mjs";
import { parseJsonStrict } from "./independent-verify.mjs";
import { newSigner } from "./node-signer.mjs";
import { verifyCredential } from "./vc-verifier.mjs";

const require = createRequire(import.meta.url);
const canonicalizeModule = require("canonicalize");
const canonicalize = typeof canonicalizeModule === "function" ? canonicalizeModule : canonicalizeModule.default;

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const INVITE = {
  "invite-docent-name": "Petra Bakker-van Leeuwen",
  "invite-student-name": "Geertruida van Oldenbarnevelt-Tjeenk Willink",
  "invite-student-number": "500812345",
  "invite-assessor-name": "Hendrikus van 't Hooft-de Leeuw",
  "invite-assessor-email": "h.vanthooft@stichting-welzijn-zuidoost-brabant.example.nl",
};

/** The docent's side: the view, its messages, the signed link. Returns the link. */
async function makeInvitation(page) {
  await page.getByRole("navigation").getByRole("button", { name: "Uitnodigen", exact: true }).click();
  await page.getByRole("heading", { name: "Een praktijkbeoordelaar uitnodigen" }).waitFor();
  await expectNoAxeViolations(page, "the empty invitation form");
  // Signing an empty form says per field what is missing.
  await page.getByRole("button", { name: "Uitnodiging ondertekenen", exact: true }).click();
  await page.locator("#invite-student-name-error").waitFor();
  assert.equal(await page.locator("#invite-student-name").getAttribute("aria-invalid"), "true");
  assert.equal((await page.locator(".field-error").allTextContents()).filter((t) => t === "Vul dit in.").length, 5);
  // The line beside the button points back up to the fields it is about.
  const alert = page.getByRole("alert").filter({ hasText: "gemarkeerd" });
  assert.equal(await alert.textContent(), "Vul eerst aan wat hierboven gemarkeerd is.");
  assert.ok((await alert.boundingBox()).y > (await page.locator("#invite-student-name").boundingBox()).y, "below the fields");
  await expectNoAxeViolations(page, "the form with its messages");
  // Four weeks ahead by default.
  const due = await page.locator("#invite-due-date").inputValue();
  const days = (Date.parse(due) - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000;
  assert.ok(days >= 27 && days <= 29, `due date ${due}`);
  for (const [id, value] of Object.entries(INVITE)) await page.locator(`#${id}`).fill(value);
  await page.getByRole("button", { name: "Uitnodiging ondertekenen", exact: true }).click();
  const link = await page.getByLabel("Link voor de beoordelaar").inputValue();
  assert.ok(link.length < 2000, `${link.length} characters`);
  const mail = await page.getByRole("link", { name: "Mail openen" }).getAttribute("href");
  assert.ok(mail.startsWith(`mailto:${encodeURIComponent(INVITE["invite-assessor-email"])}?subject=`), mail);
  assert.ok(decodeURIComponent(mail).includes(link), "the mail holds the link");
  // What was sent is listed, and kept: it is there after a reload.
  const sent = page.locator(".invite-sent tbody tr");
  assert.equal(await sent.count(), 1);
  assert.match(await sent.first().textContent(), /Geertruida van Oldenbarnevelt/);
  await expectNoAxeViolations(page, "the signed invitation and the list of sent ones");
  return link;
}

/** The signed invitation a link carries. */
function invitationIn(link) {
  const encoded = link.split("#uitnodiging=")[1];
  return parseJsonStrict(Buffer.from(encoded, "base64url").toString("utf8"));
}

function linkWith(base, invitation) {
  return `${base}#uitnodiging=${Buffer.from(JSON.stringify(invitation), "utf8").toString("base64url")}`;
}

/** `u` + base64url of the SHA-256 multihash of the JCS form: digestMultibase, computed in Node. */
function digestMultibase(document) {
  const digest = createHash("sha256").update(canonicalize(document), "utf8").digest();
  return "u" + Buffer.concat([Buffer.from([0x12, 0x20]), digest]).toString("base64url");
}

async function stored(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

test("a docent invites, the assessor opens the link in another browser, scores and signs; the record names the invitation", (t) =>
  app.withPage(t, async (docent, { newPage }) => {
    const link = await makeInvitation(docent);
    const invitation = invitationIn(link);
    assert.deepEqual(await verifyCredential(invitation), { verified: true, error: null });

    // A fresh load of the link: the app reads the fragment as it starts.
    const assessor = await newPage();
    await assessor.goto("about:blank");
    await assessor.goto(link);
    const banner = assessor.locator(".invitation-banner");
    await banner.waitFor();
    const fingerprint = fingerprintOf(invitation.issuer.id);
    assert.equal(
      (await banner.locator("p").textContent()).trim(),
      `Uitnodiging van Petra Bakker-van Leeuwen (${fingerprint}) om Geertruida van Oldenbarnevelt-Tjeenk Willink te beoordelen voor Leeruitkomsten opbouwwerk, vóór ${invitation.credentialSubject.assessment.dueDate}.`,
    );
    // The invitation is gone from the address bar, so a reload does not open it again; the
    // address names the view shown instead.
    assert.equal(new URL(assessor.url()).hash, "#assess");
    // The fields the invitation sets are filled in, read-only, and say why.
    for (const [id, value] of [["meta-student-name", INVITE["invite-student-name"]], ["meta-student-number", "500812345"],
      ["meta-assessor-name", INVITE["invite-assessor-name"]]]) {
      const field = assessor.locator(`#${id}`);
      assert.equal(await field.inputValue(), value);
      assert.notEqual(await field.getAttribute("readonly"), null, `${id} is read-only`);
      assert.equal(await assessor.locator(`#${id}-hint`).textContent(), "Vastgelegd in de uitnodiging van de docent.");
    }
    assert.ok(await assessor.locator("#mode-self").isDisabled());
    await assessor.locator("#meta-student-name").press("X");
    assert.equal(await assessor.locator("#meta-student-name").inputValue(), INVITE["invite-student-name"]);
    assert.match(await assessor.locator("#sign .invited-by").textContent(), /^Uitnodiging van Petra Bakker-van Leeuwen/);
    await expectNoAxeViolations(assessor, "the form opened from an invitation, with its banner");

    await assessor.locator('li[id="indicator-LU1.1"]').getByRole("radio", { name: "++ in hoge mate ontwikkeld", exact: true }).check();
    await assessor.locator("#sign .sign-start").click();
    const file = await download(assessor, () => assessor.locator(".sign-confirm-button").click());
    const record = parseJsonStrict(file.text);
    assert.equal(record.schemaVersion, "4");
    assert.deepEqual(record.credentialSubject.invitation, { id: invitation.id, digestMultibase: digestMultibase(invitation) });
    assert.equal(record.credentialSubject.studentNumber, "500812345");
    assert.deepEqual(await verifyCredential(record), { verified: true, error: null });

    // Opening the same link again (now as a change of the fragment in the running app) opens the
    // same assessment, not a second one.
    const before = Object.keys(await stored(assessor)).filter((k) => k.includes(":assessment:"));
    await assessor.goto(link);
    await assessor.locator(".invitation-banner").waitFor();
    const after = Object.keys(await stored(assessor)).filter((k) => k.includes(":assessment:"));
    assert.deepEqual(after, before);
    return `link of ${link.length} characters`;
  }));

test("a changed, an expired and a foreign invitation are refused with their message, and nothing stored changes", (t) =>
  app.withPage(t, async (docent, { newPage }) => {
    const link = await makeInvitation(docent);
    const base = link.split("#")[0];
    const invitation = invitationIn(link);

    const changed = structuredClone(invitation);
    changed.credentialSubject.studentNumber = "500899999";
    // Signed in Node by a key of its own, as that key's issuer, but already past its due date.
    const other = newSigner();
    const expiredUnsigned = structuredClone(invitation);
    delete expiredUnsigned.proof;
    expiredUnsigned.validFrom = "2026-01-05T09:00:00Z";
    expiredUnsigned.validUntil = "2026-02-01T23:00:00Z";
    expiredUnsigned.credentialSubject.assessment.dueDate = "2026-02-01";
    const expired = other.sign(expiredUnsigned, invitation.proof);
    // Re-signed by another key, still naming the docent as issuer.
    const unsigned = structuredClone(invitation);
    delete unsigned.proof;
    const foreign = other.sign(unsigned, invitation.proof, { keepIssuer: true });
    assert.equal(foreign.issuer.id, invitation.issuer.id);

    const assessor = await newPage();
    await assessor.locator('li[id="indicator-LU2.1"]').getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).check();
    await saved(assessor);
    const kept = await stored(assessor);
    assert.equal(Object.keys(kept).filter((k) => k.startsWith("leeruitkomsten:v2:assessment:")).length, 1);
    const cases = [
      ["changed", linkWith(base, changed), /na het ondertekenen veranderd/],
      ["expired", linkWith(base, expired), /is verlopen \(geldig tot 2026-02-0[12] \d\d:00\)/],
      ["foreign", linkWith(base, foreign), /met een andere sleutel dan die van de docent/],
      ["damaged", `${base}#uitnodiging=${"A".repeat(9000)}`, /beschadigd of onvolledig/],
    ];
    for (const [what, url, message] of cases) {
      // Some arrive as a change of the fragment in the running app, the others by loading the page.
      if (what === "expired" || what === "damaged") await assessor.goto("about:blank");
      await assessor.goto(url);
      const alert = assessor.locator(".invitation-banner[role=alert]");
      await alert.waitFor();
      assert.match(await alert.textContent(), message, what);
      assert.match(await alert.textContent(), /Er is niets veranderd/);
      await expectNoAxeViolations(assessor, `the ${what} invitation's message`);
      assert.deepEqual(await stored(assessor), kept, `${what}: storage changed`);
      await alert.getByRole("button", { name: "Sluiten" }).click();
      await alert.waitFor({ state: "detached" });
      assert.equal(await assessor.locator("#meta-student-name").getAttribute("readonly"), null, what);
    }
  }));

test("a framework the hogeschool's link names by address travels in the invitation link; one opened from a file is not invited for", (t) =>
  app.withPage(t, async (docent, { newPage }) => {
    const { framework } = await loadFramework();
    framework.id = "testkader-2026";
    framework.title = "Testkader opbouwwerk";
    const body = JSON.stringify(framework);
    // The framework's server: answered by the test (the service worker is blocked, so that its
    // requests do not pass by these routes).
    const serve = (page) => page.context().route("**/kaders/testkader.json",
      (route) => route.fulfill({ status: 200, contentType: "application/json", body }));
    await serve(docent);
    await docent.goto(`${app.url}hogeschool.html?framework=kaders/testkader.json#invite`);
    await docent.getByRole("heading", { name: "Een praktijkbeoordelaar uitnodigen" }).waitFor();
    assert.match(await docent.locator(".invite-framework").textContent(), /Testkader opbouwwerk/);
    assert.equal(await docent.locator(".invite-framework-file").count(), 0);
    for (const [id, value] of Object.entries(INVITE)) await docent.locator(`#${id}`).fill(value);
    await docent.getByRole("button", { name: "Uitnodiging ondertekenen", exact: true }).click();
    const link = await docent.getByLabel("Link voor de beoordelaar").inputValue();
    assert.equal(link.split("#")[0], `${app.url}?framework=kaders%2Ftestkader.json`);
    const mail = await docent.getByRole("link", { name: "Mail openen" }).getAttribute("href");
    assert.ok(decodeURIComponent(mail).includes(link), "the mail holds the link");

    const assessor = await newPage();
    await serve(assessor);
    await assessor.goto("about:blank");
    await assessor.goto(link);
    const banner = assessor.locator(".invitation-banner");
    await banner.waitFor();
    assert.match(await banner.textContent(), /te beoordelen voor Testkader opbouwwerk, vóór/);
    await assessor.getByRole("heading", { level: 1, name: "Testkader opbouwwerk" }).waitFor();
    assert.equal(await assessor.locator("#meta-student-number").inputValue(), INVITE["invite-student-number"]);
    await assessor.locator('li[id="indicator-LU1.1"]').getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).check();
    await saved(assessor);
    // Opened later without the link, the list offers it, in its framework from the link.
    await assessor.goto("about:blank");
    await assessor.goto(`${app.form}#library`);
    const item = assessor.locator(".library-item", { hasText: "Geertruida" });
    await item.locator(".library-link-framework").waitFor();
    assert.match(await item.textContent(), /ander beoordelingskader, uit de link kaders\/testkader\.json/);
    await expectNoAxeViolations(assessor, "the list with an assessment of a link's framework");
    await item.getByRole("button", { name: "Openen" }).click();
    await assessor.getByRole("heading", { level: 1, name: "Testkader opbouwwerk" }).waitFor();
    assert.equal(new URL(assessor.url()).search, "?framework=kaders%2Ftestkader.json");
    assert.equal(await assessor.locator('li[id="indicator-LU1.1"]').getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).isChecked(), true);

    // A framework opened from a file on the hogeschool's page: the page stays, and its invite view
    // says why it cannot invite for it, with the way back to the built-in one.
    await docent.goto(`${app.url}hogeschool.html#library`);
    await docent.locator("#framework-file").waitFor({ state: "attached" });
    await docent.setInputFiles("#framework-file", { name: "testkader.json", mimeType: "application/json", buffer: Buffer.from(body) });
    await docent.locator(".framework-current", { hasText: "uit een bestand (testkader.json)" }).waitFor();
    assert.equal(new URL(docent.url()).pathname, "/hogeschool.html");
    await docent.getByRole("navigation").getByRole("button", { name: "Uitnodigen", exact: true }).click();
    const note = docent.locator(".invite-framework-file");
    await note.waitFor();
    assert.match(await note.textContent(), /uit een bestand op deze computer geopend/);
    await expectNoAxeViolations(docent, "the invite view with a framework from a file");
    for (const [id, value] of Object.entries(INVITE)) await docent.locator(`#${id}`).fill(value);
    await docent.getByRole("button", { name: "Uitnodiging ondertekenen", exact: true }).click();
    assert.match(await docent.locator(".invite-form [role=alert]").textContent(), /niet ondertekend/);
    await note.getByRole("button", { name: "Ingebouwd kader gebruiken" }).click();
    await note.waitFor({ state: "detached" });
    assert.match(await docent.locator(".invite-framework").textContent(), /Leeruitkomsten opbouwwerk/);
    assert.equal(await docent.locator(`#invite-student-number`).inputValue(), INVITE["invite-student-number"]);
  }, { context: { serviceWorkers: "block" } }));
