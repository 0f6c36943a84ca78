// Page-level tests that an assessment is never lost: autosave and reload, a browser killed in the
// middle of typing, full storage, a corrupted entry, two tabs on one assessment, and moving
// assessments to another browser with a backup file.
// Run: scripts/test page storage
import { test, before, after } from "node:test";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { startApp, appReady, reloadApp, download, until } from "./harness.mjs";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const LEVEL = { present: "□ aanwezig", good: "+ goed ontwikkeld", high: "++ in hoge mate ontwikkeld" };
const TEN = [
  ["LU1.1", "high"], ["LU1.2", "good"], ["LU1.3", "present"], ["LU2.1", "good"], ["LU2.4", "high"],
  ["LU3.2", "good"], ["LU4.1", "present"], ["LU5.3", "high"], ["LU6.1", "good"], ["LU6.9", "high"],
];

const radio = (page, id, level) => page.locator(`li[id="indicator-${id}"]`).getByRole("radio", { name: LEVEL[level], exact: true });
const progress = (page) => page.locator(".summary [role=status]").first().textContent();
const comment = (page, id) => page.locator(`textarea[id="comment-${id}"]`);

async function score(page, id, level) {
  await radio(page, id, level).check();
}

async function typeComment(page, id, text, delay = 0) {
  const details = page.locator(`li[id="indicator-${id}"] details.comment`);
  if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
  await comment(page, id).click();
  await page.keyboard.type(text, { delay });
}

async function expectScores(page, scores) {
  for (const [id, level] of scores) {
    assert.equal(await radio(page, id, level).isChecked(), true, `${id} should be ${level}`);
  }
}

async function openLibrary(page) {
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await page.getByRole("heading", { name: "Bewaarde beoordelingen" }).waitFor();
}

const notice = (page) => page.locator(".storage-notice");

test("ten scores and a comment typed just before a reload are all there after it", (t) => app.withPage(t, async (page) => {
  for (const [id, level] of TEN) await score(page, id, level);
  const text = "Zij leidde de buurtavond zelfstandig; zie verslag van 12 november.";
  await typeComment(page, "LU3.2", text);
  // No waiting: the reload follows the last keystroke at once.
  await reloadApp(page);
  await expectScores(page, TEN);
  assert.equal(await comment(page, "LU3.2").inputValue(), text);
  assert.equal(await progress(page), "10 van 42 indicatoren gescoord");
  assert.equal(await notice(page).count(), 0);
}));

test("'Kopie maken' stores a draft copy that the list points out; opened, it holds the same scores and can be changed", (t) => app.withPage(t, async (page) => {
  await page.getByLabel("Naam student", { exact: true }).fill("Noor El Amrani");
  await score(page, "LU1.1", "good");
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  const items = page.locator(".library-item");
  await items.first().waitFor();
  assert.equal(await items.count(), 1);
  await items.first().getByRole("button", { name: "Kopie maken" }).click();
  const said = page.getByRole("status").filter({ hasText: "Kopie gemaakt" });
  assert.equal(await said.textContent(), "Kopie gemaakt van de beoordeling van Noor El Amrani: een concept, bovenaan de lijst.");
  await items.nth(1).waitFor();
  assert.equal(await items.count(), 2);
  // The copy is the first in the list and says so; the original does not.
  const copy = items.first();
  assert.equal(await copy.getByText("nieuwe kopie", { exact: true }).count(), 1);
  assert.equal(await copy.getByText("concept", { exact: true }).count(), 1);
  assert.equal(await items.nth(1).getByText("nieuwe kopie", { exact: true }).count(), 0);
  assert.equal(await items.nth(1).getByText("nu open", { exact: true }).count(), 1, "the original is still the one open");

  await copy.getByRole("button", { name: "Openen" }).click();
  assert.equal(await radio(page, "LU1.1", "good").isChecked(), true);
  await score(page, "LU1.2", "high");
  assert.equal(await progress(page), "2 van 42 indicatoren gescoord");
  // Back on the list, the notice is gone; the copy is the one open now.
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await items.first().getByText("nu open", { exact: true }).waitFor();
  assert.equal(await page.getByText("Kopie gemaakt", { exact: false }).count(), 0);
  assert.equal(await page.getByText("nieuwe kopie", { exact: true }).count(), 0);
}));

/**
 * Holds back every timer the page sets from now on, so that the app's save after the render
 * (src/web/save_after_render.rs) never runs by itself: what is stored then can only have been
 * written on leaving the page or before another effect.
 */
async function holdTimers(page) {
  await page.evaluate(() => { window.setTimeout = () => 0; });
}

const storedScore = (page, id) => page.evaluate((id) => {
  const outcome = id.split(".")[0];
  const entry = Object.keys(localStorage).find((k) => k.startsWith("leeruitkomsten:v2:assessment:"));
  return entry ? JSON.parse(localStorage.getItem(entry)).assessment.outcomes[outcome]?.scores[id] ?? null : null;
}, id);

