// Page-level tests of signing, verifying and the signing key, against the release build:
// a record signed in the browser verifies with the independent eddsa-jcs-2022 verifier and, as a
// Verifiable Credential, with @digitalbazaar/vc (vc-verifier.mjs, offline), every
// single-field change of it is refused by the verify view (and by the independent verifier), the
// key survives a reload, and a key backup moves the key to a fresh browser profile. Along the
// way, focus lands on each dialog and on what replaces a pressed button, never on <body>.
// Run: scripts/test page signing
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { download, loadFramework, reloadApp, startApp } from "./harness.mjs";
import { parseJsonStrict, verifyDataIntegrityProof } from "./independent-verify.mjs";
import { verifyCredential } from "./vc-verifier.mjs";
import { fingerprintOf } from "./fingerprint.mjs";

const { outcomes, indicators } = await loadFramework();
let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

// ---------------------------------------------------------------------------------------------
// The scale as the form shows it and as a record writes it.

const LEVELS = {
  present: { radio: "□ aanwezig", symbol: "□", value: 1 },
  good: { radio: "+ goed ontwikkeld", symbol: "+", value: 2 },
  high: { radio: "++ in hoge mate ontwikkeld", symbol: "++", value: 3 },
};

// What the first test clicks: LU1, LU2 and LU4 completely, LU3 and LU6 in part, LU5 not at all,
// so the record holds results and nulls, scored and open indicators.
const PLAN = {
  "LU1.1": "high", "LU1.2": "good", "LU1.3": "high", "LU1.4": "high", "LU1.5": "good",
  "LU1.6": "present", "LU1.7": "high", "LU1.8": "good", "LU1.9": "high",
  "LU2.1": "good", "LU2.2": "good", "LU2.3": "present", "LU2.4": "good",
  "LU3.1": "high", "LU3.3": "good", "LU3.5": "present",
  "LU4.1": "good", "LU4.2": "good", "LU4.3": "high", "LU4.4": "good",
  "LU4.5": "present", "LU4.6": "high", "LU4.7": "good", "LU4.8": "present",
  "LU6.1": "present", "LU6.2": "high", "LU6.7": "good",
};
// Texts with quotes, a line break, non-ASCII and a character outside the BMP, which JCS must
// write exactly as the app did.
const COMMENTS = {
  "LU1.1": "Bij de bewonersavond in de Spoorbuurt gaf zij jongeren en ouderen elk een eigen tafel.",
  "LU3.3": 'Zij zei: "we doen het samen" — in café \'De Hoek\'.\nTweede regel, met tab\tdaarin.',
};
const FEEDBACK = { LU2: "Compleet en zorgvuldig 👍 (≥ 3 bronnen)." };
const METADATA = {
  "Naam student": "Sanne de Vries",
  Studentnummer: "4812345",
  "Naam beoordelaar": "Karim Haddou",
  "Rol beoordelaar": "werkbegeleider",
  Organisatie: "Buurtwerk Zuid",
  Datum: "2026-05-01",
};

// ---------------------------------------------------------------------------------------------
// Helpers that drive the page.

async function score(page, id, level) {
  await page.locator(`li[id="indicator-${id}"]`).getByRole("radio", { name: LEVELS[level].radio, exact: true }).check();
}

