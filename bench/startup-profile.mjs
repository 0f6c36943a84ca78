// Where the form's start-up (and with --clicks, a click) goes (issue 17): serves a release build the way bench/run does, opens
// it in fresh Chromium contexts (an empty profile, as bench/run's start-up row), records a
// Chrome trace of each cold start until the 42 radio groups are there, and prints per run what
// the main thread did from the navigation's start until then: the page's files (resource
// timing), the app's own marks (`lk:…`, src/web/marks.rs), and every main-thread task longer than
// `--min` ms, named by what ran in it. A second table sums the median run by kind.
//
//   node bench/startup-profile.mjs --dist dist [--runs 5] [--min 1] [--trace out.json]
//   node bench/startup-profile.mjs --dist dist --marks 20
//   node bench/startup-profile.mjs --dist bench/out/floor-dist,dist,bench/out/yew-form-dist --marks 15
//
// With --cpu N it takes a sampling CPU profile of N cold starts instead and prints the functions
// with the most time until ready, self and total (wasm names only in a build that keeps them:
// wasm-opt's -g).
// With --clicks N it profiles N clicks on the form instead (as bench/run's click row: each changes
// a score and waits for the summary), after as many unprofiled, and prints µs per click; --interval
// sets the sampling interval (µs, default 50), --save FILE keeps the profile (.cpuprofile).
// With --warm the runs are returning visits: per build, one context, visited once (a score kept
// where the page has one), reloaded.
// With --marks N it records no trace (a trace slows what it records) and prints, over N cold
// starts, the median time of each mark and file: the breakdown to quote.
//
// With --flags "…" Chromium gets more switches, e.g. --flags --js-flags=--no-wasm-lazy-compilation
// to see what compiling each wasm function on its first call costs.
//
// Not a measure of its own: bench/run's start-up row is the one that counts. This says where that
// time goes.
import { createServer } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const opts = { runs: "5", min: "1" };
for (let i = 2; i < process.argv.length; i += 2) opts[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
if (!opts.dist) {
  console.error("usage: node bench/startup-profile.mjs --dist DIST [--runs N] [--min MS] [--trace FILE]");
  process.exit(2);
}

// As bench/run serves: no compression, no caching headers, application/wasm for the wasm.
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css",
  ".svg": "image/svg+xml", ".json": "application/json" };
