// A third-party check of records: Digital Bazaar's Verifiable Credential verifier
// (@digitalbazaar/vc with @digitalbazaar/data-integrity and @digitalbazaar/eddsa-jcs-2022-cryptosuite,
// did:key through @digitalbazaar/did-method-key) and the JSON-LD processor `jsonld` in safe mode.
// Neither shares code with the app. Nothing is fetched: the document loader serves the two contexts
// a record names from the repository (schemas/credentials-v2.jsonld, schemas/leeruitkomsten-v1.jsonld),
// resolves did:key from the key itself, and refuses every other URL.
//
//   import { verifyCredential, expandStrictly } from "./vc-verifier.mjs";
//   const { verified, error } = await verifyCredential(record);
//   const accepted = await verifierCoreAccepts(badge); // DCC @digitalcredentials/verifier-core
//
// The npm packages come from scripts/setup.sh (ensure_vc_verifier), found through NODE_PATH.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

/** Imports an npm package found through NODE_PATH (bare ES module imports ignore NODE_PATH). */
async function load(name) {
  let path;
  try {
    path = require.resolve(name);
  } catch (error) {
    throw new Error(
      `the npm package ${name} was not found: run scripts/setup.sh's ensure_vc_verifier (scripts/test verifier ` +
        `does) and put its node_modules on NODE_PATH: ${error.message}`,
    );
  }
  return import(pathToFileURL(path).href);
}

const vc = await load("@digitalbazaar/vc");
const { DataIntegrityProof } = await load("@digitalbazaar/data-integrity");
const { createVerifyCryptosuite } = await load("@digitalbazaar/eddsa-jcs-2022-cryptosuite");
const { cryptosuite: eddsaRdfc2022 } = await load("@digitalbazaar/eddsa-rdfc-2022-cryptosuite");
const { driver: didKeyDriver } = await load("@digitalbazaar/did-method-key");
const Ed25519Multikey = await load("@digitalbazaar/ed25519-multikey");
const jsonldModule = await load("jsonld");
const jsonld = jsonldModule.default ?? jsonldModule;

/** The contexts a record names, each from its file in the repository. */
export const CONTEXTS = new Map([
  // Copied from the W3C VC 2.0 context (w3c/vc-data-model, commit 979c4af1) as the shared vectors hold it.
  ["https://www.w3.org/ns/credentials/v2", "schemas/credentials-v2.jsonld"],
  // The app's own; never served anywhere.
  ["https://leeruitkomsten.example/ns/v1", "schemas/leeruitkomsten-v1.jsonld"],
]);
/** The Open Badges 3.0.3 context a deelcertificaat names beside VC 2.0 (1EdTech, as the shared vectors hold it). */
export const OB_CONTEXT = ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "schemas/ob-v3p0-context-3.0.3.json"];
const contextDocuments = new Map(
  [...CONTEXTS, OB_CONTEXT].map(([url, file]) => [url, JSON.parse(readFileSync(join(root, file), "utf8"))]),
);

const didKey = didKeyDriver();
didKey.use({ multibaseMultikeyHeader: "z6Mk", fromMultibase: Ed25519Multikey.from });

/** URLs the verifier asked for, to show that nothing else was wanted. */
export const requested = new Set();

/** DID documents of did:web issuers the loader serves (did -> did.json), as a verifier that
 * resolved them from the web would have them; nothing is fetched. */
export const didWebDocuments = new Map();

/** Serves the repository's contexts, did:key documents and the did:web documents given in
 * `didWebDocuments` (the document, or one verification method of it); refuses anything else. */
export async function documentLoader(url) {
  requested.add(url);
  if (contextDocuments.has(url)) {
    return { contextUrl: null, documentUrl: url, document: structuredClone(contextDocuments.get(url)) };
  }
  if (url.startsWith("did:key:")) {
    return { contextUrl: null, documentUrl: url, document: await didKey.get({ url }) };
  }
  if (url.startsWith("did:web:")) {
    const [did, fragment] = url.split("#");
    const document = didWebDocuments.get(did);
    if (!document) throw new Error(`no did.json given for ${did}`);
    if (fragment === undefined) return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
    const method = document.verificationMethod?.find((m) => m.id === url);
    if (!method) throw new Error(`${did}'s did.json has no verification method ${url}`);
    return {
      contextUrl: null,
      documentUrl: url,
      document: { "@context": "https://w3id.org/security/multikey/v1", ...structuredClone(method) },
    };
  }
  throw new Error(`not served offline: ${url}`);
}

