// Page-level tests of the form in the release build (the server and browser are in harness.mjs).
// Run: scripts/test page form. With LEERUITKOMSTEN_SCREENSHOTS=DIR it also writes the README's
// screenshots to DIR.
import { test, before, after } from "node:test";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import assert from "node:assert/strict";
import { SCREENSHOTS, appReady, loadFramework, startApp } from "./harness.mjs";

const { framework, outcomes, indicators } = await loadFramework();
let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const progress = (page) => page.getByRole("status").first().textContent();

test("every kerntaak, leeruitkomst and indicator is on the page, each indicator a named radio group", (t) => app.withPage(t, async (page) => {
  for (const task of framework.core_tasks) {
    await page.getByRole("heading", { level: 2, name: task.title }).waitFor();
    assert.equal(await page.getByText(task.description, { exact: true }).count(), 1);
  }
  assert.equal(await page.getByRole("article").count(), 6);
  for (const outcome of outcomes) {
    assert.equal(await page.getByText(outcome.description, { exact: true }).count(), 1, outcome.id);
  }
  assert.equal(await page.getByRole("radiogroup").count(), indicators.length);
  for (const indicator of indicators) {
    // Shared texts name several groups; the one with this indicator's id must be among them.
    const groups = page.getByRole("radiogroup", { name: indicator.text, exact: true });
    const group = page.locator(`li[id="indicator-${indicator.id}"]`).getByRole("radiogroup");
    assert.equal(await group.getAttribute("aria-labelledby"), `indicator-text-${indicator.id}`);
    assert.ok((await groups.count()) >= 1, indicator.id);
    for (const name of ["□ aanwezig", "+ goed ontwikkeld", "++ in hoge mate ontwikkeld"]) {
      assert.equal(await group.getByRole("radio", { name, exact: true }).count(), 1, `${indicator.id} ${name}`);
    }
  }
  assert.equal(await progress(page), `0 van ${indicators.length} indicatoren gescoord`);
}));

test("choosing a level updates the summary at once, clearing restores it, a reload keeps it", (t) => app.withPage(t, async (page) => {
  const group = page.locator('li[id="indicator-LU3.2"]');
  await group.getByRole("radio", { name: "++ in hoge mate ontwikkeld" }).check();
  assert.equal(await progress(page), "1 van 42 indicatoren gescoord");
  const lu3 = page.locator('.chart-row[data-id="LU3"] .chart-numbers');
  assert.equal(await lu3.textContent(), "++ 1 · + 0 · □ 0 · open 6 · gemiddelde 3,00");
  await group.getByRole("button", { name: "Score wissen van indicator LU3.2" }).click();
  assert.equal(await progress(page), "0 van 42 indicatoren gescoord");
  assert.equal(await lu3.textContent(), "++ 0 · + 0 · □ 0 · open 7 · gemiddelde –");
  // Keyboard: arrow keys move within the group.
  await group.getByRole("radio", { name: "□ aanwezig" }).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  assert.equal(await group.getByRole("radio", { name: "+ goed ontwikkeld" }).isChecked(), true);
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('li[id="indicator-LU3.2"]').getByRole("radio", { name: "+ goed ontwikkeld" }).isChecked(), true);
  assert.equal(await progress(page), "1 van 42 indicatoren gescoord");
}));

/** Every visible control smaller than 44 × 44 CSS pixels, except links inside running text. */
const smallTargets = (page) => page.evaluate(() => {
  const controls = document.querySelectorAll("button, a[href], label.level, summary, input:not([type=radio]), textarea, select");
  return [...controls].filter((e) => {
    const box = e.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || e.closest(".visually-hidden, [aria-hidden=true]")) return false;
    if (e.tagName === "A" && e.closest("p") && e.closest("p").textContent.trim() !== e.textContent.trim()) return false;
    return box.width < 44 || box.height < 44;
  }).map((e) => `${e.tagName.toLowerCase()}.${e.className || "-"} "${e.textContent.trim().slice(0, 30)}" ${Math.round(e.getBoundingClientRect().width)}×${Math.round(e.getBoundingClientRect().height)}`);
});

test("a phone-wide screen (360 px) needs no horizontal scrolling, and every control is at least 44 × 44 px", (t) => app.withPage(t, async (page) => {
  await page.setViewportSize({ width: 360, height: 780 });
  for (const id of ["LU1.1", "LU1.2"]) await page.locator(`input[name="score-${id}"][value="good"]`).check();
  await page.locator('li[id="indicator-LU1.1"] details.comment summary').click();
  for (const view of ["Beoordelen", "Beoordelingen", "Record controleren", "Vergelijken"]) {
    // On a phone the views wait behind the header's menu button.
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    await page.getByRole("button", { name: view, exact: true }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${view}: the page is ${overflow}px wider than the screen`);
    assert.deepEqual(await smallTargets(page), [], `${view}: controls under 44 px`);
  }
}));

test("the scoring page a link opens, on a phone-wide screen (360 px): no horizontal scrolling, every control at least 44 × 44 px, its header short", (t) => app.withPage(t, async (page) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await page.getByRole("heading", { level: 1 }).waitFor();
  for (const id of ["LU1.1", "LU1.2"]) await page.locator(`input[name="score-${id}"][value="good"]`).check();
  await page.locator('li[id="indicator-LU1.1"] details.comment summary').click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  assert.deepEqual(await smallTargets(page), [], "controls under 44 px");
  const header = await page.locator(".page-header").evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(header <= 200, `the header takes ${header} px of a 780 px screen`);
  return `header ${Math.round(header)} px at 360 px`;
}, { at: app.url }));

test("screenshots at 360, 768 and 1280 px", { skip: SCREENSHOTS ? false : "LEERUITKOMSTEN_SCREENSHOTS is not set" }, async (t) => {
  const shotDir = SCREENSHOTS;
  await mkdir(shotDir, { recursive: true });
  const { page, close } = await app.openPage();
  const scores = ["high", "good", "good", "present", "high", "good", "high", "good", "good", "high", "good", "present"];
  for (const [i, indicator] of indicators.slice(0, scores.length).entries()) {
    await page.locator(`input[name="score-${indicator.id}"][value="${scores[i]}"]`).check();
  }
  await page.locator('li[id="indicator-LU1.1"] details.comment summary').click();
  await page.locator('textarea[id="comment-LU1.1"]').fill("Bij de bewonersavond in de Spoorbuurt gaf zij jongeren en ouderen elk een eigen tafel.");
  await page.locator('input[id="meta-student-name"]').fill("Sanne de Vries");
  await page.locator('input[id="meta-student-number"]').fill("4812345");
  await page.locator('input[id="meta-assessor-name"]').fill("Karim Haddou");
  await page.locator('input[id="meta-assessor-role"]').fill("werkbegeleider");
  await page.locator('input[id="meta-organisation"]').fill("Buurtwerk Zuid");
  await page.evaluate(() => document.activeElement?.blur());
  // The same assessment at a phone's, a tablet's and a laptop's width, at LU1's indicators.
  for (const width of [360, 768, 1280]) {
    await page.setViewportSize({ width, height: width === 1280 ? 900 : 1024 });
    await page.locator('article[id="outcome-LU1"] h4').last().evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: join(shotDir, `screenshot-${width}.png`) });
  }
  await close();
  t.diagnostic(`written to ${shotDir}`);
});

