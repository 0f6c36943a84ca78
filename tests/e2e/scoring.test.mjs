// The scoring page (index.html, README: Three pages): what a plain link opens. It loads its own
// small module, not the whole form's; scores and details are kept as the whole form keeps them,
// so that the whole form (signing, the list, keys) opens the same assessment; a link with
// settings, or an assessment this page does not score, opens the whole form instead; another
// tab's change shows up; storage that refuses is said.
// Run: scripts/test page scoring
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { appReady, download, expectNoAxeViolations, loadFramework, reloadApp, saved, startApp } from "./harness.mjs";

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());
const { indicators } = await loadFramework();

const item = (page, id) => page.locator(`li[id="indicator-${id}"]`);
const level = (page, id, name) => item(page, id).getByRole("radio", { name, exact: true });
const GOOD = "+ goed ontwikkeld";
const HIGH = "++ in hoge mate ontwikkeld";
const progress = (page) => page.locator("#summary .progress");
/** The `.wasm` files the page has loaded, by their names' first part. */
const modules = (page) => page.evaluate(() => performance.getEntriesByType("resource")
  .map((r) => new URL(r.name).pathname.split("/").pop())
  .filter((n) => n.endsWith(".wasm"))
  .map((n) => n.replace(/-[0-9a-f]+_bg\.wasm$/, "")));

test("a plain link opens the scoring page with its own small module; scores and details are kept across a reload", (t) => app.withPage(t, async (page) => {
  assert.deepEqual(await modules(page), ["scoring"]);
  assert.equal(new URL(page.url()).pathname, "/");
  assert.equal(await page.getByRole("radiogroup").count(), indicators.length);
  assert.equal(await progress(page).textContent(), `0 van ${indicators.length} indicatoren gescoord`);
  await level(page, "LU1.1", GOOD).check();
  await level(page, "LU1.2", HIGH).check();
  await item(page, "LU1.3").getByRole("checkbox", { name: "Niet waargenomen", exact: true }).check();
  await page.getByLabel("Naam student").fill("Noor El Amrani");
  const feedback = page.locator("#outcome-LU1").getByLabel("Feedback op deze leeruitkomst");
  await feedback.fill("Sterk in het contact met bewoners.");
  assert.equal(await progress(page).textContent(), `2 van ${indicators.length} indicatoren gescoord`);
  await page.locator(".progress-dock").getByRole("button", { name: `Volgende open (${indicators.length - 3})` }).waitFor();
  await saved(page);
  await reloadApp(page);
  assert.equal(await level(page, "LU1.1", GOOD).isChecked(), true);
  assert.equal(await level(page, "LU1.2", HIGH).isChecked(), true);
  assert.equal(await page.getByLabel("Naam student").inputValue(), "Noor El Amrani");
  assert.equal(await feedback.inputValue(), "Sterk in het contact met bewoners.");
  await expectNoAxeViolations(page, "the scoring page");
}, { at: app.url }));

test("a score waits to be written until the page shows it, and is written when the page is hidden or left", (t) => app.withPage(t, async (page) => {
  const stored = (id) => page.evaluate((id) => {
    const entry = Object.keys(localStorage).find((k) => k.startsWith("leeruitkomsten:v2:assessment:"));
    return entry ? JSON.parse(localStorage.getItem(entry)).assessment.outcomes[id.split(".")[0]]?.scores[id] ?? null : null;
  }, id);
  await level(page, "LU1.1", GOOD).check();
  await saved(page);
  assert.equal(await stored("LU1.1"), "good", "written after the render");
  // With the timer held back: shown, not yet written; hiding the page (a phone switching apps)
  // writes it, and so does leaving it.
  await page.evaluate(() => { window.setTimeout = () => 0; });
  await level(page, "LU1.2", HIGH).check();
  assert.equal(await progress(page).textContent(), `2 van ${indicators.length} indicatoren gescoord`);
  assert.equal(await stored("LU1.2"), null, "the save waits for its timer");
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  assert.equal(await stored("LU1.2"), "high", "written as the page is hidden");
  await level(page, "LU1.3", GOOD).check();
  assert.equal(await stored("LU1.3"), null, "the save waits for its timer");
  await page.reload();
  await page.getByRole("radiogroup").first().waitFor();
  assert.deepEqual(await modules(page), ["scoring"]);
  assert.equal(await level(page, "LU1.3", GOOD).isChecked(), true, "written as the page was left");
}, { at: app.url }));

