/**
 * Reading the Scenarier sheet back, as far as it can be read. A user may rename a label
 * ("Horisont" to "Horisont (år)"), duplicate or insert a row, or clear a name: the sheet is then
 * not the layout the add-in wrote, but its values, ranges and saved scenarios are still there,
 * and a rewrite that forgot them would lose the user's work (issue 25). So the sheet is read
 * loosely: a parameter by its label in column A, compared without case, spaces, punctuation or a
 * unit in parentheses at the end, in Danish, as its English alias or its id; the first of two
 * rows of one parameter is kept; a saved scenario by its column. Everything that differs from the
 * layout is a problem, in Danish and English, marked when a repair (a rewrite of the layout from
 * this reading) would leave something out. A sheet with no problem is the add-in's own layout
 * (or an earlier one: fewer parameters, no low–high columns) and reads exactly as before.
 */
import {
  PARAMETERS,
  defaultCell,
  findParameter,
  formatParameterValue,
  type ParameterDef,
  type ParameterId,
} from "../../engine/parameters";
import { sameName } from "../../templates/names";
import { PROJECTION_COLUMNS } from "../../functions/scenarioFunctions";
import { columnLetters, type CellBlock, type CellValue } from "../../workbook/workbook";
import {
  EARLIER_SAVED_COLUMN,
  LAYOUT,
  PARAMETER_HEADER,
  parseStaysRef,
  rangeCells,
  type NamedScenario,
  type ParameterCells,
  type ParameterRangeCells,
  type ScenarioModel,
} from "./scenarioSheet";
import { SCENARIO_TEXTS } from "./scenarioTexts";

/** Something on the sheet that is not the layout, in the pane's two languages. */
export interface SheetProblem {
  message: string;
  en: string;
  /** A repair leaves out something the sheet holds (a second row, a row it cannot place). */
  drops: boolean;
}

export interface SheetReading {
  /** What could be read: the values, ranges and saved scenarios found, defaults for the rest. */
  model: ScenarioModel;
  /** The first PROBLEMS_LISTED problems; none when the sheet is the add-in's layout. */
  problems: SheetProblem[];
  /** Problems beyond the ones listed. */
  unlisted: number;
  /** Whether a repair would leave out anything the sheet holds (then the pane asks first). */
  drops: boolean;
}

/** At most this many problems are kept: a sheet of junk rows must not become a list of thousands. */
export const PROBLEMS_LISTED = 100;

/**
 * A label as the loose comparison sees it: Unicode-normalised, lower case, without a unit or
 * remark in brackets at the end, without spaces and punctuation ("Horisont (år)" -> "horisont",
 * "BOSTØTTE PR. ÅR:" -> "bostøtteprår").
 */
