// Offline use of the release build: the service worker (scripts/write-sw, src/web/sw.js) in Debian's
// Chromium driven by playwright-core. The scoring page is visited once online, the server is then
// stopped and the browser taken offline, and both form pages must still open, the scoring page
// score. A second build on the same
// address must then replace the first one's cache. Run: scripts/test page offline
//
// The tests run in order and build on each other: one browser profile goes through every step.
import { test, before, after } from "node:test";
import { createServer } from "node:http";
import { readFile, readdir, writeFile, rename, mkdtemp, cp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { extname, join, normalize, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import assert from "node:assert/strict";
import { DIST as dist, describeSw as describe, expectBuild, launchChromium } from "./harness.mjs";
import { workerFiles, rebuildWorker } from "./worker-build.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const writeSw = join(here, "../../scripts/write-sw");

const generate = (dir) => execFileSync("bash", [writeSw, dir], { stdio: ["ignore", "ignore", "inherit"] });
let work, buildA, buildB, oldCss, newCss, swA, swB, workersA, workersB;
const GLUE_B = "// build B";

// Build B: build A with one stylesheet changed, renamed and relinked the way trunk would do it, so
// that only the generator decides what the worker of B caches.
before(async () => {
  await expectBuild(dist);
  work = await mkdtemp(join(tmpdir(), "leeruitkomsten-offline-"));
  buildA = join(work, "a");
  buildB = join(work, "b");
  await cp(dist, buildA, { recursive: true });
  await cp(dist, buildB, { recursive: true });
  // The form's page links one style sheet, its sheets joined (scripts/join-styles).
  oldCss = (await readFile(join(buildB, "index.html"), "utf8")).match(/styles-[0-9a-f]{16}\.css/)?.[0];
  assert.ok(oldCss, "the form's page links no styles-….css");
  const css = Buffer.concat([await readFile(join(buildB, oldCss)), Buffer.from("\n/* build B */\n")]);
  newCss = `styles-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  await writeFile(join(buildB, newCss), css);
  await rm(join(buildB, oldCss));
  const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const indexB = (await readFile(join(buildB, "index.html"), "utf8"))
    .replace(oldCss, newCss)
    .replace(sri(await readFile(join(buildA, oldCss))), sri(css));
  await writeFile(join(buildB, "index.html"), indexB);
  // B's verify worker differs too, named by its content as in a build (scripts/name-worker).
  workersA = await workerFiles(buildA);
  workersB = await rebuildWorker(buildB, (glue) => `${glue}\n${GLUE_B}\n`);
  assert.notEqual(workersB.loader, workersA.loader);
  generate(buildB);
  swA = await readFile(join(dist, "sw.js"), "utf8");
  swB = await readFile(join(buildB, "sw.js"), "utf8");
});

test("the release build's sw.js lists every file of that build and nothing else, each page's apart", async () => {
  const { assets, hogeschool, hogeschoolAssets, fetched } = describe(swA);
  const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name).slice(dist.length + 1))
    .filter((f) => !["sw.js", "index.html", "formulier.html"].includes(f)).sort();
  assert.deepEqual([...assets, hogeschool, ...hogeschoolAssets, ...fetched].sort(), files);
  // The 2010 profile, which the form fetches when it is first chosen (profile-on-demand.test.mjs).
  assert.deepEqual(fetched, ["frameworks/competentieprofiel-opbouwwerker-2010.json"]);
  assert.equal(hogeschool, "hogeschool.html");
  // Each form page (the scoring page and the whole form) names its own loader, which names its
  // own .wasm (with the default framework); both are stored when the worker installs, so that
  // signing works offline after a first visit to the scoring page.
  const wasm = assets.filter((f) => f.endsWith(".wasm")).sort();
  assert.equal(wasm.length, 2, `the form's pages have two .wasm: ${wasm}`);
  const pages = {};
  for (const page of ["index.html", "formulier.html"]) {
    pages[page] = await readFile(join(dist, page), "utf8");
    const loader = assets.find((f) => /^init-[0-9a-f]+\.js$/.test(f) && pages[page].includes(f));
    assert.ok(loader, `${page}'s loader is stored when the worker installs`);
    const own = wasm.filter((f) => readFileSync(join(dist, loader), "utf8").includes(f));
    assert.equal(own.length, 1, `${page}'s loader names one .wasm`);
    pages[page] += own[0];
  }
  assert.match(pages["index.html"], /scoring-[0-9a-f]+_bg\.wasm$/);
  assert.match(pages["formulier.html"], /leeruitkomsten-[0-9a-f]+_bg\.wasm$/);
  // What only the hogeschool's page loads is not in the form's list.
  assert.ok(hogeschoolAssets.some((f) => /^hogeschool-[0-9a-f]+_bg\.wasm$/.test(f)), "the hogeschool's .wasm is listed apart");
  for (const file of hogeschoolAssets) {
    for (const page of Object.keys(pages)) assert.equal(pages[page].includes(file), false, `${file} is not ${page}'s`);
  }
});

// scripts/join-styles: a page waits for every stylesheet it links before it runs its scripts.
test("each page links one style sheet, named by its content, with the rules of that page's sheets only", async () => {
  const css = (await readdir(dist)).filter((f) => f.endsWith(".css")).sort();
  const sheets = {};
  const names = new Set();
  for (const page of ["index.html", "formulier.html", "hogeschool.html"]) {
    const html = await readFile(join(dist, page), "utf8");
    const links = html.match(/<link [^>]*rel="?stylesheet"?[^>]*>/g) ?? [];
    assert.equal(links.length, 1, `${page} links ${links.length} style sheets`);
    const name = links[0].match(/styles-[0-9a-f]{16}\.css/)?.[0];
    assert.ok(name, `${page} links ${links[0]}`);
    const bytes = await readFile(join(dist, name));
    assert.equal(name, `styles-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.css`);
    assert.ok(links[0].includes(`sha384-${createHash("sha384").update(bytes).digest("base64")}`), `${page}: integrity`);
    sheets[page] = bytes.toString("utf8");
    names.add(name);
  }
  // No sheet is left in the build that no page links (the service worker would store it).
  assert.deepEqual(css, [...names].sort());
  // The form's rules are in both, in the order the pages link them; the views of the hogeschool's
  // page (styles/compare.css, styles/cohort.css) only in its own.
  for (const text of Object.values(sheets)) {
    assert.ok(text.indexOf(".indicator") >= 0 && text.indexOf(".indicator") < text.indexOf("@media print"), "app.css comes first");
  }
  for (const rule of [".compare-sides", ".cohort-status"]) {
    assert.ok(sheets["hogeschool.html"].includes(rule), `${rule} on the hogeschool's page`);
    assert.ok(!sheets["index.html"].includes(rule), `${rule} not on the scoring page`);
    assert.ok(!sheets["formulier.html"].includes(rule), `${rule} not on the whole form's page`);
  }
});

test("scripts/write-sw is deterministic: the same build gives the same sw.js, byte for byte", async () => {
  generate(buildA);
  assert.equal(await readFile(join(buildA, "sw.js"), "utf8"), swA);
  generate(buildA);
  assert.equal(await readFile(join(buildA, "sw.js"), "utf8"), swA);
});

test("a build with a new asset name gets a new cache name and lists the new name, not the old", async () => {
  const a = describe(swA);
  const b = describe(swB);
  assert.notEqual(b.build, a.build);
  assert.ok(b.assets.includes(newCss) && !b.assets.includes(oldCss));
  assert.deepEqual(b.assets.filter((f) => f !== newCss), a.assets.filter((f) => f !== oldCss));
});

// A server that can really go away: stop() closes the listening socket and every open connection,
// and start() brings it back on the same port, which keeps the origin and so the worker and cache.
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css",
  ".svg": "image/svg+xml" };
let root = dist;
// When set, requests are accepted and never answered, like a network that neither works nor fails.
let silent = false;
// How often each file was sent, by path.
const served = new Map();
const server = createServer(async (req, res) => {
  if (silent) return;
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  try {
    const body = await readFile(join(root, path === "/" ? "index.html" : path));
    served.set(path, (served.get(path) ?? 0) + 1);
    // As many hosts do: scripts, styles and wasm may be reused from the HTTP cache for a day, the
    // pages (and the worker itself, which browsers check anyway) are asked for each time.
    const lasting = /\.(js|css|wasm)$/.test(path) && !path.endsWith("sw.js");
    res.writeHead(200, {
      "content-type": types[extname(path) || ".html"] ?? "application/octet-stream",
      "cache-control": lasting ? "max-age=86400" : "no-cache",
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
let port = 0;
const start = () => new Promise((resolve) => server.listen(port, "127.0.0.1", () => {
  port = server.address().port;
  resolve();
}));
const stop = () => new Promise((resolve) => {
  server.close(resolve);
  server.closeAllConnections();
});
let url, browser, context, page;
const problems = [];
before(async () => {
  await start();
  url = `http://127.0.0.1:${port}/`;
  browser = await launchChromium();
  // One context throughout: it is the browser profile that keeps the worker, the cache and
  // localStorage from one visit to the next.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
});
after(async () => {
  await context?.close();
  await browser?.close();
  if (server.listening) await stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const heading = () => page.getByRole("heading", { level: 1 }).waitFor();
const progress = () => page.getByRole("status").first().textContent();
const radio = (id, name) => page.locator(`li[id="indicator-${id}"]`).getByRole("radio", { name, exact: true });
// Every stylesheet the page links has its rules, so each came through, from network or cache.
const styleRules = () => page.evaluate(() => {
  const sheets = [...document.styleSheets];
  return sheets.length === document.querySelectorAll('link[rel="stylesheet"]').length && sheets.every((s) => s.cssRules.length > 0);
});
const cacheNames = () => page.evaluate(() => caches.keys());
const cacheOf = (sw) => `leeruitkomsten ${url} ${describe(sw).build}`;
async function until(condition, what, ms = 15000) {
  for (const end = Date.now() + ms; !(await condition()); ) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const goOffline = async () => {
  await stop();
  await context.setOffline(true);
};
const goOnline = async () => {
  await context.setOffline(false);
  await start();
};

test("first visit to the scoring page: the worker installs, caches build A (both form pages) and controls the page without a reload, each file sent once", async () => {
  await page.goto(url);
  await heading();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), `${url}sw.js`);
  assert.deepEqual(await cacheNames(), [cacheOf(swA)]);
  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1)).sort();
  }, cacheOf(swA));
  assert.deepEqual(cached, [...describe(swA).assets, "index.html", "formulier.html"].sort());
  // The worker stores the files the page has just downloaded, not a second download of each. (The
  // icon is not among them: the browser fetches it when it gets round to it, which may be after
  // the worker has.)
  const loaded = describe(swA).assets.filter((file) => /\.(js|css|wasm)$/.test(file));
  assert.ok(loaded.some((file) => file.endsWith(".wasm")), `the form's files: ${loaded}`);
  const twice = loaded.filter((file) => served.get(`/${file}`) !== 1);
  assert.deepEqual(twice, [], `sent other than once: ${twice.map((f) => `${f} ${served.get(`/${f}`)}`)}`);
  await radio("LU3.2", "+ goed ontwikkeld").check();
  assert.equal(await progress(), "1 van 42 indicatoren gescoord");
});

test("the hogeschool's page: stored as it loads, then opens offline and leads back to the form", async () => {
  const { hogeschool, hogeschoolAssets } = describe(swA);
  await page.goto(`${url}formulier.html`);
  await heading();
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.waitForURL(`${url}hogeschool.html#verify`);
  await heading();
  await page.locator("#record-file").waitFor({ state: "attached" });
  const stored = () => page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1)).sort();
  }, cacheOf(swA));
  // The verify workers' files are the hogeschool's too, fetched (and stored) as the verify view
  // starts its workers; tests/e2e/bulk.test.mjs checks the workers offline.
  const workers = hogeschoolAssets.filter((file) => file.startsWith("verify-worker"));
  assert.deepEqual(workers.sort(), Object.values(workersA).sort(), "the workers' script, wasm and loader are listed");
  const wanted = [...describe(swA).assets, "index.html", "formulier.html", hogeschool, ...hogeschoolAssets].sort();
  await until(async () => (await stored()).join() === wanted.join(), "the hogeschool's files are stored");
  await goOffline();
  const response = await page.reload();
  assert.ok(response?.fromServiceWorker(), "hogeschool.html came from the worker");
  await heading();
  await page.locator("#record-file").waitFor({ state: "attached" });
  assert.equal(await page.getByRole("button", { name: "Record controleren", exact: true }).getAttribute("aria-pressed"), "true");
  assert.equal(await styleRules(), true, "every stylesheet of the hogeschool's page came from the cache");
  await page.getByRole("button", { name: "Beoordelen", exact: true }).click();
  await page.waitForURL(`${url}formulier.html#assess`);
  await heading();
  assert.equal(await radio("LU3.2", "+ goed ontwikkeld").isChecked(), true, "the form keeps its score");
  await goOnline();
});

