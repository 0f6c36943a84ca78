// Digital Bazaar's verifier on record files, for bench/run's side-by-side with `verify-record`:
// jsonld-signatures' `verify` with the eddsa-jcs-2022 Data Integrity cryptosuite
// (@digitalbazaar/data-integrity, @digitalbazaar/eddsa-jcs-2022-cryptosuite) and the offline
// document loader of tests/e2e/vc-verifier.mjs. Files one after another, as its API is used.
//
//   node bench/db-verify.mjs FILE...   prints {"files":N,"verified":V,"ms":T} on stdout
//
// The npm packages come from scripts/setup.sh (ensure_vc_verifier), found through NODE_PATH.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { documentLoader } from "../tests/e2e/vc-verifier.mjs";

const require = createRequire(import.meta.url);
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);
const jsigsModule = await load("jsonld-signatures");
const jsigs = jsigsModule.default ?? jsigsModule;
const { DataIntegrityProof } = await load("@digitalbazaar/data-integrity");
const { createVerifyCryptosuite } = await load("@digitalbazaar/eddsa-jcs-2022-cryptosuite");

const files = process.argv.slice(2);
let verified = 0;
const errors = [];
const t0 = process.hrtime.bigint();
for (const file of files) {
  // Reading and parsing the file counts, as it does for verify-record.
  const document = JSON.parse(readFileSync(file, "utf8"));
  const suite = new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() });
  const result = await jsigs.verify(document, {
    suite,
    purpose: new jsigs.purposes.AssertionProofPurpose(),
    documentLoader,
  });
  if (result.verified) verified++;
  else if (errors.length < 3) errors.push(`${file}: ${result.error?.errors?.[0]?.message ?? result.error?.message}`);
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(`${JSON.stringify({ files: files.length, verified, ms, errors })}\n`);
