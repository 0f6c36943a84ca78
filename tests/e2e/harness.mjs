// Shared machinery of the page-level tests: serves a dist directory on 127.0.0.1, drives Debian's
// Chromium with playwright-core (no browser is downloaded), runs named checks in fresh browser
// contexts that fail on page and console errors, and reports the results.
//
//   const h = await startHarness("node tests/e2e/x.mjs DIST");
//   await h.check("name", async (page, { newPage }) => { ... });  // may return a detail to print
//   await h.finish(); // prints `ok: …` / `FAILED: …` per check and exits non-zero on a failure
//
// Each check gets a page in a context of its own (an empty profile: no localStorage, no key);
// `newPage()` opens another such context for tests that need a second, fresh browser profile.
// Contexts accept downloads; `download(page, trigger)` returns the file a trigger downloads.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import assert from "node:assert/strict";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const here = dirname(fileURLToPath(import.meta.url));

/** The framework the app is built with, and its learning outcomes and indicators in order. */
export async function loadFramework() {
  const framework = JSON.parse(
    await readFile(join(here, "../../frameworks/leeruitkomsten-opbouwwerk-2026.json"), "utf8"),
  );
  const outcomes = framework.core_tasks.flatMap((t) => t.learning_outcomes);
  const indicators = outcomes.flatMap((o) => o.indicators);
  return { framework, outcomes, indicators };
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css",
  ".svg": "image/svg+xml" };

function serve(dist) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    try {
      const body = await readFile(join(dist, path === "/" ? "index.html" : path));
      res.writeHead(200, { "content-type": TYPES[extname(path) || ".html"] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Waits until the app has rendered its page (the framework's title). */
export async function appReady(page) {
  await page.getByRole("heading", { level: 1 }).waitFor();
}

/** Reloads the page and waits for the app. */
export async function reloadApp(page) {
  await page.reload();
  await appReady(page);
}

/** Runs `trigger` and returns the file it made the page download: `{ name, text }`. */
export async function download(page, trigger) {
  const [file] = await Promise.all([page.waitForEvent("download"), trigger()]);
  const failure = await file.failure();
  assert.equal(failure, null, `download of ${file.suggestedFilename()} failed`);
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
}

/**
 * Reads DIST (and further arguments) from the command line, serves DIST and launches Chromium.
 * `usage` is printed when DIST is missing.
 */
export async function startHarness(usage) {
  const [dist, ...args] = process.argv.slice(2);
  if (!dist) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  const server = await serve(dist);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const started = Date.now();
  const results = [];

  /**
   * A page of the app in a new context (an empty profile). Page errors and console errors are
   * added to `problems`; the context is added to `contexts` at once, so that it is closed even
   * when the app does not load. Returns the page and a function that closes its context.
   */
  async function openPage(problems = [], label = "page", contexts = []) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    // Generous for a 2-core machine, yet a check that waits for something that never comes fails.
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`${label}: page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`${label}: console error: ${m.text()}`));
    await page.goto(url);
    await appReady(page);
    return { page, context, close: () => context.close() };
  }

  /** Runs one named check with a fresh page; every page it opens must stay free of errors. */
  async function check(name, body) {
    const problems = [];
    const contexts = [];
    const begun = Date.now();
    try {
      const first = await openPage(problems, "page 1", contexts);
      const newPage = async () => (await openPage(problems, `page ${contexts.length + 1}`, contexts)).page;
      const detail = await body(first.page, { newPage });
      assert.deepEqual([...problems], []);
      results.push({ status: "ok", name: detail ? `${name}: ${detail}` : name, seconds: (Date.now() - begun) / 1000 });
    } catch (error) {
      results.push({ status: "FAILED", name, seconds: (Date.now() - begun) / 1000, error, problems: [...problems] });
    } finally {
      for (const context of contexts) await context.close().catch(() => {});
    }
  }

  /** Records a result that is not a check, e.g. screenshots written. */
  function note(name) {
    results.push({ status: "ok", name });
  }

  /** Closes everything, prints one line per check and exits: 0 when all passed, 1 otherwise. */
  async function finish() {
    await browser.close();
    server.close();
    let failed = 0;
    for (const { status, name, seconds, error, problems } of results) {
      console.log(`${status}: ${name}${seconds === undefined ? "" : ` (${seconds.toFixed(1)} s)`}`);
      if (error) {
        failed++;
        console.log(`  ${String(error.stack ?? error).split("\n").slice(0, 8).join("\n  ")}`);
        // An error in the page is often the cause of the failure: show it too.
        if (problems.length) console.log(`  ${problems.join("\n  ")}`);
      }
    }
    console.log(`${results.length - failed} of ${results.length} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(failed ? 1 : 0);
  }

  return { dist, args, url, browser, check, openPage, note, finish };
}
