/**
 * The personal-data scan of a template: CPR numbers however they are written, dates of birth,
 * and the workbook's own citizen ids. Text is read in one normal form first: compatibility
 * characters folded (NFKC: fullwidth digits are digits, a fullwidth hyphen a hyphen) and the
 * invisible characters that can hide inside a number removed (zero-width space, soft hyphen,
 * direction marks). The citizen ids are matched by a token automaton built from the ids as data
 * (Aho–Corasick over words and separators), never by a regular expression made from them, so
 * 200 000 ids or one id of 100 000 characters cost time in proportion to their text.
 */

/** Invisible characters that may sit inside a number or a word without showing (Unicode Cf and kin). */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;

/** A text as the scan reads it. */
export function scanForm(text: string): string {
  return text.normalize("NFKC").replace(INVISIBLE, "");
}

/** One separator a CPR number may be written with: hyphens and dashes, point, slash, underscore, space. */
const SEP = "[-‐‑‒–—―−./_\\s]";
/** ddmmåå-xxxx in any of its written forms (day, month and year may be separated too). */
const CPR_IN_TEXT = new RegExp(
  `(?<!\\d)(\\d{2})(${SEP}?)(\\d{2})(${SEP}?)(\\d{2})${SEP}?(\\d{4})(?!\\d)`,
  "gu"
);

/** A date close after a word for birth ("født", "fødselsdato", "DOB", …) or "f." right before it. */
const BIRTH_DATE_IN_TEXT = [
  /(?<!\p{L})(?:født|fødselsdato|fødselsdag|f\.\s?d\.|birth|born|dob|d\.o\.b\.)[^\d\n]{0,25}\d{1,4}\.?[-./ ]\s?(?:\d{1,2}|[a-zæøå]{3,9})\.?[-./ ]\s?\d{2,4}/iu,
  /(?<!\p{L})f\.\s?\d{1,2}\.?[-./ ]\s?(?:\d{1,2}|[a-zæøå]{3,9})\.?[-./ ]\s?\d{2,4}/iu,
];

const validDayMonth = (day: string, month: string) =>
  Number(day) >= 1 && Number(day) <= 31 && Number(month) >= 1 && Number(month) <= 12;

/**
 * Whether a text holds a CPR number: ten digits, or six and four with one separator, in a row
 * (as before: any such digits); or with the date's day, month and year separated too
 * (01.01.90-1234, 01 01 90 1234), when they make a day and a month.
 */
export function hasCprNumber(text: string): boolean {
  for (const m of scanForm(text).matchAll(CPR_IN_TEXT)) {
    const [, day, sep1, month, sep2] = m;
    if ((sep1 === "" && sep2 === "") || validDayMonth(day, month)) return true;
  }
  return false;
}

export function hasBirthDate(text: string): boolean {
  const t = scanForm(text);
  return BIRTH_DATE_IN_TEXT.some((p) => p.test(t));
}

/** A number that may be a CPR number that lost its leading zero in a number cell. */
export function isCprNumber(n: number): boolean {
  if (!Number.isInteger(n) || n < 1e8 || n >= 1e10) return false;
  const digits = String(n).padStart(10, "0");
  return validDayMonth(digits.slice(0, 2), digits.slice(2, 4));
}

/** Words (runs of letters and digits) and the separators between them. */
const TOKENS = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu;
const WORD = /^[\p{L}\p{N}]/u;

const PLAIN_ID = /^[A-Za-z0-9]+$/;

/** An id as it is searched for: the scan's form, lower case, without punctuation at its ends. */
function idForm(id: string): string {
  // Most ids are plain letters and digits (B00017): nothing to fold.
  if (PLAIN_ID.test(id)) return id.toLowerCase();
  return scanForm(id)
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

/**
 * Citizen ids worth searching a text for: four characters or more with a letter (B00017, K-1234),
 * or six digits or more. Shorter ids and short running numbers (1, 17, 2026) cannot be told apart
 * from the figures and years that notes and sources are full of.
 */
function isSearchableId(id: string): boolean {
  return /\p{L}/u.test(id) ? id.length >= 4 : /^\d{6,}$/.test(id);
}

/**
 * The workbook's citizen ids, found in a text as whole words (the letters or digits around them
 * end where the id ends), ignoring case. A trie of the ids' tokens with failure links: each text
 * token is one step, so a text is scanned in time of its length, whatever the ids.
 */
export class CitizenIdScanner {
  /** Ids of one word (B00017, 0012345): most are; they need no automaton. */
  private readonly words = new Set<string>();
  /** Each node's children by token (leaves have none). Node 0 is the root. */
  private readonly next: (Map<string, number> | undefined)[] = [undefined];
  private readonly fail: number[] = [0];
  private readonly terminal: boolean[] = [false];

  constructor(ids: Iterable<string>) {
    for (const raw of ids) {
      const id = idForm(raw);
      if (!isSearchableId(id)) continue;
      const tokens = PLAIN_ID.test(id) ? [id] : (id.match(TOKENS) ?? []);
      if (tokens.length === 1) {
        this.words.add(id);
        continue;
      }
      let node = 0;
      for (const token of tokens) {
        const children = (this.next[node] ??= new Map());
        let child = children.get(token);
        if (child === undefined) {
          child = this.terminal.length;
          children.set(token, child);
          this.next.push(undefined);
          this.fail.push(0);
          this.terminal.push(false);
        }
        node = child;
      }
      this.terminal[node] = true;
    }
    // Breadth first: a node's failure link is the longest proper token suffix that is a prefix.
    // The root's children fail to the root; only deeper nodes (ids of several tokens) need work.
    const queue = [...(this.next[0]?.values() ?? [])];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i];
      for (const [token, child] of this.next[node] ?? []) {
        this.fail[child] = this.step(this.fail[node], token);
        this.terminal[child] ||= this.terminal[this.fail[child]];
        queue.push(child);
      }
    }
  }

  get size(): number {
    return this.words.size + this.terminal.length - 1;
  }

  private step(from: number, token: string): number {
    let node = from;
    for (;;) {
      const next = this.next[node]?.get(token);
      if (next !== undefined) return next;
      if (node === 0) return 0;
      node = this.fail[node];
    }
  }

  /** Whether any id occurs in `text` as a whole word. */
  has(text: string): boolean {
    if (this.size === 0) return false;
    let node = 0;
    for (const token of scanForm(text).toLowerCase().match(TOKENS) ?? []) {
      if (this.words.has(token)) return true;
      node = this.step(node, token);
      // A match ends on a word token; the next text token is a separator or the end (tokens are maximal).
      if (this.terminal[node] && WORD.test(token)) return true;
    }
    return false;
  }
}

/** What kind of personal data a text holds, if any. */
export type PersonalKind = "cpr" | "birth" | "id";

export function personalDataIn(text: string, ids?: CitizenIdScanner): PersonalKind | undefined {
  if (hasCprNumber(text)) return "cpr";
  if (hasBirthDate(text)) return "birth";
  if (ids?.has(text)) return "id";
  return undefined;
}
