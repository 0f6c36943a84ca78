// Page-level tests of the self-assessment and of comparing it with an assessor's assessment,
// against the release build: a student self-assesses and signs in one browser profile, an assessor
// scores the same student and signs in another, and the compare view shows what the two files
// say. Every expected count, mean and order is computed here from the two JSON files themselves.
// Run: scripts/test page compare
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { download, loadFramework, startApp } from "./harness.mjs";
import { parseJsonStrict, verifyDataIntegrityProof } from "./independent-verify.mjs";
import { fingerprintOf } from "./fingerprint.mjs";

const { framework, outcomes } = await loadFramework();
let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const RADIO = { 1: "□ aanwezig", 2: "+ goed ontwikkeld", 3: "++ in hoge mate ontwikkeld" };
const LABEL = Object.fromEntries(framework.scale.levels.map((l) => [l.symbol, `${l.symbol} ${l.label}`]));

// What the two click; the expectations below do not read these, only the files.
const STUDENT = {
  "LU1.1": 3, "LU1.2": 3, "LU1.3": 2, "LU1.4": 1, "LU1.5": 2, "LU1.6": 3,
  "LU2.1": 2, "LU2.2": 2, "LU2.3": 3,
  "LU3.1": 3, "LU3.4": 1,
  "LU5.1": 2, "LU5.2": 2,
  "LU6.3": 3,
};
const ASSESSOR = {
  "LU1.1": 3, "LU1.2": 1, "LU1.3": 3, "LU1.4": 1, "LU1.5": 1, "LU1.7": 2,
  "LU2.1": 2, "LU2.2": 3, "LU2.3": 1, "LU2.4": 2,
  "LU3.1": 1, "LU3.4": 2,
  "LU4.1": 2,
  "LU5.1": 2, "LU5.2": 2,
  "LU6.3": 3,
};
const STUDENT_COMMENTS = { "LU1.2": "Ik leidde de bewonersavond zelf.", "LU3.1": "Netwerkkaart van de wijk gemaakt." };
const ASSESSOR_COMMENTS = { "LU1.2": "Nog met veel sturing van de werkbegeleider." };
const NUMBER = "4812345";

async function score(page, plan, comments) {
  for (const [id, value] of Object.entries(plan)) {
    await page.locator(`li[id="indicator-${id}"]`).getByRole("radio", { name: RADIO[value], exact: true }).check();
  }
  for (const [id, text] of Object.entries(comments)) {
    await page.locator(`li[id="indicator-${id}"] details.comment summary`).click();
    await page.locator(`textarea[id="comment-${id}"]`).fill(text);
  }
}

async function signAndDownload(page) {
  const sign = page.locator("#sign");
  await sign.locator(".sign-start").click();
  const file = await download(page, () => sign.getByRole("alertdialog").locator(".sign-confirm-button").click());
  await sign.locator(".download-record").waitFor();
  return { ...file, record: parseJsonStrict(file.text) };
}

const signerOf = (record) => record.proof.verificationMethod.split("#")[0];

// ---------------------------------------------------------------------------------------------
// What the compare view must show, from the two records alone.

/** `numerator / denominator` to the nearest integer, halves away from zero, in integers. */
function rounded(numerator, denominator) {
  const magnitude = Math.floor((2 * Math.abs(numerator) + denominator) / (2 * denominator));
  return numerator < 0 ? -magnitude : magnitude;
}

/** Hundredths as the Dutch interface writes them: "+0,44", "-1,00", "0,00"; "–" for none. */
function decimal(hundredths, signed) {
  if (hundredths === null) return "–";
  const sign = hundredths < 0 ? "-" : signed && hundredths > 0 ? "+" : "";
  const h = Math.abs(hundredths);
  return `${sign}${Math.floor(h / 100)},${String(h % 100).padStart(2, "0")}`;
}

function agreementCells({ compared, equal, sum, absolute }) {
  if (!compared) return ["niets in beide gescoord", "–", "–"];
  return [
    `${equal} van ${compared} gelijk, ${rounded(100 * equal, compared)}%`,
    decimal(rounded(100 * sum, compared), true),
    decimal(rounded(100 * absolute, compared), false),
  ];
}

