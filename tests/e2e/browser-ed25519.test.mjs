// The form's page signs with the browser's own Ed25519 (WebCrypto) instead of shipping curve
// arithmetic (README: Size). Ed25519 is deterministic, so the browser's signature must be the
// Rust signer's byte for byte: a known key is imported into the form, a record is signed with
// it, and its proofValue is compared with Node's Ed25519 over the record's hashData, which in
// turn signs the fixed message of tests/fixtures/ed25519-known-key.json exactly as the Rust
// signer does (a native test in src/core/crypto/data_integrity.rs holds the fixture to Rust).
// And in a browser without Ed25519 in WebCrypto, signing, importing a key and opening an
// invitation link say so plainly, and nothing is lost.
// Run: scripts/test page browser-ed25519
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createPrivateKey, sign as nodeSign } from "node:crypto";
import { download, reloadApp, startApp } from "./harness.mjs";
import { base58btc } from "./node-signer.mjs";
import { base58btcDecode, computeHashData, parseJsonStrict, verifyDataIntegrityProof } from "./independent-verify.mjs";

const FIXTURE = JSON.parse(await readFile(new URL("../fixtures/ed25519-known-key.json", import.meta.url), "utf8"));
const SEED = Buffer.from(FIXTURE.seed, "hex");
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const PRIVATE_KEY = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, SEED]), format: "der", type: "pkcs8" });

/** The fixture's key as the app's key file (what a backup holds). */
const KEY_FILE = JSON.stringify({
  type: "LeeruitkomstenSigningKey",
  version: "1",
  did: FIXTURE.did,
  secretKeyMultibase: `z${base58btc(Buffer.concat([Buffer.from([0x80, 0x26]), SEED]))}`,
  created: "2026-12-06T08:00:00Z",
});

/** Takes Ed25519 away from WebCrypto before the app starts, as in a browser that lacks it. */
async function withoutEd25519(page) {
  await page.addInitScript(() => {
    const subtle = globalThis.crypto.subtle;
    for (const name of ["importKey", "generateKey", "sign", "verify", "exportKey"]) {
      const original = subtle[name].bind(subtle);
      subtle[name] = (...args) => {
        const algorithm = name === "importKey" ? args[2] : name === "exportKey" ? args[1]?.algorithm : args[0];
        const algorithmName = typeof algorithm === "string" ? algorithm : algorithm?.name;
        if (algorithmName === "Ed25519") {
          return Promise.reject(new DOMException("Unrecognized name.", "NotSupportedError"));
        }
        return original(...args);
      };
    }
  });
}

let app;
before(async () => { app = await startApp(); });
after(() => app?.close());

async function importKeyFile(page, text) {
  const haveOne = page.locator("#sign .key-panel").getByRole("button", { name: "Ik heb al een sleutel", exact: true });
  if ((await haveOne.getAttribute("aria-expanded")) === "false") await haveOne.click();
  await page.setInputFiles("#key-import", { name: "sleutel.json", mimeType: "application/json", buffer: Buffer.from(text) });
}

async function scoreAndFill(page) {
  await page.locator('li[id="indicator-LU2.2"]').getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).check();
  await page.locator('input[id="meta-student-number"]').fill("1234567");
  await page.locator('input[id="meta-assessor-name"]').fill("Karim Haddou");
}

async function startSigning(page) {
  const sign = page.locator("#sign");
  await sign.locator(".sign-start").click();
  return sign.getByRole("alertdialog");
}

test("Node's Ed25519 signs the fixture's message as the Rust signer does (the fixture's signature)", () => {
  assert.equal(nodeSign(null, Buffer.from(FIXTURE.message, "hex"), PRIVATE_KEY).toString("hex"), FIXTURE.signature);
});

test("a record signed in the form with a known key carries, byte for byte, the signature Rust's and Node's Ed25519 make", (t) => app.withPage(t, async (page) => {
  await importKeyFile(page, KEY_FILE);
  await page.locator("#sign .key-panel").getByRole("status").filter({ hasText: "De sleutel is geïmporteerd." }).waitFor();
  // The browser derived the public key from the secret, and it is the file's did:key.
  await page.locator("#sign .key-panel .key-did").filter({ hasText: FIXTURE.did }).waitFor({ state: "attached" });

  await scoreAndFill(page);
  const dialog = await startSigning(page);
  const file = await download(page, () => dialog.locator(".sign-confirm-button").click());
  const record = parseJsonStrict(file.text);
  assert.equal(record.proof.verificationMethod, `${FIXTURE.did}#${FIXTURE.did.slice("did:key:".length)}`);
  const signature = base58btcDecode(record.proof.proofValue.slice(1));
  const expected = nodeSign(null, computeHashData(record), PRIVATE_KEY);
  assert.equal(Buffer.from(signature).toString("hex"), expected.toString("hex"));
  const verified = await verifyDataIntegrityProof(record);
  assert.equal(verified.verified, true, verified.reason);

  // The printed report checks the stored record again, with the browser's Ed25519.
  await reloadApp(page);
  await page.locator(".signature-block .signature-check").filter({ hasText: "Controle van de handtekening: geldig" }).waitFor({ state: "attached" });
}));

test("a key file whose secret does not give its did:key is refused by the browser's Ed25519", (t) => app.withPage(t, async (page) => {
  const other = JSON.parse(KEY_FILE);
  other.did = "did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw";
  await importKeyFile(page, JSON.stringify(other));
  await page.locator("#sign .key-panel").getByText("de geheime sleutel hoort niet bij de did:key", { exact: false }).waitFor();
  await page.locator("#sign .key-panel .key-none").waitFor();
}));

test("without Ed25519 in WebCrypto: signing says so and what to do, and the assessment stays stored, unsigned", async (t) => {
  const problems = [];
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  try {
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await withoutEd25519(page);
    await page.goto(app.form);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await scoreAndFill(page);
    const dialog = await startSigning(page);
    await dialog.locator(".sign-confirm-button").click();
    await page.locator("#sign").getByText("Deze browser kan niet ondertekenen: hij kent de handtekening Ed25519 niet.", { exact: false }).waitFor();
    assert.equal(await page.locator("#sign .download-record").count(), 0, "nothing was signed");
    assert.equal(await page.locator("#sign .key-panel .key-none").count(), 1, "no key was kept");

    // Importing a key file says the same instead of taking an unchecked key.
    await importKeyFile(page, KEY_FILE);
    await page.locator("#sign .key-panel").getByText("hij kent de handtekening Ed25519 niet", { exact: false }).waitFor();

    // Nothing is lost: after a reload the scores and details are there, still unsigned.
    await reloadApp(page);
    assert.equal(await page.locator('li[id="indicator-LU2.2"]').getByRole("radio", { name: "+ goed ontwikkeld", exact: true }).isChecked(), true);
    assert.equal(await page.locator('input[id="meta-student-number"]').inputValue(), "1234567");
    assert.equal(await page.locator("#sign .sign-start").count(), 1, "still to be signed");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
