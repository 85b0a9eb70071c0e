/**
 * Limits a template meets before anything in it is interpreted: the file's size, how deep its
 * objects nest, how many scenarios and parameter entries it has, how long each text is, and how
 * many problems are described (the rest are counted).
 */

export const TEMPLATE_LIMITS = {
  /**
   * UTF-8 bytes of the file: 50 scenarios of every parameter with its label and sources take
   * about 1,2 MB, so 2 MB leaves room and still refuses what no template needs.
   */
  maxBytes: 2_000_000,
  /** Objects and arrays inside each other; the format itself needs 5. */
  maxDepth: 8,
  maxScenarios: 50,
  /**
   * Entries in one scenario's parameter list: each of the registry's parameters once needs
   * PARAMETERS.length; 100 leaves room for the registry to grow and for a duplicate to be named.
   */
  maxParameters: 100,
  /** Problems described in full; any more are counted ("… og 4.900 andre problemer"). */
  listedProblems: 100,
} as const;

/** Characters per text field. */
export const TEXT_LIMITS = {
  name: 100,
  header: 255,
  label: 300,
  source: 1000,
  note: 2000,
  version: 64,
} as const;

/** UTF-8 bytes of a text. */
export const byteLength = (s: string): number => new TextEncoder().encode(s).length;

/** The deepest nesting of objects and arrays in JSON text (brackets inside strings do not count). */
export function jsonDepth(json: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") max = Math.max(max, ++depth);
    else if (c === "}" || c === "]") depth--;
  }
  return max;
}

/** A size as messages write it: "2.000 kB". */
export const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1000).toLocaleString("da-DK")} kB`;