/** Per indicator, per leeruitkomst and overall, and the talking points, from the two files. */
function expectedComparison(student, assessor) {
  const byId = (record) => new Map(record.credentialSubject.assessment.indicators.map((i) => [i.id, i]));
  const [s, a] = [byId(student), byId(assessor)];
  const perOutcome = new Map(student.credentialSubject.assessment.learningOutcomes.map((o) => [o.id, { compared: 0, equal: 0, sum: 0, absolute: 0 }]));
  const overall = { compared: 0, equal: 0, sum: 0, absolute: 0 };
  const rows = student.credentialSubject.assessment.indicators.map(({ id, learningOutcome }) => {
    const [mine, theirs] = [s.get(id), a.get(id)];
    let difference = null;
    if (mine.score && theirs.score) {
      difference = theirs.score.value - mine.score.value;
      for (const tally of [perOutcome.get(learningOutcome), overall]) {
        tally.compared++;
        tally.equal += difference === 0 ? 1 : 0;
        tally.sum += difference;
        tally.absolute += Math.abs(difference);
      }
    }
    const cell = (entry) => (entry.score ? LABEL[entry.score.symbol] : "niet gescoord") + (entry.comment ? `\nToelichting: ${entry.comment}` : "");
    return {
      id,
      difference,
      cells: [cell(mine), cell(theirs), difference === null ? "niet in beide gescoord" : difference === 0 ? "gelijk" : `verschil ${Math.abs(difference)}`],
    };
  });
  // Largest gap first; Array.prototype.sort is stable, so ties stay in framework order.
  const talking = rows.filter((r) => r.difference).sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference)).map((r) => r.id);
  const summary = [...perOutcome].map(([id, tally]) => [id, ...agreementCells(tally)]);
  summary.push(["Totaal", ...agreementCells(overall)]);
  return { rows, talking, summary };
}

// ---------------------------------------------------------------------------------------------
// What the compare view shows.

async function openCompare(page) {
  await page.getByRole("button", { name: "Vergelijken", exact: true }).click();
  await page.locator("#compare-self").waitFor({ state: "attached" });
}

/** Opens a record file on one side; give each file a name other than the one shown there. */
async function chooseFile(page, side, { name, text }) {
  await page.setInputFiles(`#compare-${side}`, { name, mimeType: "application/json", buffer: Buffer.from(text) });
  await page.locator(".compare-side").nth(side === "self" ? 0 : 1).locator(".verdict-file", { hasText: name }).waitFor();
}

/** The view's text, table by table. */
async function shown(page) {
  await page.locator(".compare-summary").waitFor();
  return page.evaluate(() => {
    const text = (e) => e.innerText.trim();
    const rows = (table) => [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map(text));
    return {
      sides: [...document.querySelectorAll(".compare-side")].map((side) => ({
        result: side.querySelector(".verdict-result")?.textContent ?? null,
        facts: side.querySelector(".compare-facts")?.textContent ?? null,
      })),
      notices: [...document.querySelectorAll(".compare-view .notice")].map(text),
      summary: rows(document.querySelector(".compare-summary")),
      talking: [...document.querySelectorAll(".talking-points li a")].map(text),
      pairs: [...document.querySelectorAll(".compare-pairs tbody tr")].map((tr) => ({ id: tr.id, cells: [...tr.children].map(text) })),
      differing: [...document.querySelectorAll(".compare-pairs tr.is-different")].map((tr) => tr.id),
    };
  });
}

/** Checks everything the view shows against what the two files say. */
function assertShowsComparison(view, student, assessor) {
  const expected = expectedComparison(student, assessor);
  assert.deepEqual(view.summary, expected.summary, "agreement per leeruitkomst and overall");
  assert.deepEqual(view.talking, expected.talking, "talking points, largest gap first");
  assert.equal(view.pairs.length, expected.rows.length, "every indicator has a row");
  const textOf = new Map(outcomes.flatMap((o) => o.indicators).map((i) => [i.id, i.text]));
  for (const [i, row] of expected.rows.entries()) {
    const pair = view.pairs[i];
    assert.equal(pair.id, `compare-${row.id}`);
    assert.deepEqual(pair.cells, [`${row.id} ${textOf.get(row.id)}`, ...row.cells], row.id);
  }
  assert.deepEqual(view.differing, expected.rows.filter((r) => r.difference).map((r) => `compare-${r.id}`), "marked as different");
}