test("a change waits to be written until the page shows it, and is written on leaving or before another effect", (t) => app.withPage(t, async (page) => {
  await score(page, "LU1.1", "good");
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  assert.equal(await storedScore(page, "LU1.1"), "good", "written after the render");

  // With the timer held back: shown, not yet written; leaving the page writes it.
  await holdTimers(page);
  await score(page, "LU1.2", "high");
  assert.equal(await progress(page), "2 van 42 indicatoren gescoord");
  assert.equal(await storedScore(page, "LU1.2"), null, "the save waits for its timer");
  await reloadApp(page);
  await expectScores(page, [["LU1.1", "good"], ["LU1.2", "high"]]);

  // Another effect (the list of assessments reads storage) writes a waiting save first.
  await holdTimers(page);
  await score(page, "LU1.3", "present");
  assert.equal(await storedScore(page, "LU1.3"), null);
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  assert.equal(await storedScore(page, "LU1.3"), "present");
  await page.locator(".library-item", { hasText: "3/42 gescoord" }).waitFor();
  assert.equal(await notice(page).count(), 0);
}));

/** Starts Chromium ourselves on a profile directory, so that the test can kill it outright. */
async function launchOwnBrowser(profile) {
  const child = spawn("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank"], { stdio: ["ignore", "ignore", "pipe"] });
  const endpoint = await new Promise((resolve, reject) => {
    let seen = "";
    child.stderr.on("data", (data) => {
      seen += data;
      const found = seen.match(/DevTools listening on (ws:\S+)/);
      if (found) resolve(found[1]);
    });
    child.on("exit", (code) => reject(new Error(`chromium exited (${code}) before it listened: ${seen}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const page = await browser.contexts()[0].newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.goto(app.form);
  await appReady(page);
  return { child, browser, page, problems };
}

test("a browser killed in the middle of typing reopens with every score and keystroke", (t) => app.withPage(t, async () => {
  const profile = await mkdtemp(join(tmpdir(), "leeruitkomsten-kill-"));
  try {
    let run = await launchOwnBrowser(profile);
    for (const [id, level] of TEN.slice(0, 4)) await score(run.page, id, level);
    const text = "Gesprek met de wijkagent voorbereid";
    await typeComment(run.page, "LU2.1", text, 20);
    // Killed (SIGKILL, no chance to flush) within a few milliseconds of the last keystroke.
    // Chromium writes localStorage to disk seconds later; the app's IndexedDB journal is what
    // must bring this back.
    run.child.kill("SIGKILL");
    await new Promise((resolve) => run.child.on("exit", resolve));
    run = await launchOwnBrowser(profile);
    try {
      // The form opens from what localStorage kept; the journal puts back the rest once it answers.
      await until(run.page, ([scores, id, text]) => scores.every(([indicator, level]) =>
        document.querySelector(`input[name="score-${indicator}"][value="${level}"]`)?.checked)
        && document.getElementById(`comment-${id}`)?.value === text, [TEN.slice(0, 4), "LU2.1", text]);
      await expectScores(run.page, TEN.slice(0, 4));
      assert.equal(await comment(run.page, "LU2.1").inputValue(), text);
      assert.deepEqual(run.problems, []);
    } finally {
      await run.browser.close().catch(() => {});
      run.child.kill("SIGKILL");
    }
  } finally {
    // Chromium's helper processes may still be writing as it dies: retry the removal.
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}));

test("full storage gives a warning, keeps working in memory, offers everything as a download, and loses nothing", (t) => app.withPage(t, async (page) => {
  await score(page, "LU1.1", "good");
  // From now on every write is refused as a full quota would refuse it.
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    window.__restoreStorage = () => { Storage.prototype.setItem = original; };
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await score(page, "LU1.2", "high");
  await notice(page).getByText("kan niet in deze browser worden bewaard").waitFor();
  assert.equal(await notice(page).getAttribute("role"), "alert");
  // The form goes on: the refused change is shown and counted.
  await expectScores(page, [["LU1.1", "good"], ["LU1.2", "high"]]);
  await typeComment(page, "LU1.2", "Nog niet bewaard");
  assert.equal(await progress(page), "2 van 42 indicatoren gescoord");
  // Everything, including what could not be stored, comes out as a backup file.
  const file = await download(page, () => page.getByRole("button", { name: "Alles downloaden" }).click());
  const backup = JSON.parse(file.text);
  assert.equal(backup.type, "LeeruitkomstenBackup");
  assert.equal(backup.assessments.length, 1);
  assert.equal(backup.assessments[0].assessment.outcomes.LU1.scores["LU1.2"], "high");
  assert.equal(backup.assessments[0].assessment.outcomes.LU1.comments["LU1.2"], "Nog niet bewaard");
  // Space again: the next change saves everything and the warning goes.
  await page.evaluate(() => window.__restoreStorage());
  await score(page, "LU1.3", "present");
  await notice(page).waitFor({ state: "detached" });
  await reloadApp(page);
  await expectScores(page, [["LU1.1", "good"], ["LU1.2", "high"], ["LU1.3", "present"]]);
  assert.equal(await comment(page, "LU1.2").inputValue(), "Nog niet bewaard");
}));

test("storage that is switched off gives a warning at once, and the form works and downloads", (t) => app.withPage(t, async (page, { newPage }) => {
  // As in some private modes and with site data blocked: touching localStorage throws.
  const context = page.context();
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() { throw new DOMException("Access is denied for this document.", "SecurityError"); },
    });
  });
  await reloadApp(page);
  await notice(page).getByText("kan niet in deze browser worden bewaard").waitFor();
  await score(page, "LU6.2", "good");
  await typeComment(page, "LU6.2", "Alleen in het geheugen");
  assert.equal(await progress(page), "1 van 42 indicatoren gescoord");
  const file = await download(page, () => page.getByRole("button", { name: "Alles downloaden" }).click());
  const backup = JSON.parse(file.text);
  assert.equal(backup.assessments[0].assessment.outcomes.LU6.comments["LU6.2"], "Alleen in het geheugen");
  // The start screen says why it lists nothing.
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await page.getByText("De opslag van deze browser is niet beschikbaar").waitFor();
  // The hogeschool's page (a bundle of its own) warns the same way and still checks records.
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.waitForURL(/\/hogeschool\.html#verify$/);
  await notice(page).getByText("kan niet in deze browser worden bewaard").waitFor();
  await page.locator("#record-file").waitFor({ state: "attached" });
}));

test("both pages share the browser's storage: the hogeschool's page lists what the form saved and opens it in the form", (t) => app.withPage(t, async (page) => {
  await score(page, "LU2.3", "high");
  await typeComment(page, "LU2.3", "Gezien op de wijkavond");
  await page.getByRole("button", { name: "Cohortoverzicht", exact: true }).click();
  await page.waitForURL(/\/hogeschool\.html#cohort$/);
  await openLibrary(page);
  assert.match(page.url(), /\/hogeschool\.html#library$/, "the library opens on the hogeschool's own page");
  const item = page.locator(".library-item");
  assert.equal(await item.count(), 1);
  assert.equal(await item.locator(".library-progress").textContent(), "1/42 gescoord");
  await item.locator(".library-open").click();
  await page.waitForURL(/\/formulier\.html#assess$/);
  await page.locator(`li[id="indicator-LU2.3"]`).waitFor();
  await expectScores(page, [["LU2.3", "high"]]);
  assert.equal(await comment(page, "LU2.3").inputValue(), "Gezien op de wijkavond");
  // An address of the form's page that names a hogeschool view (a bookmark) goes there.
  await page.goto(`${app.url}?lang=nl#compare`);
  await page.waitForURL(`${app.url}hogeschool.html?lang=nl#compare`);
  assert.equal(await page.getByRole("button", { name: "Vergelijken", exact: true }).getAttribute("aria-pressed"), "true");
}));

test("a corrupted entry gives a warning, is kept as it is, and the other assessments load", (t) => app.withPage(t, async (page) => {
  await page.locator("#meta-student-name").fill("Eerste Student");
  await score(page, "LU1.1", "high");
  await openLibrary(page);
  await page.getByRole("button", { name: "Nieuwe beoordeling" }).click();
  await page.locator("#meta-student-name").fill("Tweede Student");
  await score(page, "LU2.2", "good");
  const corrupt = "leeruitkomsten:v2:assessment:beschadigd-1";
  await page.evaluate((key) => localStorage.setItem(key, '{"version":2,"id":"beschadigd-1","upd'), corrupt);
  await reloadApp(page);
  await notice(page).getByText("konden niet worden gelezen").waitFor();
  // The open assessment still opens.
  await expectScores(page, [["LU2.2", "good"]]);
  await openLibrary(page);
  const items = page.locator(".library-item");
  assert.equal(await items.count(), 2);
  const listed = await page.locator(".library-list").textContent();
  assert.ok(listed.includes("Eerste Student") && listed.includes("Tweede Student"), listed);
  assert.ok((await page.locator(".library-unreadable").textContent()).includes(corrupt));
  // Nothing overwrote it, and it can be downloaded as it is.
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), corrupt), '{"version":2,"id":"beschadigd-1","upd');
  const raw = await download(page, () => page.getByRole("button", { name: "Ruwe gegevens downloaden" }).click());
  assert.equal(raw.text, '{"version":2,"id":"beschadigd-1","upd');
  // The other one opens with its score.
  await page.locator(".library-item", { hasText: "Eerste Student" }).getByRole("button", { name: "Openen" }).click();
  await expectScores(page, [["LU1.1", "high"]]);
}));

