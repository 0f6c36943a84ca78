// The whole flow by keyboard alone: details, every indicator chosen with the arrow keys inside its
// radio group, evidence, signing and the export; and the link to the next open indicator.
// Run: scripts/test page keyboard
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, download, loadFramework, reloadApp } from "./harness.mjs";
import { verifyDataIntegrityProof } from "./independent-verify.mjs";

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());
const { indicators } = await loadFramework();

// Levels in the order of each radio group: □, +, ++.
const ORDER = ["present", "good", "high"];
const plan = Object.fromEntries(indicators.map((i, n) => [i.id, ORDER[(n * 7) % 3]]));
const COMMENT = "Alles met het toetsenbord ingevuld.";

/** What has focus: enough to steer by. */
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { tag: e?.tagName, id: e?.id ?? "", name: e?.getAttribute("name") ?? "", type: e?.getAttribute("type") ?? "",
    className: typeof e?.className === "string" ? e.className : "", text: (e?.textContent ?? "").trim().slice(0, 60) };
});

/** Presses Tab until `wanted(focus)` holds; fails when it takes more than `limit` presses. */
async function tabTo(page, wanted, what, limit = 60) {
  for (let n = 0; n < limit; n++) {
    await page.keyboard.press("Tab");
    if (wanted(await focused(page))) return;
  }
  assert.fail(`${what} was not reached by Tab within ${limit} presses; focus is on ${JSON.stringify(await focused(page))}`);
}

test("keyboard only: details, all 42 indicators by arrow keys, evidence, sign and export; the record holds it all", (t) => app.withPage(t, async (page) => {
  const details = [["meta-student-name", "Lotte Bakker"], ["meta-student-number", "6234567"],
    ["meta-assessor-name", "Ahmed Yilmaz"], ["meta-assessor-role", "werkbegeleider"], ["meta-organisation", "Buurtwerk West"]];
  for (const [id, text] of details) {
    await tabTo(page, (f) => f.id === id, id);
    await page.keyboard.type(text);
  }
  for (const indicator of indicators) {
    const group = `score-${indicator.id}`;
    // Tab enters a radio group with nothing chosen on its first option.
    await tabTo(page, (f) => f.name === group, `the radio group of ${indicator.id}`);
    await page.keyboard.press("Space");
    for (let step = 0; step < ORDER.indexOf(plan[indicator.id]); step++) await page.keyboard.press("ArrowRight");
    if (indicator.id === "LU3.4") {
      await tabTo(page, (f) => f.tag === "SUMMARY", "the evidence toggle of LU3.4", 3);
      await page.keyboard.press("Enter");
      await tabTo(page, (f) => f.id === "comment-LU3.4", "the evidence field of LU3.4", 3);
      await page.keyboard.type(COMMENT);
    }
  }
  for (const indicator of indicators) {
    assert.equal(await page.locator(`input[name="score-${indicator.id}"][value="${plan[indicator.id]}"]`).isChecked(), true, indicator.id);
  }
  await tabTo(page, (f) => f.className.includes("sign-start"), "Ondertekenen en exporteren");
  await page.keyboard.press("Enter");
  await tabTo(page, (f) => f.className.includes("sign-confirm-button"), "Definitief ondertekenen", 10);
  const file = await download(page, () => page.keyboard.press("Enter"));
  const record = JSON.parse(file.text);
  const { verified, reason } = await verifyDataIntegrityProof(record);
  assert.ok(verified, reason);
  assert.equal(record.credentialSubject.name, "Lotte Bakker");
  assert.equal(record.credentialSubject.assessment.assessor.organisation, "Buurtwerk West");
  const value = { present: 1, good: 2, high: 3 };
  for (const item of record.credentialSubject.assessment.indicators) {
    assert.equal(item.score?.value, value[plan[item.id]], item.id);
  }
  assert.equal(record.credentialSubject.assessment.indicators.find((i) => i.id === "LU3.4").comment, COMMENT);
}));

test("keyboard only: the summary's link goes to the first open indicator, where Tab continues", (t) => app.withPage(t, async (page) => {
  for (const id of ["LU1.1", "LU1.2"]) await page.locator(`input[name="score-${id}"][value="good"]`).check();
  // A reload puts the keyboard at the top of the page; the scores stay.
  await reloadApp(page);
  // The skip link is the first stop; it leads to the summary.
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).text, "Naar het overzicht");
  await page.keyboard.press("Enter");
  await tabTo(page, (f) => f.text === "Naar de eerste open indicator", "the link to the first open indicator", 20);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).name, "score-LU1.3");
}));