async function fillMetadata(page, fields) {
  for (const [label, value] of Object.entries(fields)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
}

/** Waits until focus is on what `selector` finds; fails naming what has focus instead. */
async function expectFocus(page, selector, what) {
  try {
    await page.waitForFunction((s) => {
      const active = document.activeElement;
      return active !== null && active === document.querySelector(s);
    }, selector, { timeout: 5_000 });
  } catch {
    const at = await page.evaluate(() => {
      const a = document.activeElement;
      return a ? `<${a.tagName.toLowerCase()} id="${a.id}" class="${a.className}">` : "nothing";
    });
    assert.fail(`${what}: focus should be on ${selector}, but is on ${at}`);
  }
}

/** Starts signing, checks the list of open indicators against `open`, signs and returns the download. */
async function signAndDownload(page, open) {
  const sign = page.locator("#sign");
  await sign.locator(".sign-start").click();
  const dialog = sign.getByRole("alertdialog");
  await dialog.waitFor();
  await expectFocus(page, "#sign .sign-confirm[role=alertdialog]", "the sign dialog opened");
  if (open) {
    assert.deepEqual(await dialog.locator(".unscored-list li a").allTextContents(), open, "indicators listed as open");
  }
  const file = await download(page, () => dialog.locator(".sign-confirm-button").click());
  await sign.locator(".download-record").waitFor();
  await expectFocus(page, "#sign.signed #sign-heading", "signed");
  return { ...file, record: parseJsonStrict(file.text) };
}

/** Fills what a record must name before it is signed, where it is still empty. */
async function fillRequired(page) {
  for (const [id, text] of [["meta-student-number", "1234567"], ["meta-assessor-name", "Karim Haddou"]]) {
    const field = page.locator(`input[id="${id}"]`);
    if (!(await field.inputValue())) await field.fill(text);
  }
}

/** Scores one indicator and signs; returns the download. */
async function signSomething(page, id = "LU2.2", level = "good") {
  await score(page, id, level);
  await fillRequired(page);
  return signAndDownload(page);
}

/** After signing: starts a new assessment (confirmed), which shows the unsigned section again. */
async function startNewAssessment(page) {
  const sign = page.locator("#sign");
  await sign.locator(".new-assessment").click();
  await expectFocus(page, "#sign .confirm[role=alertdialog]", "the new-assessment question");
  await sign.getByRole("alertdialog").locator(".confirm-new").click();
  await sign.locator(".sign-start").waitFor();
  await sign.locator(".key-panel").waitFor();
  await expectFocus(page, "#meta-student-name", "a new assessment started");
}

/** The did:key and fingerprint the key panel shows. */
async function shownKey(page) {
  const panel = page.locator("#sign .key-panel");
  return {
    did: await panel.locator(".key-did").textContent(),
    fingerprint: await panel.locator(".key-fingerprint").textContent(),
  };
}

/** Waits until the key panel shows `did`, then checks its fingerprint too. */
async function expectKey(page, did) {
  // The did:key sits in a closed "Technische gegevens": present, not visible.
  await page.locator("#sign .key-panel .key-did").filter({ hasText: did }).waitFor({ state: "attached" });
  assert.deepEqual(await shownKey(page), { did, fingerprint: fingerprintOf(did) });
}

/** Opens "Ik heb al een sleutel" where it is closed, and chooses the file in the picker it reveals. */
async function importKeyFile(page, name, text) {
  const haveOne = page.locator("#sign .key-panel").getByRole("button", { name: "Ik heb al een sleutel", exact: true });
  if ((await haveOne.getAttribute("aria-expanded")) === "false") await haveOne.click();
  await page.setInputFiles("#key-import", { name, mimeType: "application/json", buffer: Buffer.from(text) });
}

/** The did:key a record names as signer, after checking that verificationMethod is did#key. */
function signerOf(record) {
  const [did, fragment, ...rest] = record.proof.verificationMethod.split("#");
  assert.equal(rest.length, 0, "one # in verificationMethod");
  assert.match(did, /^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
  assert.equal(`did:key:${fragment}`, did, "the fragment is the did:key's own key");
  return did;
}

/** Verifies with the independent implementation and Digital Bazaar's VC verifier; returns the signer's did:key. */
async function assertVerifies(record) {
  const result = await verifyDataIntegrityProof(record);
  assert.equal(result.verified, true, `independent verifier: ${result.reason}`);
  assert.equal(result.did, signerOf(record));
  assert.deepEqual(await verifyCredential(record), { verified: true, error: null }, "@digitalbazaar/vc verifyCredential");
  assert.equal(record.issuer.id, result.did, "the issuer is the signer");
  return result.did;
}

/** Counts and mean of a set of indicators as a record writes them, from the plan. */
function expectedAggregate(ids) {
  const counts = { high: 0, good: 0, present: 0, notScored: 0, scored: 0, total: ids.length, sum: 0 };
  for (const id of ids) {
    const level = PLAN[id];
    if (!level) {
      counts.notScored++;
      continue;
    }
    counts[level]++;
    counts.scored++;
    counts.sum += LEVELS[level].value;
  }
  let mean = null;
  if (counts.scored) {
    // sum / scored with two decimals, halves rounded up, in integers.
    const hundredths = Math.floor((200 * counts.sum + counts.scored) / (2 * counts.scored));
    mean = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
  }
  return { ...counts, mean };
}

// ---------------------------------------------------------------------------------------------
// 1. A record signed in the browser.

let signed; // { name, text, record } of the first test, tampered with by the second

test("a record signed and downloaded in the browser verifies with the independent eddsa-jcs-2022 verifier, holds what was clicked and typed, and is named beoordeling-<studentnummer>-<naam>-<datum>.json", (t) => app.withPage(t, async (page) => {
  const panel = page.locator("#sign .key-panel");
  await panel.locator(".key-none").waitFor();
  assert.equal(await panel.locator(".key-did").count(), 0, "a fresh profile has no key");

  await fillMetadata(page, METADATA);
  for (const [id, level] of Object.entries(PLAN)) await score(page, id, level);
  for (const [id, text] of Object.entries(COMMENTS)) {
    await page.locator(`li[id="indicator-${id}"] details.comment summary`).click();
    await page.locator(`textarea[id="comment-${id}"]`).fill(text);
  }
  for (const [id, text] of Object.entries(FEEDBACK)) await page.locator(`textarea[id="feedback-${id}"]`).fill(text);

  // Going back from the question signs nothing and returns focus to the button that asked it.
  await page.locator("#sign .sign-start").click();
  await expectFocus(page, "#sign .sign-confirm[role=alertdialog]", "the sign dialog opened");
  await page.locator("#sign").getByRole("button", { name: "Terug naar het formulier", exact: true }).click();
  await expectFocus(page, "#sign .sign-start", "back to the form");

  const open = indicators.map((i) => i.id).filter((id) => !PLAN[id]);
  const file = await signAndDownload(page, open);
  const { record } = file;

  // Until the student's name went into file names this was beoordeling-4812345-2026-05-01.json.
  assert.equal(file.name, `beoordeling-${METADATA.Studentnummer}-Sanne-de-Vries-${METADATA.Datum}.json`);
  const did = await assertVerifies(record);

  // A Verifiable Credential: the assessor issues it, about the student.
  assert.deepEqual(record["@context"], ["https://www.w3.org/ns/credentials/v2", "https://leeruitkomsten.example/ns/v1"]);
  assert.deepEqual(record.proof["@context"], record["@context"]);
  assert.deepEqual(record.type, ["VerifiableCredential", "LeeruitkomstenAssessmentRecord"]);
  assert.equal(record.schemaVersion, "4");
  assert.equal(record.validFrom, record.proof.created);
  assert.deepEqual(record.issuer, { id: did, name: METADATA["Naam beoordelaar"] });
  const { assessment, ...student } = record.credentialSubject;

  // What was typed.
  assert.deepEqual(student, { name: METADATA["Naam student"], studentNumber: METADATA.Studentnummer });
  assert.deepEqual(assessment.assessor, { role: METADATA["Rol beoordelaar"], organisation: METADATA.Organisatie });
  assert.equal(assessment.normLevel, null);
  assert.equal(assessment.mode, "assessor");
  assert.equal(assessment.assessmentDate, METADATA.Datum);

  // What was clicked, indicator by indicator in framework order.
  assert.deepEqual(
    assessment.indicators,
    outcomes.flatMap((o) => o.indicators.map((i) => {
      const level = PLAN[i.id];
      return {
        id: i.id,
        learningOutcome: o.id,
        status: level ? "scored" : "not-scored",
        score: level ? { symbol: LEVELS[level].symbol, value: LEVELS[level].value } : null,
        comment: COMMENTS[i.id] ?? null,
      };
    })),
  );
  assert.deepEqual(assessment.learningOutcomes.map((o) => [o.id, o.feedback]), outcomes.map((o) => [o.id, FEEDBACK[o.id] ?? null]));

  // The counts follow from the clicks; the result is there exactly where a leeruitkomst is complete.
  for (const outcome of outcomes) {
    const ids = outcome.indicators.map((i) => i.id);
    const { result, ...counts } = assessment.aggregates.learningOutcomes[outcome.id];
    assert.deepEqual(counts, expectedAggregate(ids), outcome.id);
    assert.equal(result !== null, ids.every((id) => PLAN[id]), `${outcome.id} has a result only when complete`);
  }
  const { result: _overall, ...overall } = assessment.aggregates.overall;
  assert.deepEqual(overall, expectedAggregate(indicators.map((i) => i.id)));

  // The page says who signed, and the form is now final.
  assert.ok((await page.locator("#sign .signed-at").textContent()).includes(fingerprintOf(did)), "signed-at names the key");
  await page.locator(".final-notice").waitFor();
  assert.equal(await page.locator("#main").locator("input:enabled, textarea:enabled").count(), 0, "every field is read-only");
  assert.equal(await page.locator(`li[id="indicator-LU1.1"]`).getByRole("radio", { name: LEVELS.high.radio }).isChecked(), true);
  // Indicators were left open, but a final form has nothing more to score: the bar at the bottom
  // leads to the signed record instead.
  const dock = page.locator(".progress-dock");
  assert.equal(await dock.locator(".next-open-button").count(), 0, "no way to open indicators of a final form");
  await page.evaluate(() => window.scrollTo(0, 0));
  await dock.getByRole("link", { name: "Naar het ondertekende record" }).click();
  await page.waitForFunction(() => {
    const box = document.querySelector("#sign").getBoundingClientRect();
    return box.top >= 0 && box.top < innerHeight;
  });

  // Downloading again gives the very same file.
  const again = await download(page, () => page.locator("#sign .download-record").click());
  assert.deepEqual(again, { name: file.name, text: file.text });
  assert.equal(await page.locator("#sign .download-failed").count(), 0, "no download problem reported");

  // The key that just signed can be backed up at once, with the hint to keep the backup safe;
  // importing another key over it is not offered here.
  const signedPanel = page.locator("#sign.signed .key-panel");
  assert.deepEqual(await shownKey(page), { did, fingerprint: fingerprintOf(did) });
  assert.match(await signedPanel.textContent(), /Bewaar de back-up veilig/);
  assert.equal(await page.locator("#key-import").count(), 0, "no key import in the signed view");
  const backup = await download(page, () => signedPanel.locator(".key-export").click());
  assert.equal(backup.name, `leeruitkomsten-sleutel-${fingerprintOf(did)}.json`);
  assert.equal(JSON.parse(backup.text).did, did, "the backup offered after signing holds the key that signed");
  signed = file;
}));

// ---------------------------------------------------------------------------------------------
// 2. Tampering, in the verify view.

/** Every leaf of a JSON value as a path of keys and indexes. */
function leafPaths(value, path = []) {
  if (value !== null && typeof value === "object" && Object.keys(value).length) {
    return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...path, Array.isArray(value) ? Number(key) : key]));
  }
  return [path];
}