test("two tabs on one assessment: a change in one shows in the other, with a notice", (t) => app.withPage(t, async (page, { newPage }) => {
  await score(page, "LU1.1", "good");
  const second = await page.context().newPage();
  await second.goto(app.form);
  await appReady(second);
  await expectScores(second, [["LU1.1", "good"]]);
  await score(second, "LU4.3", "high");
  await typeComment(second, "LU4.3", "In het tweede tabblad");
  // The first tab follows without a reload, and says so.
  await radio(page, "LU4.3", "high").waitFor();
  await page.waitForFunction(() => document.querySelector('textarea[id="comment-LU4.3"]')?.value === "In het tweede tabblad");
  await expectScores(page, [["LU1.1", "good"], ["LU4.3", "high"]]);
  await notice(page).getByText("in een ander tabblad gewijzigd").waitFor();
  // A change in the first tab is not lost either: the second follows it.
  await score(page, "LU5.1", "present");
  await second.waitForFunction(() => document.querySelector('input[name="score-LU5.1"][value="present"]')?.checked === true);
  await reloadApp(page);
  await expectScores(page, [["LU1.1", "good"], ["LU4.3", "high"], ["LU5.1", "present"]]);
  // Deleted in one tab while open in the other: the other warns and keeps it.
  await openLibrary(second);
  await second.locator(".library-item").first().getByRole("button", { name: "Verwijderen" }).click();
  await second.getByRole("button", { name: "Definitief verwijderen" }).click();
  await notice(page).getByText("in een ander tabblad verwijderd").waitFor();
  await expectScores(page, [["LU5.1", "present"]]);
  await second.close();
}));

