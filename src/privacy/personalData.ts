/**
 * The personal-data guard: one reading of "this text holds personal data" for everything the
 * add-in writes or exports. The template refuses a file with any (src/templates/template.ts);
 * the council page and the comparison sheet mask it (PersonalDataGuard) and the pane says why;
 * a scenario is not saved under such a name (taskpane/scenarios/scenarioStore.ts).
 *
 * What it finds, in the text as scanText.ts reads it (any script's digits, encodings undone,
 * invisible characters gone): CPR numbers however they are written (cpr.ts), dates of birth (a
 * date after a word for birth), and, where the caller has them, the workbook's own citizen ids
 * (citizenIds.ts). No message built here repeats the value it found.
 */
import { CitizenIdScanner } from "./citizenIds";
import { cprSpans } from "./cpr";
import { originalSpan, scanText } from "./scanText";

export { CitizenIdScanner } from "./citizenIds";
export { isCprNumber } from "./cpr";

/** What kind of personal data a text holds. */
export type PersonalKind = "cpr" | "birth" | "id";

/** One find, as [start, end) of the original text. */
export interface PersonalHit {
  kind: PersonalKind;
  start: number;
  end: number;
}

/** A date close after a word for birth ("født", "fødselsdato", "DOB", …) or "f." right before it. */
const BIRTH_DATE_IN_TEXT = [
  /(?<!\p{L})(?:født|fødselsdato|fødselsdag|f\.\s?d\.|birth|born|dob|d\.o\.b\.)[^\d\n]{0,25}\d{1,4}\.?[-./ ]\s?(?:\d{1,2}|[a-zæøå]{3,9})\.?[-./ ]\s?\d{2,4}/giu,
  /(?<!\p{L})f\.\s?\d{1,2}\.?[-./ ]\s?(?:\d{1,2}|[a-zæøå]{3,9})\.?[-./ ]\s?\d{2,4}/giu,
];

/** Ten digits at least, or a word for birth, can be personal data; most texts have neither. */
const MAYBE_CPR = /[0-9]/;

function birthSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const pattern of BIRTH_DATE_IN_TEXT)
    for (const m of text.matchAll(pattern)) {
      // The date only: the word for birth stays readable.
      const date = m.index + m[0].search(/\d/);
      spans.push([date, m.index + m[0].length]);
    }
  return spans;
}

/** The finds in a scan text, as [start, end) of that text; `first`: stop at the first. */
function findsIn(
  text: string,
  ids: CitizenIdScanner | undefined,
  first: boolean
): { kind: PersonalKind; span: [number, number] }[] {
  const finds: { kind: PersonalKind; span: [number, number] }[] = [];
  const add = (kind: PersonalKind, spans: [number, number][]) => {
    for (const span of spans) finds.push({ kind, span });
    return first && finds.length > 0;
  };
  if (MAYBE_CPR.test(text) && (add("cpr", cprSpans(text)) || add("birth", birthSpans(text))))
    return finds;
  if (ids) add("id", ids.spans(text, first));
  return finds;
}

/** Every find in a text, in the original's positions (overlapping finds each). */
export function personalDataHits(text: string, ids?: CitizenIdScanner): PersonalHit[] {
  const finds = findsIn(scanText(text).text, ids, false);
  if (finds.length === 0) return [];
  // The same scan text again, now with where each character came from.
  const mapped = scanText(text, true);
  return finds.map(({ kind, span }) => {
    const [start, end] = originalSpan(mapped, span[0], span[1]);
    return { kind, start, end };
  });
}

/** The first kind of personal data a text holds (a CPR number before a date of birth before an id), if any. */
export function personalDataIn(text: string, ids?: CitizenIdScanner): PersonalKind | undefined {
  return findsIn(scanText(text).text, ids, true)[0]?.kind;
}

export const hasCprNumber = (text: string): boolean => personalDataIn(text) === "cpr";

export function hasBirthDate(text: string): boolean {
  return birthSpans(scanText(text).text).length > 0;
}

