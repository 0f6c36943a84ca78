// Page-level tests of the second built-in framework, the Competentieprofiel opbouwwerker (2010):
// choosing it for a new assessment, the level of practice (C or D), and the summary's verdict per
// competence against the norms of Bijlage 3. Every expectation is computed here from the
// framework file's norm table, not written into the test.
// Run: scripts/test page norms
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { download, reloadApp, startApp } from "./harness.mjs";
import { verifyDataIntegrityProof } from "./independent-verify.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const profile = JSON.parse(
  await readFile(join(here, "../../frameworks/competentieprofiel-opbouwwerker-2010.json"), "utf8"),
);
const outcomes = profile.core_tasks.flatMap((t) => t.learning_outcomes);
let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const RADIO = { "□": "□ aanwezig", "+": "+ goed ontwikkeld", "++": "++ in hoge mate ontwikkeld" };
const RANK = { "□": 1, "+": 2, "++": 3 };
const dimensionTitle = Object.fromEntries(profile.norms.dimensions.map((d) => [d.id, d.title.toLowerCase()]));

/** The summary's norm line for a competence, as the norm table says it must read. */
function expectedLine(outcomeId, level, result) {
  const row = profile.norms.rows.find((r) => r.learning_outcome === outcomeId);
  const expected = profile.norms.dimensions.map((d) => [d.id, row.expected[d.id][level]]);
  if (!result) {
    const highest = expected.map(([, s]) => s).sort((a, b) => RANK[b] - RANK[a])[0];
    return `Norm ${level}: nog niet te bepalen · verwacht: ${highest}`;
  }
  const short = expected.filter(([, s]) => RANK[result] < RANK[s]);
  if (short.length === 0) {
    const highest = expected.map(([, s]) => s).sort((a, b) => RANK[b] - RANK[a])[0];
    return `Norm ${level}: haalt de norm · verwacht: ${highest}`;
  }
  return `Norm ${level}: onder de norm · verwacht: ${short.map(([d, s]) => `${dimensionTitle[d]} ${s}`).join(", ")}`;
}

async function scoreAll(page, outcome, symbol) {
  for (const indicator of outcome.indicators) {
    await page.locator(`li[id="indicator-${indicator.id}"]`).getByRole("radio", { name: RADIO[symbol], exact: true }).check();
  }
}

const normLine = (page, id) => page.locator(`.summary li:has(.chart-row[data-id="${id}"]) .norm-status`);

async function startIn(page, title) {
  await page.locator(".view-tab", { hasText: "Beoordelingen" }).click();
  await page.getByRole("group", { name: "Kies het beoordelingskader" }).getByRole("radio", { name: title }).check();
  await page.locator(".library-new").click();
}

test("a new assessment in the 2010 profile: every competence as in the file, level C by default", (t) => app.withPage(t, async (page) => {
  await startIn(page, `${profile.title} (${profile.version})`);
  await page.getByRole("heading", { level: 1, name: profile.title }).waitFor();
  // Every competence under its code, and every indicator as a radio group.
  const codes = await page.locator(".outcome .outcome-number").allTextContents();
  assert.deepEqual(codes, outcomes.map((o) => o.code));
  assert.equal(await page.getByRole("radiogroup").count(), outcomes.flatMap((o) => o.indicators).length);
  const levels = page.getByRole("group", { name: "Niveau" });
  assert.equal(await levels.getByRole("radio", { name: /^Niveau C/ }).isChecked(), true);
  assert.equal(await levels.getByRole("radio", { name: /^Niveau D/ }).isChecked(), false);
  for (const outcome of outcomes) {
    assert.equal(await normLine(page, outcome.id).textContent(), expectedLine(outcome.id, "C", null), outcome.id);
  }
}));

test("the summary holds each result against the norm of the chosen level, and keeps it on reload", (t) => app.withPage(t, async (page) => {
  await startIn(page, `${profile.title} (${profile.version})`);
  await page.getByRole("heading", { level: 1, name: profile.title }).waitFor();
  const [vca, vcd] = [outcomes.find((o) => o.id === "VCa"), outcomes.find((o) => o.id === "VCd")];
  await scoreAll(page, vca, "+");
  await scoreAll(page, vcd, "+");
  const checkLines = async (level) => {
    for (const outcome of [vca, vcd]) {
      assert.equal(await normLine(page, outcome.id).textContent(), expectedLine(outcome.id, level, "+"), `${outcome.id} at ${level}`);
    }
    const others = outcomes.filter((o) => o !== vca && o !== vcd);
    assert.equal(await normLine(page, others[0].id).textContent(), expectedLine(others[0].id, level, null));
  };
  await checkLines("C");
  // The two verdicts at C differ, so the comparison is not the same for every competence.
  assert.notEqual(expectedLine("VCa", "C", "+").split(" · ")[0], expectedLine("VCd", "C", "+").split(" · ")[0]);
  await page.getByRole("group", { name: "Niveau" }).getByRole("radio", { name: /^Niveau D/ }).check();
  await checkLines("D");
  // Lower scores change the result and the verdict with it.
  await scoreAll(page, vca, "□");
  assert.equal(await page.locator('.summary .chart-row[data-id="VCa"] .chart-result-value').getAttribute("data-result"), "present");
  assert.equal(await normLine(page, "VCa").textContent(), expectedLine("VCa", "D", "□"));
  await reloadApp(page);
  await page.getByRole("heading", { level: 1, name: profile.title }).waitFor();
  assert.equal(await page.getByRole("radio", { name: /^Niveau D/ }).isChecked(), true);
  assert.equal(await page.locator(`li[id="indicator-VCa.1"]`).getByRole("radio", { name: RADIO["□"], exact: true }).isChecked(), true);
  assert.equal(await normLine(page, "VCa").textContent(), expectedLine("VCa", "D", "□"));
  assert.equal(await normLine(page, "VCd").textContent(), expectedLine("VCd", "D", "+"));
}));

