// Finding what is still open, by visible labels: the bottom bar's "Volgende open (n)", the mark on
// open indicators, learning outcomes that fold, the compact header on a phone, and taking over the
// score where a text first stands.
// Run: scripts/test page open-work
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, loadFramework, reloadApp } from "./harness.mjs";

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());
const { outcomes, indicators } = await loadFramework();
const LEVEL = { present: "□ aanwezig", good: "+ goed ontwikkeld", high: "++ in hoge mate ontwikkeld" };
// The header's height at 360 px before this change, measured on main.
const HEADER_BEFORE_PX = 390;

const item = (page, id) => page.locator(`li[id="indicator-${id}"]`);
const scoreBy = (page, id, level) => item(page, id).getByRole("radio", { name: LEVEL[level], exact: true }).check();
const nextOpen = (page) => page.getByRole("button", { name: /^Volgende open \(\d+\)$/ });
const toggle = (page, number) => page.getByRole("button", { name: new RegExp(`^Leeruitkomst ${number}: `) });
/** The indicator focus is in, or null. */
const focusedIndicator = (page) => page.evaluate(() => document.activeElement?.closest("li.indicator")?.id.replace(/^indicator-/, "") ?? null);

/** Waits until focus is in indicator `id`, and checks that it is on screen and not under the bar. */
async function expectFocusIn(page, id) {
  await page.waitForFunction((id) => document.activeElement?.closest("li.indicator")?.id === `indicator-${id}`, id, { timeout: 5_000 })
    .catch(async () => assert.fail(`focus is in ${await focusedIndicator(page)}, not ${id}`));
  const box = await item(page, id).evaluate((e) => {
    const r = e.getBoundingClientRect();
    const dock = document.querySelector(".progress-dock").getBoundingClientRect();
    return { top: r.top, dockTop: dock.top, visible: r.height > 0 };
  });
  assert.ok(box.visible && box.top >= 0 && box.top < box.dockTop, `${id} is not in view: ${JSON.stringify(box)}`);
}

// On both form pages: the scoring page a link opens (README: Three pages), and the whole form.
for (const [label, at] of [["the whole form", () => app.form], ["the scoring page", () => app.url]]) {
test(`${label} at 360 px: pressing 'Volgende open (n)' again and again reaches every open indicator in order, then wraps`, (t) => app.withPage(t, async (page) => {
  const scored = new Set(["LU1.1", "LU1.2", "LU1.4", "LU2.2", "LU3.1", "LU3.2", "LU3.3", "LU5.1", "LU6.1"]);
  for (const id of scored) await scoreBy(page, id, "good");
  const open = indicators.map((i) => i.id).filter((id) => !scored.has(id));
  await page.setViewportSize({ width: 360, height: 780 });
  await reloadApp(page);
  // A phone opens the form folded, but for the outcome that holds the first open indicator.
  assert.equal(await toggle(page, 1).getAttribute("aria-expanded"), "true");
  for (const number of [2, 3, 4, 5, 6]) assert.equal(await toggle(page, number).getAttribute("aria-expanded"), "false", `LU${number}`);
  assert.equal(await nextOpen(page).textContent(), `Volgende open (${open.length})`);
  for (const id of open) {
    await nextOpen(page).click();
    await expectFocusIn(page, id);
  }
  await nextOpen(page).click();
  await expectFocusIn(page, open[0]);
  // Every outcome was unfolded on the way.
  for (const number of [1, 2, 3, 4, 5, 6]) assert.equal(await toggle(page, number).getAttribute("aria-expanded"), "true", `LU${number}`);
  // Focus is on the first level: Space scores it, and the next press goes on after it.
  await page.keyboard.press("Space");
  assert.equal(await nextOpen(page).textContent(), `Volgende open (${open.length - 1})`);
  await nextOpen(page).click();
  await expectFocusIn(page, open[1]);
  return `${open.length} open indicators reached by ${open.length} presses at 360 px`;
}, { at: at() }));
}

test("on a wide screen 'Volgende open' goes on after the indicator last worked on; with none open it says so", (t) => app.withPage(t, async (page) => {
  assert.equal(await nextOpen(page).textContent(), `Volgende open (${indicators.length})`);
  await nextOpen(page).click();
  await expectFocusIn(page, indicators[0].id);
  await scoreBy(page, "LU3.2", "high");
  await nextOpen(page).click();
  await expectFocusIn(page, "LU3.3");
  for (const indicator of indicators) {
    if (indicator.id !== "LU3.2") await page.locator(`input[name="score-${indicator.id}"][value="present"]`).check();
  }
  assert.equal(await nextOpen(page).count(), 0);
  assert.equal(await page.locator(".progress-dock").getByText("Alles gescoord", { exact: true }).count(), 1);
}));

test("open indicators carry a visible mark that describes their radio group, gone once scored", (t) => app.withPage(t, async (page) => {
  assert.equal(await page.getByText("Nog open", { exact: true }).count(), indicators.length);
  const mark = item(page, "LU2.3").getByText("Nog open", { exact: true });
  assert.equal(await mark.isVisible(), true);
  const description = await item(page, "LU2.3").getByRole("radiogroup").evaluate((group) =>
    (group.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent).join(" "));
  assert.equal(description, "Nog open");
  await scoreBy(page, "LU2.3", "present");
  assert.equal(await mark.count(), 0);
  assert.equal(await item(page, "LU2.3").getByRole("radiogroup").getAttribute("aria-describedby"), null);
  assert.equal(await page.getByText("Nog open", { exact: true }).count(), indicators.length - 1);
  await item(page, "LU2.3").getByRole("button", { name: "Score wissen van indicator LU2.3" }).click();
  assert.equal(await item(page, "LU2.3").getByText("Nog open", { exact: true }).count(), 1);
}));