// ---------------------------------------------------------------------------------------------

let files; // { student, assessor }, signed in two browser profiles by the first check

test("a student self-assesses and signs in one profile, an assessor scores the same student in another, and the compare view shows per indicator, per leeruitkomst and overall what the two files say, with the largest gaps first", (t) => app.withPage(t, async (page, { newPage }) => {
  // The student's browser: the form speaks to the student.
  await page.getByRole("radio", { name: "Zelfbeoordeling", exact: true }).check();
  await page.getByRole("heading", { name: "Je zelfbeoordeling" }).waitFor();
  assert.equal(await page.getByLabel("Naam beoordelaar", { exact: true }).count(), 0, "no assessor to name");
  assert.match(await page.locator("#sign").textContent(), /je eigen sleutel/);
  await page.getByLabel("Je naam", { exact: true }).fill("Sanne de Vries");
  await page.getByLabel("Je studentnummer", { exact: true }).fill(NUMBER);
  await score(page, STUDENT, STUDENT_COMMENTS);
  const student = await signAndDownload(page);
  const { assessment: own, ...studentSubject } = student.record.credentialSubject;
  assert.equal(own.mode, "self");
  assert.deepEqual(studentSubject, { name: "Sanne de Vries", studentNumber: NUMBER });
  assert.equal(student.record.issuer.name, "");
  assert.deepEqual(own.assessor, { role: "", organisation: "" });
  assert.equal((await verifyDataIntegrityProof(student.record)).verified, true);

  // The verify view says it is a self-assessment.
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", { name: student.name, mimeType: "application/json", buffer: Buffer.from(student.text) });
  assert.equal(
    await page.locator(".verdict-facts .verdict-mode").textContent(),
    "Zelfbeoordeling: ingevuld en ondertekend door de student zelf",
  );

  // The assessor's browser, with a key of its own.
  const other = await newPage();
  await other.getByLabel("Naam student", { exact: true }).fill("Sanne de Vries");
  await other.getByLabel("Studentnummer", { exact: true }).fill(` ${NUMBER}`);
  await other.getByLabel("Naam beoordelaar", { exact: true }).fill("Karim Haddou");
  await score(other, ASSESSOR, ASSESSOR_COMMENTS);
  const assessor = await signAndDownload(other);
  assert.equal(assessor.record.credentialSubject.assessment.mode, "assessor");
  assert.notEqual(signerOf(assessor.record), signerOf(student.record), "two browsers, two keys");

  await openCompare(other);
  await chooseFile(other, "self", student);
  await chooseFile(other, "assessor", assessor);
  const view = await shown(other);
  assert.deepEqual(view.sides, [
    { result: "Geldig", facts: `Zelfbeoordeling · Sanne de Vries (${NUMBER}) · Ondertekend met sleutel: ${fingerprintOf(signerOf(student.record))}` },
    { result: "Geldig", facts: `Praktijkbeoordelaar · Sanne de Vries ( ${NUMBER}) · Ondertekend met sleutel: ${fingerprintOf(signerOf(assessor.record))}` },
  ]);
  assert.deepEqual(view.notices, [], "same student (up to spaces), one of each mode, both valid: nothing to warn about");
  assertShowsComparison(view, student.record, assessor.record);
  // The plan has gaps of 2 and of 1, ties among them, and indicators scored on one side only.
  const expected = expectedComparison(student.record, assessor.record);
  assert.ok(expected.talking.length >= 5 && expected.rows.some((r) => Math.abs(r.difference) === 2));

  // A phone-wide screen: the rows stack, nothing scrolls sideways.
  await other.setViewportSize({ width: 360, height: 780 });
  const overflow = await other.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  const row = other.locator('tr[id="compare-LU1.2"]');
  assert.equal(await row.getByRole("rowheader").count(), 1, "stacked rows stay table rows");
  assert.equal(await row.getByRole("cell").count(), 3);
  files = { student, assessor };
  return `${expected.talking.length} talking points, overall ${expected.summary.at(-1).slice(1).join(" / ")}`;
}));