test("offline reopen: with the server stopped and the browser offline, both form pages open, and the scoring page scores", async () => {
  await goOffline();
  // The whole form, which signs: stored when the worker installed, though not opened before then.
  const whole = await page.reload();
  assert.ok(whole?.fromServiceWorker(), "formulier.html came from the worker");
  await heading();
  assert.equal(await styleRules(), true, "every stylesheet of the whole form came from the cache");
  assert.equal(await radio("LU3.2", "+ goed ontwikkeld").isChecked(), true);
  const response = await page.goto(url);
  assert.ok(response?.fromServiceWorker(), "index.html came from the worker");
  await heading();
  assert.equal(await radio("LU3.2", "+ goed ontwikkeld").isChecked(), true);
  assert.equal(await progress(), "1 van 42 indicatoren gescoord");
  await radio("LU1.1", "++ in hoge mate ontwikkeld").check();
  assert.equal(await progress(), "2 van 42 indicatoren gescoord");
  assert.equal(await styleRules(), true, "every stylesheet came from the cache too");
  await page.reload();
  await heading();
  assert.equal(await radio("LU1.1", "++ in hoge mate ontwikkeld").isChecked(), true);
});

test("a network that never answers: the page opens from the cache after the worker's 4 s wait", async () => {
  silent = true;
  await goOnline();
  const started = Date.now();
  await page.reload();
  await heading();
  const waited = Date.now() - started;
  assert.ok(waited >= 3500 && waited < 10000, `opened after ${waited} ms`);
  assert.equal(await progress(), "2 van 42 indicatoren gescoord");
  await stop();
  silent = false;
});