test("a backup moves assessments to a fresh browser; importing never replaces a newer copy", (t) => app.withPage(t, async (page, { newPage }) => {
  await page.locator("#meta-student-name").fill("Sanne de Vries");
  await score(page, "LU1.1", "high");
  await openLibrary(page);
  await page.getByRole("button", { name: "Nieuwe beoordeling" }).click();
  await page.locator("#meta-student-name").fill("Daan Jansen");
  await score(page, "LU2.1", "good");
  await openLibrary(page);
  const first = await download(page, () => page.getByRole("button", { name: "Back-up downloaden" }).click());
  assert.match(first.name, /^leeruitkomsten-back-up-\d{4}-\d{2}-\d{2}\.json$/);

  // A fresh profile: nothing there; the backup brings both.
  const other = await newPage();
  await openLibrary(other);
  await other.setInputFiles("#backup-import", { name: first.name, mimeType: "application/json", buffer: Buffer.from(first.text) });
  await other.getByText("Back-up geïmporteerd: 2 nieuw, 0 bijgewerkt").waitFor();
  assert.equal(await other.locator(".library-item").count(), 2);
  await other.locator(".library-item", { hasText: "Daan Jansen" }).getByRole("button", { name: "Openen" }).click();
  await expectScores(other, [["LU2.1", "good"]]);
  // Work goes on there, and comes back by a second backup.
  await score(other, "LU2.2", "high");
  await openLibrary(other);
  const second = await download(other, () => other.getByRole("button", { name: "Back-up downloaden" }).click());
  await page.setInputFiles("#backup-import", { name: second.name, mimeType: "application/json", buffer: Buffer.from(second.text) });
  await page.getByText("Back-up geïmporteerd: 0 nieuw, 1 bijgewerkt, 1 al gelijk, 0 overgeslagen").waitFor();
  await page.locator(".library-item", { hasText: "Daan Jansen" }).getByRole("button", { name: "Openen" }).click();
  await expectScores(page, [["LU2.1", "good"], ["LU2.2", "high"]]);
  // The first, older backup again: the newer copy here stays.
  await openLibrary(page);
  await page.setInputFiles("#backup-import", { name: first.name, mimeType: "application/json", buffer: Buffer.from(first.text) });
  await page.getByText("0 nieuw, 0 bijgewerkt, 1 al gelijk, 1 overgeslagen").waitFor();
  await page.locator(".library-item", { hasText: "Daan Jansen" }).getByRole("button", { name: "Openen" }).click();
  await expectScores(page, [["LU2.2", "high"]]);
  // Not a backup: a clear message, nothing changed.
  await openLibrary(page);
  await page.setInputFiles("#backup-import", { name: "record.json", mimeType: "application/json", buffer: Buffer.from('{"type":"AssessmentRecord"}') });
  await page.getByText("Dit is geen back-up van deze app").waitFor();
  assert.equal(await page.locator(".library-item").count(), 2);
}));
