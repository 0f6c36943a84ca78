// Shared machinery of the page-level tests (tests/e2e/*.test.mjs, run with `node --test`): serves
// the release build on 127.0.0.1, drives Debian's Chromium with playwright-core (no browser is
// downloaded), and runs each test's body in fresh browser contexts that fail on page and console
// errors.
//
//   import { test, before, after } from "node:test";
//   import { startApp } from "./harness.mjs";
//   let app;
//   before(async () => { app = await startApp(); });
//   after(() => app?.close());
//   test("name", (t) => app.withPage(t, async (page, { newPage }) => { ... }));
//
// `withPage` gives the body a page in a context of its own (an empty profile: no localStorage, no
// key); `newPage()` opens another such context for tests that need a second, fresh browser
// profile. `withPage(t, body, { context, time })` gives every context of that test Playwright's
// context options (e.g. `timezoneId`) and a clock that starts at `time`. A detail the body returns is printed under the test. Contexts accept downloads;
// `download(page, trigger)` returns the file a trigger downloads.
//
// `node --test` passes no arguments to a test file, so the settings come from the environment:
//   LEERUITKOMSTEN_DIST         the release build to serve (default: <repo>/dist)
//   LEERUITKOMSTEN_SCREENSHOTS  where tests that make screenshots write them (default: none made)
//   CHROMIUM                    the browser (default: /usr/bin/chromium)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import assert from "node:assert/strict";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");

/** The release build the page tests serve. */
export const DIST = resolve(process.env.LEERUITKOMSTEN_DIST || join(root, "dist"));
/** Where screenshots go, or null when none are to be made. */
export const SCREENSHOTS = process.env.LEERUITKOMSTEN_SCREENSHOTS ? resolve(process.env.LEERUITKOMSTEN_SCREENSHOTS) : null;

/** The framework the app is built with, and its learning outcomes and indicators in order. */
export async function loadFramework() {
  const framework = JSON.parse(
    await readFile(join(root, "frameworks/leeruitkomsten-opbouwwerk-2026.json"), "utf8"),
  );
  const outcomes = framework.core_tasks.flatMap((t) => t.learning_outcomes);
  const indicators = outcomes.flatMap((o) => o.indicators);
  return { framework, outcomes, indicators };
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css",
  ".svg": "image/svg+xml" };