test("the start screen keeps both frameworks' assessments and opens each in its own", (t) => app.withPage(t, async (page) => {
  await page.locator("#meta-student-name").fill("Noor Visser");
  await startIn(page, `${profile.title} (${profile.version})`);
  await page.getByRole("heading", { level: 1, name: profile.title }).waitFor();
  await page.locator("#meta-student-name").fill("Daan Smit");
  await page.locator(".view-tab", { hasText: "Beoordelingen" }).click();
  const noor = page.locator(".library-item", { hasText: "Noor Visser" });
  const daan = page.locator(".library-item", { hasText: "Daan Smit" });
  assert.equal(await noor.locator(".library-framework").textContent(), "Leeruitkomsten opbouwwerk");
  assert.equal(await daan.locator(".library-framework").count(), 0);
  assert.match(await daan.locator(".library-progress").textContent(), new RegExp(`^0/${outcomes.flatMap((o) => o.indicators).length} `));
  await noor.locator(".library-open").click();
  await page.getByRole("heading", { level: 1, name: "Leeruitkomsten opbouwwerk" }).waitFor();
  assert.equal(await page.locator("#meta-student-name").inputValue(), "Noor Visser");
  assert.equal(await page.locator(".norm-level").count(), 0);
  assert.equal(await page.locator(".norm-status").count(), 0);
  await page.locator(".view-tab", { hasText: "Beoordelingen" }).click();
  await page.locator(".library-item", { hasText: "Daan Smit" }).locator(".library-open").click();
  await page.getByRole("heading", { level: 1, name: profile.title }).waitFor();
  assert.equal(await page.locator("#meta-student-name").inputValue(), "Daan Smit");
}));

test("a signed record of the 2010 profile states its level; the verify view judges it by that level", (t) => app.withPage(t, async (page) => {
  await startIn(page, `${profile.title} (${profile.version})`);
  await page.getByRole("heading", { level: 1, name: profile.title }).waitFor();
  await page.getByRole("group", { name: "Niveau" }).getByRole("radio", { name: /^Niveau D/ }).check();
  const vca = outcomes.find((o) => o.id === "VCa");
  await scoreAll(page, vca, "++");
  // A record names the student and who signs it before it can be signed.
  await page.locator("#meta-student-number").fill("4812345");
  await page.locator("#meta-assessor-name").fill("Karim Haddou");
  await page.locator("#sign .sign-start").click();
  const file = await download(page, () => page.locator(".sign-confirm-button").click());
  const record = JSON.parse(file.text);
  assert.equal(record.schemaVersion, "4");
  assert.equal(record.credentialSubject.assessment.normLevel, "D");
  assert.equal(record.credentialSubject.assessment.framework.id, profile.id);
  const { verified, reason } = await verifyDataIntegrityProof(record);
  assert.equal(verified, true, reason);
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  await page.locator(".verdict.is-valid").waitFor();
  assert.equal(await normLine(page, "VCa").textContent(), expectedLine("VCa", "D", "++"));
  // The same record claiming a level the profile has no norms for is refused, signature or not.
  const other = file.text.replace('"normLevel": "D"', '"normLevel": "E"');
  assert.notEqual(other, file.text);
  await page.setInputFiles("#record-file", { name: "ander-niveau.json", mimeType: "application/json", buffer: Buffer.from(other) });
  await page.locator(".verdict.is-invalid").waitFor();
  // Verified where the 2026 outcomes are in use, it is as valid: both frameworks come with the app.
  await startIn(page, "Leeruitkomsten opbouwwerk (2026-03)");
  await page.getByRole("heading", { level: 1, name: "Leeruitkomsten opbouwwerk" }).waitFor();
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  await page.locator(".verdict.is-valid").waitFor();
  assert.equal(await normLine(page, "VCa").textContent(), expectedLine("VCa", "D", "++"));
  // And the compare view sets two records of the 2010 profile side by side there as well.
  await page.getByRole("button", { name: "Vergelijken", exact: true }).click();
  const inputs = page.locator('.compare-view input[type="file"]');
  await inputs.nth(1).setInputFiles({ name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  const self = structuredClone(record);
  self.credentialSubject.assessment.mode = "self";
  await inputs.nth(0).setInputFiles({ name: "zelf.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(self)) });
  await page.getByRole("heading", { name: /^VC a: / }).waitFor();
  assert.equal(await page.locator(".compare-refusal").count(), 0);
}));

test("a link names the 2010 profile by its id: it opens with the link's mode, fetched only from next to the app", (t) => app.withPage(t, async (page) => {
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  const here = new URL(page.url());
  await page.goto(`${here.origin}${here.pathname}?framework=${profile.id}&mode=self`);
  await page.getByRole("heading", { level: 1, name: profile.title }).waitFor();
  assert.equal(await page.locator(".link-notice").count(), 0);
  // The form's page does not carry the profile compiled in; it fetches the app's own copy.
  assert.deepEqual(requests.filter((p) => p.endsWith(".json") || p.includes(profile.id)),
    [`/frameworks/${profile.id}.json`], requests.join(" "));
  assert.equal(await page.getByRole("radio", { name: /^Niveau C/ }).isChecked(), true);
  assert.equal(await page.locator("#mode-self").isChecked(), true);
}));
