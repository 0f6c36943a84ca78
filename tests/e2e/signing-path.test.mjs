// Page-level tests of the everyday path of assessor, student and docent, as each meets it: signing
// is refused until the record names the student and who signs it (with a link to each field), the
// question before signing says who signs what for whom, and after signing a box *Volgende stap*
// says what to do with the file (in the school's words where the link gives them), with *Delen*
// where the device can share files. A new assessment keeps the assessor's details; times show in
// the user's time zone; and the wording around the framework's own texts is consistent.
// Everything is found by what the user sees: labels, headings and button texts.
// Run: scripts/test page signing-path
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { appReady, download, reloadApp, startApp } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const readFramework = async (name) => JSON.parse(await readFile(join(here, "../../frameworks", name), "utf8"));
const framework = await readFramework("leeruitkomsten-opbouwwerk-2026.json");
const profile = await readFramework("competentieprofiel-opbouwwerker-2010.json");
const INDICATORS = framework.core_tasks.flatMap((t) => t.learning_outcomes).flatMap((o) => o.indicators).length;

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const signSection = (page) => page.locator("#sign");
const startSigning = (page) => page.getByRole("button", { name: "Ondertekenen en exporteren…", exact: true }).click();

async function scoreOne(page, id = "LU1.1") {
  await page.locator(`li[id="indicator-${id}"]`).getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).check();
}

async function fill(page, fields) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
}

/** The question before signing as terms and values: { "Ondertekend door": "…", … }. */
async function confirmation(page) {
  const dialog = signSection(page).getByRole("alertdialog");
  await dialog.waitFor();
  return dialog.locator("dl.sign-summary > div").evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.querySelector("dt").textContent, r.querySelector("dd").textContent])));
}

/** Confirms signing and returns the file downloaded. */
async function confirmSigning(page) {
  const button = signSection(page).getByRole("alertdialog").getByRole("button", { name: /^(Definitief ondertekenen|Ondertekenen met \d+ open)$/ });
  const file = await download(page, () => button.click());
  await page.getByRole("heading", { name: "Ondertekend", exact: true }).waitFor();
  return file;
}

/** What the focused element is labelled, by its <label>. */
const focusedLabel = (page) => page.evaluate(() => document.activeElement?.labels?.[0]?.textContent ?? document.activeElement?.tagName);

test("signing is refused until the student number and the assessor's name are filled: the refusal names each field, links to it, and goes once they are filled; then the question says who signs what for whom", (t) => app.withPage(t, async (page) => {
  await scoreOne(page);
  await startSigning(page);
  const refusal = signSection(page).getByRole("alert");
  await refusal.getByText("Ondertekenen kan nog niet. Vul eerst in wat elk record moet noemen:").waitFor();
  assert.deepEqual(await refusal.getByRole("link").allTextContents(), ["Studentnummer", "Naam beoordelaar"]);
  assert.equal(await signSection(page).getByRole("alertdialog").count(), 0, "no way to sign from here");

  // Each link takes the user to the field itself, ready to type.
  await refusal.getByRole("link", { name: "Studentnummer" }).click();
  assert.equal(await focusedLabel(page), "Studentnummer");
  await page.keyboard.type("4812345");
  assert.deepEqual(await refusal.getByRole("link").allTextContents(), ["Naam beoordelaar"], "only what is still missing");
  await refusal.getByRole("link", { name: "Naam beoordelaar" }).click();
  assert.equal(await focusedLabel(page), "Naam beoordelaar");
  await page.keyboard.type("Karim Haddou");
  await refusal.waitFor({ state: "detached" });

  await fill(page, { "Naam student": "Sanne de Vries", "Rol beoordelaar": "werkbegeleider", Organisatie: "Buurtwerk Zuid", Datum: "2026-05-01" });
  await startSigning(page);
  assert.deepEqual(await confirmation(page), {
    "Ondertekend door": "Karim Haddou, werkbegeleider, Buurtwerk Zuid",
    "Beoordeelde student": "Sanne de Vries (4812345)",
    Beoordelingskader: framework.title,
    Datum: "2026-05-01",
    "Nog niet gescoord": String(INDICATORS - 1),
  });
  const file = await confirmSigning(page);
  assert.equal(file.name, "beoordeling-4812345-Sanne-de-Vries-2026-05-01.json");
}));

