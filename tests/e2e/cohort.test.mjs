// Page-level test of the cohort overview: 500 signed records, generated here, and five files that
// must be left out, opened at once. The overview's counts, table cells, filters, distribution per
// indicator and both CSV files are checked against figures computed here from the generated data.
//
// The records: one record of each built-in framework is signed in the page, as a template; every
// generated record is a copy with other people, scores, dates and ids, its aggregates recomputed
// here under the README's result rule, signed in Node (eddsa-jcs-2022) with a key of the test's
// own. So the app has to accept records it did not make.
// Run: scripts/test page cohort
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { download, startApp } from "./harness.mjs";
import { verifyDataIntegrityProof } from "./independent-verify.mjs";
import { newSigner } from "./node-signer.mjs";
import { fingerprintOf } from "./fingerprint.mjs";

const here = dirname(fileURLToPath(import.meta.url));
let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const readFramework = async (file) => JSON.parse(await readFile(join(here, "../../frameworks", file), "utf8"));
const FRAMEWORKS = {
  lu: await readFramework("leeruitkomsten-opbouwwerk-2026.json"),
  cp: await readFramework("competentieprofiel-opbouwwerker-2010.json"),
};
const SYMBOL = { 1: "□", 2: "+", 3: "++" };
const MODE = { assessor: "Praktijkbeoordelaar", self: "Zelfbeoordeling" };

const signer = newSigner();
const sign = signer.sign;

// ---------------------------------------------------------------------------------------------
// The result rule, as the README states it

function aggregate(values) {
  const count = (v) => values.filter((x) => x === v).length;
  const scored = values.filter((v) => v !== null);
  const sum = scored.reduce((a, b) => a + b, 0);
  const hundredths = scored.length ? Math.floor((200 * sum + scored.length) / (2 * scored.length)) : null;
  return {
    high: count(3), good: count(2), present: count(1), notScored: count(null), scored: scored.length,
    total: values.length, sum,
    mean: hundredths === null ? null : `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`,
  };
}
const levelOfMean = (sum, n) => (2 * sum >= 5 * n ? 3 : 2 * sum >= 3 * n ? 2 : 1);
const asScore = (v) => (v === null ? null : { symbol: SYMBOL[v], value: v });
const lowest = (results) => (results.some((r) => r === null) ? null : Math.min(...results));

/** Aggregates of a record's indicator scores: per outcome, per core task, overall. */
function aggregates(framework, valueOf) {
  const learningOutcomes = {};
  const coreTasks = {};
  const taskResults = [];
  const all = [];
  const outcomeResult = {};
  for (const task of framework.core_tasks) {
    const taskValues = [];
    const results = [];
    for (const outcome of task.learning_outcomes) {
      const values = outcome.indicators.map((i) => valueOf(i.id));
      const a = aggregate(values);
      const result = a.notScored === 0 ? levelOfMean(a.sum, a.scored) : null;
      outcomeResult[outcome.id] = result;
      learningOutcomes[outcome.id] = { ...a, result: asScore(result) };
      taskValues.push(...values);
      results.push(result);
    }
    const result = lowest(results);
    coreTasks[task.id] = { ...aggregate(taskValues), result: asScore(result) };
    taskResults.push(result);
    all.push(...taskValues);
  }
  const overall = lowest(taskResults);
  return { aggregates: { learningOutcomes, coreTasks, overall: { ...aggregate(all), result: asScore(overall) } }, outcomeResult, overall };
}

// ---------------------------------------------------------------------------------------------
// The cohort

let seed = 20261123;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const FIRST = ["Sanne", "Daan", "Noor", "Bram", "Fatima", "Mohamed", "Eva", "Lucas", "Yara", "Thijs", "Anouk", "Sem", "Zeynep", "Jesse", "Lotte", "Emre"];
const LAST = ["de Vries", "Jansen", "El Amrani", "Bakker", "Visser", "Smit", "Yilmaz", "de Boer", "Mulder", "Bos", "Peeters", "Kaya"];
const ORGANISATIONS = ["Buurtwerk West", "Wijkteam Oost", "Stichting Samen; Noord", "Welzijn Zuid"];
const ASSESSORS = ["Ahmed Yilmaz", "Petra de Wit", "Karin Hoekstra", "Joost \"JJ\" Jansen", "Mila Bosman"];
// Names a spreadsheet must not run, and names that need quoting.
const ODD_NAMES = { 3: "=HYPERLINK(\"https://example.org\")", 4: "+31 Sanne", 5: "de Vries, Daan", 6: "@Noor" };

