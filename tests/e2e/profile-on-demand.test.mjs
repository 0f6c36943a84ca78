// Page tests of the 2010 competence profile on the form's page, which does not carry it compiled in
// but fetches its file from next to the app the first time it is chosen, holds it to the SHA-256
// compiled in (core::framework::catalogue) and leaves it to the service worker to keep for offline
// use (src/web/sw.js, FETCHED_ASSETS). Run: scripts/test page profile-on-demand
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expectNoAxeViolations, ownPage, startApp } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const read = (name) => readFile(join(here, "../../frameworks", name), "utf8");
const profile = JSON.parse(await read("competentieprofiel-opbouwwerker-2010.json"));
const otherFramework = await read("leeruitkomsten-opbouwwerk-2026.json");
const FILE = "/frameworks/competentieprofiel-opbouwwerker-2010.json";
const indicators = profile.core_tasks.flatMap((t) => t.learning_outcomes).flatMap((o) => o.indicators);
const first = indicators[0].id;

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

async function startIn(page, title) {
  await page.locator(".view-tab", { hasText: "Beoordelingen" }).click();
  await page.getByRole("group", { name: "Kies het beoordelingskader" }).getByRole("radio", { name: title }).check();
  await page.locator(".library-new").click();
}
const inProfile = (page) => startIn(page, `${profile.title} (${profile.version})`);
const profileTitle = (page) => page.getByRole("heading", { level: 1, name: profile.title }).waitFor();
const good = (page, id) => page.locator(`li[id="indicator-${id}"]`).getByRole("radio", { name: "+ goed ontwikkeld", exact: true });
const failed = (page) => page.locator(".library-fetch-failed");

// Offline for the page and for its service worker: the browser's offline mode does not hold the
// worker's own requests, so the server's answers to this context are refused as well.
async function goOffline(context) {
  await context.setOffline(true);
  await context.route("**/*", (route) => route.abort("internetdisconnected"));
}
async function goOnline(context) {
  await context.unrouteAll();
  await context.setOffline(false);
}

test("chosen online: fetched once from next to the app, then every assessment in it opens at once", (t) => app.withPage(t, async (page) => {
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
  assert.equal(loaded.includes(FILE), false, "the first load does not fetch the profile");
  await inProfile(page);
  await profileTitle(page);
  assert.equal(await page.getByRole("radiogroup").count(), indicators.length);
  await good(page, first).check();
  // Back to the default and to the profile again: no second download.
  await startIn(page, "Leeruitkomsten opbouwwerk (2026-03)");
  await page.getByRole("heading", { level: 1, name: "Leeruitkomsten opbouwwerk" }).waitFor();
  await page.locator(".view-tab", { hasText: "Beoordelingen" }).click();
  await page.locator(".library-item", { hasText: `1/${indicators.length} gescoord` }).locator(".library-open").click();
  await profileTitle(page);
  assert.equal(await good(page, first).isChecked(), true);
  assert.deepEqual(requests.filter((p) => p === FILE), [FILE]);
}));

test("offline after first use: the open draft of the profile reopens from the worker's cache", async (t) => {
  const { page, context, problems } = await ownPage(app, t, "allow");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await inProfile(page);
  await profileTitle(page);
  await good(page, first).check();
  await page.waitForFunction((file) => caches.match(file).then(Boolean), FILE);
  await goOffline(context);
  await page.reload();
  await profileTitle(page);
  assert.equal(await good(page, first).isChecked(), true);
  assert.equal(await failed(page).count(), 0);
  await goOnline(context);
  assert.deepEqual(problems, []);
});

test("unreachable, refused or another file: said so, and the form and its draft stay as they were", async (t) => {
  const { page, context, problems } = await ownPage(app, t, "block");
  await good(page, "LU1.1").check();
  const answers = [
    [(route) => route.abort("internetdisconnected"), /^Competentieprofiel opbouwwerker kon niet worden geopend: geen antwoord/],
    [(route) => route.fulfill({ status: 404, body: "" }), /HTTP 404/],
    [(route) => route.fulfill({ status: 200, contentType: "application/json", body: otherFramework }), /de server gaf een ander bestand dan het kader van deze versie van de app/],
    [(route) => route.fulfill({ status: 200, contentType: "text/html", body: "<html>portal</html>" }), /het bestand is geen geldig beoordelingskader/],
  ];
  for (const [answer, message] of answers) {
    await context.route(`**${FILE}`, answer);
    await inProfile(page);
    await failed(page).waitFor();
    assert.equal(await failed(page).getAttribute("role"), "alert");
    assert.match(await failed(page).textContent(), message);
    assert.match(await failed(page).textContent(), /Er is niets verloren; probeer het opnieuw als er verbinding is\.$/);
    await context.unroute(`**${FILE}`);
  }
  await expectNoAxeViolations(page, "the start screen saying the profile did not come", ".library");
  // The draft of the default framework is still there and opens with its score.
  await page.locator(".library-item", { hasText: "1/42 gescoord" }).locator(".library-open").click();
  assert.equal(await good(page, "LU1.1").isChecked(), true);
  // With the network back the profile opens; the message is gone.
  await inProfile(page);
  await profileTitle(page);
  assert.deepEqual(problems, []);
});

test("a draft of the profile opened offline where it was never fetched: a message, the draft kept", async (t) => {
  // The draft is made on one device and copied to another by its storage, as a backup would.
  const maker = await ownPage(app, t, "block");
  await inProfile(maker.page);
  await profileTitle(maker.page);
  await good(maker.page, first).check();
  const stored = await maker.page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("leeruitkomsten:")).map((k) => [k, localStorage.getItem(k)])));

  const { page, context, problems } = await ownPage(app, t, "allow");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.evaluate((items) => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }, stored);
  await goOffline(context);
  await page.reload();
  await failed(page).waitFor();
  assert.match(await failed(page).textContent(), /^Competentieprofiel opbouwwerker kon niet worden geopend: .*Er is niets verloren/);
  const draft = page.locator(".library-item", { hasText: `1/${indicators.length} gescoord` });
  assert.equal(await draft.count(), 1, "the draft is listed");
  // Online again, it opens from the list with its score.
  await goOnline(context);
  await draft.locator(".library-open").click();
  await profileTitle(page);
  assert.equal(await good(page, first).isChecked(), true);
  assert.deepEqual([...maker.problems, ...problems], []);
});