test("a learning outcome folds and unfolds, says how many are open, is not saved folded, and a link into it opens it", (t) => app.withPage(t, async (page) => {
  const lu2 = outcomes[1];
  const lu2Toggle = toggle(page, 2);
  for (const number of [1, 2, 3, 4, 5, 6]) assert.equal(await toggle(page, number).getAttribute("aria-expanded"), "true", "open on a wide screen");
  assert.match(await lu2Toggle.textContent(), new RegExp(`${lu2.indicators.length} open$`));
  await scoreBy(page, lu2.indicators[0].id, "good");
  assert.match(await lu2Toggle.textContent(), new RegExp(`${lu2.indicators.length - 1} open$`));
  await lu2Toggle.click();
  assert.equal(await lu2Toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await page.getByRole("radiogroup").count(), indicators.length - lu2.indicators.length);
  assert.equal(await page.getByText(lu2.description, { exact: true }).isVisible(), false);
  await lu2Toggle.click();
  assert.equal(await lu2Toggle.getAttribute("aria-expanded"), "true");
  assert.equal(await page.getByRole("radiogroup").count(), indicators.length);
  // Folding is how the page looks, not part of the assessment.
  await lu2Toggle.click();
  await reloadApp(page);
  assert.equal(await toggle(page, 2).getAttribute("aria-expanded"), "true");
  // The summary's link leads into a folded outcome: it opens, and Tab goes on in the indicator.
  await toggle(page, 1).click();
  await page.getByRole("link", { name: "Naar de eerste open indicator" }).click();
  await expectFocusIn(page, "LU1.1");
  assert.equal(await toggle(page, 1).getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "score-LU1.1");
}));

test("at 360 px the header is compact, and the views and the language are behind its menu button", (t) => app.withPage(t, async (page) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await reloadApp(page);
  const header = page.locator("header.page-header");
  const closed = (await header.boundingBox()).height;
  assert.ok(closed < HEADER_BEFORE_PX / 2, `the header is ${closed} px tall at 360 px`);
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
  assert.equal(await page.getByRole("button", { name: "Beoordelingen", exact: true }).isVisible(), false);
  await menu.click();
  assert.equal(await menu.getAttribute("aria-expanded"), "true");
  const opened = (await header.boundingBox()).height;
  for (const name of ["Beoordelingen", "Beoordelen", "Record controleren", "Vergelijken", "Cohortoverzicht", "Switch to English"]) {
    assert.equal(await page.getByRole("button", { name, exact: true }).isVisible(), true, name);
  }
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await page.getByRole("heading", { name: "Bewaarde beoordelingen" }).waitFor();
  assert.equal(await menu.getAttribute("aria-expanded"), "false", "choosing a view closes the menu");
  await menu.click();
  await page.getByRole("button", { name: "Switch to English", exact: true }).click();
  await page.getByRole("button", { name: "Menu", exact: true }).click();
  await page.getByRole("button", { name: "Assess", exact: true }).click();
  await page.getByRole("heading", { name: "Assessment details" }).waitFor();
  return `header at 360 px: ${HEADER_BEFORE_PX} px before, ${Math.round(closed)} px now (${Math.round(opened)} px with the menu open)`;
}));

for (const [label, at] of [["the whole form", () => app.form], ["the scoring page", () => app.url]]) {
test(`${label}: an indicator whose text stands under an earlier leeruitkomst offers that score, and stays scored on its own`, (t) => app.withPage(t, async (page) => {
  // LU1.3, LU2.1 and LU4.2 share one text; LU1.3 is where it first stands.
  assert.equal(await page.getByRole("button", { name: /^Score overnemen van / }).count(), 0, "nothing scored, nothing offered");
  await scoreBy(page, "LU1.3", "high");
  const offer = item(page, "LU2.1").getByRole("button", { name: "Score overnemen van LU1.3 (++)", exact: true });
  assert.equal(await item(page, "LU4.2").getByRole("button", { name: "Score overnemen van LU1.3 (++)", exact: true }).count(), 1);
  assert.equal(await item(page, "LU1.3").getByRole("button", { name: /^Score overnemen/ }).count(), 0);
  await offer.click();
  assert.equal(await item(page, "LU2.1").getByRole("radio", { name: LEVEL.high, exact: true }).isChecked(), true);
  assert.equal(await offer.count(), 0, "taken over, nothing left to offer");
  assert.equal(await page.getByRole("status").first().textContent(), "2 van 42 indicatoren gescoord");
  // Nothing is linked: changing the first leaves the other as it is, and offers the new score.
  await scoreBy(page, "LU1.3", "good");
  assert.equal(await item(page, "LU2.1").getByRole("radio", { name: LEVEL.high, exact: true }).isChecked(), true);
  assert.equal(await item(page, "LU2.1").getByRole("button", { name: "Score overnemen van LU1.3 (+)", exact: true }).count(), 1);
  await reloadApp(page);
  assert.equal(await item(page, "LU2.1").getByRole("radio", { name: LEVEL.high, exact: true }).isChecked(), true);
}, { at: at() }));
}
