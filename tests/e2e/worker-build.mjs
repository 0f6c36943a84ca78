// The verify workers' files of a build (scripts/name-worker), for the page tests that serve copies
// of the release build: which files they are, and another build whose worker differs.
import { readFile, writeFile, rm } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import assert from "node:assert/strict";

const here = dirname(fileURLToPath(import.meta.url));
const scripts = join(here, "../../scripts");

/** The meta element scripts/name-worker writes into hogeschool.html. */
export const LOADER_META = /<meta name="leeruitkomsten-verify-worker" content="([^"]*)">/;

/** The worker's three files in the build `dir`: `{ loader, glue, wasm }`, as the page names them. */
export async function workerFiles(dir) {
  const page = await readFile(join(dir, "hogeschool.html"), "utf8");
  const loader = page.match(LOADER_META)?.[1];
  assert.match(loader ?? "", /^verify-worker-[0-9a-f]{16}_loader\.js$/, "hogeschool.html names the workers' loader");
  const code = await readFile(join(dir, loader), "utf8");
  const glue = code.match(/"\.\/(verify-worker-[0-9a-f]{16}\.js)"/)?.[1];
  const wasm = code.match(/"\.\/(verify-worker-[0-9a-f]{16}_bg\.wasm)"/)?.[1];
  assert.ok(glue && wasm, `the loader names the glue and the wasm: ${code}`);
  return { loader, glue, wasm };
}

/**
 * Makes the copy of a build in `dir` another build whose worker's JS glue is `change(glue)`: the
 * worker's files are put back under the names trunk gives them, and scripts/name-worker and
 * scripts/write-sw run on them as in a build. Returns the new `workerFiles`.
 */
export async function rebuildWorker(dir, change) {
  const { loader, glue, wasm } = await workerFiles(dir);
  const code = await readFile(join(dir, loader), "utf8");
  await writeFile(join(dir, "verify-worker_loader.js"),
    code.replace(glue, "verify-worker.js").replace(wasm, "verify-worker_bg.wasm"));
  await writeFile(join(dir, "verify-worker.js"), change(await readFile(join(dir, glue), "utf8")));
  await writeFile(join(dir, "verify-worker_bg.wasm"), await readFile(join(dir, wasm)));
  for (const file of [loader, glue, wasm]) await rm(join(dir, file));
  const page = join(dir, "hogeschool.html");
  await writeFile(page, (await readFile(page, "utf8")).replace(LOADER_META, ""));
  const run = (script, ...args) =>
    execFileSync("bash", [join(scripts, script), dir, ...args], { stdio: ["ignore", "ignore", "inherit"] });
  run("name-worker", "hogeschool.html");
  run("write-sw");
  return workerFiles(dir);
}