const COUNT = 500;
const people = [];
function makeRecord(n, templates) {
  const kind = n % 10 === 9 ? "cp" : "lu";
  const framework = FRAMEWORKS[kind];
  const { proof, ...template } = structuredClone(templates[kind]);
  const mode = n % 6 === 5 ? "self" : "assessor";
  const name = ODD_NAMES[n] ?? `${pick(FIRST)} ${pick(LAST)}`;
  const number = String(4000000 + (n % 470));
  const organisation = pick(ORGANISATIONS);
  const assessor = mode === "self" ? "" : pick(ASSESSORS);
  const date = n % 13 === 0 ? null : `2026-${String(1 + (n % 11)).padStart(2, "0")}-${String(1 + (n % 27)).padStart(2, "0")}`;
  // Every seventh record leaves indicators open; the others score everything.
  const partial = n % 7 === 3;
  const values = {};
  for (const o of framework.core_tasks.flatMap((t) => t.learning_outcomes)) {
    const bias = 1 + Math.floor(random() * 3);
    for (const i of o.indicators) {
      values[i.id] = partial && random() < 0.3 ? null : Math.max(1, Math.min(3, bias + Math.round(random() * 2 - 1)));
    }
  }
  const { aggregates: agg, outcomeResult, overall } = aggregates(framework, (id) => values[id]);
  const content = template.credentialSubject.assessment;
  const document = {
    ...template,
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    issuer: { ...template.issuer, name: assessor },
    credentialSubject: {
      name,
      studentNumber: number,
      assessment: {
        ...content,
        assessor: { role: assessor ? "werkbegeleider" : "", organisation },
        mode,
        assessmentDate: date,
        indicators: content.indicators.map((i) => ({
          ...i, status: values[i.id] === null ? "not-scored" : "scored", score: asScore(values[i.id]),
        })),
        aggregates: agg,
      },
    },
  };
  const record = sign(document, proof);
  people.push({ n, kind, file: `record-${String(n).padStart(3, "0")}.json`, id: record.id, name, number, organisation, assessor, mode,
    date: date ?? "", values, outcomeResult, overall, did: record.issuer.id });
  return record;
}

// ---------------------------------------------------------------------------------------------
// What the page must show, computed from `people`

function rowsOf(kind, filter = {}) {
  return people
    .filter((p) => p.kind === kind)
    .filter((p) => !filter.mode || p.mode === filter.mode)
    .filter((p) => filter.organisation === undefined || p.organisation === filter.organisation)
    .filter((p) => filter.assessor === undefined || p.assessor === filter.assessor)
    .sort((a, b) => {
      const key = (p) => [p.name.trim().toLowerCase(), p.number.trim(), p.date, p.id];
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
      return 0;
    });
}

