// Where a click to the summary goes (issue 17): serves a release build as bench/run does, opens the
// form in a fresh Chromium context, and clicks scores as bench/run's click row does (each click
// changes one score, then waits for the summary's first change and a timer), under the CPU
// sampling profiler. Prints the functions with the most time per click, self and total (wasm
// names only in a build that keeps them: wasm-opt's -g), and the clicks' median as timed here.
//
//   node bench/click-profile.mjs --dist dist [--clicks 400] [--top 40] [--interval 50] [--save profile.cpuprofile]
//
// Not a measure of its own: bench/run's click rows are the ones that count (the profiler slows
// what it samples). This says where that time goes.
import { createServer } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const opts = { clicks: "400", top: "40", interval: "50" };
for (let i = 2; i < process.argv.length; i += 2) opts[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
if (!opts.dist) {
  console.error("usage: node bench/click-profile.mjs --dist DIST [--clicks N] [--top N] [--interval µs]");
  process.exit(2);
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css",
  ".svg": "image/svg+xml", ".json": "application/json" };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  try {
    const body = readFileSync(join(opts.dist, path === "/" ? "index.html" : path));
    res.writeHead(200, { "content-type": TYPES[extname(path) || ".html"] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(url);
await page.waitForFunction(() => document.querySelectorAll("[role=radiogroup]").length >= 42, null, { timeout: 30_000 });
const ids = await page.evaluate(() =>
  [...document.querySelectorAll("input[type=radio][name^='score-']")].map((i) => i.name.slice(6))
    .filter((v, k, a) => a.indexOf(v) === k));

const clicks = Number(opts.clicks);
const run = () => page.evaluate(async ({ ids, clicks }) => {
  const levels = ["present", "good", "high"];
  const summary = document.getElementById("summary");
  const out = [];
  for (let i = 0; i < clicks; i++) {
    const k = i % ids.length;
    const pass = Math.floor(i / ids.length) + (window.__pass ?? 0);
    const input = document.querySelector(`input[name="score-${ids[k]}"][value="${levels[pass % 3]}"]`);
    out.push(await new Promise((resolve) => {
      let t0;
      const observer = new MutationObserver(() => { const t1 = performance.now(); observer.disconnect(); resolve(t1 - t0); });
      observer.observe(summary, { childList: true, subtree: true, characterData: true, attributes: true });
      t0 = performance.now();
      input.click();
    }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  window.__pass = (window.__pass ?? 0) + Math.ceil(clicks / ids.length);
  return out;
}, { ids, clicks });

await run(); // warm: the first clicks compile what they run
const cdp = await context.newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: Number(opts.interval) });
await cdp.send("Profiler.start");
const times = await run();
const { profile } = await cdp.send("Profiler.stop");
if (opts.save) writeFileSync(opts.save, JSON.stringify(profile));
await browser.close();
server.close();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\//, "")}`.trim();
const self = new Map(), total = new Map();
let busy = 0;
profile.samples.forEach((id, k) => {
  const dt = (profile.timeDeltas[k + 1] ?? 0) / 1000;
  const node = byId.get(id);
  if (["(idle)", "(program)"].includes(node.callFrame.functionName)) return;
  busy += dt;
  self.set(label(node), (self.get(label(node)) ?? 0) + dt);
  const seen = new Set();
  for (let n = node; n; n = byId.get(parent.get(n.id))) {
    const l = label(n);
    if (!seen.has(l)) total.set(l, (total.get(l) ?? 0) + dt);
    seen.add(l);
  }
});
const sorted = [...times].sort((a, b) => a - b);
const per = (v) => (v * 1000 / clicks).toFixed(1).padStart(7);
console.log(`${clicks} clicks, median ${sorted[sorted.length >> 1].toFixed(2)} ms under the profiler; busy ${per(busy)} µs per click (idle and "(program)" left out)`);
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
console.log("\nself, µs per click:");
for (const [l, v] of top(self, Number(opts.top))) console.log(`  ${per(v)}  ${l.slice(0, 170)}`);
console.log("\ntotal, µs per click:");
for (const [l, v] of top(total, Number(opts.top) * 2)) console.log(`  ${per(v)}  ${l.slice(0, 170)}`);
