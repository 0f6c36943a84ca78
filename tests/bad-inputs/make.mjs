// Writes the hostile files of this catalogue from a record, a key backup and an assessments backup
// made by the app itself (the release build in DIST), so each file is one deliberate fault in
// otherwise real input. Run again only to renew them: node tests/bad-inputs/make.mjs DIST
// The expected messages are in catalogue.json, written by hand.
// The record files were made by a build that wrote schema version 2, which verifiers still read;
// the edits below follow that flat layout. Renewing them from a build that writes version 3 (a
// Verifiable Credential) needs the edits moved under credentialSubject.assessment first.
import { writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, download } from "../e2e/harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [dist] = process.argv.slice(2);
if (!dist) {
  console.error("usage: node tests/bad-inputs/make.mjs DIST");
  process.exit(2);
}
const app = await startApp(resolve(dist));

let record, key, backup;
// Made in the app, in a fresh profile that must stay free of page and console errors.
const report = { diagnostic: (text) => console.log(text) };
try {
  await app.withPage(report, async (page) => {
    await page.locator("#meta-student-name").fill("Sanne de Vries");
    await page.locator("#meta-student-number").fill("4812345");
    for (const id of ["LU1.1", "LU1.2", "LU2.1"]) await page.locator(`input[name="score-${id}"][value="good"]`).check();
    await page.locator('li[id="indicator-LU1.1"] details.comment summary').click();
    await page.locator('textarea[id="comment-LU1.1"]').fill("Zie verslag.");
    await page.locator("#sign .sign-start").click();
    record = (await download(page, () => page.locator(".sign-confirm-button").click())).text;
    key = (await download(page, () => page.locator(".key-export").first().click())).text;
    await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
    backup = (await download(page, () => page.getByRole("button", { name: "Back-up downloaden" }).click())).text;
  });
} finally {
  await app.close();
}

const r = JSON.parse(record);
const k = JSON.parse(key);
const b = JSON.parse(backup);
const copy = (value) => JSON.parse(JSON.stringify(value));
const edit = (value, change) => { const c = copy(value); change(c); return JSON.stringify(c, null, 2); };
const markup = '<script>window.__owned=1</script><img src=x onerror="window.__owned=2">';

const files = {
  // Records
  "record-empty.json": "",
  "record-truncated.json": record.slice(0, Math.floor(record.length / 2)),
  "record-plain-text.json": "Dit is geen JSON maar een brief.",
  "record-invalid-utf8.json": Buffer.concat([Buffer.from('{"type":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]),
  "record-byte-order-mark.json": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(record)]),
  "record-duplicate-keys.json": record.replace('"type":', '"type": "x",\n  "type":'),
  "record-nan.json": record.replace(/"value": 2/, '"value": NaN'),
  "record-huge-number.json": record.replace(/"value": 2/, '"value": 1e400'),
  "record-deep-nesting.json": "[".repeat(1000) + "]".repeat(1000),
  "record-array.json": JSON.stringify([r]),
  "record-wrong-types.json": edit(r, (c) => { c.indicators[0].score.value = "2"; }),
  "record-missing-proof.json": edit(r, (c) => { delete c.proof; }),
  "record-proof-array.json": edit(r, (c) => { c.proof = [c.proof]; }),
  "record-unknown-cryptosuite.json": edit(r, (c) => { c.proof.cryptosuite = "eddsa-rdfc-2022"; }),
  "record-malformed-did-key.json": edit(r, (c) => { c.proof.verificationMethod = "did:key:z6MkNOTAKEY#z6MkNOTAKEY"; }),
  "record-signature-mismatch.json": edit(r, (c) => { c.subject.name = "Sanne de Vries-Jansen"; }),
  "record-unknown-version.json": edit(r, (c) => { c.schemaVersion = "5"; }),
  "record-not-a-record.json": edit(r, (c) => { c.type = "VerifiableCredential"; }),
  "record-unknown-framework.json": edit(r, (c) => { c.framework.id = "competentieprofiel-jeugdwerk-2031"; }),
  "record-aggregates-differ.json": edit(r, (c) => { c.aggregates.overall.good += 1; c.aggregates.overall.notScored -= 1; }),
  "record-markup-in-texts.json": edit(r, (c) => {
    c.subject.name = markup; c.assessor.name = markup; c.indicators[0].comment = markup;
  }),
  "record-a-key-file.json": key,
  // Key backups
  "key-garbage.json": "\u0000\u0001 niet een sleutel",
  "key-wrong-did.json": edit(k, (c) => { c.did = c.did.slice(0, -2) + (c.did.endsWith("A") ? "BB" : "AA"); }),
  "key-a-record.json": record,
  "key-unknown-version.json": edit(k, (c) => { c.version = 99; }),
  // Backups of assessments
  "backup-a-record.json": record,
  "backup-a-key-file.json": key,
  "backup-unknown-version.json": edit(b, (c) => { c.version = 2; }),
  "backup-broken-entry.json": edit(b, (c) => { c.assessments.push({ version: 2, id: "../../x" }); }),
  "backup-truncated.json": backup.slice(0, 200),
  // Frameworks
  "framework-empty-object.json": "{}",
  "framework-unknown-format.json": null, // written below from the default framework
  "framework-missing-reference.json": null,
  "framework-duplicate-ids.json": null,
};

const framework = JSON.parse(await (await import("node:fs/promises")).readFile(join(here, "../../frameworks/leeruitkomsten-opbouwwerk-2026.json"), "utf8"));
files["framework-unknown-format.json"] = edit(framework, (c) => { c.format = "leeruitkomsten-framework/9"; });
files["framework-missing-reference.json"] = edit(framework, (c) => { c.core_tasks[0].learning_outcomes[0].capabilities.push("B99"); });
files["framework-duplicate-ids.json"] = edit(framework, (c) => { c.core_tasks[0].learning_outcomes[0].indicators[1].id = "LU1.1"; });

for (const [name, content] of Object.entries(files)) await writeFile(join(here, name), content);
console.log(`${Object.keys(files).length} files written to ${here}`);