function csvField(text, separator) {
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return guarded.includes(separator) || /["\r\n]/.test(guarded) ? `"${guarded.replaceAll("\"", "\"\"")}"` : guarded;
}

/** The signer column: every record here is signed by a key no trusted list names. */
function signerCell(p) {
  const who = p.assessor.trim() ? p.assessor : p.name;
  return who.trim() ? `${who} (onbekende ondertekenaar)` : "onbekende ondertekenaar";
}

/** Indicators scored, and of how many. */
function scoredOf(p) {
  const values = Object.values(p.values);
  return [values.filter((v) => v !== null).length, values.length];
}

/** The completeness cell: "42/42", or "30/42 onvolledig". */
function completenessCell(p) {
  const [scored, total] = scoredOf(p);
  return scored === total ? `${scored}/${total}` : `${scored}/${total} onvolledig`;
}

/** The row offers Vergelijken where the same student has a record of the framework in the other mode. */
const hasPair = (p) => p.number.trim() !== "" && people.some((q) => q.kind === p.kind && q.mode !== p.mode && q.number.trim() === p.number.trim());

/** The CSV the page must give for these rows, field by field. */
function expectedCsv(kind, rows, separator) {
  const framework = FRAMEWORKS[kind];
  const outcomes = framework.core_tasks.flatMap((t) => t.learning_outcomes);
  const header = ["Studentnummer", "Naam student", "Organisatie", "Beoordelaar", "Ondertekenaar", "Vingerafdruk", "Modus", "Datum",
    "Indicatoren gescoord", "Indicatoren totaal", ...outcomes.map((o) => `${o.code ?? o.id} ${o.title}`), "Totaal"];
  const lines = [header, ...rows.map((p) => [p.number, p.name, p.organisation, p.assessor, signerCell(p), fingerprintOf(p.did),
    MODE[p.mode], p.date, ...scoredOf(p).map(String), ...outcomes.map((o) => String(p.outcomeResult[o.id] ?? "")), String(p.overall ?? "")])];
  return "\ufeff" + lines.map((fields) => fields.map((f) => csvField(f, separator)).join(separator) + "\r\n").join("");
}

/** Reads a CSV as RFC 4180 has it, to compare row by row in a failure message. */
function parseCsv(text, separator) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === "\"" && text[i + 1] === "\"") { field += "\""; i++; }
      else if (ch === "\"") quoted = false;
      else field += ch;
    } else if (ch === "\"") quoted = true;
    else if (ch === separator) { row.push(field); field = ""; }
    else if (ch === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += ch;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------

async function signTemplate(page, frameworkTitle) {
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await page.getByRole("radio", { name: new RegExp(`^${frameworkTitle}`) }).check();
  await page.locator(".library-new").click();
  await page.getByRole("heading", { level: 1, name: frameworkTitle }).waitFor();
  // A record names the student and who signs it before it can be signed.
  await page.locator("#meta-student-number").fill("0000000");
  await page.locator("#meta-assessor-name").fill("Sjabloon");
  await page.locator("#sign .sign-start").click();
  return JSON.parse((await download(page, () => page.locator(".sign-confirm-button").click())).text);
}

const dataRows = (page) => page.locator(".cohort-table tbody tr");
/** The rows the table draws at first, and how many more each press of its button adds. */
const PAGE = 100;

/**
 * Draws every row of a table of `total`, a page at a time, from the keyboard: the button says how
 * many come next, and focus goes to the first of them.
 */
async function drawEveryRow(page, total) {
  for (let drawn = PAGE; drawn < total; drawn += PAGE) {
    assert.equal(await dataRows(page).count(), drawn);
    assert.equal(await page.locator("#cohort-more-hint").textContent(),
      `De tabel toont de eerste ${drawn} van ${total} records; de verdeling en het CSV-bestand tellen ze alle ${total}.`);
    const next = Math.min(PAGE, total - drawn);
    const more = page.locator(".cohort-more-button");
    assert.equal(await more.textContent(), next === 1 ? "Toon het volgende record" : `Toon de volgende ${next} records`);
    await more.press("Enter");
    await page.waitForFunction((n) => document.querySelectorAll(".cohort-table tbody tr").length === n, drawn + next);
    // The focus moves in an effect after the render, which need not run in the same task as the
    // render that drew the rows: waited for, and then checked.
    const onFirstNew = (i) => document.activeElement === document.querySelectorAll(".cohort-table tbody tr")[i]?.querySelector(".cohort-open");
    await page.waitForFunction(onFirstNew, drawn, { timeout: 5_000 }).catch(() => {});
    assert.ok(await page.evaluate(onFirstNew, drawn), `focus on the name in row ${drawn + 1}, the first new one`);
  }
  assert.equal(await dataRows(page).count(), total);
  assert.equal(await page.locator(".cohort-more").count(), 0, "no button once every row is drawn");
}
const select = (page, id, label) => page.locator(`#${id}`).selectOption({ label });

test(`the cohort overview: ${COUNT} generated signed records and five bad files, table, filters, distribution, CSV`, (t) => app.withPage(t, async (page) => {
  const templates = { lu: await signTemplate(page, "Leeruitkomsten opbouwwerk"), cp: await signTemplate(page, "Competentieprofiel opbouwwerker") };
  const records = [];
  for (let n = 0; n < COUNT; n++) records.push(makeRecord(n, templates));
  for (const n of [0, 9, 3]) {
    const { verified, reason } = await verifyDataIntegrityProof(records[n]);
    assert.equal(verified, true, `generated record ${n}: ${reason}`);
  }
  const file = (name, value) => ({ name, mimeType: "application/json", buffer: Buffer.from(typeof value === "string" ? value : JSON.stringify(value, null, 2)) });
  const tampered = structuredClone(records[1]);
  tampered.credentialSubject.name = "Iemand Anders";
  // Signed, but naming other contents for the framework than the app's.
  const { proof: proofOf2, ...copyOf2 } = structuredClone(records[2]);
  copyOf2.credentialSubject.assessment.framework.sha256 = "0".repeat(64);
  const otherHash = sign(copyOf2, proofOf2);
  const bad = [
    file("veranderd.json", tampered),
    file("brief.json", "Beste docent, hierbij de beoordelingen."),
    file("kopie-van-record-000.json", records[0]),
    file("ander-kader.json", otherHash),
    file("te-groot.json", " ".repeat(6 * 1024 * 1024)),
  ];
  const files = [...records.map((r, n) => file(people[n].file, r)), ...bad];

  await page.getByRole("button", { name: "Cohortoverzicht", exact: true }).click();
  const started = Date.now();
  // The cohort view takes files once it has listed the cohort this browser kept.
  await page.waitForFunction(() => document.querySelector("#cohort-files")?.disabled === false);
  await page.setInputFiles("#cohort-files", files);
  const status = page.locator(".cohort-status");
  await status.filter({ hasText: `${COUNT} records meegenomen; ${bad.length} bestanden niet` }).waitFor({ timeout: 120_000 });
  const seconds = (Date.now() - started) / 1000;

  // The four left out, each with its reason.
  // One item per file; the technical detail under each is a list of its own.
  const rejected = await page.locator(".cohort-rejected > ul > li").allTextContents();
  assert.equal(rejected.length, bad.length, rejected.join("\n"));
  const reasonOf = (name) => rejected.find((r) => r.startsWith(`${name}: `)) ?? assert.fail(`${name} is not listed: ${rejected}`);
  assert.match(reasonOf("veranderd.json"), /^veranderd\.json: Dit bestand is na het ondertekenen veranderd\./);
  assert.match(reasonOf("veranderd.json"), /de handtekening klopt niet/);
  assert.match(reasonOf("brief.json"), /^brief\.json: Dit is geen beoordelingsbestand\..*het bestand is geen JSON maar een ander soort bestand/s);
  assert.match(reasonOf("te-groot.json"), /^te-groot\.json: Dit is geen beoordelingsbestand\./);
  assert.match(reasonOf("kopie-van-record-000.json"), /hetzelfde record als record-000\.json/);
  assert.match(reasonOf("ander-kader.json"), /met andere teksten dan dit kader/);
  assert.match(reasonOf("te-groot.json"), /het bestand is te groot voor een record \(6291456 bytes; de grens is 5242880\)/);

  // The 2026 outcomes have the most records, so the overview opens on them.
  const lu = rowsOf("lu");
  assert.ok(lu.length > 2 * PAGE, `enough rows for three pages of the table (${lu.length})`);
  assert.equal(await page.locator(".cohort-shown").textContent(), `${lu.length} records getoond`);
  await drawEveryRow(page, lu.length);
  const outcomes = FRAMEWORKS.lu.core_tasks.flatMap((t) => t.learning_outcomes);
  // Beside the first, middle and last rows, the first incomplete one and the first with a pair.
  const incomplete = lu.findIndex((p) => scoredOf(p)[0] < scoredOf(p)[1]);
  const paired = lu.findIndex(hasPair);
  assert.ok(incomplete >= 0 && paired >= 0, "the generated cohort has incomplete and paired records");
  for (const index of [0, 1, Math.floor(lu.length / 2), lu.length - 1, incomplete, paired]) {
    const p = lu[index];
    const cells = await dataRows(page).nth(index).locator("th, td").allTextContents();
    const result = (v) => (v === null ? "–" : SYMBOL[v]);
    assert.deepEqual(cells, [p.name, hasPair(p) ? "Vergelijken" : "", p.number, p.organisation, p.assessor, signerCell(p),
      fingerprintOf(p.did), MODE[p.mode], p.date, completenessCell(p),
      ...outcomes.map((o) => result(p.outcomeResult[o.id])), result(p.overall)], `row ${index}`);
  }

  // Filters, each against the count computed here.
  await select(page, "cohort-mode", "Zelfbeoordeling");
  assert.equal(await dataRows(page).count(), rowsOf("lu", { mode: "self" }).length);
  await select(page, "cohort-mode", "Alle");
  await select(page, "cohort-organisation", "Wijkteam Oost");
  const oost = rowsOf("lu", { organisation: "Wijkteam Oost" });
  assert.equal(await dataRows(page).count(), oost.length);
  await select(page, "cohort-assessor", "Petra de Wit");
  const petra = rowsOf("lu", { organisation: "Wijkteam Oost", assessor: "Petra de Wit" });
  assert.equal(await dataRows(page).count(), petra.length);
  assert.ok(petra.length > 0 && petra.length < oost.length, "the filters must narrow and leave something");

  // The distribution of one indicator under these filters.
  const counts = { high: 0, good: 0, present: 0, "not-scored": 0 };
  for (const p of petra) counts[{ 3: "high", 2: "good", 1: "present", null: "not-scored" }[p.values["LU2.3"]]]++;
  const heatRow = page.locator('.heatmap-table tr[data-indicator="LU2.3"]');
  for (const [key, count] of Object.entries(counts)) {
    const share = Math.floor((200 * count + petra.length) / (2 * petra.length));
    assert.equal(await heatRow.locator(`td[data-score="${key}"]`).textContent(), `${count} (${share}%)`, `LU2.3 ${key}`);
  }

  // CSV with semicolons (the Dutch default) for the filtered rows, then with commas for all.
  const semicolon = await download(page, () => page.locator(".cohort-download").click());
  assert.match(semicolon.name, /^cohort-leeruitkomsten-opbouwwerk-2026-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.ok(semicolon.text.startsWith("\ufeff"), "the CSV starts with a byte order mark");
  assert.deepEqual(parseCsv(semicolon.text.slice(1), ";"), parseCsv(expectedCsv("lu", petra, ";").slice(1), ";"));
  assert.equal(semicolon.text, expectedCsv("lu", petra, ";"));
  await select(page, "cohort-organisation", "Alle");
  await select(page, "cohort-assessor", "Alle");
  await page.getByRole("radio", { name: /^Komma/ }).check();
  const comma = await download(page, () => page.locator(".cohort-download").click());
  assert.deepEqual(parseCsv(comma.text.slice(1), ","), parseCsv(expectedCsv("lu", lu, ",").slice(1), ","));
  assert.equal(comma.text, expectedCsv("lu", lu, ","));
  // The names a spreadsheet would run are defused; the one with a comma is quoted.
  assert.ok(comma.text.includes(`"'=HYPERLINK(""https://example.org"")"`));
  assert.ok(comma.text.includes(",'@Noor,") && comma.text.includes(",'+31 Sanne,") && comma.text.includes(",\"de Vries, Daan\","));

  // The 2010 profile's records, under their own codes.
  await page.locator("#cohort-framework").selectOption({ label: `Competentieprofiel opbouwwerker 2010 (${rowsOf("cp").length})` });
  // Another framework's table starts again at its first page.
  assert.equal(await dataRows(page).count(), Math.min(PAGE, rowsOf("cp").length));
  const heads = await page.locator(".cohort-table thead th").allTextContents();
  assert.deepEqual(heads.slice(10, 12), ["VC a", "VC b"]);
  const cpCsv = await download(page, () => page.locator(".cohort-download").click());
  assert.equal(cpCsv.text, expectedCsv("cp", rowsOf("cp"), ","));
  // The overview stays while the user looks elsewhere.
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await page.getByRole("button", { name: "Cohortoverzicht", exact: true }).click();
  await status.filter({ hasText: `${COUNT} records meegenomen` }).waitFor();
  assert.equal(await dataRows(page).count(), PAGE);
  return `${COUNT + bad.length} files verified and shown in ${seconds.toFixed(1)} s`;
}));

test("records dropped on the cohort overview are taken in like chosen ones", (t) => app.withPage(t, async (page) => {
  const template = await signTemplate(page, "Leeruitkomsten opbouwwerk");
  people.length = 0;
  const records = [0, 1, 2].map((n) => makeRecord(n, { lu: template, cp: template }));
  await page.getByRole("button", { name: "Cohortoverzicht", exact: true }).click();
  const zone = page.locator(".cohort .file-picker");
  assert.equal(await zone.locator(".hint").textContent(), "of sleep de bestanden hierheen");
  const dataTransfer = await page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const { name, text } of files) transfer.items.add(new File([text], name, { type: "application/json" }));
    return transfer;
  }, [...records.map((r, n) => ({ name: people[n].file, text: JSON.stringify(r) })), { name: "brief.json", text: "Beste docent," }]);
  await zone.dispatchEvent("dragover", { dataTransfer });
  await zone.dispatchEvent("drop", { dataTransfer });
  await page.locator(".cohort-status").filter({ hasText: "3 records meegenomen; 1 bestand niet" }).waitFor();
  assert.equal(await dataRows(page).count(), 3);
}));
