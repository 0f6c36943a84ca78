// Page tests of how the form starts (README: Speed, Start-up): the form opens without waiting for
// the crash journal, which puts back what it holds newer once it answers, whether the page's first
// script (journal-early.js) asked for it while the app's code loaded or the app asked itself, and
// keeps a change made before it answered; the evidence fields, made only when opened, work as before; and
// until the app's code has arrived the page says so (src/web/boot-status.js), in the link's
// language, also when it takes long or fails.
// Run: scripts/test page startup
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, reloadApp, saved, appReady, until, expectNoAxeViolations } from "./harness.mjs";

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const radio = (page, id, value) => page.locator(`input[name="score-${id}"][value="${value}"]`);

/**
 * Leaves the journal (IndexedDB) one change ahead of `localStorage`, as a browser killed within
 * seconds of a change does: the open assessment's entry in the journal also has LU1.2 on "high",
 * and is newer. Returns the entry's key.
 */
async function journalAhead(page) {
  return page.evaluate(async () => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("leeruitkomsten:v2:assessment:"));
    const entry = JSON.parse(localStorage.getItem(key));
    entry.assessment.outcomes.LU1.scores["LU1.2"] = "high";
    entry.updated = new Date(Date.parse(entry.updated) + 60_000).toISOString();
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open("leeruitkomsten", 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction("kv", "readwrite");
      tx.objectStore("kv").put(JSON.stringify(entry), key);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return key;
  });
}

/**
 * Scores LU1.1 "good" and leaves it in the journal only, as a browser killed in a first
 * session's first seconds leaves it: the journal's write committed, every `localStorage` write
 * lost.
 */
async function onlyInJournal(page) {
  await radio(page, "LU1.1", "good").check();
  await saved(page);
  await until(page, () => new Promise((resolve) => {
    const request = indexedDB.open("leeruitkomsten", 1);
    request.onerror = () => resolve(false);
    request.onsuccess = () => {
      const all = request.result.transaction("kv").objectStore("kv").getAll();
      all.onsuccess = () => { request.result.close(); resolve(all.result.some((text) => text.includes('"LU1.1":"good"'))); };
      all.onerror = () => resolve(false);
    };
  }));
  await page.evaluate(() => { for (const key of Object.keys(localStorage)) localStorage.removeItem(key); });
}

/** The times of the app's start-up marks (src/web/marks.rs) of these names. */
const marks = (page, ...names) => page.evaluate((names) => Object.fromEntries(names
  .map((name) => [name, performance.getEntriesByName(`lk:${name}`).map((m) => m.startTime)])), names);

/**
 * As journal-early.js asks, but the journal answers a second and a half late, as a slow disk's may.
 * The answer is there from the start, so that the app waits for it even where it starts before
 * that script (an async one) has run.
 */
const slowJournal = () => {
  let answer;
  const journal = new Promise((resolve) => { answer = resolve; });
  Object.defineProperty(globalThis, "leeruitkomstenJournal", {
    configurable: true,
    get: () => journal,
    set: (promise) => { promise.then((found) => setTimeout(() => answer(found), 1500)); },
  });
};

test("a returning visit opens the form before the journal answers; a change only the journal holds comes back into it, read by the page's first script", (t) => app.withPage(t, async (page) => {
  await radio(page, "LU1.1", "good").check();
  await saved(page);
  const key = await journalAhead(page);
  await reloadApp(page);
  await page.waitForFunction(() => document.querySelector('input[name="score-LU1.2"][value="high"]')?.checked === true);
  // The early script asked: the app took its answer.
  assert.equal(await page.evaluate(() => globalThis.leeruitkomstenJournal instanceof Promise), true);
  assert.equal(await radio(page, "LU1.1", "good").isChecked(), true);
  // The model was made from localStorage first, then made again from what the journal put back.
  const times = await marks(page, "model", "journal-read");
  assert.equal(times.model.length, 2, JSON.stringify(times));
  assert.ok(times.model[0] < times["journal-read"][0], JSON.stringify(times));
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key)).assessment.outcomes.LU1.scores["LU1.2"], "high");
}));

test("without the page's first script the app reads the crash journal itself, after the form opens", (t) => app.withPage(t, async (page) => {
  await radio(page, "LU1.1", "good").check();
  await saved(page);
  await journalAhead(page);
  // As where journal-early.js did not run: what it would leave is never there.
  await page.addInitScript(() => Object.defineProperty(globalThis, "leeruitkomstenJournal", { get: () => undefined, set: () => {} }));
  await reloadApp(page);
  assert.equal(await page.evaluate(() => globalThis.leeruitkomstenJournal), undefined);
  await page.waitForFunction(() => document.querySelector('input[name="score-LU1.2"][value="high"]')?.checked === true);
  // The journal is open for writing: the next change goes in too.
  await radio(page, "LU1.3", "present").check();
  const journalled = await page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open("leeruitkomsten", 1);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const all = request.result.transaction("kv").objectStore("kv").getAll();
      all.onsuccess = () => {
        // The journal also keeps which assessment is open: an id, not JSON.
        const entries = all.result.filter((text) => text.startsWith("{")).map((text) => JSON.parse(text));
        resolve(entries.filter((e) => e.assessment));
      };
    };
  }));
  assert.equal(journalled.some((e) => e.assessment.outcomes.LU1.scores["LU1.3"] === "present"), true);
}));

