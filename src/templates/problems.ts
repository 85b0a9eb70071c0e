/**
 * A problem and where it is, in Danish: the path through the file as the user reads it (with the
 * scenario's and the parameter's name), the values a message quotes hidden when they hold
 * personal data, and the count that lists the first problems and counts the rest.
 */
import { findParameter } from "../engine/parameters";
import {
  CitizenIdScanner,
  isCprNumber,
  maskPersonalData,
  personalDataIn,
} from "../privacy/personalData";
import { TEMPLATE_LIMITS } from "./limits";
import { visibleText } from "./names";
import { COLUMN_FIELDS, COLUMN_LABELS, type ColumnField } from "./schema";

export interface TemplateProblem {
  /** Where in the file, in Danish ("Scenarie 2 «Basis» › parameter «Horisont» › værdi"); "" for the whole file. */
  where: string;
  /** What is wrong, in Danish. Never repeats personal data. */
  message: string;
}

export type TemplatePath = readonly (string | number)[];

const FIELD_NAMES: Readonly<Record<string, string>> = {
  format: "format",
  version: "version",
  municipality: "kommune",
  author: "forfatter",
  created: "dato",
  ruleSet: "regelsæt",
  columns: "kolonner",
  scenarios: "scenarier",
  parameters: "parametre",
  name: "navn",
  note: "note",
  id: "id",
  label: "betegnelse",
  unit: "enhed",
  value: "værdi",
  source: "kilde",
  range: "spænd",
  low: "lav",
  high: "høj",
};

export function at(raw: unknown, path: TemplatePath): unknown {
  let node = raw;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * A value a message quotes. It is marked, not shown: finishText decides how it appears (hidden
 * when it holds personal data, cut at 40 characters, invisible characters by their code), so
 * no path can echo a refused value by building its own text. `bare`: without «» (a field name).
 */
const OPEN = "\uE000";
const OPEN_BARE = "\uE001";
const CLOSE = "\uE002";
export const quoted = (s: string, bare = false) =>
  `${bare ? OPEN_BARE : OPEN}${s.replace(/[\uE000-\uE002]/g, "")}${CLOSE}`;
const QUOTED = /([\uE000\uE001])([^\uE002]*)\uE002/g;
const QUOTE_LENGTH = 40;

/** A number as a message may print it: 3112991234, or with thousands 3.112.991.234. */
const PRINTED_NUMBER = /\d{1,3}(?:[. \u00A0]\d{3})+(?!\d)|\d+/g;

/**
 * A message's text as the user sees it: quoted values finished (see quoted), then any CPR number
 * left in the text hidden, also one printed as an amount (a value the registry's message repeats).
 */
export function finishText(text: string, ids: CitizenIdScanner | undefined): string {
  const finished = text.replace(QUOTED, (_, open: string, value: string) => {
    const shown = personalDataIn(value, ids)
      ? "…"
      : visibleText(value.length > QUOTE_LENGTH ? `${value.slice(0, QUOTE_LENGTH)}…` : value);
    return open === OPEN ? `«${shown}»` : shown;
  });
  return maskPersonalData(finished, undefined, () => "…").text.replace(PRINTED_NUMBER, (n) =>
    isCprNumber(Number(n.replace(/\D/g, ""))) ? "…" : n
  );
}

export function finishProblem(
  p: TemplateProblem,
  ids: CitizenIdScanner | undefined
): TemplateProblem {
  const where = finishText(p.where, ids);
  return {
    where: where.charAt(0).toUpperCase() + where.slice(1),
    message: finishText(p.message, ids),
  };
}

/** A path as the user reads it, with the scenario's name and the parameter's name where known. */
function describePath(path: TemplatePath, raw: unknown): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if ((key === "scenarios" || key === "scenarier") && typeof next === "number") {
      const name = at(raw, [...path.slice(0, i + 2), key === "scenarios" ? "name" : "navn"]);
      parts.push(
        `Scenarie ${next + 1}${typeof name === "string" && name.trim() ? ` ${quoted(name)}` : ""}`
      );
      i++;
    } else if (key === "parameters" && typeof next === "number") {
      const id = at(raw, [...path.slice(0, i + 2), "id"]);
      const def = typeof id === "string" ? findParameter(id) : undefined;
      parts.push(def ? `parameter ${quoted(def.name)}` : `parameter nr. ${next + 1}`);
      i++;
    } else if (key === "parametre" && typeof next === "string") {
      parts.push(`parameter ${quoted(next)}`);
      i++;
    } else if ((key === "columns" || key === "kolonner") && typeof next === "string") {
      const field = (COLUMN_FIELDS as readonly string[]).includes(next)
        ? COLUMN_LABELS[next as ColumnField]
        : next;
      parts.push(`kolonne ${quoted(field)}`);
      i++;
    } else if (typeof key === "number") {
      parts.push(`nr. ${key + 1}`);
    } else {
      parts.push(FIELD_NAMES[key] ?? quoted(key, true));
    }
  }
  return parts.join(" › ");
}

export const problem = (raw: unknown, path: TemplatePath, message: string): TemplateProblem => ({
  where: describePath(path, raw),
  message,
});

/** The problems of one reading: the first TEMPLATE_LIMITS.listedProblems described, all counted. */
export class Problems {
  readonly listed: TemplateProblem[] = [];
  total = 0;

  /** `describe` runs only for a problem that is listed: describing one costs more than counting it. */
  add(describe: () => TemplateProblem): void {
    if (this.total++ < TEMPLATE_LIMITS.listedProblems) this.listed.push(describe());
  }

  refusal(): { ok: false; problems: TemplateProblem[]; total: number } {
    return { ok: false, problems: this.listed, total: this.total };
  }
}

/** A problem with the whole file (no path). */
export const whole = (message: string): TemplateProblem => ({ where: "", message });
