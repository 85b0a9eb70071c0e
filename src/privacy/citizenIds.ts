/**
 * The workbook's own citizen ids, found in a text (scanText.ts's form) as whole words. Matched by
 * a token automaton built from the ids as data (Aho–Corasick over words and separators), never by
 * a regular expression made from them, so 200 000 ids or one id of 100 000 characters cost time
 * in proportion to their text.
 */
import { scanText } from "./scanText";

/** Words (runs of letters and digits) and the separators between them. */
const TOKENS = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu;
const WORD = /^[\p{L}\p{N}]/u;

const PLAIN_ID = /^[A-Za-z0-9]+$/;

/** An id as it is searched for: the scan's form, lower case, without punctuation at its ends. */
function idForm(id: string): string {
  return scanText(id)
    .text.toLowerCase()
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
 * A plain id (ASCII letters and digits) as it is searched for, in one pass without a pattern:
 * lower case, or "" when it is too short to search for (isSearchableId); undefined for any other
 * id. The stays' ids are mostly plain, and the council page reads 50 000 of them on the page.
 */
function plainWord(id: string): string | undefined {
  let letters = 0;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) letters++;
    else if (id.charCodeAt(i) < 0x30 || id.charCodeAt(i) > 0x39) return undefined;
  }
  if (id.length === 0) return undefined;
  return (letters > 0 ? id.length >= 4 : id.length >= 6) ? id.toLowerCase() : "";
}

/**
 * The ids, found in a text as whole words (the letters or digits around them end where the id
 * ends), ignoring case. A trie of the ids' tokens with failure links: each text token is one
 * step, so a text is scanned in time of its length, whatever the ids.
 */
export class CitizenIdScanner {
  /** Ids of one word (B00017, 0012345): most are; they need no automaton. */
  private readonly words = new Set<string>();
  /** Each node's children by token (leaves have none). Node 0 is the root. */
  private readonly next: (Map<string, number> | undefined)[] = [undefined];
  private readonly fail: number[] = [0];
  /** Per node: the tokens of the longest id that ends there (0: none). */
  private readonly ending: number[] = [0];

  constructor(ids: Iterable<string>) {
    const seen = new Set<string>();
    for (const raw of ids) {
      const plain = plainWord(raw);
      if (plain !== undefined) {
        if (plain) this.words.add(plain);
        continue;
      }
      // Stays repeat their citizen: each id read once.
      if (seen.has(raw)) continue;
      seen.add(raw);
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
          child = this.ending.length;
          children.set(token, child);
          this.next.push(undefined);
          this.fail.push(0);
          this.ending.push(0);
        }
        node = child;
      }
      this.ending[node] = tokens.length;
    }
    // Breadth first: a node's failure link is the longest proper token suffix that is a prefix.
    // The root's children fail to the root; only deeper nodes (ids of several tokens) need work.
    const queue = [...(this.next[0]?.values() ?? [])];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i];
      for (const [token, child] of this.next[node] ?? []) {
        this.fail[child] = this.step(this.fail[node], token);
        this.ending[child] ||= this.ending[this.fail[child]];
        queue.push(child);
      }
    }
  }

  get size(): number {
    return this.words.size + this.ending.length - 1;
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

  /** Where ids occur in a scan text as whole words: [start, end) in that text. */
  spans(text: string, first = false): [number, number][] {
    const found: [number, number][] = [];
    if (this.size === 0) return found;
    let node = 0;
    const starts: number[] = [];
    for (const m of text.matchAll(TOKENS)) {
      const token = m[0].toLowerCase();
      starts.push(m.index);
      const end = m.index + m[0].length;
      node = this.step(node, token);
      // A match ends on a word token; the next text token is a separator or the end (tokens are maximal).
      if (this.words.has(token)) found.push([m.index, end]);
      else if (this.ending[node] > 0 && WORD.test(token))
        found.push([starts[starts.length - this.ending[node]], end]);
      if (first && found.length > 0) break;
    }
    return found;
  }

  /** Whether any id occurs in `text` as a whole word. */
  has(text: string): boolean {
    return this.spans(scanText(text).text, true).length > 0;
  }
}