test("the assessor's own signed assessment can be chosen from this browser instead of a file, and the records may be given the other way round", (t) => app.withPage(t, async (page, { newPage }) => {
  assert.ok(files, "needs the records of the first check");
  const { student, assessor } = files;
  await page.getByLabel("Naam student", { exact: true }).fill("Sanne de Vries");
  await page.getByLabel("Studentnummer", { exact: true }).fill(NUMBER);
  await page.getByLabel("Naam beoordelaar", { exact: true }).fill("Karim Haddou");
  await score(page, { "LU4.4": 3 }, {});
  const own = await signAndDownload(page);
  await openCompare(page);
  await chooseFile(page, "self", student);
  await page.locator("#compare-saved-assessor").selectOption({ index: 1 });
  await page.locator(".compare-side .verdict-file", { hasText: "Praktijkbeoordelaar" }).waitFor();
  const view = await shown(page);
  assert.equal(view.sides[1].result, "Geldig");
  assertShowsComparison(view, student.record, own.record);

  // Swapped: the assessor's file under the self-assessment, and the other way round.
  const fresh = await newPage();
  await openCompare(fresh);
  assert.equal(await fresh.locator("#compare-saved-self").count(), 0, "nothing signed in this browser, so no list");
  await chooseFile(fresh, "self", assessor);
  await chooseFile(fresh, "assessor", student);
  const swapped = await shown(fresh);
  assert.deepEqual(swapped.notices, ["De zelfbeoordeling stond bij de beoordelaar; de records zijn omgewisseld."]);
  assertShowsComparison(swapped, student.record, assessor.record);
}));

test("two records of the same kind, of different students, an untrusted record and another framework are said so; only the other framework is refused", (t) => app.withPage(t, async (page) => {
  assert.ok(files, "needs the records of the first check");
  const { student, assessor } = files;
  await openCompare(page);

  await chooseFile(page, "self", { ...assessor, name: "eerste.json" });
  await chooseFile(page, "assessor", { ...assessor, name: "tweede.json" });
  let view = await shown(page);
  assert.deepEqual(view.notices, ["Beide records zijn van een praktijkbeoordelaar. Het verschil is dan dat van het tweede record min het eerste."]);
  assert.ok(view.summary.at(-1)[1].endsWith("gelijk, 100%"));

  // Another student number: the signature no longer matches, so the record is untrusted, yet
  // still compared, with both warnings.
  const changed = structuredClone(assessor.record);
  changed.credentialSubject.studentNumber = "4899999";
  await chooseFile(page, "assessor", { name: "ander.json", text: JSON.stringify(changed) });
  view = await shown(page);
  assert.equal(view.sides[1].result, "Niet geldig");
  assert.match(await page.locator(".compare-side").last().textContent(), /Niet te vertrouwen/);
  await chooseFile(page, "self", { ...student, name: "student.json" });
  view = await shown(page);
  assert.deepEqual(view.notices, [
    "Let op: het record is niet geldig. Wat hieronder staat, kan zijn veranderd.",
    `De studentnummers verschillen (${NUMBER} en 4899999): deze records gaan misschien over verschillende studenten.`,
  ]);
  assertShowsComparison(view, student.record, changed);

  // Another framework version: refused, and nothing is compared.
  const other = structuredClone(assessor.record);
  other.credentialSubject.assessment.framework.version = "2027-01";
  await chooseFile(page, "assessor", { name: "ander-kader.json", text: JSON.stringify(other) });
  await page.locator(".compare-refusal").waitFor();
  assert.equal(
    await page.locator(".compare-refusal").textContent(),
    "Deze records horen bij verschillende beoordelingskaders en worden niet vergeleken.",
  );
  assert.equal(await page.locator(".compare-summary").count(), 0);
}));
