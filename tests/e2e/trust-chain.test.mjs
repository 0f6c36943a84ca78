// The whole trust chain of issue 15 in three browser profiles of their own: a docent invites, the
// assessor opens the link, scores and signs; the docent's app sees the record answer the invitation
// it sent (*uitgenodigd*), the examinator's app does not know the signer (*onbekende
// ondertekenaar*, still valid); the examinator decides per learning outcome and signs; the cohort
// with record and decision shows the decision columns, and its CSV has them. Every credential the
// app makes here is accepted by Digital Bazaar's verifyCredential. axe runs once, on the docent's
// verify view with the signer's standing shown.
// Run: scripts/test page trust-chain
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { fingerprintOf } from "./fingerprint.mjs";
import { download, expectNoAxeViolations, loadFramework, startApp } from "./harness.mjs";
import { parseJsonStrict } from "./independent-verify.mjs";
import { verifyCredential } from "./vc-verifier.mjs";

const require = createRequire(import.meta.url);
const canonicalizeModule = require("canonicalize");
const canonicalize = typeof canonicalizeModule === "function" ? canonicalizeModule : canonicalizeModule.default;

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

const DOCENT = "Marieke Oosterhuis";
const STUDENT = "Youssef El Amrani";
const STUDENT_NUMBER = "500734211";
const ASSESSOR = "Bram de Groot";
const ASSESSOR_EMAIL = "b.degroot@buurtwerk-west.example.nl";
const EXAMINATOR = "Dr. Ingrid Visser";
const MOTIVATION = "Het samenwerken met bewoners is in de stage nog niet aangetoond.";

/** `u` + base64url of the SHA-256 multihash of the JCS form: digestMultibase, computed in Node. */
function digestMultibase(document) {
  const digest = createHash("sha256").update(canonicalize(document), "utf8").digest();
  return "u" + Buffer.concat([Buffer.from([0x12, 0x20]), digest]).toString("base64url");
}

const seen = async (locator) => (await locator.innerText()).replace(/\s+/g, " ").trim();
const jsonFile = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

/** Checks a record in the verify view of `page`; returns the verdict box once it says Geldig. */
async function verifyRecord(page, record) {
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", jsonFile(record.name, record.text));
  const verdict = page.locator(".verdict");
  await verdict.locator(".verdict-result", { hasText: "Geldig" }).waitFor();
  assert.equal(await verdict.locator(".verdict-result").innerText(), "Geldig");
  return verdict;
}