test("a student self-assessing on a phone must give their own name, signs as 'de student zelf', and gets a file named zelfbeoordeling-… with what to do with it", (t) => app.withPage(t, async (page) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.getByRole("radio", { name: "Zelfbeoordeling", exact: true }).check();
  await fill(page, { "Je studentnummer": "4812345", Datum: "2026-05-01" });
  await scoreOne(page);
  await page.locator('textarea[id="feedback-LU1"]').fill("Ik heb de bewonersavond zelf voorbereid.");
  await startSigning(page);
  assert.deepEqual(await signSection(page).getByRole("alert").getByRole("link").allTextContents(), ["Je naam"]);
  await fill(page, { "Je naam": "Anaïs Çelik" });
  await startSigning(page);
  const asked = await confirmation(page);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `the question is ${wide}px wider than the phone`);
  assert.equal(asked["Ondertekend door"], "de student zelf");
  assert.equal(asked["Beoordeelde student"], "Anaïs Çelik (4812345)");
  const file = await confirmSigning(page);
  assert.equal(file.name, "zelfbeoordeling-4812345-Anais-Celik-2026-05-01.json", "diacritics folded");
  const next = page.getByRole("region", { name: "Volgende stap" });
  assert.match(await next.textContent(), /Lever het bestand zelfbeoordeling-4812345-Anais-Celik-2026-05-01\.json in bij je docent/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);

  // Whoever reads the record sees the student's own words as such, not as feedback. On a phone
  // the views are behind the header's menu.
  await page.getByRole("button", { name: "Menu", exact: true }).click();
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  await page.locator(".verdict.is-valid").waitFor();
  assert.equal(await page.locator(".record-feedback").first().textContent(), "Toelichting van de student: Ik heb de bewonersavond zelf voorbereid.");
}));

test("after signing, 'Volgende stap' names the file as it was saved and where, with the school's instruction from the link as plain text; markup in the link is refused with a message", (t) => app.withPage(t, async (page) => {
  const instruction = "Lever het bestand in bij de opdracht ‘Stage 2 – eindbeoordeling’ in Brightspace & mail je docent.";
  await page.goto(`${app.url}?${new URLSearchParams({ instruction })}`);
  await appReady(page);
  await fill(page, { "Naam student": "Sanne de Vries", Studentnummer: "4812345", "Naam beoordelaar": "Karim Haddou", Datum: "2026-05-01" });
  await scoreOne(page);
  await startSigning(page);
  const file = await confirmSigning(page);
  const next = page.getByRole("region", { name: "Volgende stap" });
  const text = await next.textContent();
  assert.ok(text.includes(`Stuur het bestand ${file.name} naar de docent of de hogeschool van de student`), text);
  assert.ok(text.includes("map Downloads"), "says where the file went");
  assert.equal(await next.locator(".school-instruction").textContent(), `Je hogeschool vraagt: ${instruction}`);

  // Tags in the link are not shown as tags, nor as text: the value is refused and the page says why.
  await page.goto(`${app.url}?${new URLSearchParams({ instruction: "<b>Inleveren</b> bij Stage 2" })}`);
  await appReady(page);
  const problem = page.locator('li[data-param="instruction"]');
  await problem.waitFor();
  assert.equal(await problem.textContent(), "instruction: mag alleen gewone tekst zijn: geen < of > en geen regeleinden");
  assert.equal(await page.locator(".school-instruction").count(), 0);
  assert.equal(await page.locator("b", { hasText: "Inleveren" }).count(), 0);
}));

test("'Delen…' hands the signed file to the device's share sheet where it can share files, and is not offered where it cannot", (t) => app.withPage(t, async (page) => {
  const sign = async () => {
    await fill(page, { Studentnummer: "4812345", "Naam beoordelaar": "Karim Haddou" });
    await scoreOne(page);
    await startSigning(page);
    return confirmSigning(page);
  };
  // Desktop Chromium on Linux has no file sharing: no button that cannot work.
  const canShare = await page.evaluate(() => typeof navigator.canShare === "function"
    && navigator.canShare({ files: [new File(["{}"], "x.json", { type: "application/json" })] }));
  await sign();
  assert.equal(await page.getByRole("button", { name: "Delen…" }).count(), canShare ? 1 : 0);

  // A device that shares files, as phones do: the share sheet gets the record under its file name.
  await page.addInitScript(() => {
    navigator.canShare = (data) => Array.isArray(data?.files);
    navigator.share = async (data) => {
      const [file] = data.files;
      window.__shared = { name: file.name, type: file.type, text: await file.text() };
      if (window.__shareAnswer) throw new DOMException("no", window.__shareAnswer);
    };
  });
  await reloadApp(page);
  const share = page.getByRole("button", { name: "Delen…", exact: true });
  await share.click();
  await page.getByText("Het bestand is gedeeld.").waitFor();
  const shared = await page.evaluate(() => window.__shared);
  const again = await download(page, () => page.getByRole("button", { name: "Record opnieuw downloaden" }).click());
  assert.deepEqual(shared, { name: again.name, type: "application/json", text: again.text });

  // Closing the share sheet is no failure; a refusal says what to do instead.
  await page.evaluate(() => { window.__shareAnswer = "AbortError"; });
  await share.click();
  await page.waitForFunction(() => window.__shared);
  assert.equal(await page.getByText("Het bestand is gedeeld.").count(), 0);
  assert.equal(await page.getByText("Delen lukte niet").count(), 0);
  await page.evaluate(() => { window.__shareAnswer = "NotAllowedError"; });
  await share.click();
  await page.getByText("Delen lukte niet. Stuur het gedownloade bestand zelf, bijvoorbeeld als bijlage.").waitFor();
}));

