// Back and Forward move between the app's views: each view the page moves to is named in the
// address (#assess, #library, hogeschool.html#invite), so the browser's Back (a phone's back
// gesture) returns to the view before instead of leaving the app, and a reload opens the view that
// was shown. An in-page anchor (the skip link's #summary) changes no view. In a frame the app adds
// no history entries (embed.test.mjs frames it). Run: scripts/test page history
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { appReady, startApp } from "./harness.mjs";

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const onLibrary = (page) => page.locator("section.library").isVisible();
const onForm = async (page) => (await page.locator("[role=radiogroup]").count()) === 42;
const view = (page, name) => page.getByRole("navigation").getByRole("button", { name, exact: true }).click();

test("on the form's page: Back returns to the form from the list, Forward goes there again, a reload keeps the view", (t) => app.withPage(t, async (page) => {
  // The first view takes the place of the address the page was opened with: no extra entry.
  assert.equal(new URL(page.url()).hash, "#assess");
  const entries = await page.evaluate(() => history.length);
  await page.locator('li[id="indicator-LU1.1"]').getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).check();
  await view(page, "Beoordelingen");
  await page.waitForURL(/#library$/);
  assert.equal(await onLibrary(page), true);
  assert.equal(await page.evaluate(() => history.length), entries + 1, "one entry per view moved to");
  await page.goBack();
  await page.waitForURL(/#assess$/);
  assert.equal(await onForm(page), true, "Back shows the form again");
  assert.equal(await page.locator('li[id="indicator-LU1.1"]').getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).isChecked(), true);
  await page.goForward();
  await page.waitForURL(/#library$/);
  await page.locator("section.library").waitFor();
  await page.reload();
  await appReady(page);
  await page.locator("section.library").waitFor();
  assert.equal(await onForm(page), false, "the reload opened the list, the view that was shown");
  // The skip link moves focus within the form; the view stays and Back leaves the anchor.
  await view(page, "Beoordelen");
  await page.waitForURL(/#assess$/);
  await page.getByRole("link", { name: "Naar het overzicht" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/#summary$/);
  assert.equal(await onForm(page), true);
  await page.goBack();
  await page.waitForURL(/#assess$/);
  assert.equal(await onForm(page), true);
  // Back past the views the page moved between leaves the app: the address it was opened with
  // holds no entry of its own.
  for (const expected of [/#library$/, /#assess$/]) {
    await page.goBack();
    await page.waitForURL(expected);
  }
  await page.goBack();
  await page.waitForURL("about:blank");
}));

test("on the hogeschool's page: Back returns from Uitnodigen to Record controleren", (t) => app.withPage(t, async (page) => {
  await page.goto(`${app.url}hogeschool.html`);
  await page.locator("#record-file").waitFor({ state: "attached" });
  await page.waitForURL(/hogeschool\.html#verify$/);
  await view(page, "Uitnodigen");
  await page.getByRole("heading", { name: "Een praktijkbeoordelaar uitnodigen" }).waitFor();
  await page.waitForURL(/hogeschool\.html#invite$/);
  await page.goBack();
  await page.waitForURL(/hogeschool\.html#verify$/);
  await page.locator("#record-file").waitFor({ state: "attached" });
  assert.equal(await page.getByRole("navigation").getByRole("button", { name: "Record controleren", exact: true }).getAttribute("aria-pressed"), "true");
}));