function serve(dist) {
  // How often each file was sent, by path (`app.sent`).
  const sent = new Map();
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    try {
      const body = await readFile(join(dist, path === "/" ? "index.html" : path));
      sent.set(path, (sent.get(path) ?? 0) + 1);
      res.writeHead(200, { "content-type": TYPES[extname(path) || ".html"] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  server.sent = sent;
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Fails with a clear message when `dist` holds no build. */
export async function expectBuild(dist = DIST) {
  const found = await stat(join(dist, "index.html")).then(() => true, () => false);
  assert.ok(found, `no release build at ${dist} (run scripts/test page, or set LEERUITKOMSTEN_DIST)`);
}

/** Launches Debian's Chromium the way every page test does. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

// What a generated sw.js says about its build: the form's files (`assets`, stored when the worker
// installs) and the hogeschool's page and files (stored as that page loads them).
export function describeSw(sw) {
  const build = sw.match(/^const BUILD = "([0-9a-f]{16})";$/m)?.[1];
  const list = sw.match(/^const ASSETS = \[\n((?:  "[^"]+",\n)*)\];$/m)?.[1];
  const second = sw.match(/^const HOGESCHOOL = "([^"]+)";$/m)?.[1];
  const secondList = sw.match(/^const HOGESCHOOL_ASSETS = \[\n((?:  "[^"]+",\n)*)\];$/m)?.[1];
  const fetchedList = sw.match(/^const FETCHED_ASSETS = \[\n((?:  "[^"]+",\n)*)\];$/m)?.[1];
  assert.ok(build && list !== undefined && second && secondList !== undefined && fetchedList !== undefined,
    "sw.js does not start with the constants scripts/write-sw writes");
  const names = (text) => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  return { build, assets: names(list), hogeschool: second, hogeschoolAssets: names(secondList), fetched: names(fetchedList) };
}

/**
 * A page of the app `app` serves (`startApp`), in a context of its own that closes after test `t`,
 * for tests that take it offline or answer its requests themselves: the browser notes each request
 * such a test makes fail as a console error ("Failed to load resource"), which is the test's
 * doing; every other page or console error goes into `problems`. `serviceWorkers: "block"` where
 * the test answers the page's requests, since the worker's own requests pass by its routes.
 * Returns `{ page, context, problems }`.
 */
export async function ownPage(app, t, serviceWorkers = "allow") {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers });
  context.setDefaultTimeout(15_000);
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console error: ${m.text()}`);
  });
  await page.goto(app.form);
  await appReady(page);
  return { page, context, problems };
}

/** Waits until the app has rendered its page (the framework's title). */
export async function appReady(page) {
  await page.getByRole("heading", { level: 1 }).waitFor();
}

/**
 * Waits until the app has written the last change: it saves in a timer of 0 ms after drawing the
 * change (src/web/save_after_render.rs), and a timer set now runs after that one.
 */
export async function saved(page) {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/**
 * Waits until `predicate(arg)`, run in the page, resolves to something truthy; for conditions only
 * an asynchronous API can tell (Cache Storage, IndexedDB). `page.waitForFunction` does not poll
 * such a predicate: it takes the promise itself, or its first value, as the answer.
 */
export async function until(page, predicate, arg, { timeout = 15_000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(predicate, arg)) return;
    if (Date.now() > end) throw new Error(`until: not true within ${timeout} ms: ${predicate}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
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
 * Serves `dist` and launches Chromium: call it in `before`, and `close()` in `after`. Returns
 * `{ dist, url, form, browser, openPage, withPage, close }`: `url` is the site's root, where a
 * link opens the scoring page (index.html), `form` the whole form's page (formulier.html), which
 * most tests drive and `openPage` opens.
 */
export async function startApp(dist = DIST) {
  await expectBuild(dist);
  const server = await serve(dist);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const form = `${url}formulier.html`;
  let browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    server.close();
    throw error;
  }

  /**
   * A page of the app in a new context (an empty profile). Page errors and console errors are
   * added to `problems`; the context is added to `contexts` at once, so that it is closed even
   * when the app does not load. Returns the page and a function that closes its context.
   */
  async function openPage(problems = [], label = "page", contexts = [], options = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true,
      ...options.context });
    contexts.push(context);
    if (options.time) await context.clock.install({ time: options.time });
    // Generous for a 2-core machine, yet a test that waits for something that never comes fails.
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`${label}: page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`${label}: console error: ${m.text()}`));
    await page.goto(options.at ?? form);
    await appReady(page);
    return { page, context, close: () => context.close() };
  }

  /**
   * Runs `body(page, { newPage })` with a fresh page; every page it opens must stay free of page
   * and console errors. `t` is the test's context: a detail the body returns is printed under the
   * test, and on a failure the errors the pages reported (often its cause) are too.
   */
  async function withPage(t, body, options = {}) {
    const problems = [];
    const contexts = [];
    try {
      const first = await openPage(problems, "page 1", contexts, options);
      const newPage = async () => (await openPage(problems, `page ${contexts.length + 1}`, contexts, options)).page;
      const detail = await body(first.page, { newPage });
      assert.deepEqual([...problems], []);
      if (detail) t.diagnostic(detail);
    } catch (error) {
      for (const problem of problems) t.diagnostic(problem);
      throw error;
    } finally {
      for (const context of contexts) await context.close().catch(() => {});
    }
  }

  async function close() {
    await browser.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  return { dist, url, form, browser, openPage, withPage, close, sent: server.sent };
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is, or on the part `within` selects,
 * and fails with a readable list of what it found: each rule with its help text and the first
 * elements with why they fail.
 */
export async function expectNoAxeViolations(page, label, within = null) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  }
  const violations = await page.evaluate(async (within) => {
    const result = await window.axe.run(within ?? document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`),
    }));
  }, within);
  assert.deepEqual(violations, [], `${label}:\n${violations.map((v) => `${v.id} (${v.help})\n    ${v.nodes.join("\n    ")}`).join("\n")}`);
}