function at(value, path) {
  return path.reduce((v, key) => v[key], value);
}

/** A copy of `record` with `change(parent, key)` applied at `path`. */
function changed(record, path, change) {
  const copy = structuredClone(record);
  change(path.length > 1 ? at(copy, path.slice(0, -1)) : copy, path.at(-1));
  return copy;
}

const show = (path) => path.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("").slice(1);

const BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

function base58btc(bytes) {
  let n = BigInt(`0x${Buffer.from(bytes).toString("hex")}`);
  let text = "";
  while (n > 0n) {
    text = BASE58_ALPHABET[Number(n % 58n)] + text;
    n /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    text = `1${text}`;
  }
  return text;
}

/** The did:key of a new Ed25519 key made here, not the signer's. */
function anotherDidKey() {
  const { publicKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x, "base64url");
  return `did:key:z${base58btc(Buffer.concat([Buffer.from([0xed, 0x01]), raw]))}`;
}

/**
 * Single-field changes of a record: every leaf altered, plus deletions, additions, a swap and
 * another signer's key. `path` is where the change is; a change outside `proof` changes what the
 * signature covers.
 */
function tamperedVariants(record) {
  const variants = [];
  const add = (path, what, value) => variants.push({ path, label: `${show(path)}: ${what}`, value });
  for (const path of leafPaths(record)) {
    const old = at(record, path);
    const set = (value) => changed(record, path, (parent, key) => { parent[key] = value; });
    if (typeof old === "string") {
      if (old.length) {
        const last = old.at(-1);
        add(path, "last character altered", set(old.slice(0, -1) + (last === "a" ? "b" : "a")));
      }
      add(path, "character appended", set(`${old}x`));
    } else if (typeof old === "number") {
      add(path, "+1", set(old + 1));
    } else if (typeof old === "boolean") {
      add(path, "flipped", set(!old));
    } else if (old === null) {
      add(path, "null replaced by a text", set("x"));
    } else {
      throw new Error(`unexpected leaf ${show(path)}: ${JSON.stringify(old)}`);
    }
  }
  const A = ["credentialSubject", "assessment"];
  for (const path of [["proof"], ["proof", "proofValue"], ["proof", "created"], ["proof", "verificationMethod"],
    ["proof", "@context"], ["@context"], ["issuer", "id"], ["validFrom"], ["credentialSubject", "studentNumber"],
    [...A, "indicators", 5], [...A, "indicators", 0, "comment"], [...A, "learningOutcomes", 1, "feedback"],
    [...A, "aggregates", "overall"], [...A, "aggregates", "learningOutcomes", "LU2"]]) {
    add(path, "deleted", changed(record, path, (parent, key) => {
      if (Array.isArray(parent)) parent.splice(key, 1);
      else delete parent[key];
    }));
  }
  add(["note"], "added", { ...record, note: "x" });
  add([...A, "note"], "added", changed(record, [...A, "note"], (parent, key) => { parent[key] = "x"; }));
  add(["proof", "nonce"], "added", changed(record, ["proof", "nonce"], (parent, key) => { parent[key] = "x"; }));
  add([...A, "indicators"], "[0] and [1] swapped", changed(record, [...A, "indicators"], (parent, key) => {
    [parent[key][0], parent[key][1]] = [parent[key][1], parent[key][0]];
  }));
  const other = anotherDidKey();
  add(["proof", "verificationMethod"], "another key's did:key", changed(record, ["proof", "verificationMethod"],
    (parent, key) => { parent[key] = `${other}#${other.slice("did:key:".length)}`; }));
  return variants;
}