test("a change made before the journal answers stays, and the journal's newer copy of that assessment comes back beside it", (t) => app.withPage(t, async (page) => {
  await radio(page, "LU1.1", "good").check();
  await saved(page);
  const key = await journalAhead(page);
  await page.addInitScript(slowJournal);
  await reloadApp(page);
  // Before the journal answers, a change to the very assessment it holds a newer copy of.
  await radio(page, "LU1.3", "present").check();
  await page.waitForFunction(() => performance.getEntriesByName("lk:model").length === 2, null, { timeout: 10_000 });
  const entries = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith("leeruitkomsten:v2:assessment:"))
    .map((k) => [k, JSON.parse(localStorage.getItem(k))]));
  assert.equal(entries.length, 2, "the change and the journal's copy, each an assessment");
  const [, mine] = entries.find(([k]) => k === key);
  const [, apart] = entries.find(([k]) => k !== key);
  assert.deepEqual(mine.assessment.outcomes.LU1.scores, { "LU1.1": "good", "LU1.3": "present" });
  assert.deepEqual(apart.assessment.outcomes.LU1.scores, { "LU1.1": "good", "LU1.2": "high" });
  assert.notEqual(apart.id, mine.id);
  // The form still shows the change and says where the journal's copy went; the list holds both.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  assert.equal(await radio(page, "LU1.3", "present").isChecked(), true);
  assert.equal(await radio(page, "LU1.2", "high").isChecked(), false);
  const notice = page.locator(".storage-notice");
  assert.match(await notice.innerText(), /Je wijziging blijft staan; die nieuwere versie staat apart onder Beoordelingen\./);
  assert.equal(await notice.getAttribute("role"), "status");
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await page.locator(".library-item").first().waitFor();
  assert.equal(await page.locator(".library-item").count(), 2);
}));

test("a first visit opens the form without waiting for the journal; what only the journal holds comes back after", (t) => app.withPage(t, async (page) => {
  await onlyInJournal(page);
  await reloadApp(page);
  await page.waitForFunction(() => document.querySelector('input[name="score-LU1.1"][value="good"]')?.checked === true);
  const marks = await page.evaluate(() => Object.fromEntries(["lk:model", "lk:journal-read"]
    .map((name) => [name, performance.getEntriesByName(name).map((m) => m.startTime)])));
  // The form was made from what localStorage held (nothing), then the journal was read and the
  // page made again from what it put back.
  assert.equal(marks["lk:model"].length, 2, JSON.stringify(marks));
  assert.ok(marks["lk:journal-read"][0] > marks["lk:model"][0], JSON.stringify(marks));
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("leeruitkomsten:v2:assessment:")));
  assert.equal(stored.length, 1, "the journal's assessment is back, and no second one was made");
}));

test("a first visit whose journal answers late stays on the view the user went to meanwhile", (t) => app.withPage(t, async (page) => {
  await onlyInJournal(page);
  // The journal answers a second and a half late: by then the user has gone to the list.
  await page.addInitScript(slowJournal);
  await reloadApp(page);
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await page.locator(".library-new").waitFor();
  await page.waitForFunction(() => performance.getEntriesByName("lk:model").length === 2, null, { timeout: 10_000 });
  // What the journal put back is stored and listed, and the page is still the list.
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("leeruitkomsten:v2:assessment:")));
  assert.equal(stored.length, 1, "the journal's assessment is back");
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  assert.equal(await page.locator(".library-new").isVisible(), true, "the list is still shown");
  assert.equal(await page.locator("[role=radiogroup]").count(), 0, "the form did not come back in its place");
}));

test("an evidence field is made when its box is first opened, and keeps its text when closed and opened again", (t) => app.withPage(t, async (page) => {
  // 42 closed, empty boxes and no fields in them yet: the form starts with less to make.
  assert.equal(await page.locator("li.indicator details.comment").count(), 42);
  assert.equal(await page.locator("li.indicator details.comment textarea").count(), 0);
  const summary = page.locator('li[id="indicator-LU2.3"] details.comment summary');
  await summary.focus();
  await page.keyboard.press("Enter");
  const field = page.locator('li[id="indicator-LU2.3"]').getByRole("textbox", { name: "Toelichting (optioneel)" });
  await field.fill("Zelfstandig de buurtavond voorbereid.");
  await summary.click();
  await summary.click();
  assert.equal(await page.locator('textarea[id="comment-LU2.3"]').inputValue(), "Zelfstandig de buurtavond voorbereid.");
  await reloadApp(page);
  // A box with text opens with its field.
  assert.equal(await page.locator('li[id="indicator-LU2.3"] details.comment').evaluate((d) => d.open), true);
  assert.equal(await page.locator('textarea[id="comment-LU2.3"]').inputValue(), "Zelfstandig de buurtavond voorbereid.");
}));