test("online again with build B: the page comes from the network and B's worker replaces A's cache", async () => {
  root = buildB;
  await goOnline();
  await page.reload();
  await heading();
  // The worker of A answered, but from the network: this is B's index.html.
  assert.equal(await page.evaluate((css) => !!document.querySelector(`link[href="/${css}"]`), newCss), true);
  // The browser checks sw.js for a new version after each navigation; B's worker then installs,
  // takes over and drops A's cache.
  await until(async () => (await cacheNames()).join() === cacheOf(swB), "B's cache replaces A's");
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated");
});

test("build B's hogeschool page stores B's verify workers, not A's from the HTTP cache", async () => {
  // Each build names its workers' files by their content, so B's page, whose worker differs,
  // asks for other names than A's, which the HTTP cache may still hold for a day.
  assert.deepEqual(describe(swB).hogeschoolAssets.filter((file) => file.startsWith("verify-worker")).sort(),
    Object.values(workersB).sort(), "B's sw.js lists B's workers");
  await page.goto(`${url}formulier.html`);
  await heading();
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.waitForURL(`${url}hogeschool.html#verify`);
  await heading();
  await page.locator("#record-file").waitFor({ state: "attached" });
  const stored = (file) => page.evaluate(async ([name, file]) => {
    const response = await (await caches.open(name)).match(file);
    return response ? response.text() : null;
  }, [cacheOf(swB), file]);
  await until(async () => (await stored(workersB.loader)) !== null, "B's cache holds B's workers' loader");
  assert.ok((await stored(workersB.loader)).includes(workersB.glue), "B's loader names B's glue");
  await until(async () => (await stored(workersB.glue)) !== null, "B's cache holds B's glue");
  assert.ok((await stored(workersB.glue)).includes(GLUE_B), "the glue stored for B is B's");
  assert.equal(await stored(workersA.loader), null, "A's loader is not in B's cache");
  await page.getByRole("button", { name: "Beoordelen", exact: true }).click();
  await page.waitForURL(`${url}formulier.html#assess`);
  await heading();
  await page.goto(url);
  await heading();
});

