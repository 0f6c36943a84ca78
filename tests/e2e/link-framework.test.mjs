// The framework a link names by its address, kept for when the address gives no answer: the app
// keeps a copy of each one that loads (Cache Storage), and opens that copy, saying so, when the
// server does not answer at all. An answer (here a 404) is not overruled by the copy: the page
// says the framework could not be loaded and goes on with the built-in one.
// Run: scripts/test page link-framework
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { expectNoAxeViolations, loadFramework, ownPage, startApp } from "./harness.mjs";

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
  await page.waitForFunction(async (url) => {
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