/** A copy with every object's members in reverse order: the same record to JCS. */
function reordered(value) {
  if (Array.isArray(value)) return value.map(reordered);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]));
  }
  return value;
}

/** Pieces of the core's English wording, none of which belongs in a Dutch reason. */
const ENGLISH = ["is missing", "is not", "does not", "neither", "member of", "expected", "invalid", " the "];

const SIGNATURE_MISMATCH =
  "de handtekening klopt niet: het record is na ondertekenen veranderd, of niet met deze sleutel ondertekend";

/** Opens `text` as the file `name` in the verify view and returns the verdict shown for it. */
async function verdictFor(page, name, text) {
  await page.setInputFiles("#record-file", { name, mimeType: "application/json", buffer: Buffer.from(text) });
  // Each file has a name of its own, so the verdict shown is this file's once the name is.
  const handle = await page.waitForFunction((name) => {
    const verdict = document.querySelector(".verdict");
    if (verdict?.querySelector(".verdict-file")?.textContent !== name) return false;
    return {
      valid: verdict.classList.contains("is-valid"),
      invalid: verdict.classList.contains("is-invalid"),
      result: verdict.querySelector(".verdict-result")?.textContent ?? null,
      reasons: [...verdict.querySelectorAll(".verdict-reasons li")].map((li) => li.textContent),
      text: verdict.textContent,
      signer: verdict.querySelector(".key-did")?.textContent ?? null,
      // Only the short line is live; the verdict with its reasons is ordinary content.
      announcement: document.querySelector(".verify-view .verdict-announcement[role=status]")?.textContent ?? null,
      live: verdict.closest("[role=status], [role=alert], [aria-live]") !== null ||
        verdict.querySelector("[role=status], [role=alert], [aria-live]") !== null,
    };
  }, name, { polling: "raf" });
  return handle.jsonValue();
}

