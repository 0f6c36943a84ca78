// The printed report: Chromium prints the page to an A4 PDF, and poppler's pdfinfo and pdftotext
// read it back. Run: scripts/test page print
// With LEERUITKOMSTEN_SCREENSHOTS=DIR, the PDF's first page is written to DIR/print-page1.png for
// the README.
import { test, before, after } from "node:test";
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";
import { SCREENSHOTS, startApp, download, loadFramework } from "./harness.mjs";

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());
const { indicators } = await loadFramework();

const LEVEL = { present: "□ aanwezig", good: "+ goed ontwikkeld", high: "++ in hoge mate ontwikkeld" };
const METADATA = {
  "meta-student-name": "Noor El Amrani",
  "meta-student-number": "5123456",
  "meta-assessor-name": "Peter Visser",
  "meta-assessor-role": "praktijkopleider",
  "meta-organisation": "Wijkteam Oost",
  "meta-date": "2026-11-20",
};
// Every indicator of LU1 and LU2, and a few more: the rest stays open.
const PLAN = Object.fromEntries(
  indicators.filter((i) => /^LU[12]\./.test(i.id) || ["LU4.1", "LU6.3"].includes(i.id))
    .map((i, n) => [i.id, ["high", "good", "present", "good"][n % 4]]),
);
const COMMENT = "Organiseerde met bewoners een schoonmaakactie en hield het verslag bij.";
const FEEDBACK = "Sterk in het betrekken van bewoners; let op de planning.";

const normalise = (text) => text.replace(/\s+/g, " ");
const count = (text, part) => text.split(part).length - 1;

test("the printed report is A4 with the details, every indicator's score and evidence, the summary and a checked signature", (t) => app.withPage(t, async (page) => {
  for (const [id, value] of Object.entries(METADATA)) await page.locator(`input[id="${id}"]`).fill(value);
  for (const [id, level] of Object.entries(PLAN)) {
    await page.locator(`li[id="indicator-${id}"]`).getByRole("radio", { name: LEVEL[level], exact: true }).check();
  }
  await page.locator('li[id="indicator-LU1.2"] details.comment summary').click();
  await page.locator('textarea[id="comment-LU1.2"]').fill(COMMENT);
  await page.locator('textarea[id="feedback-LU1"]').fill(FEEDBACK);
  await page.locator("#sign .sign-start").click();
  await download(page, () => page.locator(".sign-confirm-button").click());
  const signedAt = normalise(await page.locator("#sign .signed-at").textContent());
  const fingerprint = signedAt.match(/sleutel (\S+)\.$/)?.[1];
  assert.ok(fingerprint, signedAt);

  const dir = await mkdtemp(join(tmpdir(), "leeruitkomsten-print-"));
  try {
    const pdf = join(dir, "report.pdf");
    await writeFile(pdf, await page.pdf({ format: "A4", printBackground: true }));
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1]);
    const size = info.match(/^Page size:\s+([\d.]+) x ([\d.]+) pts/m);
    // A4 is 595 × 842 points.
    assert.ok(size && Math.abs(Number(size[1]) - 595) < 2 && Math.abs(Number(size[2]) - 842) < 2, info);
    // Six learning outcomes with 42 indicators and a summary: more than a couple of pages, and
    // not one page per indicator either.
    assert.ok(pages >= 4 && pages <= 20, `${pages} pages`);

    const text = normalise(execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }));
    for (const value of Object.values(METADATA)) assert.ok(text.includes(value), `the report names ${value}`);
    for (const indicator of indicators) assert.ok(text.includes(indicator.id), `the report has ${indicator.id}`);
    // Each indicator's score as text, and the open ones as open.
    const planned = Object.values(PLAN);
    assert.equal(count(text, "Score: ++ in hoge mate ontwikkeld"), planned.filter((l) => l === "high").length);
    assert.equal(count(text, "Score: + goed ontwikkeld"), planned.filter((l) => l === "good").length);
    assert.equal(count(text, "Score: □ aanwezig"), planned.filter((l) => l === "present").length);
    assert.equal(count(text, "Score: niet gescoord"), indicators.length - planned.length);
    assert.ok(text.includes(`Toelichting: ${COMMENT}`), "the evidence is printed");
    assert.ok(text.includes(FEEDBACK), "the feedback is printed");
    // The summary, and the signature block with the key and a fresh check of the signature.
    assert.ok(text.includes(`${planned.length} van 42 indicatoren gescoord`), "the summary's progress");
    assert.ok(text.includes("Ondertekening"));
    assert.ok(text.includes(fingerprint), `the signature block names key ${fingerprint}`);
    assert.ok(text.includes("Controle van de handtekening: Geldig"));
    // What only works on screen stays off paper.
    for (const gone of ["Ondertekenen en exporteren", "English", "Record controleren", "Wissen"]) {
      assert.ok(!text.includes(gone), `"${gone}" is not printed`);
    }
    if (SCREENSHOTS) {
      await mkdir(SCREENSHOTS, { recursive: true });
      execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, join(SCREENSHOTS, "print-page1")]);
    }
    return `${pages} pages`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}));

test("a draft prints as a draft", (t) => app.withPage(t, async (page) => {
  await page.locator('li[id="indicator-LU3.1"]').getByRole("radio", { name: LEVEL.good, exact: true }).check();
  const pdf = await page.pdf({ format: "A4" });
  const dir = await mkdtemp(join(tmpdir(), "leeruitkomsten-print-"));
  try {
    await writeFile(join(dir, "draft.pdf"), pdf);
    const text = normalise(execFileSync("pdftotext", ["-enc", "UTF-8", join(dir, "draft.pdf"), "-"], { encoding: "utf8" }));
    assert.ok(text.includes("Niet ondertekend: dit is een concept."));
    assert.ok(!text.includes("Controle van de handtekening"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}));

test("a report of the 2010 profile prints its level of practice, its competences by code and their norm verdicts", (t) => app.withPage(t, async (page) => {
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await page.getByRole("radio", { name: /^Competentieprofiel opbouwwerker/ }).check();
  await page.locator(".library-new").click();
  await page.getByRole("heading", { level: 1, name: "Competentieprofiel opbouwwerker" }).waitFor();
  await page.getByRole("radio", { name: /^Niveau D/ }).check();
  const vca = page.locator('li[id^="indicator-VCa."]');
  for (let n = 0; n < (await vca.count()); n++) await vca.nth(n).getByRole("radio", { name: LEVEL.high, exact: true }).check();
  const dir = await mkdtemp(join(tmpdir(), "leeruitkomsten-print-"));
  try {
    await writeFile(join(dir, "profile.pdf"), await page.pdf({ format: "A4" }));
    const text = normalise(execFileSync("pdftotext", ["-enc", "UTF-8", join(dir, "profile.pdf"), "-"], { encoding: "utf8" }));
    // The level as text, not the radio buttons, and the verdicts of the summary.
    assert.ok(text.includes("Niveau D – Inhoudelijke regie voeren"), "the level is printed");
    assert.ok(!text.includes("Niveau C – Ontwerpen en uitvoeren"), "the level not chosen is not printed");
    assert.ok(text.includes("VC a: Analyseert vanuit een brede sociale invalshoek"), "competences by their code");
    assert.ok(text.includes("Norm D: haalt de norm"), "VC a's verdict");
    assert.equal(count(text, "Norm D: nog niet te bepalen"), 19);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}));
