// Every hostile file of tests/bad-inputs fed to the page where such a file goes: the user gets the
// message catalogue.json states, the page keeps working, and the saved assessments and key are
// exactly as before. Markup in a record's texts is shown as text, never run.
// Run: scripts/test page bad-inputs
import { test, before, after } from "node:test";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { saved, startApp } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const folder = join(here, "../bad-inputs");
const { files } = JSON.parse(await readFile(join(folder, "catalogue.json"), "utf8"));
let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

function generated(recipe) {
  assert.equal(recipe, "twenty-megabytes");
  const bytes = Buffer.alloc(20 * 1024 * 1024, "a");
  bytes.write('{"type":"', 0);
  return Buffer.concat([bytes, Buffer.from('"}')]);
}

/** The message in `selector` once it says `expected`; else, after a while, whatever it says. */
async function messageOf(page, selector, expected) {
  try {
    await page.locator(selector, { hasText: expected }).waitFor({ timeout: 5000 });
  } catch {
    // Fall through: the assertion below reports what is shown instead.
  }
  return normalise((await page.locator(selector).first().textContent().catch(() => "")) ?? "");
}

const snapshot = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
const normalise = (text) => text.replace(/\s+/g, " ").trim();

test("every hostile record, key and backup file gives its message, and nothing saved changes", (t) => app.withPage(t, async (page) => {
  // Something worth keeping: an assessment with a score, and a key made by signing another.
  await page.locator('input[name="score-LU1.1"][value="good"]').check();
  // A record names the student and who signs it before it can be signed.
  await page.locator("#meta-student-number").fill("1234567");
  await page.locator("#meta-assessor-name").fill("Karim Haddou");
  await page.locator("#sign .sign-start").click();
  await Promise.all([page.waitForEvent("download"), page.locator(".sign-confirm-button").click()]);
  // The did:key waits behind "Technische gegevens"; the fingerprint shows that the key is there.
  await page.locator("#sign .key-fingerprint").first().waitFor();
  // And a draft open, under which keys can be imported.
  await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
  await page.getByRole("button", { name: "Nieuwe beoordeling" }).click();
  await page.locator('input[name="score-LU2.2"][value="high"]').check();
  await saved(page);
  const before = await snapshot(page);
  // The draft with that score is what is kept.
  assert.ok(JSON.parse(before).some(([key, value]) =>
    key.includes(":assessment:") && JSON.parse(value).assessment.outcomes.LU2?.scores["LU2.2"] === "high"));

  let checked = 0;
  for (const entry of files) {
    if (entry.kind === "framework") continue; // loaded from files only by the core for now; see bad_inputs.rs
    const name = entry.file ?? `${entry.generate}.json`;
    const buffer = entry.file ? await readFile(join(folder, entry.file)) : generated(entry.generate);
    const file = { name, mimeType: "application/json", buffer };
    let shown;
    if (entry.kind === "record") {
      await page.getByRole("button", { name: "Record controleren", exact: true }).click();
      await page.setInputFiles("#record-file", file);
      const verdict = page.locator(".verdict", { hasText: name });
      await verdict.waitFor();
      assert.ok(await verdict.evaluate((e) => e.classList.contains("is-invalid")), `${name} must be shown as not valid`);
      shown = normalise(await verdict.textContent());
      // The plain sentence first; the catalogue's message is then the folded-away detail.
      assert.equal(normalise(await verdict.locator(".verdict-sentence").textContent()), entry.plain, `${name}: the plain sentence`);
    } else if (entry.kind === "key") {
      await page.getByRole("button", { name: "Beoordelen", exact: true }).click();
      // The import waits behind "Ik heb al een sleutel", closed again each time the view returns.
      const haveOne = page.locator("#sign").getByRole("button", { name: "Ik heb al een sleutel", exact: true });
      if ((await haveOne.getAttribute("aria-expanded")) === "false") await haveOne.click();
      await page.setInputFiles("#key-import", file);
      shown = await messageOf(page, ".key-import-status[role=alert]", entry.message);
    } else if (entry.kind === "backup") {
      await page.getByRole("button", { name: "Beoordelingen", exact: true }).click();
      await page.setInputFiles("#backup-import", file);
      shown = await messageOf(page, ".library-message[role=alert]", entry.message);
    }
    assert.ok(shown.includes(entry.message), `${name}: the page says "${shown}", not "${entry.message}"`);
    assert.equal(await snapshot(page), before, `${name} changed what the browser keeps`);
    checked++;
  }
  // The page still works.
  await page.getByRole("button", { name: "Beoordelen", exact: true }).click();
  assert.equal(await page.locator('input[name="score-LU2.2"][value="high"]').isChecked(), true);
  return `${checked} files`;
}));

test("markup and script in a record's names and comments are shown as text and never run", (t) => app.withPage(t, async (page) => {
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  const name = "record-markup-in-texts.json";
  await page.setInputFiles("#record-file", { name, mimeType: "application/json", buffer: await readFile(join(folder, name)) });
  await page.locator(".record-view").waitFor();
  const payload = '<script>window.__owned=1</script><img src=x onerror="window.__owned=2">';
  const text = await page.locator(".record-view").textContent();
  assert.ok(text.includes(payload), "the payload is shown literally");
  assert.equal(await page.evaluate(() => window.__owned), undefined, "no payload ran");
  assert.equal(await page.locator('.record-view img, .record-view script').count(), 0, "no element was made from it");
}));

test("markup typed into the form stays text in the form, the signed record and the verify view", (t) => app.withPage(t, async (page) => {
  const payload = '<img src=x onerror="window.__owned=3"><b>vet</b>';
  await page.locator("#meta-student-name").fill(payload);
  await page.locator('li[id="indicator-LU2.1"] details.comment summary').click();
  await page.locator('textarea[id="comment-LU2.1"]').fill(payload);
  await page.locator('input[name="score-LU2.1"][value="high"]').check();
  await page.locator("#meta-student-number").fill("1234567");
  await page.locator("#meta-assessor-name").fill(payload);
  await page.locator("#sign .sign-start").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".sign-confirm-button").click()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  const record = Buffer.concat(chunks);
  assert.equal(JSON.parse(record.toString("utf8")).credentialSubject.name, payload);
  // The file is named after the student too, in letters, digits and hyphens only.
  assert.match(download.suggestedFilename(), /^beoordeling-1234567-img-src-x-onerror-window-owned-3-b-vet-b-\d{4}-\d{2}-\d{2}\.json$/);
  await page.getByRole("button", { name: "Record controleren", exact: true }).click();
  await page.setInputFiles("#record-file", { name: "met-opmaak.json", mimeType: "application/json", buffer: record });
  await page.locator(".verdict.is-valid").waitFor();
  assert.ok((await page.locator(".record-view").textContent()).includes(payload));
  assert.equal(await page.locator("img[src=x], .record-view b").count(), 0);
  assert.equal(await page.evaluate(() => window.__owned), undefined);
}));