/**
 * `verifyCredential` of @digitalbazaar/vc with the eddsa-jcs-2022 Data Integrity suite (or, with
 * `{ rdfc: true }`, eddsa-rdfc-2022, as Open Badges 3.0 requires). Returns { verified, error } with
 * the first error's message when it is not verified. `now` (an RFC 3339 time) is the moment
 * validFrom and validUntil are held to; the verifier's clock when absent.
 */
export async function verifyCredential(credential, { rdfc = false, now } = {}) {
  const suite = new DataIntegrityProof({ cryptosuite: rdfc ? eddsaRdfc2022 : createVerifyCryptosuite() });
  let result;
  try {
    const options = { credential: structuredClone(credential), suite, documentLoader };
    if (now !== undefined) options.now = new Date(now);
    result = await vc.verifyCredential(options);
  } catch (error) {
    return { verified: false, error: error.message };
  }
  const error = result.error?.errors?.[0] ?? result.error ?? result.results?.find((r) => !r.verified)?.error;
  return { verified: result.verified === true, error: error?.message ?? (result.verified ? null : "not verified") };
}

/**
 * Expands the credential with `jsonld` in safe mode, which throws on any term it would drop or
 * any relative IRI. Returns the expanded form.
 */
export async function expandStrictly(credential) {
  return jsonld.expand(structuredClone(credential), { documentLoader, safe: true });
}

/**
 * URLs the Digital Credentials Consortium's verifier asked to fetch. It fetches the 1EdTech JSON
 * Schema of an OpenBadgeCredential for an extra, advisory check; nothing may leave this machine,
 * so from its first use on every fetch of this process is refused and recorded here.
 */
export const refusedFetches = new Set();
/** Documents the DCC verifier may "fetch" (URL -> JSON), as a web server would serve them: a
 * did:web's did.json at the address the did:web spec derives. Nothing leaves this machine. */
export const servedUrls = new Map();
let verifierCore;

async function loadVerifierCore() {
  if (!verifierCore) {
    globalThis.fetch = async (url) => {
      const address = String(url instanceof Request ? url.url : url);
      if (servedUrls.has(address)) {
        return new Response(JSON.stringify(servedUrls.get(address)), { headers: { "content-type": "application/json" } });
      }
      refusedFetches.add(address);
      throw new Error(`not fetched offline: ${url}`);
    };
    verifierCore = await import(pathToFileURL(require.resolve("@digitalcredentials/verifier-core")).href);
  }
  return verifierCore;
}

/** Runs `run` with console output silenced: verifier-core logs every refused step. */
async function quietly(run) {
  const [log, error] = [console.log, console.error];
  console.log = console.error = () => {};
  try {
    return await run();
  } finally {
    [console.log, console.error] = [log, error];
  }
}

/**
 * The verdict of @digitalcredentials/verifier-core (its own bundled contexts and did:key, no DID
 * registry): true when it reports no errors and its signature and expiration steps are valid.
 */
export async function verifierCoreAccepts(credential) {
  const dcc = await loadVerifierCore();
  const result = await quietly(() => dcc.verifyCredential({ credential: structuredClone(credential), knownDIDRegistries: [] }));
  const step = (id) => result.log?.find((entry) => entry.id === id)?.valid;
  return !result.errors && step("valid_signature") === true && step("expiration") === true;
}

/** The vocabularies every property of an app credential expands into: the app's own, VC 2.0's and those it builds on. */
export const KNOWN_VOCABULARIES = ["https://leeruitkomsten.example/ns/v1#", "https://www.w3.org/2018/credentials#",
  "https://schema.org/", "https://w3id.org/security#", "http://purl.org/dc/terms/"];

/** Every property IRI in an expanded JSON-LD document. */
export function expandedProperties(expanded) {
  const properties = new Set();
  const walk = (value) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== "object") return;
    for (const [key, child] of Object.entries(value)) {
      if (!key.startsWith("@")) properties.add(key);
      walk(child);
    }
  };
  walk(expanded);
  return properties;
}
