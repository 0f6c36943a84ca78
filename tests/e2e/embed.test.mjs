// Page-level tests of embedding, against the release build: the app in the sandboxed iframe of the
// example host page (examples/lms-embed.html) under a strict Content-Security-Policy, its messages
// to the host (ready, resize, the signed record, which the independent verifier checks), messages
// from other pages ignored, and every hostile or broken value in the link answered with a message
// in the page, which never goes blank. Run: scripts/test page embed
//
// Two servers, two origins: the app at http://localhost:<a> with the policy below on every
// response, and the host page at http://localhost:<h>: other origins of one site, like an LMS at
// lms.school.nl and the app at apps.school.nl. (A frame of another site gets no storage in a
// fresh Chromium profile, as where a user blocks third-party cookies; one check shows the app then
// warns and goes on.) The host server reached as http://127.0.0.1:<h> is a third origin, of
// another site, foreign to both.
import { test, before, after } from "node:test";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { DIST, appReady, download, startApp } from "./harness.mjs";
import { parseJsonStrict, verifyDataIntegrityProof } from "./independent-verify.mjs";
import { newSigner } from "./node-signer.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
// The harness's server and browser (`app` is the address of the app under the policy, below).
let pages;
before(async () => { pages = await startApp(); });

const DEFAULT_TITLE = "Leeruitkomsten opbouwwerk";
const frameworkText = await readFile(join(root, "frameworks/leeruitkomsten-opbouwwerk-2026.json"), "utf8");
// Another valid framework, with markup in its title that must show as text.
const otherFramework = (() => {
  const framework = JSON.parse(frameworkText);
  framework.id = "testkader-2026";
  framework.title = "Testkader <img src=x onerror=alert(1)>";
  return JSON.stringify(framework);
})();
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// The servers.

const listen = (server) => new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css",
  ".svg": "image/svg+xml", ".json": "application/json" };

/** Sends `total` bytes of JSON-looking filler in 64 KB pieces, stopping when the client goes away. */
function stream(req, res, total, counter) {
  const piece = Buffer.alloc(64 * 1024, "[");
  let sent = 0;
  let closed = false;
  res.on("close", () => { closed = true; });
  const more = () => {
    while (!closed && sent < total) {
      sent += piece.length;
      counter.sent = sent;
      if (!res.write(piece)) return res.once("drain", more);
    }
    if (!closed) res.end();
  };
  more();
}

const hostServer = createServer(async (req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  if (path === "/favicon.ico") {
    res.writeHead(204).end();
  } else if (path === "/lms-embed.html") {
    res.writeHead(200, { "content-type": "text/html" }).end(await readFile(join(root, "examples/lms-embed.html")));
  } else if (path === "/bare-host.html") {
    // A learning environment's page that frames the link it is given as it is, with no
    // parentOrigin, and notes each message its frame sends.
    const src = new URL(req.url, "http://x").searchParams.get("src") ?? "";
    res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><title>ELO</title>
      <iframe id="frame" width="1000" height="800" src="${src.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}"></iframe>
      <script>
        window.heard = [];
        window.addEventListener("message", (e) => {
          if (e.source === document.getElementById("frame").contentWindow) window.heard.push(e.data);
        });
      </script>`);
  } else if (path === "/kader.json") {
    // A framework on another server: it must allow the app's origin (CORS), and the app's policy
    // must allow fetching from here (connect-src).
    res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" }).end(otherFramework);
  } else if (path === "/foreign.html") {
    // A page of a third origin inside the host page, posting to the app's frame (the first one).
    res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><script>
      const app = parent.frames[0];
      const messages = [
        { type: "leeruitkomsten:ready" },
        { type: "leeruitkomsten:resize", height: 10 },
        { type: "leeruitkomsten:record", recordJson: "{}" },
        { type: "leeruitkomsten:set", mode: "self", student: "<b>x</b>", lang: "en" },
        "mode=self&lang=en",
        { type: "leeruitkomsten:score", indicator: "LU1.1", score: "high" },
      ];
      for (const message of messages) app.postMessage(message, "*");
      document.title = "sent";
    </script>`);
  } else {
    res.writeHead(404).end();
  }
});
const hostPort = await listen(hostServer);
const hostOrigin = `http://localhost:${hostPort}`;
const foreignOrigin = `http://127.0.0.1:${hostPort}`;

