// Offline use of the release build: the service worker (scripts/write-sw, src/web/sw.js) in Debian's
// Chromium driven by playwright-core. The page is visited once online, the server is then stopped
// and the browser taken offline, and the page must still open and score. A second build on the same
// address must then replace the first one's cache. Usage: node tests/e2e/offline.mjs DIST
import { createServer } from "node:http";
import { readFile, readdir, writeFile, rename, mkdtemp, cp, rm } from "node:fs/promises";
import { extname, join, normalize, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import assert from "node:assert/strict";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const here = dirname(fileURLToPath(import.meta.url));
const writeSw = join(here, "../../scripts/write-sw");
const [dist] = process.argv.slice(2);
if (!dist) {
  console.error("usage: node tests/e2e/offline.mjs DIST");
  process.exit(2);
}

const results = [];
async function step(name, body) {
  try {
    await body();
    results.push(["ok", name]);
  } catch (e) {
    results.push(["FAILED", name, e]);
  }
}

// What a generated sw.js says about its build.
function describe(sw) {
  const build = sw.match(/^const BUILD = "([0-9a-f]{16})";$/m)?.[1];
  const list = sw.match(/^const ASSETS = \[\n((?:  "[^"]+",\n)*)\];$/m)?.[1];
  assert.ok(build && list !== undefined, "sw.js does not start with the constants scripts/write-sw writes");
  return { build, assets: [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]) };
}

const work = await mkdtemp(join(tmpdir(), "leeruitkomsten-offline-"));

// Build B: build A with one stylesheet changed, renamed and relinked the way trunk would do it, so
// that only the generator decides what the worker of B caches.
const buildA = join(work, "a");
const buildB = join(work, "b");
await cp(dist, buildA, { recursive: true });
await cp(dist, buildB, { recursive: true });
const oldCss = (await readdir(buildB)).find((f) => /^app-[0-9a-f]+\.css$/.test(f));
assert.ok(oldCss, "the build has no app-….css");
const css = Buffer.concat([await readFile(join(buildB, oldCss)), Buffer.from("\n/* build B */\n")]);
const newCss = `app-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
await writeFile(join(buildB, newCss), css);
await rm(join(buildB, oldCss));
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const indexB = (await readFile(join(buildB, "index.html"), "utf8"))
  .replace(oldCss, newCss)
  .replace(sri(await readFile(join(buildA, oldCss))), sri(css));
await writeFile(join(buildB, "index.html"), indexB);
const generate = (dir) => execFileSync("bash", [writeSw, dir], { stdio: ["ignore", "ignore", "inherit"] });
generate(buildB);
const swA = await readFile(join(dist, "sw.js"), "utf8");
const swB = await readFile(join(buildB, "sw.js"), "utf8");

await step("the release build's sw.js lists every file of that build and nothing else", async () => {
  const { assets } = describe(swA);
  const files = (await readdir(dist)).filter((f) => f !== "sw.js" && f !== "index.html").sort();
  assert.deepEqual([...assets].sort(), files);
  assert.ok(assets.some((f) => f.endsWith(".wasm")), "the .wasm, which holds the default framework, is listed");
});

await step("scripts/write-sw is deterministic: the same build gives the same sw.js, byte for byte", async () => {
  generate(buildA);
  assert.equal(await readFile(join(buildA, "sw.js"), "utf8"), swA);
  generate(buildA);
  assert.equal(await readFile(join(buildA, "sw.js"), "utf8"), swA);
});

await step("a build with a new asset name gets a new cache name and lists the new name, not the old", async () => {
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
const server = createServer(async (req, res) => {
  if (silent) return;
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  try {
    const body = await readFile(join(root, path === "/" ? "index.html" : path));
    res.writeHead(200, { "content-type": types[extname(path) || ".html"] ?? "application/octet-stream" });
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
await start();
const url = `http://127.0.0.1:${port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
// One context throughout: it is the browser profile that keeps the worker, the cache and
// localStorage from one visit to the next.
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const problems = [];
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));

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

await step("first visit: the worker installs, caches build A and controls the page without a reload", async () => {
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
  assert.deepEqual(cached, [...describe(swA).assets, "index.html"].sort());
  await radio("LU3.2", "+ goed ontwikkeld").check();
  assert.equal(await progress(), "1 van 42 indicatoren gescoord");
});

await step("offline reopen: with the server stopped and the browser offline, the page opens and scores", async () => {
  await goOffline();
  const response = await page.reload();
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

await step("a network that never answers: the page opens from the cache after the worker's 4 s wait", async () => {
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

await step("online again with build B: the page comes from the network and B's worker replaces A's cache", async () => {
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

await step("offline again: build B opens from its cache, with the scores made under build A", async () => {
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

await step("no page errors and no console errors throughout", async () => {
  assert.deepEqual(problems, []);
});

await context.close();
await browser.close();
if (server.listening) await stop();
await rm(work, { recursive: true, force: true });
let failed = 0;
for (const [status, name, error] of results) {
  console.log(`${status}: ${name}`);
  if (error) {
    failed++;
    console.log(`  ${String(error.stack ?? error).split("\n").slice(0, 6).join("\n  ")}`);
  }
}
process.exit(failed ? 1 : 0);