test("'Nieuwe beoordeling starten' after signing says the signed one stays under Beoordelingen (and it does); the new one keeps the assessor's details and starts the student's empty", (t) => app.withPage(t, async (page) => {
  const assessor = { "Naam beoordelaar": "Karim Haddou", "Rol beoordelaar": "werkbegeleider", Organisatie: "Buurtwerk Zuid" };
  await fill(page, { "Naam student": "Sanne de Vries", Studentnummer: "4812345", ...assessor });
  await scoreOne(page);
  await startSigning(page);
  await confirmSigning(page);

  await page.getByRole("button", { name: "Nieuwe beoordeling starten", exact: true }).click();
  const question = signSection(page).getByRole("alertdialog");
  const warning = await question.textContent();
  assert.ok(warning.includes("blijft bewaard onder Beoordelingen"), warning);
  assert.ok(!warning.includes("verwijderd"), "nothing is removed");
  await question.getByRole("button", { name: "Nieuwe beoordeling starten", exact: true }).click();
  await startSigningButton(page).waitFor();

  for (const [label, value] of Object.entries(assessor)) {
    assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), value, label);
  }
  for (const label of ["Naam student", "Studentnummer"]) {
    assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), "", label);
  }
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  const signed = page.locator(".library-item", { hasText: "Sanne de Vries" });
  await signed.waitFor();
  assert.match(await signed.textContent(), /ondertekend/);
}));

function startSigningButton(page) {
  return page.getByRole("button", { name: "Ondertekenen en exporteren…", exact: true });
}

/** `iso` as a clock in `timeZone` reads it: "2026-05-01 15:00". */
function localTime(iso, timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

test("times show in the user's time zone (here Asia/Kolkata, UTC+5:30) while the record keeps UTC", async () => {
  const timeZone = "Asia/Kolkata";
  const context = await app.browser.newContext({ timezoneId: timeZone, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const errors = [];
  try {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(app.form);
    await appReady(page);
    await fill(page, { "Naam student": "Sanne de Vries", Studentnummer: "4812345", "Naam beoordelaar": "Karim Haddou" });
    await scoreOne(page);
    await startSigning(page);
    const file = await confirmSigning(page);
    const created = JSON.parse(file.text).proof.created;
    assert.match(created, /Z$/, "the record keeps UTC");
    const local = localTime(created, timeZone);
    assert.notEqual(local, created.slice(0, 16).replace("T", " "), "the test means something only off UTC");
    assert.match(await page.locator("#sign .signed-at").textContent(), new RegExp(`^Ondertekend op ${local} met sleutel `));

    await page.getByRole("button", { name: "Record controleren", exact: true }).click();
    await page.setInputFiles("#record-file", { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
    await page.locator(".verdict.is-valid").waitFor();
    assert.ok((await page.locator(".verdict").textContent()).includes(localTime(JSON.parse(file.text).created ?? created, timeZone)));
    assert.equal(await page.getByText("(UTC)").count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("wording: the scale is explained in the framework's own words; the 2010 competences show no empty 'Bekwaamheden' heading; 'Niveau C – Ontwerpen' reads with its space", (t) => app.withPage(t, async (page) => {
  const legend = page.getByRole("region", { name: "Schaal" });
  assert.equal(await legend.locator("p").first().textContent(), "Per gedragsindicator kies je in welke mate de competentie ontwikkeld is:");
  // The source's own words, exactly as the framework file has them.
  for (const level of framework.scale.levels) await legend.getByText(level.description, { exact: true }).waitFor();
  assert.ok(await page.getByRole("heading", { name: "Bekwaamheden", exact: true }).first().isVisible(), "the 2026 outcomes name theirs");

  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await page.getByRole("radio", { name: new RegExp(`^${profile.title}`) }).check();
  await page.locator(".library-new").click();
  await page.getByRole("heading", { level: 1, name: profile.title }).waitFor();
  const visible = await page.getByRole("heading", { name: "Bekwaamheden", exact: true }).evaluateAll((hs) => hs.filter((h) => h.offsetParent !== null).length);
  assert.equal(visible, 0, "no heading over an empty list");
  const [c] = profile.norms.levels;
  const label = page.locator(`label[for="norm-level-${c.id}"]`);
  assert.equal(await label.innerText(), `Niveau ${c.id} – ${c.title}`);
  assert.equal(await page.getByRole("radio", { name: `Niveau ${c.id} – ${c.title}`, exact: true }).count(), 1);
}));