test("the verify view shows the signed record as valid and every single-field change, deletion or addition as not valid; the independent verifier refuses each change too", (t) => app.withPage(t, async (page) => {
  assert.ok(signed, "needs the record signed by the previous check");
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  assert.equal(await page.getByRole("button", { name: "Record controleren", exact: true }).getAttribute("aria-pressed"), "true");
  await page.locator("#record-file").waitFor({ state: "attached" });

  const signer = signerOf(signed.record);
  const expectValid = async (name, text) => {
    const verdict = await verdictFor(page, name, text);
    assert.deepEqual([verdict.valid, verdict.invalid, verdict.result, verdict.reasons], [true, false, "Geldig", []], name);
    assert.equal(verdict.signer, signer, name);
    assert.deepEqual([verdict.announcement, verdict.live], [`Geldig: ${name}`, false], name);
  };
  await expectValid(signed.name, signed.text);
  // Whitespace and member order are not content: the re-serialized record is still valid, so
  // what the variants below change is the one field each, not the serialization.
  const same = JSON.stringify(reordered(signed.record));
  assert.notEqual(same, signed.text);
  await expectValid("reordered.json", same);
  assert.equal((await verifyDataIntegrityProof(JSON.parse(same))).verified, true);
  // The record is shown read-only below a valid verdict.
  assert.equal(await page.locator(".verify-view").getByRole("radiogroup").count(), 0, "no scoring controls in the verify view");

  const variants = tamperedVariants(signed.record);
  const appAccepted = [];
  const independentAccepted = [];
  const unsigned = [];
  const english = [];
  for (const [i, { path, label, value }] of variants.entries()) {
    const name = `variant-${i}.json`;
    const verdict = await verdictFor(page, name, JSON.stringify(value, null, 2));
    // Every field is signed, so the app must neither accept the record nor call its signature sound.
    if (verdict.valid || !verdict.invalid || verdict.result !== "Niet geldig" || verdict.reasons.length === 0 ||
      verdict.text.includes("De handtekening zelf klopt.") ||
      verdict.announcement !== `Niet geldig: ${name}` || verdict.live) {
      appAccepted.push(`${label}: ${JSON.stringify(verdict)}`);
    }
    // Outside the proof the app cannot fail to check the signature, and it must not match: also
    // where a recomputation (aggregates, shape) would catch the change on its own. The @context,
    // which the proof repeats, fails the proof before the signature is computed.
    if (path[0] !== "proof" && path[0] !== "@context" && !verdict.reasons.includes(SIGNATURE_MISMATCH)) {
      unsigned.push(`${label}: ${verdict.reasons.join(" / ")}`);
    }
    // The reasons are Dutch throughout: no English detail from the core slips through.
    for (const reason of verdict.reasons) {
      if (ENGLISH.some((fragment) => reason.includes(fragment))) english.push(`${label}: ${reason}`);
    }
    if ((await verifyDataIntegrityProof(value)).verified) independentAccepted.push(label);
  }
  assert.deepEqual(appAccepted, [], "variants the verify view did not refuse");
  assert.deepEqual(unsigned, [], "changes outside the proof the app did not report as breaking the signature");
  assert.deepEqual(independentAccepted, [], "variants the independent verifier accepted");
  assert.deepEqual(english, [], "Dutch reasons with English in them");

  // The view is not stuck on "not valid": the untouched record is valid again.
  await expectValid("again.json", signed.text);
  return `${variants.length} tampered variants refused`;
}));