export function looseLabel(text: string): string {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase("da")
    .replace(/\s*[([][^()[\]]*[)\]]\s*$/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const LOOSE = new Map<string, ParameterDef>();
for (const p of PARAMETERS) for (const n of [p.name, p.alias, p.id]) LOOSE.set(looseLabel(n), p);

/** The parameter a label means, compared loosely; undefined when it names none. */
export function looseParameter(label: CellValue): ParameterDef | undefined {
  if (typeof label !== "string" || label.trim() === "") return undefined;
  return findParameter(label) ?? LOOSE.get(looseLabel(label));
}

const isBlank = (v: CellValue | undefined) =>
  v === "" || v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const sameLoose = (v: CellValue, ...labels: string[]) =>
  typeof v === "string" && labels.some((l) => looseLabel(v) === looseLabel(l));

/** The part two texts of one template share from their start (the words before the blanks). */
function commonStart(a: string, b: string): string {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}

/**
 * The starts of the lines below the parameter table, in both sheet languages: the notes on the
 * output (SCENARIO_TEXTS rowsNote, wholePersons), the note on the formula, the output's header.
 */
const TABLE_ENDS = (["da", "en"] as const).flatMap((language) => {
  const t = SCENARIO_TEXTS[language];
  return [
    commonStart(t.rowsNote("A", 1), t.rowsNote("B", 2)),
    t.wholePersons,
    commonStart(t.formulaNote("A1", "x"), t.formulaNote("B2", "y")),
    t.noStays,
  ];
});

/**
 * Where the notes on the output, the formula's note or the output's header begin: the parameter
 * table has ended. Anything else in column A above it (a number too) is a row of the table, read
 * or named as a problem.
 */
const endsTable = (v: CellValue) =>
  typeof v === "string" &&
  (TABLE_ENDS.some((start) => v.trim().startsWith(start)) ||
    [PROJECTION_COLUMNS[0].da, PROJECTION_COLUMNS[0].en].some((year) => year === v.trim()));

/** A sheet row as users number it, a column as letters. */
const rowName = (row: number) => String(row + 1);
const shown = (v: CellValue) => `«${String(v).trim()}»`;

/**
 * Reads the Scenarier sheet (a used range from A1's side) with the stays reference the add-in
 * stored with it; never fails: what cannot be read takes its default, and says so.
 */
export function readScenarioSheetLoosely(block: CellBlock, storedStays?: string): SheetReading {
  const at = (row: number, col: number): CellValue =>
    block.values[row - block.top]?.[col - block.left] ?? "";
  const bottom = block.top + block.values.length - 1;
  const right = block.left + Math.max(0, ...block.values.map((r) => r.length)) - 1;
  const problems: SheetProblem[] = [];
  let unlisted = 0;
  let drops = false;
  const problem = (message: string, en: string, dropsSomething = false) => {
    drops ||= dropsSomething;
    if (problems.length < PROBLEMS_LISTED) problems.push({ message, en, drops: dropsSomething });
    else unlisted++;
  };

  // The header row: "Parameter" in column A, where the layout has it or the first one found.
  let header: number = LAYOUT.headerRow;
  if (at(header, 0) !== PARAMETER_HEADER[0]) {
    let found: number | undefined;
    for (let r = block.top; r <= bottom && found === undefined; r++)
      if (sameLoose(at(r, 0), "Parameter") && !endsTable(at(r, 0))) found = r;
    if (found === undefined)
      problem(
        "Overskriften «Parameter» i kolonne A mangler; parametrene er fundet ud fra deres navne",
        "The heading «Parameter» in column A is missing; the parameters are found by their names"
      );
    else {
      header = found;
      if (at(found, 0) !== PARAMETER_HEADER[0])
        problem(
          `Række ${rowName(found)}: ${shown(at(found, 0))} er læst som overskriften «Parameter»`,
          `Row ${rowName(found)}: ${shown(at(found, 0))} is read as the heading «Parameter»`
        );
    }
  }

  // The parameter rows, by their labels, down to the formula's note or output.
  const rowOf = new Map<ParameterId, number>();
  const blankRows: number[] = [];
  for (let r = header + 1; r <= bottom; r++) {
    const label = at(r, 0);
    if (endsTable(label)) break;
    if (isBlank(label)) {
      blankRows.push(r);
      continue;
    }
    const def = looseParameter(label);
    if (!def) {
      problem(
        `Række ${rowName(r)}: ${shown(label)} er ikke en parameter; rækken udelades ved reparationen`,
        `Row ${rowName(r)}: ${shown(label)} is not a parameter; the repair leaves the row out`,
        true
      );
      continue;
    }
    const first = rowOf.get(def.id);
    if (first !== undefined) {
      problem(
        `«${def.name}» står to gange (række ${rowName(first)} og ${rowName(r)}); den første er læst, og den anden udelades ved reparationen`,
        `«${def.name}» is there twice (rows ${rowName(first)} and ${rowName(r)}); the first is read, and the repair leaves the second out`,
        true
      );
      continue;
    }
    rowOf.set(def.id, r);
    if (label !== def.name)
      problem(
        `Række ${rowName(r)}: ${shown(label)} er læst som «${def.name}»`,
        `Row ${rowName(r)}: ${shown(label)} is read as «${def.name}» (${def.alias})`
      );
  }
  // A row whose label was cleared, in its place in the layout, is the parameter of that place.
  PARAMETERS.forEach((p, i) => {
    const r = header + 1 + i;
    if (rowOf.has(p.id) || !blankRows.includes(r) || !hasValues(r)) return;
    rowOf.set(p.id, r);
    problem(
      `Række ${rowName(r)} har intet navn; den er læst som «${p.name}» ud fra sin plads`,
      `Row ${rowName(r)} has no name; it is read as «${p.name}» (${p.alias}) from its place`
    );
  });
  function hasValues(r: number): boolean {
    for (let c = 1; c <= right; c++) if (!isBlank(at(r, c))) return true;
    return false;
  }

  if (rowOf.size === 0)
    problem(
      "Arket har ingen parametre, der kan læses; en reparation skriver standardværdierne",
      "The sheet has no parameters that can be read; a repair writes the defaults",
      block.values.some((row) => row.some((v) => !isBlank(v)))
    );
  else
    for (const p of PARAMETERS)
      if (!rowOf.has(p.id) && !p.optional)
        problem(
          `«${p.name}» mangler i arket; ${defaultText(p)}`,
          `«${p.name}» (${p.alias}) is missing from the sheet; ${defaultText(p, "en")}`
        );
  // In the layout, the parameters stand in the registry's order from the first parameter row
  // (an earlier layout lacks some optional ones): the meeting mode writes to those cells.
  const present = PARAMETERS.filter((p) => rowOf.has(p.id));
  const moved = present.find((p, k) => rowOf.get(p.id) !== LAYOUT.firstParameterRow + k);
  if (moved)
    problem(
      `Rækkerne er flyttet: «${moved.name}» står i række ${rowName(rowOf.get(moved.id)!)}, men hører til i række ${rowName(LAYOUT.firstParameterRow + present.indexOf(moved))}`,
      `The rows have moved: «${moved.name}» is in row ${rowName(rowOf.get(moved.id)!)} but belongs in row ${rowName(LAYOUT.firstParameterRow + present.indexOf(moved))}`
    );

  // Low and high in columns C and D, the range's source in H; a sheet written before the ranges
  // has the unit in column C and its saved scenarios from column G.
  const low = at(header, LAYOUT.lowColumn);
  const earlier = low === "Enhed";
  const lowHeaders = [SCENARIO_TEXTS.da.header[2], SCENARIO_TEXTS.en.header[2]];
  if (!earlier && !lowHeaders.includes(String(low)) && rowOf.size > 0)
    problem(
      `Overskriften i kolonne C er ${shown(at(header, LAYOUT.lowColumn) || "(tom)")}; kolonnen er læst som «Lav»`,
      `The heading in column C is ${shown(at(header, LAYOUT.lowColumn) || "(blank)")}; the column is read as «Lav» (low)`
    );
  const registry = rangeCells();
  const ranges: ParameterRangeCells = Object.fromEntries(
    PARAMETERS.flatMap((p) => {
      const r = rowOf.get(p.id);
      if (earlier || r === undefined) return p.range ? [[p.id, registry[p.id]]] : [];
      // A range typed for the base year (it has none) is read, so the pane can say so.
      if (!p.range && isBlank(at(r, LAYOUT.lowColumn)) && isBlank(at(r, LAYOUT.highColumn)))
        return [];
      const cell = (c: number) => (at(r, c) === null ? "" : at(r, c));
      return [
        [
          p.id,
          {
            low: cell(LAYOUT.lowColumn),
            high: cell(LAYOUT.highColumn),
            source: cell(LAYOUT.rangeSourceColumn),
          },
        ],
      ];
    })
  );
  const valuesIn = (col: number): ParameterCells =>
    Object.fromEntries(
      PARAMETERS.map((p) => {
        const r = rowOf.get(p.id);
        return [p.id, r === undefined ? defaultCell(p) : at(r, col)];
      })
    ) as ParameterCells;

  const saved = rowOf.size === 0 ? [] : readSaved();
  function readSaved(): NamedScenario[] {
    const wanted = earlier ? EARLIER_SAVED_COLUMN : LAYOUT.savedColumn;
    let savedColumn = wanted;
    for (let c = LAYOUT.lowColumn; c <= right && !sameLoose(at(header, wanted), "Parameter"); c++)
      if (sameLoose(at(header, c), "Parameter")) {
        savedColumn = c;
        break;
      }
    const out: (NamedScenario & { column: string })[] = [];
    for (let c = savedColumn + 1; c <= right; c++) {
      const name = at(header, c);
      const column = columnLetters(c);
      if (isBlank(name)) {
        if (![...rowOf.values()].some((r) => !isBlank(at(r, c)))) continue;
        const named = `Uden navn (kolonne ${column})`;
        problem(
          `Et gemt scenarie i kolonne ${column} har intet navn; det er læst som «${named}»`,
          `A saved scenario in column ${column} has no name; it is read as «${named}»`
        );
        out.push({ name: named, values: valuesIn(c), column });
        continue;
      }
      const text = typeof name === "string" ? name : String(name);
      const twin = out.find((s) => sameName(s.name, text));
      if (twin) {
        problem(
          `Det gemte scenarie «${text.trim()}» står to gange (kolonne ${twin.column} og ${column}); det første er læst, og det andet udelades ved reparationen`,
          `The saved scenario «${text.trim()}» is there twice (columns ${twin.column} and ${column}); the first is read, and the repair leaves the second out`,
          true
        );
        continue;
      }
      out.push({ name: text, values: valuesIn(c), column });
    }
    return out.map(({ name, values }) => ({ name, values }));
  }

  let active = at(LAYOUT.activeRow, 1);
  const activeLabels = [SCENARIO_TEXTS.da.active, SCENARIO_TEXTS.en.active];
  if (!activeLabels.includes(String(at(LAYOUT.activeRow, 0)))) {
    let found: number | undefined;
    for (let r = block.top; r < header && found === undefined; r++)
      if (sameLoose(at(r, 0), ...activeLabels)) found = r;
    active = found === undefined ? "" : at(found, 1);
    problem(
      found === undefined
        ? "Rækken «Aktivt scenarie» mangler; værdierne i kolonne B er læst som ikke gemt"
        : `Rækken «Aktivt scenarie» står i række ${rowName(found)}, men hører til i række ${rowName(LAYOUT.activeRow)}`,
      found === undefined
        ? "The row «Aktivt scenarie» (active scenario) is missing; the values in column B are read as not saved"
        : `The row «Aktivt scenarie» (active scenario) is in row ${rowName(found)} but belongs in row ${rowName(LAYOUT.activeRow)}`
    );
  }
  return {
    model: {
      stays: parseStaysRef(storedStays),
      // No name: the values are not a saved scenario (its scenario was deleted).
      active: {
        name: typeof active === "string" ? active.trim() : String(active ?? ""),
        values: valuesIn(1),
      },
      saved,
      ranges,
    },
    problems,
    unlisted,
    drops,
  };
}

/** What stands in for a parameter the sheet lacks, as a problem says it. */
function defaultText(p: ParameterDef, language: "da" | "en" = "da"): string {
  const value = defaultCell(p);
  const text = typeof value === "number" ? formatParameterValue(p, value, language) : String(value);
  return language === "da"
    ? `standardværdien (${text === "" ? "tom" : text}) er brugt`
    : `the default (${text === "" ? "blank" : text}) is used`;
}

/**
 * The sheet's model when it is exactly the add-in's layout (or an earlier one), else undefined:
 * a sheet with problems is repaired before anything else writes to it.
 */
export function readScenarioSheet(
  block: CellBlock,
  storedStays?: string
): ScenarioModel | undefined {
  const reading = readScenarioSheetLoosely(block, storedStays);
  return reading.problems.length === 0 ? reading.model : undefined;
}
