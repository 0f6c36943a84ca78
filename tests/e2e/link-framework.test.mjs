// The framework a link names by its address, kept for when the address gives no answer: the app
// keeps a copy of each one that loads (Cache Storage), and opens that copy, saying so, when the
// server does not answer at all. An answer (here a 404) is not overruled by the copy: the page
// says the framework could not be loaded and goes on with the built-in one. A backup carries the
// address along, so that on another device the assessment opens from the list in its framework. A
// copy of a framework the remembered list no longer names is deleted.
// Run: scripts/test page link-framework
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { download, expectNoAxeViolations, loadFramework, ownPage, saved, startApp, until } from "./harness.mjs";

let app, server, answer;
const { framework } = await loadFramework();
framework.id = "testkader-2026";
framework.title = "Testkader opbouwwerk";

// The framework's own server, another origin than the app's: it allows the app by CORS, and what
// it does with a request is `answer`'s choice.
before(async () => {
  app = await startApp();
  server = createServer((req, res) => {
    if (answer === "none") return req.socket.destroy();
    if (answer === "missing") return res.writeHead(404, { "access-control-allow-origin": "*" }).end();
    res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" });
    res.end(JSON.stringify(framework));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
});
after(async () => {
  server?.closeAllConnections();
  server?.close();
  await app?.close();
});

test("a link's framework opens from the copy kept when its address gives no answer, and says so; an answer is not overruled", async (t) => {
  const { page, problems } = await ownPage(app, t);
  const address = `http://127.0.0.1:${server.address().port}/testkader.json`;
  const heading = (name) => page.getByRole("heading", { level: 1, name });
  answer = "file";
  await page.goto(`${app.url}?framework=${encodeURIComponent(address)}`);
  await heading("Testkader opbouwwerk").waitFor();
  assert.equal(await page.locator(".link-notice").count(), 0);
  // Kept without holding up the start: wait for the copy.
  await until(page, async (url) => {
    const cache = await caches.open("leeruitkomsten link frameworks");
    return (await cache.match(url)) !== undefined;
  }, address);

  answer = "none";
  await page.reload();
  await heading("Testkader opbouwwerk").waitFor();
  const kept = page.locator(".link-notice .framework-url-kept");
  await kept.waitFor();
  assert.match(await kept.textContent(), /gaf geen antwoord \(geen verbinding\?\)\. De app gebruikt de kopie/);
  assert.equal(await kept.locator("code").textContent(), address);
  await expectNoAxeViolations(page, "the notice of the kept copy");
  // Scoring works in it as in any framework.
  await page.locator('li[id="indicator-LU1.1"]').getByRole("radio", { name: "++ in hoge mate ontwikkeld", exact: true }).check();

  answer = "missing";
  await page.reload();
  const failed = page.locator(".link-notice .framework-url-failure");
  await failed.waitFor();
  assert.match(await failed.textContent(), /kon niet worden geladen/);
  assert.equal(await page.locator(".framework-url-kept").count(), 0);
  await heading("Leeruitkomsten opbouwwerk").waitFor();
  assert.deepEqual(problems, []);
});

test("a copy the remembered frameworks no longer name is deleted; the copy of the link's framework stays", async (t) => {
  const { page, problems } = await ownPage(app, t);
  const address = `http://127.0.0.1:${server.address().port}/testkader.json`;
  const stale = "http://127.0.0.1:9/vergeten-kader.json";
  const copies = () => page.evaluate(async () => {
    const cache = await caches.open("leeruitkomsten link frameworks");
    return (await cache.keys()).map((request) => request.url).sort();
  });
  // As if its framework had dropped off the list (it keeps the newest 20) before copies were pruned.
  await page.evaluate(async (url) => {
    const cache = await caches.open("leeruitkomsten link frameworks");
    await cache.put(url, new Response("{}"));
  }, stale);
  assert.deepEqual(await copies(), [stale]);
  answer = "file";
  await page.goto(`${app.url}?framework=${encodeURIComponent(address)}`);
  await page.getByRole("heading", { level: 1, name: "Testkader opbouwwerk" }).waitFor();
  await until(page, async ([keep, gone]) => {
    const urls = (await (await caches.open("leeruitkomsten link frameworks")).keys()).map((r) => r.url);
    return urls.includes(keep) && !urls.includes(gone);
  }, [address, stale]);
  assert.deepEqual(await copies(), [address]);
  assert.deepEqual(problems, []);
});

test("a backup carries a link's framework: on a fresh browser its assessment opens from the list in that framework", async (t) => {
  const { page, problems } = await ownPage(app, t);
  const address = `http://127.0.0.1:${server.address().port}/testkader.json`;
  const high = (p) => p.locator('li[id="indicator-LU1.1"]').getByRole("radio", { name: "++ in hoge mate ontwikkeld", exact: true });
  answer = "file";
  await page.goto(`${app.url}?framework=${encodeURIComponent(address)}`);
  await page.getByRole("heading", { level: 1, name: "Testkader opbouwwerk" }).waitFor();
  await page.locator("#meta-student-name").fill("Femke Bos");
  await high(page).check();
  await saved(page);
  await page.goto(`${app.form}#library`);
  const backup = await download(page, () => page.getByRole("button", { name: "Back-up downloaden" }).click());
  assert.deepEqual(JSON.parse(backup.text).linkFrameworks, [{ id: "testkader-2026", version: framework.version, address }]);

  // Another device: no link ever opened there.
  const fresh = await ownPage(app, t);
  const other = fresh.page;
  await other.goto(`${app.form}#library`);
  await other.setInputFiles("#backup-import", { name: backup.name, mimeType: "application/json", buffer: Buffer.from(backup.text) });
  await other.getByText("Back-up geïmporteerd: 1 nieuw").waitFor();
  const item = other.locator(".library-item", { hasText: "Femke Bos" });
  assert.equal(await item.locator(".library-link-framework").textContent(), `ander beoordelingskader, uit de link ${address}`);
  await item.getByRole("button", { name: "Openen" }).click();
  await other.getByRole("heading", { level: 1, name: "Testkader opbouwwerk" }).waitFor();
  assert.equal(await high(other).isChecked(), true);
  // Remembered there now: opened later without the link, the list still offers it.
  await other.goto("about:blank");
  await other.goto(`${app.form}#library`);
  await other.locator(".library-item", { hasText: "Femke Bos" }).locator(".library-link-framework").waitFor();
  assert.deepEqual([...problems, ...fresh.problems], []);
});