// --dist a,b compares builds: their runs are interleaved, so that background load hits each alike.
const dists = opts.dist.split(",");
function serve(dist) {
  return createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    try {
      const body = readFileSync(join(dist, path === "/" ? "index.html" : path));
      res.writeHead(200, { "content-type": TYPES[extname(path) || ".html"] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
}
const servers = dists.map(serve);
for (const s of servers) await new Promise((resolve) => s.listen(0, "127.0.0.1", resolve));
const urls = servers.map((s) => `http://127.0.0.1:${s.address().port}/`);
const server = { close: () => servers.forEach((s) => s.close()) };
let url = urls[0];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", ...(opts.flags ? opts.flags.split(" ") : [])],
});

function initScript() {
  window.__bench = { ready: null };
  // The form's 42 radio groups (the app, bench/yew-form), or the floor's one paragraph (bench/floor),
  // so that a --dist list can put the app beside the builds bench/run measures it against.
  const holds = () => document.querySelectorAll("[role=radiogroup]").length >= 42 || !!document.getElementById("floor-ready");
  const observer = new MutationObserver(() => {
    if (window.__bench.ready === null && holds()) {
      window.__bench.ready = performance.now();
      performance.mark("bench:ready");
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

const CATEGORIES = [
  "toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm", "v8.execute",
  "blink.user_timing", "loading", "blink", "disabled-by-default-v8.compile",
].join(",");

// With --warm: for each build's address, one context, visited once before, reloaded for every run.
const warmContexts = new Map();
async function traceOnce(trace = true) {
  let warm = warmContexts.get(url) ?? null;
  if (opts.warm && !warm) {
    warm = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await warm.addInitScript(initScript);
    const first = await warm.newPage();
    await first.goto(url);
    await first.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 30_000 });
    // Something kept, as a returning assessor has: a score (the floor has nothing to keep).
    const radio = first.locator("[role=radiogroup] input").first();
    if (await radio.count()) await radio.check();
    await first.waitForTimeout(1500);
    await first.close();
    warmContexts.set(url, warm);
  }
  const context = warm ?? await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (!warm) await context.addInitScript(initScript);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  if (trace) await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 30_000 });
  // Let what the first render scheduled (effects, the service worker) show up in the trace too.
  await page.waitForTimeout(300);
  const inPage = await page.evaluate(() => ({
    ready: window.__bench.ready,
    nav: performance.getEntriesByType("navigation")[0]?.toJSON(),
    resources: performance.getEntriesByType("resource").map((r) => ({
      name: r.name.replace(/^.*\//, ""), start: r.startTime, requestStart: r.requestStart, end: r.responseEnd,
      type: r.initiatorType,
    })),
    marks: performance.getEntriesByType("mark").map((m) => ({ name: m.name, at: m.startTime })),
  }));
  if (trace) {
    await cdp.send("Tracing.end");
    await done;
  }
  if (warm) await page.close();
  else await context.close();
  return { inPage, events };
}

/** The renderer's main thread: the pid and tid of the thread named CrRendererMain that ran the page's marks. */
function mainThread(events) {
  const mark = events.find((e) => e.name === "bench:ready" && e.cat.includes("blink.user_timing"));
  const names = events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const main = names.find((n) => !mark || n.pid === mark.pid) ?? names[0];
  return { pid: main.pid, tid: main.tid };
}

/** The trace's time of the navigation's start (performance.now() = 0), in µs. */
function timeOrigin(events, { pid }) {
  const nav = events.find((e) => e.name === "navigationStart" && e.pid === pid && e.cat.includes("blink.user_timing"));
  if (nav) return nav.ts;
  const ready = events.find((e) => e.name === "bench:ready" && e.pid === pid);
  return ready ? ready.ts - ready.args?.data?.startTime * 1000 : events[0].ts;
}

/** What a main-thread task did, by the most telling event inside it. */
function describe(task, inside) {
  const pick = (names) => inside.filter((e) => names.includes(e.name)).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  const script = pick(["EvaluateScript", "v8.evaluateModule", "FunctionCall", "TimerFire", "FireAnimationFrame",
    "EventDispatch", "v8.callFunction", "RunMicrotasks", "V8.RunMicrotasks"]);
  const wasm = inside.filter((e) => e.cat.includes("wasm"));
  const layout = inside.filter((e) => ["Layout", "UpdateLayoutTree", "Paint", "PrePaint", "Layerize"].includes(e.name))
    .reduce((n, e) => n + (e.dur ?? 0), 0);
  const parts = [];
  if (script) {
    const d = script.args?.data ?? {};
    const where = (d.url ?? "").replace(/^.*\//, "") || d.functionName || d.type || "";
    parts.push(`${script.name}${where ? ` ${where}` : ""}${d.functionName && d.url ? ` (${d.functionName})` : ""}`);
  }
  const wasmNames = [...new Set(wasm.map((e) => e.name))].slice(0, 3);
  if (wasmNames.length) parts.push(`wasm: ${wasmNames.join(", ")}`);
  const parse = inside.find((e) => e.name === "ParseHTML");
  if (parse) parts.push("ParseHTML");
  if (layout > 500) parts.push(`style/layout/paint ${(layout / 1000).toFixed(1)} ms`);
  return parts.join("; ") || [...new Set(inside.map((e) => e.name))].slice(0, 4).join(", ") || task.name;
}

/** Kinds of main-thread work from the navigation's start to `ready`, in ms. */
function analyse({ inPage, events }) {
  const thread = mainThread(events);
  const origin = timeOrigin(events, thread);
  const ms = (ts) => (ts - origin) / 1000;
  const onMain = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === "X");
  const isTask = (e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask";
  const candidates = onMain.filter(isTask);
  // A task inside another task (the trace has both names for one) is counted once, as the outer.
  const tasks = candidates.filter((t) => !candidates.some((o) => o !== t && o.ts <= t.ts
      && o.ts + (o.dur ?? 0) >= t.ts + (t.dur ?? 0) && (o.ts < t.ts || (o.dur ?? 0) > (t.dur ?? 0))))
    .filter((t) => ms(t.ts + (t.dur ?? 0)) >= 0 && ms(t.ts) <= inPage.ready + 300);
  const rows = tasks.map((t) => {
    const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0));
    return { at: ms(t.ts), dur: (t.dur ?? 0) / 1000, what: describe(t, inside), inside };
  });
  // Off the main thread: wasm compiling (streaming or not), by event name.
  const wasmOff = events.filter((e) => e.pid === thread.pid && e.ph === "X" && e.cat.includes("wasm") && e.tid !== thread.tid);
  return { thread, origin, rows, wasmOff, ms };
}

if (opts.marks) {
  const byDist = dists.map(() => []);
  for (let i = 0; i < Number(opts.marks); i++) {
    for (let d = 0; d < dists.length; d++) {
      url = urls[d];
      byDist[d].push((await traceOnce(false)).inPage);
    }
  }
  await browser.close();
  server.close();
  const med = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  byDist.forEach((runs, d) => {
    const rows = new Map();
    const add = (k, v) => rows.set(k, [...(rows.get(k) ?? []), v]);
    for (const r of runs) {
      add("index.html response end", r.nav.responseEnd);
      for (const f of r.resources) {
        add(`${f.name.replace(/-[0-9a-f]{12,}/, "-…")} start`, f.start);
        add(`${f.name.replace(/-[0-9a-f]{12,}/, "-…")} end`, f.end);
      }
      for (const m of r.marks) add(m.name, m.at);
    }
    console.log(`\n${dists[d]}: ${runs.length} ${opts.warm ? "returning visits" : "cold starts"}, ready median ${med(runs.map((r) => r.ready)).toFixed(1)} ms (runs: ${runs.map((r) => r.ready.toFixed(0)).join(", ")})`);
    console.log("median ms from the navigation's start (each row its own median):");
    for (const [k, v] of [...rows].sort((a, b) => med(a[1]) - med(b[1]))) {
      console.log(`  ${med(v).toFixed(1).padStart(7)}  ${k}${v.length < runs.length ? ` (in ${v.length} runs)` : ""}`);
    }
  });
  process.exit(0);
}

/** Adds a sampling CPU profile's time per function (self, and total with its callees) to `tally`. */
function addProfile(tally, profile, { idle = true } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\//, "")}`.trim();
  profile.samples.forEach((id, k) => {
    const dt = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (!idle && ["(idle)", "(program)"].includes(node.callFrame.functionName)) return;
    tally.sampled += dt;
    tally.self.set(label(node), (tally.self.get(label(node)) ?? 0) + dt);
    const seen = new Set();
    for (let n = node; n; n = byId.get(parent.get(n.id))) {
      const l = label(n);
      if (!seen.has(l)) tally.total.set(l, (tally.total.get(l) ?? 0) + dt);
      seen.add(l);
    }
  });
}

/** Prints a tally's top functions, each time divided by `per` and multiplied by `scale`. */
function printTally(tally, per, scale) {
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  const f = (v) => ((v * scale) / per).toFixed(1).padStart(7);
  console.log("\nself:");
  for (const [l, v] of top(tally.self, Number(opts.top ?? 40))) console.log(`  ${f(v)}  ${l.slice(0, 170)}`);
  console.log("\ntotal:");
  for (const [l, v] of top(tally.total, Number(opts.top ?? 40) * 2)) console.log(`  ${f(v)}  ${l.slice(0, 170)}`);
}

if (opts.cpu) {
  const tally = { self: new Map(), total: new Map(), sampled: 0 };
  for (let i = 0; i < Number(opts.cpu); i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(initScript);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 30_000 });
    const { profile } = await cdp.send("Profiler.stop");
    await context.close();
    addProfile(tally, profile);
  }
  await browser.close();
  server.close();
  const runs = Number(opts.cpu);
  console.log(`CPU profile, ${runs} cold starts, ms per start (sampled ${(tally.sampled / runs).toFixed(1)} ms per start, idle included):`);
  printTally(tally, runs, 1);
  process.exit(0);
}