test("offline again: build B opens from its cache, with the scores made under build A", async () => {
  await goOffline();
  const response = await page.reload();
  assert.ok(response?.fromServiceWorker(), "index.html came from the worker");
  await heading();
  assert.equal(await page.evaluate((css) => !!document.querySelector(`link[href="/${css}"]`), newCss), true);
  assert.equal(await styleRules(), true);
  assert.equal(await progress(), "2 van 42 indicatoren gescoord");
  await radio("LU2.1", "□ aanwezig").check();
  assert.equal(await progress(), "3 van 42 indicatoren gescoord");
});

test("still offline: the whole form, reached from the scoring page, signs the assessment scored there", async () => {
  await page.getByRole("link", { name: "Naar ondertekenen" }).click();
  await page.waitForURL(/\/formulier\.html/);
  await heading();
  assert.equal(await radio("LU2.1", "□ aanwezig").isChecked(), true, "the scoring page's score");
  await page.locator("#meta-student-number").fill("5123456");
  await page.locator("#meta-assessor-name").fill("Peter Visser");
  await page.locator("#sign .sign-start").click();
  await page.locator("#sign .sign-confirm-button").click();
  await page.locator("#sign .download-record").waitFor();
});

test("no page errors and no console errors throughout", async () => {
  assert.deepEqual(problems, []);
});