test("invite → open the link in another profile → assess and sign → verify with the invitation matched → decide → cohort and CSV", (t) =>
  app.withPage(t, async (docent, { newPage }) => {
    const { outcomes } = await loadFramework();

    // 1. The docent invites: a key is made as the invitation is signed.
    await docent.getByRole("navigation").getByRole("button", { name: "Uitnodigen", exact: true }).click();
    await docent.getByRole("heading", { name: "Een praktijkbeoordelaar uitnodigen" }).waitFor();
    for (const [id, value] of [["invite-docent-name", DOCENT], ["invite-student-name", STUDENT],
      ["invite-student-number", STUDENT_NUMBER], ["invite-assessor-name", ASSESSOR], ["invite-assessor-email", ASSESSOR_EMAIL]]) {
      await docent.locator(`#${id}`).fill(value);
    }
    await docent.getByRole("button", { name: "Uitnodiging ondertekenen", exact: true }).click();
    const link = await docent.getByLabel("Link voor de beoordelaar").inputValue();
    assert.match(link, /#uitnodiging=/);
    const invitation = parseJsonStrict(Buffer.from(link.split("#uitnodiging=")[1], "base64url").toString("utf8"));
    assert.deepEqual(await verifyCredential(invitation), { verified: true, error: null });
    assert.equal(invitation.issuer.name, DOCENT);
    assert.equal(invitation.credentialSubject.assessment.assessor.email, ASSESSOR_EMAIL);

    // 2. The assessor, in a profile of their own, opens the link.
    const assessor = await newPage();
    await assessor.goto("about:blank");
    await assessor.goto(link);
    const banner = assessor.locator(".invitation-banner");
    await banner.waitFor();
    assert.match(await seen(banner.locator("p")),
      new RegExp(`^Uitnodiging van ${DOCENT} \\(${fingerprintOf(invitation.issuer.id)}\\) om ${STUDENT} te beoordelen`));
    for (const [id, value] of [["meta-student-name", STUDENT], ["meta-student-number", STUDENT_NUMBER], ["meta-assessor-name", ASSESSOR]]) {
      const field = assessor.locator(`#${id}`);
      assert.equal(await field.inputValue(), value, id);
      assert.notEqual(await field.getAttribute("readonly"), null, `${id} is read-only`);
    }
    // Every indicator scored: ++ in LU1, □ in LU2, + elsewhere, so the advice differs per outcome.
    const label = { LU1: "++ in hoge mate ontwikkeld", LU2: "□ aanwezig" };
    for (const outcome of outcomes) {
      for (const indicator of outcome.indicators) {
        await assessor.locator(`li[id="indicator-${indicator.id}"]`)
          .getByRole("radio", { name: label[outcome.id] ?? "+ goed ontwikkeld", exact: true }).check();
      }
    }
    await assessor.locator("#sign .sign-start").click();
    const recordFile = await download(assessor, () => assessor.locator(".sign-confirm-button").click());
    const record = parseJsonStrict(recordFile.text);
    assert.equal(record.schemaVersion, "4");
    assert.equal(record.credentialSubject.invitation.id, invitation.id);
    assert.equal(record.credentialSubject.invitation.digestMultibase, digestMultibase(invitation));
    assert.equal(record.credentialSubject.name, STUDENT);
    assert.deepEqual(await verifyCredential(record), { verified: true, error: null });
    assert.notEqual(record.issuer.id, invitation.issuer.id, "the assessor signs with a key of their own");
    const fingerprint = fingerprintOf(record.issuer.id);

    // 3. The docent's app kept the invitation it sent: the record's signer is uitgenodigd.
    let verdict = await verifyRecord(docent, recordFile);
    const standing = verdict.locator(".signer-standing");
    assert.match(await seen(standing), new RegExp(`Ondertekenaar bekend\\?: uitgenodigd · Vingerafdruk ${fingerprint}`));
    assert.ok((await seen(standing)).includes("Dit record beantwoordt een uitnodiging die jij hebt gestuurd."), await seen(standing));
    assert.ok(!(await seen(standing)).includes("onbekende ondertekenaar"), await seen(standing));
    await expectNoAxeViolations(docent, "the docent's verify view with the signer's standing", ".verify-view");

    // The examinator's app knows neither key: valid, but flagged.
    const examinator = await newPage();
    verdict = await verifyRecord(examinator, recordFile);
    assert.match(await seen(verdict.locator(".signer-standing")),
      new RegExp(`Ondertekenaar bekend\\?: onbekende ondertekenaar · Vingerafdruk ${fingerprint}`));
    assert.ok(!(await seen(verdict.locator(".signer-standing"))).includes("uitgenodigd"));

    // 4. The examinator decides: LU1 behaald, LU2 niet behaald with a motivation, the rest left.
    await examinator.getByRole("button", { name: "Besluit vastleggen", exact: true }).click();
    await examinator.getByRole("heading", { name: "Besluit van de examinator" }).waitFor();
    const outcome = (id) => examinator.locator(`section.decide-outcome[data-outcome="${id}"]`);
    await outcome("LU1").getByRole("radio", { name: "behaald", exact: true }).check();
    await outcome("LU2").getByRole("radio", { name: "niet behaald", exact: true }).check();
    await outcome("LU2").getByLabel("Motivering (verplicht)").fill(MOTIVATION);
    await examinator.getByLabel("Jouw naam (examinator)").fill(EXAMINATOR);
    await examinator.getByRole("button", { name: "Besluit ondertekenen", exact: true }).click();
    const dialog = examinator.getByRole("alertdialog");
    assert.match(await seen(dialog), new RegExp(`${STUDENT} \\(${STUDENT_NUMBER}\\)`));
    const rest = outcomes.length - 2;
    assert.match(await seen(dialog), new RegExp(`1 behaald, 1 niet behaald, ${rest} niet beoordeeld`));
    const decisionFile = await download(examinator, () => dialog.getByRole("button", { name: "Ja, besluit ondertekenen" }).click());
    const decision = parseJsonStrict(decisionFile.text);
    assert.deepEqual(await verifyCredential(decision), { verified: true, error: null });
    assert.equal(decision.issuer.name, EXAMINATOR);
    assert.deepEqual(decision.credentialSubject.decision.record, { id: record.id, digestMultibase: digestMultibase(record) });
    const decided = decision.credentialSubject.decision.learningOutcomes;
    assert.deepEqual(decided.map((o) => o.learningOutcome), outcomes.map((o) => o.id));
    assert.deepEqual(decided.map((o) => o.result), ["achieved", "notAchieved", ...Array(rest).fill("notAssessed")]);
    assert.equal(decided[1].motivation, MOTIVATION);
    assert.deepEqual(decided[0].advice, { symbol: "++", value: 3 });
    assert.deepEqual(decided[1].advice, { symbol: "□", value: 1 });

    // 5. The cohort with the record and the decision, on the examinator's app.
    await examinator.getByRole("button", { name: "Cohortoverzicht", exact: true }).click();
    // The cohort view takes files once it has listed the cohort this browser kept.
    await examinator.waitForFunction(() => document.querySelector("#cohort-files")?.disabled === false);
    await examinator.setInputFiles("#cohort-files", [jsonFile(recordFile.name, recordFile.text), jsonFile(decisionFile.name, decisionFile.text)]);
    await examinator.locator(".cohort-status", { hasText: "1 record meegenomen" }).waitFor();
    const row = examinator.locator(`tr[data-record="${record.id}"]`);
    const shownDecisions = ["behaald", "niet behaald", ...Array(rest).fill("niet beoordeeld")];
    assert.deepEqual(await row.locator("td.cohort-decision").allInnerTexts(), shownDecisions);
    assert.equal(await row.locator("td.cohort-decided-by").innerText(), EXAMINATOR);
    assert.ok((await seen(row)).includes(`${ASSESSOR} (onbekende ondertekenaar)`), await seen(row));

    const csv = await download(examinator, () => examinator.getByRole("button", { name: /CSV/ }).first().click());
    const lines = csv.text.replace(/^\ufeff/, "").split("\r\n").filter((l) => l !== "");
    assert.equal(lines.length, 2, csv.text);
    const header = lines[0].split(";");
    const fields = lines[1].split(";");
    const at = (name) => {
      const index = header.indexOf(name);
      assert.notEqual(index, -1, `column ${name} in ${lines[0]}`);
      return fields[index];
    };
    assert.equal(at("Studentnummer"), STUDENT_NUMBER);
    assert.equal(at("Ondertekenaar"), `${ASSESSOR} (onbekende ondertekenaar)`);
    assert.deepEqual(outcomes.map((o) => at(`Besluit ${o.id}`)), shownDecisions);
    assert.equal(at("Besluit door"), EXAMINATOR);
    return `invitation ${invitation.id}, record ${record.id}, decision ${decision.id}: verified; standing and cohort checked`;
  }));
