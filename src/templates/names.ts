/**
 * Names users give (a scenario, a municipality, an author): what may be in one, when two are the
 * same, and how a message shows one safely.
 *
 * A name may not hold characters that change how text shows without showing themselves: control
 * characters (line breaks, tabs), direction overrides and isolates (U+202A–U+202E, U+2066–U+2069,
 * which can make «Basis» read as another name), zero-width characters (U+200B–U+200D, U+2060,
 * U+FEFF) or the blank fillers of some scripts (U+3164 and kin); a name of spaces alone is none.
 * Two names are the same when their NFKC forms match under full case folding (upper then lower
 * case, so "STRASSE" and "straße" and a fullwidth "Ｂａｓｉｓ" and "basis" are one name) with runs
 * of white space as one space.
 */

/** Direction controls: embeddings, overrides, isolates and the invisible marks. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** Other invisible characters: zero-width, format characters, script fillers, the blank braille cell. */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/u;
const VISIBLE = /[^\s\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** The same rules as one pattern, for the published JSON Schema: no hidden character, one visible. */
export const NAME_PATTERN =
  /^[^\p{Cc}\p{Cf}\u2028\u2029\u115F\u1160\u3164\uFFA0\u2800]*[^\s\p{Cc}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800][^\p{Cc}\p{Cf}\u2028\u2029\u115F\u1160\u3164\uFFA0\u2800]*$/u;

export interface NameProblem {
  da: string;
  en: string;
}

/** Why a name cannot be used, or undefined when it can. */
export function nameProblem(name: string): NameProblem | undefined {
  if (CONTROL.test(name))
    return {
      da: "Navnet indeholder kontroltegn (fx linjeskift eller tabulator); skriv det på én linje",
      en: "The name holds control characters (such as a line break or a tab); write it on one line",
    };
  if (BIDI.test(name))
    return {
      da: "Navnet indeholder usynlige tegn, der vender tekstretningen (U+202A–U+202E, U+2066–U+2069); skriv navnet igen uden dem",
      en: "The name holds invisible characters that reverse the text direction (U+202A–U+202E, U+2066–U+2069); type the name again without them",
    };
  if (INVISIBLE.test(name))
    return {
      da: "Navnet indeholder usynlige tegn (fx et mellemrum uden bredde); skriv navnet igen uden dem",
      en: "The name holds invisible characters (such as a zero-width space); type the name again without them",
    };
  if (!VISIBLE.test(name))
    return {
      da: "Navnet består kun af mellemrum eller usynlige tegn",
      en: "The name consists of spaces or invisible characters only",
    };
  return undefined;
}

/** The form two names are compared in: NFKC, full case folding, one space for any run of white space. */
export function nameKey(name: string): string {
  return name
    .normalize("NFKC")
    .toUpperCase()
    .toLowerCase()
    .normalize("NFKC")
    .replace(/\s+/gu, " ")
    .trim();
}

export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);

/** Text for a message: control, direction and invisible characters shown as their code (U+202E). */
export function visibleText(text: string): string {
  return text.replace(
    /[\p{Cc}\p{Cf}\u2028\u2029\u115F\u1160\u3164\uFFA0\u2800]/gu,
    (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`
  );
}