test("'Naar ondertekenen' opens the whole form on the same assessment; once it is signed, a plain link opens the whole form", (t) => app.withPage(t, async (page) => {
  for (const { id } of indicators) await level(page, id, GOOD).check();
  await page.getByLabel("Studentnummer").fill("123456");
  await page.getByLabel("Naam beoordelaar").fill("Sanne de Vries");
  await saved(page);
  await page.getByRole("link", { name: "Naar ondertekenen" }).click();
  await page.waitForURL(/\/formulier\.html/);
  await appReady(page);
  assert.ok((await modules(page)).includes("leeruitkomsten"), "the whole form's module");
  // At its signing section, not at the top of the form.
  await page.locator("#sign .sign-start").waitFor();
  assert.ok(await page.locator("#sign").evaluate((e) => {
    const box = e.getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0;
  }), "the signing section is in view");
  assert.equal(await level(page, "LU1.1", GOOD).isChecked(), true);
  assert.equal(await page.getByLabel("Studentnummer").inputValue(), "123456");
  await page.locator("#sign .sign-start").click();
  await download(page, () => page.locator(".sign-confirm-button").click());
  // Signed, the assessment is final: the scoring page gives way to the whole form, which shows it.
  await page.goto(app.url);
  await page.waitForURL(/\/formulier\.html/);
  await appReady(page);
  assert.deepEqual(await modules(page), ["leeruitkomsten"]);
  assert.equal(await level(page, "LU1.1", GOOD).isDisabled(), true, "read-only: signed");
}, { at: app.url }));

test("in English the scoring page says so to screen readers, and a skip link leads past the indicators to the summary", (t) => app.withPage(t, async (page) => {
  // The framework's words are Dutch: they say so of themselves only where the page does not.
  const wordsLang = () => page.locator("[id='indicator-LU1.1'] .indicator-text, [id='indicator-LU1.1'] .level-label")
    .evaluateAll((all) => all.map((e) => [e.getAttribute("lang"), e.closest("[lang]").getAttribute("lang")]));
  assert.equal(await page.locator(".app").getAttribute("lang"), "nl");
  assert.deepEqual(await wordsLang(), Array(4).fill([null, "nl"]));
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("heading", { name: "Assessment details", exact: true }).waitFor();
  assert.equal(await page.locator(".app").getAttribute("lang"), "en");
  assert.deepEqual(await wordsLang(), Array(4).fill(["nl", "nl"]));
  // Kept: a reload opens in English, and its first Tab reaches the skip link.
  await page.reload();
  await page.getByRole("heading", { name: "Assessment details", exact: true }).waitFor();
  assert.equal(await page.locator(".app").getAttribute("lang"), "en");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to the summary" });
  assert.equal(await skip.evaluate((e) => e === document.activeElement), true, "the first Tab reaches the skip link");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.hash === "#summary");
  // An in-page anchor is this page's own: a reload there stays on it.
  await page.reload();
  await page.getByRole("heading", { level: 1 }).waitFor();
  assert.deepEqual(await modules(page), ["scoring"]);
}, { at: app.url }));

test("a link with settings opens the whole form with them", (t) => app.withPage(t, async (page) => {
  await page.goto(`${app.url}?lang=en`);
  await page.waitForURL(/\/formulier\.html\?lang=en/);
  await appReady(page);
  await page.getByRole("heading", { name: "Assessment details", exact: true }).waitFor();
  // A view of the whole form, by its name in the fragment.
  await page.goto(`${app.url}#library`);
  await page.waitForURL(/\/formulier\.html#library$/);
  await page.locator(".library-new").waitFor();
}, { at: app.url }));

test("a change in another tab shows up on the scoring page, and a refused save is said while the scores stay", (t) => app.withPage(t, async (page, { newPage }) => {
  await level(page, "LU1.1", GOOD).check();
  await saved(page);
  const other = await newPage();
  // Another tab of the same browser: the same storage.
  const tab = await page.context().newPage();
  await tab.goto(app.form);
  await appReady(tab);
  await level(tab, "LU1.2", HIGH).check();
  await saved(tab);
  await page.locator(".notices").getByText("Deze beoordeling is in een ander tabblad gewijzigd.", { exact: false }).waitFor();
  assert.equal(await level(page, "LU1.2", HIGH).isChecked(), true);
  assert.equal(await progress(page).textContent(), `2 van ${indicators.length} indicatoren gescoord`);
  await tab.close();
  await other.close();

  // Storage full: every write refused from now on.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); };
  });
  await level(page, "LU1.3", GOOD).check();
  await page.getByRole("alert").getByText(/Je voortgang kan niet in deze browser worden bewaard/).waitFor();
  assert.equal(await level(page, "LU1.3", GOOD).isChecked(), true);
  assert.equal(await progress(page).textContent(), `3 van ${indicators.length} indicatoren gescoord`);
}, { at: app.url }));