// ---------------------------------------------------------------------------------------------
// Before the app: what the page says while its code arrives.

const WASM = /_bg\.wasm$/;

/**
 * A fresh context whose requests for the pages' .wasm wait until `release()`; `t.after` closes it.
 * Page errors are collected in `errors`.
 */
async function heldBack(t, options = {}) {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  t.after(() => context.close());
  context.setDefaultTimeout(15_000);
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await context.route(WASM, async (route) => { await released; await route.continue(); });
  const errors = [];
  const open = async (path) => {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${app.url}${path}`);
    return page;
  };
  return { context, open, release, errors };
}

test("while the app's code loads the page says so, in the link's language, then the form takes its place", async (t) => {
  const dutch = await heldBack(t);
  const page = await dutch.open("");
  const status = page.getByRole("status");
  assert.equal(await status.textContent(), "Het formulier wordt geladen…");
  assert.equal(await page.locator("[role=radiogroup]").count(), 0, "the form is not there yet");
  await expectNoAxeViolations(page, "the page while the app loads");

  // The hogeschool's page names itself; a link in English is answered in English at once.
  const hogeschool = await dutch.open("hogeschool.html");
  assert.equal(await hogeschool.getByRole("status").textContent(), "De pagina wordt geladen…");
  const english = await heldBack(t);
  const enPage = await english.open("?lang=en");
  assert.equal(await enPage.getByRole("status").textContent(), "Loading the form…");
  assert.equal(await enPage.locator(".boot-status").getAttribute("lang"), "en");
  // Without a link's language the kept preference counts; a language the app does not know in
  // the link is passed over, as the app passes it over.
  const kept = await heldBack(t);
  await kept.context.addInitScript(() => localStorage.setItem("leeruitkomsten:lang", "en"));
  for (const query of ["", "?lang=fr"]) {
    const keptPage = await kept.open(query);
    assert.equal(await keptPage.getByRole("status").textContent(), "Loading the form…", query);
  }

  dutch.release();
  english.release();
  await appReady(page);
  await appReady(enPage);
  await hogeschool.getByRole("heading", { level: 1 }).waitFor();
  for (const shown of [page, enPage, hogeschool]) {
    assert.equal(await shown.locator("#boot, .boot").count(), 0, "nothing of the loading sentence stays");
  }
  assert.equal(await page.locator("[role=radiogroup]").count(), 42);
  assert.equal(await enPage.locator(".app").getAttribute("lang"), "en");
  assert.deepEqual([...dutch.errors, ...english.errors], []);
});

test("a page that takes long says so, and one whose code cannot be loaded says what to do; trying again opens the form", async (t) => {
  const slow = await heldBack(t);
  await slow.context.clock.install();
  const page = await slow.open("");
  await page.clock.fastForward(9000);
  const line = page.locator(".boot-slow");
  assert.equal(await line.textContent(), "Dit duurt langer dan gewoonlijk. Is er verbinding met internet?");
  slow.release();
  await appReady(page);
  assert.equal(await line.count(), 0);

  // The .wasm does not arrive at all: a lost connection.
  const context = await app.browser.newContext();
  t.after(() => context.close());
  context.setDefaultTimeout(15_000);
  let failing = true;
  await context.route(WASM, (route) => (failing ? route.abort("internetdisconnected") : route.continue()));
  const failed = await context.newPage();
  await failed.goto(app.form);
  const alert = failed.getByRole("alert");
  assert.match(await alert.textContent(), /De app kon niet worden geladen\. Controleer de verbinding en probeer het opnieuw\./);
  assert.equal(await failed.getByRole("status").count(), 0, "no longer 'loading'");
  await expectNoAxeViolations(failed, "the page whose app could not be loaded");
  failing = false;
  await failed.getByRole("button", { name: "Opnieuw proberen" }).click();
  await appReady(failed);
  assert.equal(await failed.locator("[role=radiogroup]").count(), 42);
  assert.equal(await failed.getByRole("alert").count(), 0);
});

test("without JavaScript the page says what it needs, and not that it is loading", async (t) => {
  const context = await app.browser.newContext({ javaScriptEnabled: false });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(app.form);
  // What shows (Playwright's text locators pass <noscript> by).
  const shown = await page.innerText("body");
  assert.match(shown, /Deze app heeft JavaScript en WebAssembly nodig\./);
  assert.doesNotMatch(shown, /wordt geladen/);
});