// ---------------------------------------------------------------------------------------------
// 3. The key survives a reload.

test("the signing key made on first signing survives a reload: same did:key and fingerprint, and it signs the next record", (t) => app.withPage(t, async (page) => {
  await page.locator("#sign .key-panel .key-none").waitFor();
  const first = await signSomething(page);
  const did = await assertVerifies(first.record);
  const fingerprint = fingerprintOf(did);
  assert.ok((await page.locator("#sign .signed-at").textContent()).includes(fingerprint));

  // The signed assessment survives a reload too, unchanged.
  await reloadApp(page);
  const again = await download(page, () => page.locator("#sign .download-record").click());
  assert.equal(again.text, first.text);

  await startNewAssessment(page);
  assert.deepEqual(await shownKey(page), { did, fingerprint });
  await reloadApp(page);
  assert.deepEqual(await shownKey(page), { did, fingerprint });

  const second = await signSomething(page, "LU5.1", "high");
  assert.equal(await assertVerifies(second.record), did, "the next record is signed with the same key");
  assert.notEqual(second.record.id, first.record.id);
}));

// ---------------------------------------------------------------------------------------------
// 4. A key backup, imported in a fresh browser profile.

/** Signs in `page` (making its key), starts over and downloads the key backup. */
async function keyWithBackup(page) {
  const { record } = await signSomething(page);
  const did = signerOf(record);
  await startNewAssessment(page);
  const backup = await download(page, () => page.locator("#sign .key-panel .key-export").click());
  assert.equal(backup.name, `leeruitkomsten-sleutel-${fingerprintOf(did)}.json`);
  assert.equal(JSON.parse(backup.text).did, did, "the backup holds the key that signed");
  return { did, backup };
}

