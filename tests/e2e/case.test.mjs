// The framework as a 1EdTech CASE 1.1 package, in the page: the framework panel downloads it, the
// framework file chooser loads it back as the same framework (a record made in it verifies where
// only the built-in frameworks are known), and a malformed package is refused with its paths.
// Run: scripts/test page case
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { download, expectNoAxeViolations, startApp } from "./harness.mjs";
import { verifyDataIntegrityProof } from "./independent-verify.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const NAME = "leeruitkomsten-opbouwwerk-2026-case.json";
const example = await readFile(join(here, "../../examples", `case-leeruitkomsten-opbouwwerk-2026.json`), "utf8");

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const toLibrary = (page) => page.locator(".view-tab", { hasText: "Beoordelingen" }).click();
const exportButton = (page) => page.getByRole("button", { name: "Exporteren als CASE", exact: true });

// Exporting is the hogeschool's (its page alone has the code); reading a package is the form's
// too, since a link may name a framework published as CASE.
const toHogeschoolLibrary = async (page) => {
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.waitForURL(/\/hogeschool\.html#verify$/);
  await toLibrary(page);
};

test("the form's page offers no CASE export: that is on the hogeschool's page", (t) => app.withPage(t, async (page) => {
  await toLibrary(page);
  await page.locator(".framework-panel").waitFor();
  assert.equal(await exportButton(page).count(), 0);
  await toHogeschoolLibrary(page);
  await exportButton(page).waitFor();
}));

test("Exporteren als CASE downloads the package; loaded back it is the same framework, and a record of it verifies", (t) => app.withPage(t, async (page, { newPage }) => {
  await toHogeschoolLibrary(page);
  await expectNoAxeViolations(page, "the framework panel with the CASE export");
  const file = await download(page, () => exportButton(page).click());
  // Back to the form, where the package is loaded and assessed with.
  await page.goto(app.form);
  await toLibrary(page);
  assert.equal(file.name, NAME);
  // The very bytes the Rust code makes (tests/example_case.rs keeps the example so).
  assert.equal(file.text, example);
  const pkg = JSON.parse(file.text);
  assert.equal(pkg.CFDocument.title, "Leeruitkomsten opbouwwerk");
  assert.ok(pkg.CFItems.some((i) => i.humanCodingScheme === "LU1.1" && i.CFItemType === "Gedragsindicator"));

  await page.setInputFiles("#framework-file", { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  await page.getByRole("heading", { level: 1, name: "Leeruitkomsten opbouwwerk" }).waitFor();
  await toLibrary(page);
  assert.match(await page.locator(".framework-current").textContent(),
    new RegExp(`leeruitkomsten-opbouwwerk-2026 2026-03 · uit een bestand \\(${NAME.replaceAll(".", "\\.")}\\)`));
  assert.equal(await page.locator(".framework-file-failure").count(), 0);

  // A record made in the imported framework names the built-in's hash: a page that knows only the
  // built-in frameworks verifies it.
  await page.locator(".library-new").click();
  await page.locator('li[id="indicator-LU1.1"]').getByRole("radio", { name: "++ in hoge mate ontwikkeld", exact: true }).check();
  await page.locator("#meta-student-number").fill("4812345");
  await page.locator("#meta-assessor-name").fill("Karim Haddou");
  await page.locator("#sign .sign-start").click();
  const record = await download(page, () => page.locator(".sign-confirm-button").click());
  const { verified, reason } = await verifyDataIntegrityProof(JSON.parse(record.text));
  assert.equal(verified, true, reason);
  const fresh = await newPage();
  await fresh.getByRole("button", { name: "Record controleren", exact: true }).click();
  await fresh.setInputFiles("#record-file", { name: record.name, mimeType: "application/json", buffer: Buffer.from(record.text) });
  await fresh.locator(".verdict.is-valid").waitFor();
}));

test("a malformed CASE package is refused with its paths, and the framework stays", (t) => app.withPage(t, async (page) => {
  await toLibrary(page);
  const pkg = JSON.parse(example);
  pkg.CFItems[3].fullStatement = " ";
  pkg.CFItems[2].CFItemType = "Standard";
  await page.setInputFiles("#framework-file", { name: "kapot-case.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(pkg)) });
  const failure = page.locator(".framework-file-failure");
  await failure.waitFor();
  const text = await failure.textContent();
  assert.match(text, /CFItems\[3\]\.fullStatement: de tekst is leeg/);
  assert.match(text, /CFItems\[2\]\.CFItemType: onbekend soort item "Standard"/);
  assert.match(await page.locator(".framework-current").textContent(), /leeruitkomsten-opbouwwerk-2026 .* · ingebouwd/);
  await expectNoAxeViolations(page, "a refused CASE package");
}));