if (opts.clicks) {
  // As bench/run's click row: each click changes one score, then waits for the summary's first
  // change and a timer. One round unprofiled first, so that the profiled one runs compiled code.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 30_000 });
  const ids = await page.evaluate(() =>
    [...new Set([...document.querySelectorAll("input[type=radio][name^='score-']")].map((i) => i.name.slice(6)))]);
  const clicks = Number(opts.clicks);
  const round = () => page.evaluate(async ({ ids, clicks }) => {
    const levels = ["present", "good", "high"];
    const summary = document.getElementById("summary");
    const out = [];
    for (let i = 0; i < clicks; i++) {
      window.__pass = (window.__pass ?? 0) + (i % ids.length === 0 ? 1 : 0);
      const input = document.querySelector(`input[name="score-${ids[i % ids.length]}"][value="${levels[window.__pass % 3]}"]`);
      out.push(await new Promise((resolve) => {
        let t0;
        const observer = new MutationObserver(() => { const t1 = performance.now(); observer.disconnect(); resolve(t1 - t0); });
        observer.observe(summary, { childList: true, subtree: true, characterData: true, attributes: true });
        t0 = performance.now();
        input.click();
      }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return out;
  }, { ids, clicks });
  await round();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: Number(opts.interval ?? 50) });
  await cdp.send("Profiler.start");
  const times = (await round()).sort((a, b) => a - b);
  const { profile } = await cdp.send("Profiler.stop");
  await browser.close();
  server.close();
  if (opts.save) writeFileSync(opts.save, JSON.stringify(profile));
  const tally = { self: new Map(), total: new Map(), sampled: 0 };
  addProfile(tally, profile, { idle: false });
  console.log(`CPU profile of ${clicks} clicks, µs per click (busy ${((tally.sampled * 1000) / clicks).toFixed(1)} µs per click, idle and "(program)" left out; median click ${times[times.length >> 1].toFixed(2)} ms under the profiler):`);
  printTally(tally, clicks, 1000);
  process.exit(0);
}

const runs = [];
for (let i = 0; i < Number(opts.runs); i++) runs.push(await traceOnce());
await browser.close();
server.close();

const sorted = [...runs].sort((a, b) => a.inPage.ready - b.inPage.ready);
console.log(`start-up runs (ms): ${runs.map((r) => r.inPage.ready.toFixed(0)).join(", ")}`);
const median = sorted[sorted.length >> 1];
if (opts.trace) writeFileSync(opts.trace, JSON.stringify({ traceEvents: median.events }));

const { rows, wasmOff, ms } = analyse(median);
const f = (x) => x.toFixed(1).padStart(7);
console.log(`\nThe median run: ready at ${median.inPage.ready.toFixed(1)} ms after the navigation's start.`);
const nav = median.inPage.nav;
console.log(`\nindex.html: request ${f(nav.requestStart)} response end ${f(nav.responseEnd)} DOMContentLoaded ${f(nav.domContentLoadedEventEnd)}`);
console.log("\nfiles (resource timing, ms from the navigation's start):");
for (const r of median.inPage.resources) console.log(`  ${f(r.start)} → ${f(r.end)}  ${r.type.padEnd(8)} ${r.name}`);
console.log("\nmarks:");
for (const m of median.inPage.marks) console.log(`  ${f(m.at)}  ${m.name}`);
console.log("\noff the main thread (wasm):");
for (const e of wasmOff) console.log(`  ${f(ms(e.ts))} +${f((e.dur ?? 0) / 1000)}  ${e.name}`);
console.log(`\nmain-thread tasks ≥ ${opts.min} ms until ready:`);
let busy = 0;
for (const r of rows) {
  if (r.at > median.inPage.ready) continue;
  busy += r.dur;
  if (r.dur >= Number(opts.min)) console.log(`  ${f(r.at)} +${f(r.dur)}  ${r.what}`);
}
console.log(`\nmain thread busy ${busy.toFixed(1)} ms of ${median.inPage.ready.toFixed(1)} ms (the rest: waiting for the network, a compile, a timer or IndexedDB)`);