// The policy of README (Embedding), with the framework server in connect-src.
const CSP = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${hostOrigin}`;
const streamed = { chunked: { sent: 0 }, declared: { sent: 0 } };
const appServer = createServer(async (req, res) => {
  const headers = { "content-security-policy": CSP };
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  switch (path) {
    case "/fixtures/huge.json":
      res.writeHead(200, { ...headers, "content-type": "application/json" });
      return stream(req, res, 50 * MB, streamed.chunked);
    case "/fixtures/huge-declared.json":
      res.writeHead(200, { ...headers, "content-type": "application/json", "content-length": String(50 * MB) });
      return stream(req, res, 50 * MB, streamed.declared);
    case "/fixtures/invalid.json":
      return res.writeHead(200, { ...headers, "content-type": "application/json" }).end('{"format": "leeruitkomsten-framework/1", "id": ');
    case "/fixtures/not-a-framework.json":
      return res.writeHead(200, { ...headers, "content-type": "application/json" })
        .end('{"type": "LeeruitkomstenAssessmentRecord", "schemaVersion": "1"}');
    case "/fixtures/slow.json":
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return res.writeHead(200, { ...headers, "content-type": "application/json" }).end(otherFramework);
  }
  try {
    const body = await readFile(join(DIST, path === "/" ? "index.html" : path));
    res.writeHead(200, { ...headers, "content-type": TYPES[extname(path) || ".html"] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404, headers).end();
  }
});
const appPort = await listen(appServer);
const appOrigin = `http://localhost:${appPort}`;
const app = `${appOrigin}/`;
after(async () => {
  await pages?.close();
  for (const server of [appServer, hostServer]) {
    server.closeAllConnections();
    server.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Helpers.

/**
 * Collects the Content-Security-Policy violations of every frame `page` loads, across
 * navigations, into the array it returns.
 */
async function watchPolicy(page) {
  const seen = [];
  await page.exposeBinding("__violation", ({ frame }, text) => seen.push(`${new URL(frame.url()).origin}: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__violation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return seen;
}

/** Fails the check on any alert, confirm or prompt: no value may run as script. */
function refuseDialogs(page, problems) {
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
}

async function until(condition, what, ms = 15000) {
  for (const end = Date.now() + ms; !(await condition()); ) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const hostLog = (page) => page.locator("#log li").allTextContents();
const heights = async (page) => (await hostLog(page)).filter((l) => l.startsWith("resize ")).map((l) => Number(l.slice(7)));
const frameHeight = (page) => page.locator("#leeruitkomsten").evaluate((f) => f.clientHeight);
const appFrame = (page) => page.frames().find((f) => f.url().startsWith(appOrigin));
const progress = (target) => target.locator("#summary .progress").textContent();
const score = (target, id, name) => target.locator(`li[id="indicator-${id}"]`).getByRole("radio", { name, exact: true }).check();

/** The app's own storage and what it shows: what a message must not change. */
async function snapshot(frame) {
  return frame.evaluate(() => ({
    storage: Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])),
    html: document.getElementById("app").innerHTML,
    lang: document.querySelector(".app")?.getAttribute("lang"),
  }));
}

/** Opens the app at `query` (the page is not framed) and waits for it. */
async function openApp(page, query) {
  await page.goto(`${app}?${query}`);
  await appReady(page);
}

/** The problems a link notice lists, by parameter. */
async function linkProblems(page) {
  return page.locator(".link-notice .link-problems li").evaluateAll((items) =>
    Object.fromEntries(items.map((li) => [li.dataset.param, li.textContent])));
}

/** The page shows the built-in framework and still scores (and clears again, for the next case). */
async function stillWorks(page) {
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), DEFAULT_TITLE);
  const before = await progress(page);
  await score(page, "LU2.1", "+ goed ontwikkeld");
  assert.notEqual(await progress(page), before);
  await page.locator('li[id="indicator-LU2.1"]').getByRole("button", { name: "Score wissen van indicator LU2.1" }).click();
  assert.equal(await progress(page), before);
  assert.equal(await page.locator("img").count(), 0, "no markup from a value became an element");
}

/**
 * A page in a context of its own, for checks where the browser must report some errors in the
 * console (a refused fetch, a 404): `done()` fails on any error that matches none of `allowed`.
 */
async function ownPage(allowed) {
  const context = await pages.browser.newContext({ acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const done = async () => {
    await context.close();
    const unexpected = errors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
    assert.deepEqual(unexpected, []);
    return errors;
  };
  return { page, done, close: () => context.close() };
}

// ---------------------------------------------------------------------------------------------
// Embedding.

test("in the example host page (sandboxed iframe, strict CSP): ready, resize, and a signed record that verifies", (t) => pages.withPage(t, async (page) => {
  const violated = await watchPolicy(page);
  const problems = [];
  refuseDialogs(page, problems);
  await page.goto(`${hostOrigin}/lms-embed.html?widget=${encodeURIComponent(app)}&student=S-42&mode=assessor`);
  assert.equal(await page.locator("#leeruitkomsten").getAttribute("sandbox"), "allow-scripts allow-same-origin allow-forms allow-downloads");
  await page.locator("#status", { hasText: "De app is geladen." }).waitFor();
  const widget = page.frameLocator("#leeruitkomsten");
  await widget.getByRole("heading", { level: 1, name: DEFAULT_TITLE }).waitFor();
  assert.equal((await hostLog(page))[0], "ready (protocol 1)", "ready comes first");

  // The first height follows ready at once, and the frame takes it.
  await until(async () => (await heights(page)).length > 0, "a resize message arrives");
  const first = (await heights(page)).at(-1);
  assert.ok(first > 2000, `the form is tall (${first} px)`);
  await until(async () => Math.round(await frameHeight(page)) === first, "the frame takes the height");

  // Less content (the start screen), then more again (the form): each height is sent, and only a
  // change is sent.
  await widget.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await until(async () => (await heights(page)).at(-1) < first, "a smaller height arrives");
  const shorter = (await heights(page)).at(-1);
  await until(async () => Math.round(await frameHeight(page)) === shorter, "the frame shrinks");
  await widget.getByRole("button", { name: "Beoordelen", exact: true }).click();
  await until(async () => (await heights(page)).at(-1) === first, "the form's height arrives again");
  const sent = await heights(page);
  assert.ok(sent.every((h, i) => i === 0 || h !== sent[i - 1]), `no height twice in a row: ${sent}`);

  // The link's student number went into the new assessment; scoring and signing in the frame.
  assert.equal(await widget.locator("#meta-student-number").inputValue(), "S-42");
  await score(widget, "LU1.1", "++ in hoge mate ontwikkeld");
  await score(widget, "LU3.2", "□ aanwezig");
  await widget.locator("#meta-student-name").fill('Sanne "<b>de</b>" Vries');
  await widget.locator("#meta-assessor-name").fill("Karim Haddou");
  const sign = widget.locator("#sign");
  await sign.locator(".sign-start").click();
  const file = await download(page, () => sign.getByRole("alertdialog").locator(".sign-confirm-button").click());
  await page.locator("#records li").first().waitFor();
  const recordJson = await page.locator("#records .record-json").first().textContent();
  assert.equal(recordJson, file.text, "the message carries the downloaded file, byte for byte");
  const record = parseJsonStrict(recordJson);
  const verified = await verifyDataIntegrityProof(record);
  assert.equal(verified.verified, true, `independent verifier: ${verified.reason}`);
  assert.equal(record.credentialSubject.studentNumber, "S-42");
  assert.equal(record.credentialSubject.name, 'Sanne "<b>de</b>" Vries');
  assert.equal(record.credentialSubject.assessment.mode, "assessor");
  assert.equal(await page.locator("#records .record-summary").getAttribute("data-signer"), verified.did);
  assert.equal(await page.locator("#records b").count(), 0, "the host shows the record as text");
  assert.equal((await hostLog(page)).filter((l) => l === "record").length, 1);

  assert.deepEqual(violated, []);
  assert.deepEqual(problems, []);
  return `heights ${sent.join(" → ")}; record signed by ${verified.did.slice(0, 20)}…`;
}));

test("an invitation naming this page as its hostOrigin: the framed link without parentOrigin tells it, record and all", (t) => pages.withPage(t, async (page) => {
  // A docent's invitation (signed in Node by a key of its own) naming the host page's origin.
  const example = JSON.parse(await readFile(join(root, "examples/invitation.json"), "utf8"));
  const unsigned = structuredClone(example);
  delete unsigned.proof;
  const now = Date.now();
  unsigned.id = "urn:uuid:6d0f3a52-9b1e-4c7a-8e25-3f4b5c6d7e8f";
  unsigned.validFrom = new Date(now - 3_600_000).toISOString();
  unsigned.validUntil = new Date(now + 7 * 86_400_000).toISOString();
  unsigned.credentialSubject.assessment.dueDate = unsigned.validUntil.slice(0, 10);
  unsigned.credentialSubject.assessment.hostOrigin = hostOrigin;
  const invitation = newSigner().sign(unsigned, { ...example.proof, created: unsigned.validFrom });
  const link = `${app}#uitnodiging=${Buffer.from(JSON.stringify(invitation), "utf8").toString("base64url")}`;
  const heard = () => page.evaluate(() => window.heard.map((m) => m.type));

  await page.goto(`${hostOrigin}/bare-host.html?src=${encodeURIComponent(link)}`);
  const widget = page.frameLocator("#frame");
  await widget.locator(".invitation-banner").waitFor();
  assert.equal(await widget.locator("#meta-student-name").inputValue(), example.credentialSubject.name);
  await until(async () => (await heard()).includes("leeruitkomsten:ready"), "the host hears ready");
  await until(async () => (await heard()).includes("leeruitkomsten:resize"), "the host hears a height");

  await score(widget, "LU1.1", "+ goed ontwikkeld");
  const sign = widget.locator("#sign");
  await sign.locator(".sign-start").click();
  const file = await download(page, () => sign.getByRole("alertdialog").locator(".sign-confirm-button").click());
  await until(async () => (await heard()).includes("leeruitkomsten:record"), "the host hears the record");
  const [message] = await page.evaluate(() => window.heard.filter((m) => m.type === "leeruitkomsten:record"));
  assert.equal(message.recordJson, file.text, "the message carries the downloaded file");
  const record = parseJsonStrict(message.recordJson);
  assert.equal(record.credentialSubject.invitation.id, invitation.id);
  assert.equal((await verifyDataIntegrityProof(record)).verified, true);

  // Reloaded in the same frame (the invitation has left the address), it still talks to the host.
  await page.evaluate(() => { window.heard = []; });
  await appFrame(page).evaluate(() => setTimeout(() => location.reload(), 0));
  await until(async () => (await heard()).includes("leeruitkomsten:ready"), "the host hears ready after a reload");
}));

test("messages from a foreign origin, and from the host itself, change nothing and cause no error", (t) => pages.withPage(t, async (page) => {
  const violated = await watchPolicy(page);
  await page.goto(`${hostOrigin}/lms-embed.html?widget=${encodeURIComponent(app)}`);
  await page.locator("#status", { hasText: "De app is geladen." }).waitFor();
  const widget = page.frameLocator("#leeruitkomsten");
  await widget.getByRole("heading", { level: 1 }).waitFor();
  await score(widget, "LU2.2", "+ goed ontwikkeld");
  await until(async () => (await heights(page)).length > 0, "a resize message arrives");
  // Let any pending resize settle before taking the snapshot.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = await snapshot(appFrame(page));
  const logBefore = await hostLog(page);

  // A page of a third origin in the host page posts to the app's frame.
  await page.evaluate((src) => {
    const frame = document.createElement("iframe");
    frame.src = src;
    document.body.append(frame);
  }, `${foreignOrigin}/foreign.html`);
  await until(async () => (await page.frames().find((f) => f.url().startsWith(foreignOrigin))?.title()) === "sent",
    "the foreign page has posted");
  // And the host page itself (parentOrigin) posts too: the app takes no message from anyone.
  await page.evaluate(() => {
    const app = document.getElementById("leeruitkomsten").contentWindow;
    app.postMessage({ type: "leeruitkomsten:set", mode: "self", lang: "en" }, "*");
    app.postMessage({ type: "leeruitkomsten:ready" }, "*");
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.deepEqual(await snapshot(appFrame(page)), before);
  assert.deepEqual(await hostLog(page), logBefore, "the app sent nothing in reply");
  assert.equal(await progress(widget), "1 van 42 indicatoren gescoord");
  assert.deepEqual(violated, []);
}));

test("a wrong parentOrigin gets nothing: messages go to the named origin only", (t) => pages.withPage(t, async () => {
  // In a context of its own: the browser may report each dropped message as a console error.
  const { page, done, close } = await ownPage([/^Failed to execute 'postMessage' on 'DOMWindow': The target origin provided/]);
  try {
    await page.goto(`${hostOrigin}/lms-embed.html?widget=${encodeURIComponent(app)}`);
    await page.locator("#status", { hasText: "De app is geladen." }).waitFor();
    // Two more frames of the app in the host page: one naming a foreign origin as its parent, one
    // naming the host's. The host records whatever either sends.
    await page.evaluate((frames) => {
      window.fromApp = { wrong: [], right: [] };
      for (const [id, src] of Object.entries(frames)) {
        const frame = document.createElement("iframe");
        frame.id = id;
        frame.src = src;
        document.body.append(frame);
        window.addEventListener("message", (e) => {
          if (e.source === frame.contentWindow) window.fromApp[id].push(e.data.type);
        });
      }
    }, {
      wrong: `${app}?parentOrigin=${encodeURIComponent(foreignOrigin)}`,
      right: `${app}?parentOrigin=${encodeURIComponent(hostOrigin)}`,
    });
    await page.frameLocator("#wrong").getByRole("heading", { level: 1 }).waitFor();
    await until(async () => (await page.evaluate(() => window.fromApp.right)).includes("leeruitkomsten:resize"),
      "the frame with the right origin is heard");
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(await page.evaluate(() => window.fromApp.wrong), []);
  } catch (error) {
    await close();
    throw error;
  }
  await done();
}));

test("in a frame of another site, where the browser gives no storage: a warning, and the form works", (t) => pages.withPage(t, async (page) => {
  await page.goto(`${foreignOrigin}/lms-embed.html?widget=${encodeURIComponent(app)}`);
  await page.locator("#status", { hasText: "De app is geladen." }).waitFor();
  const widget = page.frameLocator("#leeruitkomsten");
  await widget.locator(".storage-notice", { hasText: "kan niet in deze browser worden bewaard" }).waitFor();
  // Nor can a signing key be kept, so this browser cannot sign here; the panel says so.
  await widget.locator("#sign .key-panel", { hasText: "De sleutel kan niet in deze browser worden bewaard" }).waitFor();
  await score(widget, "LU1.1", "+ goed ontwikkeld");
  assert.equal(await progress(widget), "1 van 42 indicatoren gescoord");
}));

test("not in a frame, the app posts nothing, even with a parentOrigin", (t) => pages.withPage(t, async (page) => {
  await page.addInitScript(() => {
    window.__messages = [];
    window.addEventListener("message", (e) => window.__messages.push(e.data));
  });
  await openApp(page, `parentOrigin=${encodeURIComponent(appOrigin)}`);
  await score(page, "LU1.1", "□ aanwezig");
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.deepEqual(await page.evaluate(() => window.__messages), []);
  assert.equal(await page.locator(".link-notice").count(), 0, "a valid link gives no notice");
}));

// ---------------------------------------------------------------------------------------------
// The strict policy.

test("the policy is enforced: an inline style is refused and reported (so the other checks can see one)", (t) => pages.withPage(t, async () => {
  const context = await pages.browser.newContext();
  try {
    const page = await context.newPage();
    const violated = await watchPolicy(page);
    await page.goto(app);
    await appReady(page);
    assert.deepEqual(violated, [], "the app itself causes none");
    await page.evaluate(() => document.body.setAttribute("style", "outline: 1px solid red"));
    await until(async () => violated.length > 0, "a violation is reported");
    assert.match(violated[0], /^http:\/\/localhost:\d+: style-src/);
  } finally {
    await context.close();
  }
}));

test("under the policy, top level: render, score, sign, verify and switch views with no violation", (t) => pages.withPage(t, async (page) => {
  const violated = await watchPolicy(page);
  await openApp(page, "lang=nl");
  assert.equal(await page.locator("script:not([src])").count(), 0, "no inline script in the page");
  assert.equal(await page.locator("[style]").count(), 0, "no style attribute in the page");
  await score(page, "LU4.1", "++ in hoge mate ontwikkeld");
  assert.equal(await progress(page), "1 van 42 indicatoren gescoord");
  const fill = await page.locator(".progress-fill rect").getAttribute("width");
  assert.equal(fill, "2.38", "the progress bar shows 1 of 42");
  // A record names the student and who signs it before it can be signed.
  await page.locator("#meta-student-number").fill("4812345");
  await page.locator("#meta-assessor-name").fill("Karim Haddou");
  await page.locator("#sign .sign-start").click();
  await download(page, () => page.locator("#sign").getByRole("alertdialog").locator(".sign-confirm-button").click());
  await page.getByRole("button", { name: "Record controleren" }).click();
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await page.locator(".framework-panel").waitFor();
  assert.deepEqual(violated, []);
}));

// ---------------------------------------------------------------------------------------------
// Settings in the link.

test("a valid link: English, self-assessment and the student number for a new assessment", (t) => pages.withPage(t, async (page) => {
  await openApp(page, "mode=self&student=S-42&lang=en&utm_source=lms&ou=6606");
  assert.equal(await page.locator(".app").getAttribute("lang"), "en");
  // In self mode the form speaks to the student.
  await page.getByRole("heading", { name: "Your self-assessment" }).waitFor();
  assert.equal(await page.locator("#meta-student-number").inputValue(), "S-42");
  assert.equal(await page.locator("#mode-self").isChecked(), true);
  assert.equal(await page.locator(".link-notice").count(), 0, "unknown parameters are ignored");
}));

test("a link never changes an assessment that exists; a new one takes its settings", (t) => pages.withPage(t, async (page) => {
  await openApp(page, "");
  await page.locator("#meta-student-number").fill("111");
  await score(page, "LU1.1", "+ goed ontwikkeld");
  await openApp(page, "mode=self&student=S-42");
  assert.equal(await page.locator("#meta-student-number").inputValue(), "111");
  assert.equal(await page.locator("#mode-assessor").isChecked(), true);
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await page.getByRole("button", { name: "Nieuwe beoordeling" }).click();
  assert.equal(await page.locator("#meta-student-number").inputValue(), "S-42");
  assert.equal(await page.locator("#mode-self").isChecked(), true);
}));

test("each hostile or broken value gives its message, the page stays whole and nothing runs", (t) => pages.withPage(t, async (page) => {
  const problems = [];
  refuseDialogs(page, problems);
  const violated = await watchPolicy(page);
  const cases = [
    ["student", "<img src=x onerror=alert(1)>", "student: mag alleen letters, cijfers en koppeltekens bevatten"],
    ["student", "1".repeat(33), "student: is langer dan 32 tekens"],
    ["parentOrigin", "*", "parentOrigin: moet een herkomst zijn als https://lms.hogeschool.nl (zonder pad, niet *; http alleen voor localhost)"],
    ["parentOrigin", "javascript:alert(1)", "parentOrigin: moet een herkomst zijn"],
    ["parentOrigin", "https://lms.example.nl/course?x=1", "parentOrigin: moet een herkomst zijn"],
    ["lang", "xx", "lang: moet nl of en zijn"],
    ["mode", "boss", "mode: moet self of assessor zijn"],
    ["framework", "javascript:alert(1)", "framework: moet een https-adres zijn, of een pad op deze server"],
  ];
  for (const [name, value, expected] of cases) {
    await openApp(page, new URLSearchParams({ [name]: value }).toString());
    const listed = await linkProblems(page);
    assert.deepEqual(Object.keys(listed), [name], `${name}=${value}`);
    assert.ok(listed[name].startsWith(expected), `${name}=${value}: ${listed[name]}`);
    if (value.length > 3) {
      assert.ok(!(await page.locator(".link-notice").textContent()).includes(value), "the value is not repeated");
    }
    assert.equal(await page.locator(".app").getAttribute("lang"), "nl");
    await stillWorks(page);
  }
  // A parameter given twice is used in neither form; percent-encoding that is broken is named.
  await openApp(page, "mode=self&mode=assessor&student=%E0%A4&lang=%zz");
  assert.deepEqual(await linkProblems(page), {
    mode: "mode: staat meer dan eens in de link",
    lang: "lang: heeft een ongeldige %-codering",
    student: "student: is geen geldige UTF-8-tekst",
  });
  // The notice can be put away.
  await page.locator(".link-notice .notice-dismiss").click();
  assert.equal(await page.locator(".link-notice").count(), 0);
  assert.deepEqual(violated, []);
  assert.deepEqual(problems, []);
}));

test("a framework address that fails gives its reason, and the built-in framework is used", (t) => pages.withPage(t, async () => {
  // The browser reports a 404 and a fetch the policy refuses in the console; nothing else may be.
  const { page, done, close } = await ownPage([
    /^Failed to load resource: the server responded with a status of 404/,
    /^Connecting to 'https:\/\/kaders\.example\.nl\/opbouwwerk\.json' violates the following Content Security Policy directive/,
    /^Fetch API cannot load https:\/\/kaders\.example\.nl\/opbouwwerk\.json\. Refused to connect because it violates the document's Content Security Policy\./,
  ]);
  try {
    const violated = await watchPolicy(page);
    const cases = [
      ["/fixtures/missing.json", "de server antwoordde met HTTP 404"],
      ["/fixtures/huge.json", "het bestand is groter dan 2 MB"],
      ["/fixtures/huge-declared.json", "het bestand is groter dan 2 MB"],
      ["/fixtures/invalid.json", "het bestand is geen geldig beoordelingskader"],
      ["/fixtures/not-a-framework.json", "het bestand is geen geldig beoordelingskader"],
      // Not in the policy's connect-src: the browser refuses to fetch it.
      ["https://kaders.example.nl/opbouwwerk.json", "geen antwoord, of ophalen is niet toegestaan (CORS of Content-Security-Policy)"],
    ];
    const details = [];
    for (const [address, expected] of cases) {
      await openApp(page, new URLSearchParams({ framework: address }).toString());
      const failure = page.locator(".framework-url-failure");
      assert.equal(await failure.locator("code").first().textContent(), address);
      assert.equal(await failure.locator(".load-failure").textContent(), expected, address);
      details.push(await failure.textContent());
      await stillWorks(page);
    }
    // An invalid framework names its first problems with their paths.
    assert.match(details[3], /geen geldig kader/);
    assert.match(details[4], /het veld "id" ontbreekt|onbekend veld "type"/);
    // The body beyond the limit was never read: the download stopped well short of 50 MB.
    assert.ok(streamed.chunked.sent < 20 * MB, `${streamed.chunked.sent} bytes were sent`);
    assert.ok(streamed.declared.sent < 20 * MB, `${streamed.declared.sent} bytes were sent`);
    assert.equal(violated.length, 1, `only the refused address: ${violated}`);
    assert.match(violated[0], /^http:\/\/localhost:\d+: connect-src blocked https:\/\/kaders\.example\.nl/);
  } catch (error) {
    await close();
    throw error;
  }
  await done();
  return `the 50 MB downloads stopped after ${(streamed.chunked.sent / MB).toFixed(1)} MB and ${(streamed.declared.sent / MB).toFixed(1)} MB`;
}));

test("a framework from another server, and from a file: loaded through the same checks, shown as text", (t) => pages.withPage(t, async (page) => {
  const problems = [];
  refuseDialogs(page, problems);
  const violated = await watchPolicy(page);
  // While the framework is on its way the page says so; it is never blank.
  await page.goto(`${app}?${new URLSearchParams({ framework: "/fixtures/slow.json" })}`);
  await page.getByRole("status").filter({ hasText: "Beoordelingskader laden…" }).waitFor();
  await page.getByRole("heading", { level: 1, name: "Testkader <img src=x onerror=alert(1)>" }).waitFor();
  assert.equal(await page.locator("img").count(), 0);

  await openApp(page, new URLSearchParams({ framework: `${hostOrigin}/kader.json` }).toString());
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Testkader <img src=x onerror=alert(1)>");
  await score(page, "LU1.1", "++ in hoge mate ontwikkeld");
  await page.locator("#meta-student-number").fill("4812345");
  await page.locator("#meta-assessor-name").fill("Karim Haddou");
  await page.locator("#sign .sign-start").click();
  const file = await download(page, () => page.locator("#sign").getByRole("alertdialog").locator(".sign-confirm-button").click());
  const record = parseJsonStrict(file.text);
  assert.equal(record.credentialSubject.assessment.framework.id, "testkader-2026");
  assert.equal((await verifyDataIntegrityProof(record)).verified, true);
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  assert.match(await page.locator(".framework-current").textContent(), /testkader-2026 2026-03 · uit de link/);

  // Back to the built-in framework: the assessment of the other one is listed as such, with the
  // address of the link it opens from.
  await page.getByRole("button", { name: "Ingebouwd kader gebruiken" }).click();
  await page.getByRole("heading", { level: 1, name: DEFAULT_TITLE }).waitFor();
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  const other = page.locator(".library-link-framework");
  await other.waitFor();
  assert.equal(await other.textContent(), `ander beoordelingskader, uit de link ${hostOrigin}/kader.json`);

  // A file that is no framework changes nothing and says why.
  await page.setInputFiles("#framework-file", { name: "record.json", mimeType: "application/json", buffer: Buffer.from(file.text) });
  await page.locator(".framework-file-failure").waitFor();
  assert.match(await page.locator(".framework-file-failure").textContent(), /geen geldig beoordelingskader/);
  assert.match(await page.locator(".framework-current").textContent(), /leeruitkomsten-opbouwwerk-2026 .* · ingebouwd/);
  // A valid one replaces the framework for this session.
  await page.setInputFiles("#framework-file", { name: "testkader.json", mimeType: "application/json", buffer: Buffer.from(otherFramework) });
  await page.getByRole("heading", { level: 1, name: "Testkader <img src=x onerror=alert(1)>" }).waitFor();
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  assert.match(await page.locator(".framework-current").textContent(), /uit een bestand \(testkader\.json\)/);
  assert.equal(await page.locator("img").count(), 0);
  assert.deepEqual(violated, []);
  assert.deepEqual(problems, []);
}));
