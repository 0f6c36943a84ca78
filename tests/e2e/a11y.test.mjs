// Accessibility of every view: axe-core (WCAG 2.1 A and AA rules) finds no violation, in the
// light and the dark scheme, in Dutch and English, wide and phone-narrow.
// Run: scripts/test page a11y
import { test, before, after } from "node:test";
import { download, expectNoAxeViolations, reloadApp, startApp } from "./harness.mjs";

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());
const LEVEL = { present: "□ aanwezig", good: "+ goed ontwikkeld", high: "++ in hoge mate ontwikkeld" };

async function scoreSome(page) {
  const plan = [["LU1.1", "high"], ["LU1.2", "good"], ["LU1.3", "present"], ["LU2.1", "good"]];
  for (const [id, level] of plan) {
    await page.locator(`li[id="indicator-${id}"]`).getByRole("radio", { name: LEVEL[level], exact: true }).check();
  }
  await page.locator('li[id="indicator-LU1.2"] details.comment summary').click();
  await page.locator('textarea[id="comment-LU1.2"]').fill("Gesprek met bewoners gevoerd.");
  await page.locator("#meta-student-name").fill("Noor El Amrani");
  await page.locator("#meta-student-number").fill("5123456");
}

async function signedRecord(page) {
  // Without the assessor's name signing is refused, naming the field.
  await page.locator("#sign .sign-start").click();
  await page.locator("#sign .sign-incomplete").waitFor();
  await expectNoAxeViolations(page, "signing refused: the assessor's name is missing");
  await page.locator("#meta-assessor-name").fill("Peter Visser");
  await page.locator("#sign .sign-start").click();
  await expectNoAxeViolations(page, "the sign dialog with open indicators");
  return download(page, () => page.locator(".sign-confirm-button").click());
}

for (const scheme of ["light", "dark"]) {
  test(`every view has no axe violations (WCAG 2.1 AA), ${scheme} scheme`, (t) => app.withPage(t, async (page) => {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(page, "the empty form");
    await scoreSome(page);
    await expectNoAxeViolations(page, "the form with scores, evidence and the summary");
    const record = await signedRecord(page);
    await expectNoAxeViolations(page, "the signed, read-only form with the key panel");

    await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
    await page.locator(".library-item").first().waitFor();
    await expectNoAxeViolations(page, "the start screen");
    await page.locator(".library-item").first().getByRole("button", { name: "Kopie maken" }).click();
    await page.locator(".library-copied").waitFor();
    await expectNoAxeViolations(page, "the start screen after a copy");
    await page.locator(".library-item").first().getByRole("button", { name: "Verwijderen" }).click();
    await expectNoAxeViolations(page, "the start screen asking before a delete");

    await page.getByRole("button", { name: "Record controleren", exact: true }).click();
    await expectNoAxeViolations(page, "the empty verify view");
    await page.setInputFiles("#record-file", { name: record.name, mimeType: "application/json", buffer: Buffer.from(record.text) });
    await page.locator(".verdict.is-valid").waitFor();
    await expectNoAxeViolations(page, "the verify view with a valid record");
    const tampered = record.text.replace('"Noor El Amrani"', '"Noor El Amrane"');
    await page.setInputFiles("#record-file", { name: "veranderd.json", mimeType: "application/json", buffer: Buffer.from(tampered) });
    await page.locator(".verdict.is-invalid").waitFor();
    await expectNoAxeViolations(page, "the verify view with a changed record");

    await page.getByRole("button", { name: "Vergelijken", exact: true }).click();
    await expectNoAxeViolations(page, "the empty compare view");
    const inputs = page.locator('.compare-view input[type="file"]');
    await inputs.nth(1).setInputFiles({ name: record.name, mimeType: "application/json", buffer: Buffer.from(record.text) });
    const self = JSON.parse(record.text);
    self.credentialSubject.assessment.mode = "self";
    await inputs.nth(0).setInputFiles({ name: "zelf.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(self)) });
    await page.getByText("Gesprekspunten").first().waitFor();
    await expectNoAxeViolations(page, "the compare view with two records");

    await page.getByRole("button", { name: "Cohortoverzicht", exact: true }).click();
    await expectNoAxeViolations(page, "the empty cohort overview");
    const cohortFile = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    // The cohort view takes files once it has listed the cohort this browser kept.
    await page.waitForFunction(() => document.querySelector("#cohort-files")?.disabled === false);
    await page.setInputFiles("#cohort-files", [cohortFile(record.name, record.text), cohortFile("veranderd.json", tampered)]);
    await page.locator(".cohort-table").waitFor();
    await expectNoAxeViolations(page, "the cohort overview with a table, a distribution and a file left out");
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoAxeViolations(page, "the cohort overview at 360 px");
    await page.setViewportSize({ width: 1280, height: 900 });
  }));
}

test("the form has no axe violations in English and at phone width", (t) => app.withPage(t, async (page) => {
  await page.locator(".lang-switch").click();
  await page.getByRole("heading", { name: "Assessment details" }).waitFor();
  await scoreSome(page);
  await expectNoAxeViolations(page, "the English form");
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoAxeViolations(page, "the English form at 360 px");
  await reloadApp(page);
  await expectNoAxeViolations(page, "after a reload");
}));

for (const scheme of ["light", "dark"]) {
  test(`the 2010 profile's form, level picker and norm verdicts have no axe violations, ${scheme} scheme`, (t) => app.withPage(t, async (page) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
    await page.getByRole("radio", { name: /^Competentieprofiel opbouwwerker/ }).check();
    await page.locator(".library-new").click();
    await page.getByRole("heading", { level: 1, name: "Competentieprofiel opbouwwerker" }).waitFor();
    // One competence meets its norm at C, one falls below it, the rest are open.
    for (const [outcome, count, level] of [["VCa", 11, "good"], ["VCc", 9, "present"]]) {
      for (let n = 1; n <= count; n++) {
        const item = page.locator(`li[id="indicator-${outcome}.${n}"]`);
        if ((await item.count()) === 0) break;
        await item.getByRole("radio", { name: LEVEL[level], exact: true }).check();
      }
    }
    await page.locator(".norm-status.norm-meets").first().waitFor();
    await page.locator(".norm-status.norm-below").first().waitFor();
    await expectNoAxeViolations(page, "the 2010 form with norm verdicts");
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoAxeViolations(page, "the 2010 form at 360 px");
  }));
}

test("the form opened on a phone (360 px): folded outcomes, the open menu and the bottom bar have no axe violations", (t) => app.withPage(t, async (page) => {
  await scoreSome(page);
  await page.setViewportSize({ width: 360, height: 780 });
  await reloadApp(page);
  await page.getByRole("button", { name: /^Leeruitkomst 2: / }).waitFor();
  await expectNoAxeViolations(page, "the folded form at 360 px");
  await page.getByRole("button", { name: "Menu", exact: true }).click();
  await expectNoAxeViolations(page, "the header's menu open at 360 px");
  await page.getByRole("button", { name: /^Volgende open \(\d+\)$/ }).click();
  await expectNoAxeViolations(page, "after going to the next open indicator at 360 px");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page, "the same, dark scheme");
}));