test("a key backup imported in a fresh browser profile signs records with the same did:key", (t) => app.withPage(t, async (page, { newPage }) => {
  const { did, backup } = await keyWithBackup(page);
  // The same key again replaces nothing, so there is nothing to ask.
  await importKeyFile(page, backup.name, backup.text);
  await page.locator("#sign .key-panel").getByRole("status").filter({ hasText: "De sleutel is geïmporteerd." }).waitFor();
  assert.equal(await page.getByRole("alertdialog").count(), 0, "importing the present key asks nothing");
  await expectKey(page, did);

  const fresh = await newPage();
  const panel = fresh.locator("#sign .key-panel");
  await panel.locator(".key-none").waitFor();
  await importKeyFile(fresh, backup.name, backup.text);
  await panel.getByRole("status").filter({ hasText: "De sleutel is geïmporteerd." }).waitFor();
  assert.equal(await fresh.getByRole("alertdialog").count(), 0, "nothing to replace, so no question");
  await expectKey(fresh, did);

  await fillMetadata(fresh, { Studentnummer: "S-42" });
  const signedThere = await signSomething(fresh, "LU4.4", "present");
  assert.match(signedThere.name, /^beoordeling-S-42-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(await assertVerifies(signedThere.record), did, "signed with the imported key");
  assert.equal(signedThere.record.proof.verificationMethod, `${did}#${did.slice("did:key:".length)}`);
}));

test("importing a different key adds it to the keys on this device, once, as the key of the assessor named; a broken key file gives an error and keeps the key", (t) => app.withPage(t, async (page, { newPage }) => {
  const { did: imported, backup } = await keyWithBackup(page);

  const other = await newPage();
  const { record } = await signSomething(other);
  const present = signerOf(record);
  assert.notEqual(present, imported, "two profiles make two keys");
  await startNewAssessment(other);
  const panel = other.locator("#sign .key-panel");
  assert.equal((await shownKey(other)).did, present);

  // Files that are not a usable key backup: an error, and the key stays.
  const altered = JSON.stringify({ ...JSON.parse(backup.text), did: present }, null, 2);
  for (const [name, text, message] of [
    ["garbage.json", "dit is geen sleutel", "dit is geen sleutelback-up van deze app"],
    ["altered.json", altered, "het bestand is veranderd"],
  ]) {
    await importKeyFile(other, name, text);
    const alert = panel.getByRole("alert");
    await alert.filter({ hasText: message }).waitFor();
    assert.equal(await other.getByRole("alertdialog").count(), 0, name);
    assert.equal((await shownKey(other)).did, present, `${name} keeps the key`);
  }
  await reloadApp(other);
  assert.equal((await shownKey(other)).did, present, "the kept key is still stored");

  // A different key joins the keys on this device, as the key of the assessor the form names
  // (the latest of theirs signs): nothing is replaced, so nothing asks.
  await importKeyFile(other, backup.name, backup.text);
  await panel.getByRole("status").filter({ hasText: "De sleutel is geïmporteerd." }).waitFor();
  assert.equal(await other.getByRole("alertdialog").count(), 0, "nothing is replaced, so nothing asks");
  await expectKey(other, imported);
  const listed = panel.locator(".device-key-list");
  assert.equal(await listed.locator(".device-key").count(), 2, "both keys are listed");
  for (const did of [present, imported]) {
    assert.ok((await listed.textContent()).includes(fingerprintOf(did)), `${did} is listed`);
  }
  // The same backup again adds nothing.
  await importKeyFile(other, backup.name, backup.text);
  await panel.getByRole("status").filter({ hasText: "De sleutel is geïmporteerd." }).waitFor();
  assert.equal(await listed.locator(".device-key").count(), 2, "a key already here is not listed twice");
  await reloadApp(other);
  assert.equal((await shownKey(other)).did, imported, "the added key is stored");
  assert.equal(await other.locator("#sign .key-panel .device-key").count(), 2, "both keys are stored");
  const after = await signSomething(other, "LU6.9", "high");
  assert.equal(await assertVerifies(after.record), imported);
}));

test("several records at once: one line each with its verdict, student and reasons, and a count", (t) => app.withPage(t, async (page) => {
  const record = JSON.parse(signed.text);
  const changed = JSON.parse(signed.text);
  changed.credentialSubject.name = "Iemand Anders";
  const unsigned = JSON.parse(signed.text);
  delete unsigned.proof;
  const chosen = [
    { name: "1-echt.json", text: signed.text },
    { name: "2-naam-veranderd.json", text: JSON.stringify(changed) },
    { name: "3-zonder-handtekening.json", text: JSON.stringify(unsigned) },
    { name: "4-geen-json.json", text: "{" },
  ];
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", chosen.map(({ name, text }) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) })));
  await page.locator(".batch-summary").waitFor();
  assert.equal(await page.locator(".batch-summary").textContent(), "4 bestanden gecontroleerd: 1 geldig, 3 niet geldig.");
  const rows = page.locator(".batch-table tbody tr");
  assert.equal(await rows.count(), 4);
  const row = (n) => rows.nth(n);
  assert.equal(await row(0).locator(".batch-result").textContent(), "Geldig");
  assert.ok((await row(0).textContent()).includes(`${record.credentialSubject.name} (${record.credentialSubject.studentNumber})`));
  assert.ok((await row(0).locator(".key-fingerprint").textContent()).length > 0, "the signer is shown");
  assert.match(await row(1).locator(".batch-reasons").textContent(), /de handtekening klopt niet/);
  assert.match(await row(2).locator(".batch-reasons").textContent(), /het record is niet ondertekend/);
  assert.match(await row(3).locator(".batch-reasons").textContent(), /geen geldig JSON-record/);
  for (let n = 1; n < 4; n++) assert.equal(await row(n).locator(".batch-result").textContent(), "Niet geldig");
  // One file again: the full view of that record.
  await page.setInputFiles("#record-file", { name: "1-echt.json", mimeType: "application/json", buffer: Buffer.from(signed.text) });
  await page.locator(".verdict.is-valid").waitFor();
  await page.locator(".record-view").waitFor();
}));