/** How a find is shown instead of the value: a CPR number as XXXXXX-XXXX. */
export const MASKS: Readonly<Record<PersonalKind, string>> = {
  cpr: "XXXXXX-XXXX",
  birth: "XX.XX.XXXX",
  id: "XXXX",
};

/**
 * The text with every find replaced (by MASKS, or by `replacement`), and the kinds found.
 * Overlapping finds are masked as one, with the mask of the first.
 */
export function maskPersonalData(
  text: string,
  ids?: CitizenIdScanner,
  replacement: (kind: PersonalKind) => string = (kind) => MASKS[kind]
): { text: string; found: PersonalKind[] } {
  const hits = personalDataHits(text, ids).sort((a, b) => a.start - b.start || b.end - a.end);
  if (hits.length === 0) return { text, found: [] };
  let out = "";
  let last = 0;
  for (const hit of hits) {
    if (hit.start < last) {
      last = Math.max(last, hit.end);
      continue;
    }
    out += text.slice(last, hit.start) + replacement(hit.kind);
    last = hit.end;
  }
  return { text: out + text.slice(last), found: [...new Set(hits.map((h) => h.kind))] };
}

/**
 * What a writer of a sheet uses: every text it writes goes through `cell`, which masks personal
 * data and remembers what it found, so the pane can say why the sheet shows XXXXXX-XXXX.
 */
export class PersonalDataGuard {
  private readonly ids: CitizenIdScanner | undefined;
  readonly found = new Set<PersonalKind>();

  /** `citizenIds`: the workbook's own ids (the stays'), masked too. */
  constructor(citizenIds?: Iterable<string>) {
    this.ids = citizenIds ? new CitizenIdScanner(citizenIds) : undefined;
  }

  /** A text masked; any other value as it is. */
  cell<T>(value: T): T {
    if (typeof value !== "string") return value;
    const masked = maskPersonalData(value, this.ids);
    for (const kind of masked.found) this.found.add(kind);
    return masked.text as T;
  }

  /** The kinds found so far, in a fixed order (the pane's notice). */
  get kinds(): PersonalKind[] {
    return (["cpr", "birth", "id"] as const).filter((k) => this.found.has(k));
  }
}

const KIND_TEXT: Readonly<Record<PersonalKind, { da: string; en: string }>> = {
  cpr: { da: "et CPR-nummer", en: "a CPR number" },
  birth: { da: "en fødselsdato", en: "a date of birth" },
  id: { da: "et borger-id fra opholdene", en: "a citizen id from the stays" },
};

/** Why a scenario name is refused: what it looks like, never the value. */
export function personalNameProblem(kind: PersonalKind): { da: string; en: string } {
  return {
    da: `Navnet indeholder noget, der ligner ${KIND_TEXT[kind].da}. Et scenarienavn står på arkene og i delte skabeloner, så det må ikke indeholde personoplysninger.`,
    en: `The name holds something that looks like ${KIND_TEXT[kind].en}. A scenario's name is shown on the sheets and in shared templates, so it must not hold personal data.`,
  };
}

/** Why a sheet shows masks: what kinds, where they came from, what to do. Never the values. */
export function maskedNotice(kinds: readonly PersonalKind[]): { da: string; en: string } {
  const list = (lang: "da" | "en") => {
    const words = kinds.map((k) => KIND_TEXT[k][lang]);
    const and = lang === "da" ? " og " : " and ";
    return words.length > 1 ? `${words.slice(0, -1).join(", ")}${and}${words.at(-1)}` : words[0];
  };
  const masks = [...new Set(kinds.map((k) => MASKS[k]))].join(", ");
  return {
    da: `En tekst fra arket Scenarier (et scenarienavn, en note eller en kilde) indeholdt noget, der ligner ${list("da")}. Personoplysninger skrives ikke på arket; de står som ${masks}. Ret teksten på arket Scenarier.`,
    en: `A text from the Scenarier sheet (a scenario name, a note or a source) held something that looks like ${list("en")}. Personal data is not written to the sheet; it shows as ${masks}. Correct the text on the Scenarier sheet.`,
  };
}
