// The single-value changes of a signed document, for the tests that have a verifier refuse each
// one: every leaf of the JSON, changed so that the document stays well formed and the check that
// refuses it is the one that matters (a signature stays a well-formed signature).

/** Every leaf of a JSON value as a path of keys and indexes. */
export function leafPaths(value, path = []) {
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) =>
      leafPaths(child, [...path, Array.isArray(value) ? Number(key) : key]));
  }
  return [path];
}

/** A path as one reads it: `credentialSubject.trustedAssessors[0].name`. */
export const showPath = (path) => path.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("").slice(1);

/** `document` with the leaf at `path` changed: a string altered, a number +1, a boolean flipped, null made a text. */
export function changedAt(document, path) {
  const copy = structuredClone(document);
  const parent = path.slice(0, -1).reduce((v, key) => v[key], copy);
  const key = path.at(-1);
  const old = parent[key];
  if (typeof old === "string") {
    // A signature must stay a well-formed one, so that the check reached is the signature's.
    parent[key] = key === "proofValue" ? old.slice(0, 20) + (old[20] === "2" ? "3" : "2") + old.slice(21) : `${old}x`;
  } else if (typeof old === "number") {
    parent[key] = old + 1;
  } else if (typeof old === "boolean") {
    parent[key] = !old;
  } else if (old === null) {
    parent[key] = "x";
  } else {
    throw new Error(`unexpected leaf ${showPath(path)}`);
  }
  return copy;
}

/**
 * The single-value changes of `document`, one per path of `paths`, that each verifier accepts:
 * `{ name: [path as shown] }`, every list empty when all are refused. A verifier is an async
 * (changed document) => whether it accepts it.
 */
export async function acceptedChanges(document, paths, verifiers) {
  const accepted = Object.fromEntries(Object.keys(verifiers).map((name) => [name, []]));
  for (const path of paths) {
    const changed = changedAt(document, path);
    for (const [name, accepts] of Object.entries(verifiers)) {
      if (await accepts(changed)) accepted[name].push(showPath(path));
    }
  }
  return accepted;
}
