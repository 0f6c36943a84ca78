// Bulk verification (issue 17): the verify view checks a choice of many files in the verify
// workers (src/bin/verify-worker.rs, one per core), with a progress bar and a live count, while the
// page keeps answering; the results are shown in the order chosen, with the reasons of the bad
// files; the check can be stopped; and after one use the workers run offline too.
// Run: scripts/test page bulk
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp, cp, rm } from "node:fs/promises";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { DIST, describeSw, startApp, until } from "./harness.mjs";
import { LOADER_META, workerFiles, rebuildWorker } from "./worker-build.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const FILES = 600;

let app, record, work;
before(async () => {
  app = await startApp();
  record = await readFile(join(here, "../../examples/record.json"), "utf8");
  work = await mkdtemp(join(tmpdir(), "leeruitkomsten-bulk-"));
});
after(async () => {
  await app?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** A copy of the release build under `name`, changed by `change(dir)`, served. */
async function variant(name, change) {
  const dir = join(work, name);
  await cp(DIST, dir, { recursive: true });
  await change(dir);
  return startApp(dir);
}

/** The address of every worker the page starts, and of every file it and its workers fetch. */
function watchWorkers(page) {
  const seen = { workers: [], requests: [] };
  page.on("worker", (worker) => seen.workers.push(new URL(worker.url()).pathname));
  page.on("request", (request) => seen.requests.push(new URL(request.url()).pathname));
  return seen;
}

const jsonFile = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

/** FILES copies of the example record; the 8th changed after signing, the 41st not JSON. */
function choice() {
  return Array.from({ length: FILES }, (_, i) => {
    const name = `record-${String(i).padStart(3, "0")}.json`;
    if (i === 7) return jsonFile(name, record.replace(/"studentNumber": "[^"]*"/, '"studentNumber": "999"'));
    if (i === 40) return jsonFile(name, "Beste docent,");
    return jsonFile(name, record);
  });
}

/** Notes, from inside the page, every count the progress bar shows and when it goes. */
async function watchProgress(page) {
  await page.evaluate(() => {
    window.__bulk = { values: [], texts: [], gone: null };
    const observer = new MutationObserver(() => {
      const bar = document.querySelector("progress#batch-progress-bar");
      if (bar) {
        window.__bulk.values.push(Number(bar.value));
        window.__bulk.texts.push(document.querySelector(".batch-progress-count")?.textContent ?? "");
      } else if (window.__bulk.values.length && window.__bulk.gone === null) {
        window.__bulk.gone = performance.now();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

async function openVerify(page) {
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.locator("#record-file").waitFor({ state: "attached" });
}

/**
 * Checks the first 40 of `choice()` in the verify view, watching the workers the page starts and
 * what it fetches; returns what was seen once the summary (39 valid, 1 not) is there.
 */
async function checkForty(page, label = "") {
  const seen = watchWorkers(page);
  await openVerify(page);
  await watchProgress(page);
  await page.setInputFiles("#record-file", choice().slice(0, 40));
  await page.locator(".batch-summary").waitFor({ timeout: 60_000 });
  assert.equal(await page.locator(".batch-summary").innerText(), "40 bestanden gecontroleerd: 39 geldig, 1 niet geldig.", label);
  return seen;
}

test("many files are checked in the workers with progress, in order, and a click during it is handled", async (t) => {
  await app.withPage(t, async (page) => {
    await openVerify(page);
    await watchProgress(page);
    await page.setInputFiles("#record-file", choice());
    const bar = page.getByRole("progressbar", { name: "Bestanden controleren" });
    await bar.waitFor();
    // A click while the workers check: the app switches language at once, the run goes on.
    const clicked = await page.evaluate(() => performance.now());
    await page.locator(".lang-switch").click();
    await page.getByRole("progressbar", { name: "Checking files" }).waitFor();
    const handled = await page.evaluate(() => performance.now());
    const running = await page.locator("progress#batch-progress-bar").count();

    const summary = page.locator(".batch-summary");
    await summary.waitFor({ timeout: 60_000 });
    assert.equal(await summary.innerText(), `${FILES} files checked: ${FILES - 2} valid, 2 not valid.`);
    const names = await page.locator(".batch-table tbody th.batch-file").allInnerTexts();
    assert.deepEqual(names, choice().map((f) => f.name), "the results in the order chosen");
    const results = await page.locator(".batch-table tbody td.batch-result").allInnerTexts();
    assert.deepEqual(results.flatMap((r, i) => (r === "Valid" ? [] : [i])), [7, 40]);
    // The reasons of a bad file are those the page gives for one file.
    const changed = await page.locator(".batch-table tbody tr").nth(7).locator(".batch-reasons").innerText();
    assert.match(changed, /changed after it was signed/);
    assert.equal(await page.locator("progress#batch-progress-bar").count(), 0, "the bar goes when done");

    const seen = await page.evaluate(() => window.__bulk);
    assert.ok(seen.values.some((v) => v > 0 && v < FILES), `a count between 0 and ${FILES}: ${seen.values.slice(0, 20)}`);
    assert.ok(seen.values.every((v, i) => i === 0 || v >= seen.values[i - 1]), "the count only grows");
    assert.ok(seen.texts.some((text) => /^\d+ van 600 gecontroleerd$/.test(text)), seen.texts.slice(0, 5).join(" | "));
    assert.ok(seen.texts.some((text) => /^\d+ of 600 checked$/.test(text)), "the count in English after the click");
    await page.locator(".lang-switch").click();
    return `click handled in ${(handled - clicked).toFixed(0)} ms with the run ${running ? "still going" : "already done"}`;
  });
});

test("files of many sizes in one choice: each verdict is its own file's", async (t) => {
  // A worker reads a batch's files in one go and cuts what it gets by each file's size: a file
  // too large to read, an empty one, and records written compactly or spread wide must each keep
  // their own verdict, and a shift would make the files after them not valid.
  const compact = JSON.stringify(JSON.parse(record));
  const wide = JSON.stringify(JSON.parse(record), null, 8);
  const files = Array.from({ length: 40 }, (_, i) => {
    const name = `record-${String(i).padStart(3, "0")}.json`;
    if (i === 3) return jsonFile(name, record + " ".repeat(5 * 1024 * 1024));
    if (i === 5) return jsonFile(name, "");
    if (i === 12) return jsonFile(name, compact.replace(/"studentNumber":"[^"]*"/, '"studentNumber":"999"'));
    return jsonFile(name, [record, compact, wide][i % 3]);
  });
  await app.withPage(t, async (page) => {
    await openVerify(page);
    await page.setInputFiles("#record-file", files);
    const summary = page.locator(".batch-summary");
    await summary.waitFor({ timeout: 60_000 });
    assert.equal(await summary.innerText(), "40 bestanden gecontroleerd: 37 geldig, 3 niet geldig.");
    const rows = page.locator(".batch-table tbody tr");
    const results = await page.locator(".batch-table tbody td.batch-result").allInnerTexts();
    assert.deepEqual(results.flatMap((r, i) => (r === "Geldig" ? [] : [i])), [3, 5, 12]);
    assert.match(await rows.nth(3).locator(".batch-reasons").textContent(), /te groot voor een record/);
    assert.match(await rows.nth(12).locator(".batch-reasons").innerText(), /na het ondertekenen veranderd/);
  });
});

test("the check can be stopped: the workers end and the view says how far it got", async (t) => {
  await app.withPage(t, async (page) => {
    await openVerify(page);
    await page.setInputFiles("#record-file", choice());
    await page.getByRole("progressbar", { name: "Bestanden controleren" }).waitFor();
    await page.getByRole("button", { name: "Stoppen" }).click();
    const stopped = page.locator(".batch-stopped");
    await stopped.waitFor();
    assert.match(await stopped.innerText(), /^Controle gestopt: \d+ van 600 bestanden waren gecontroleerd\./);
    assert.equal(await page.locator(".batch-table").count(), 0, "no table of part of the files");
    assert.equal(await page.locator("progress#batch-progress-bar").count(), 0);
    // A new choice is checked in full.
    await page.setInputFiles("#record-file", choice().slice(0, 40));
    await page.locator(".batch-summary").waitFor();
    assert.equal(await page.locator(".batch-summary").innerText(), "40 bestanden gecontroleerd: 39 geldig, 1 niet geldig.");
    assert.equal(await page.locator(".batch-stopped").count(), 0);
  });
});

test("after one use the workers check files offline", async (t) => {
  await app.withPage(t, async (page) => {
    await openVerify(page);
    await page.setInputFiles("#record-file", choice().slice(0, 40));
    await page.locator(".batch-summary").waitFor();
    // The service worker stored the worker's files as they were fetched.
    const cached = await page.evaluate(async () => {
      const names = [];
      for (const key of await caches.keys()) {
        for (const request of await (await caches.open(key)).keys()) names.push(new URL(request.url).pathname);
      }
      return names;
    });
    for (const file of Object.values(await workerFiles(DIST))) {
      assert.ok(cached.includes(`/${file}`), `${file} is cached: ${cached.join(", ")}`);
    }
    await page.context().setOffline(true);
    await page.reload();
    await page.locator("#record-file").waitFor({ state: "attached" });
    await watchProgress(page);
    await page.setInputFiles("#record-file", choice());
    await page.locator(".batch-summary").waitFor({ timeout: 60_000 });
    assert.equal(await page.locator(".batch-summary").innerText(), `${FILES} bestanden gecontroleerd: ${FILES - 2} geldig, 2 niet geldig.`);
    const seen = await page.evaluate(() => window.__bulk);
    assert.ok(seen.values.some((v) => v > 0), "the workers answered offline (the page's own check shows no count)");
    await page.context().setOffline(false);
  });
});

test("a first visit straight to the hogeschool's page: stored once the service worker controls it (its own files sent once), then it opens offline", async () => {
  // No visit to the form first: the page loads before any worker exists, so its files pass the
  // worker by, and are stored when the worker takes control.
  const context = await app.browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const before = new Map(app.sent);
    await page.goto(`${app.url}hogeschool.html#verify`);
    await page.locator("#record-file").waitFor({ state: "attached" });
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
    // Every file of the hogeschool's page: the worker stores them one after another, and a reload
    // before the last is stored would find it missing offline.
    const { hogeschool, hogeschoolAssets } = describeSw(await readFile(join(DIST, "sw.js"), "utf8"));
    await until(page, async (wanted) => {
      for (const key of await caches.keys()) {
        const paths = new Set((await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname));
        if (wanted.every((file) => paths.has(`/${file}`))) return true;
      }
      return false;
    }, [hogeschool, ...hogeschoolAssets], { timeout: 30_000, interval: 250 });
    // The service worker stored the files the page had loaded from the HTTP cache, not downloaded
    // again. (The verify workers' files may be fetched by the workers and the service worker at
    // the same time, each missing the other's copy.)
    const sent = (file) => (app.sent.get(`/${file}`) ?? 0) - (before.get(`/${file}`) ?? 0);
    const own = hogeschoolAssets.filter((file) => !file.startsWith("verify-worker"));
    const twice = own.filter((file) => sent(file) !== 1).map((file) => `${file} ${sent(file)}`);
    assert.deepEqual(twice, [], "each of the page's own files is sent once");
    await context.setOffline(true);
    const response = await page.reload();
    assert.ok(response?.fromServiceWorker(), "hogeschool.html came from the worker");
    await page.locator("#record-file").waitFor({ state: "attached" });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("each build's page starts the workers of its own build, named by their content", async (t) => {
  const a = await workerFiles(DIST);
  let b;
  const other = await variant("b", async (dir) => {
    b = await rebuildWorker(dir, (glue) => `${glue}\n// build B\n`);
  });
  try {
    // Another glue: another glue's name and so another loader's; the same wasm keeps its name.
    assert.notEqual(b.glue, a.glue);
    assert.notEqual(b.loader, a.loader);
    assert.equal(b.wasm, a.wasm, "the same bytes, the same name");
    for (const [served, own, theirs] of [[app, a, b], [other, b, a]]) {
      await served.withPage(t, async (page) => {
        const seen = await checkForty(page);
        assert.ok(seen.workers.length > 0, "workers were started");
        assert.deepEqual([...new Set(seen.workers)], [`/${own.loader}`], "every worker is started by this build's loader");
        for (const file of [own.glue, own.wasm]) assert.ok(seen.requests.includes(`/${file}`), `${file} was fetched`);
        for (const file of [theirs.loader, theirs.glue]) assert.equal(seen.requests.includes(`/${file}`), false, `${file} is the other build's`);
        const counted = await page.evaluate(() => window.__bulk.values);
        assert.ok(counted.some((v) => v > 0), "the workers answered");
      });
    }
  } finally {
    await other.close();
  }
});

test("a page that names no loader, or one that is not its build's, checks the files itself", async (t) => {
  const cases = {
    missing: () => "",
    foreign: () => '<meta name="leeruitkomsten-verify-worker" content="https://example.org/verify-worker-0123456789abcdef_loader.js">',
    "outside its folder": (loader) => `<meta name="leeruitkomsten-verify-worker" content="../${loader}">`,
  };
  for (const [name, meta] of Object.entries(cases)) {
    const served = await variant(name.replaceAll(" ", "-"), async (dir) => {
      const page = join(dir, "hogeschool.html");
      const html = await readFile(page, "utf8");
      await writeFile(page, html.replace(LOADER_META, (_, loader) => meta(loader)));
    });
    try {
      await served.withPage(t, async (page) => {
        const seen = await checkForty(page, name);
        const results = await page.locator(".batch-table tbody td.batch-result").allInnerTexts();
        assert.deepEqual(results.flatMap((r, i) => (r === "Geldig" ? [] : [i])), [7], name);
        assert.deepEqual(seen.workers, [], `${name}: no worker started`);
        assert.equal(seen.requests.some((path) => path.includes("verify-worker")), false, `${name}: no worker's file fetched`);
      });
    } finally {
      await served.close();
    }
  }
});
