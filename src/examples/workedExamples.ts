/**
 * The sheet «Eksempler»: SPEC section 3's worked examples and the functions' documented ones as
 * formulas Excel computes (`=${FUNCTIONS_NAMESPACE}.REFUSIONDAYS110(B4,C4,D4)`), each beside the number it must give
 * and a check cell that says TRUE (SAND in Danish Excel) when it does. The expected numbers are
 * the published ones, typed here, never computed: a check that compared the engine with itself
 * could not fail. Excel's own NPV example (NPV(10%, -10000, 3000, 4200, 6800) = 1 188,44,
 * https://support.microsoft.com/office/npv-function-8672cb67-2576-4d07-b67b-ac28acf2a568)
 * stands beside DK.HOUSINGFIRSTNPV.
 *
 * Formulas are in the invariant syntax Office.js's Range.formulas takes (commas, English
 * function names); Danish Excel shows them with semicolons and AFRUND/NUTIDSVÆRDI.
 */
import { FUNCTIONS_NAMESPACE } from "../functions/namespace";
import { d } from "../engine/calendar";
import {
  a1,
  type CellValue,
  type SheetCell,
  type SheetSection,
  type SheetSpec,
} from "../workbook/workbook";
import { EXAMPLE_SHEETS } from "./names";

export const DATE = "dd-mm-yyyy";
export const KR = '#,##0.00 "kr."';
const AMOUNT = "#,##0.00";

/** A row of cells from column A; a date is written as its serial with the date format. */
type Cell = CellValue | { date: string } | { formula: string; format?: string };

/** The sheet as it is built: sections from the top, each block below the last. */
class Builder {
  readonly sections: SheetSection[] = [];
  readonly cells: SheetCell[] = [];
  /** A1 of the check cells, in order. */
  readonly checks: string[] = [];
  row = 0;

  title(text: string): void {
    this.sections.push({ at: a1(this.row, 0), values: [[text]], boldRows: [0], fit: false });
    this.row++;
  }

  note(text: string): void {
    this.sections.push({ at: a1(this.row, 0), values: [[text]], fit: false });
    this.row++;
  }

  /** A header row and data rows that size the columns; returns the 0-based row of the first data row. */
  table(header: string[], rows: Cell[][]): number {
    const top = this.row;
    const values: CellValue[][] = [header];
    rows.forEach((cells, r) => {
      values.push(
        cells.map((cell, c) => {
          const at = a1(top + 1 + r, c);
          if (cell === null || typeof cell !== "object") return cell;
          if ("date" in cell) {
            this.cells.push({ at, numberFormat: DATE });
            return d(cell.date);
          }
          this.cells.push({
            at,
            formula: cell.formula,
            ...(cell.format !== undefined && { numberFormat: cell.format }),
          });
          return "";
        })
      );
    });
    this.sections.push({ at: a1(top, 0), values, boldRows: [0] });
    this.row += values.length + 1;
    return top + 1;
  }

  /** A check cell: `=left=right`, after the formulas it reads (the demo evaluates in this order). */
  check(at: string, formula: string): void {
    this.checks.push(at);
    this.cells.push({ at, formula });
  }

  format(at: string, numberFormat: string): void {
    this.cells.push({ at, numberFormat });
  }
}

const CHECK = "Kontrol";

/** SPEC section 3: rate 1 000 kr. a day, no self-payment, rule set NY; expected refundable days. */
const CASES: { name: string; stays: [string, string][]; days: number[] }[] = [
  { name: "Et langt ophold i indfasningen", stays: [["2024-01-01", "2024-12-31"]], days: [120] },
  { name: "Et år under 90-dagesreglen", stays: [["2026-05-01", "2027-05-01"]], days: [90] },
  {
    name: "Genindskrivning i vinduet",
    stays: [
      ["2026-06-01", "2026-08-30"],
      ["2026-09-19", "2026-09-29"],
    ],
    days: [90, 0],
  },
  {
    name: "Vinduet starter forfra under et ophold",
    stays: [["2026-05-01", "2027-08-01"]],
    days: [180],
  },
  { name: "Ophold samme dag", stays: [["2026-05-01", "2026-05-01"]], days: [1] },
];

/** Excel's NPV example as costs and savings by year. */
const YEARS = [
  [1, 10000, 0],
  [2, 0, 3000],
  [3, 0, 4200],
  [4, 0, 6800],
];

/** The «Eksempler» sheet, and the A1 of its check cells. */
export function workedExamples(): { spec: SheetSpec; checks: string[] } {
  const b = new Builder();
  b.title("Regneeksempler: takst 1 000 kr. pr. døgn, ingen egenbetaling, regelsæt NY");
  b.note(
    `Kolonnen «${CHECK}» viser SAND (engelsk Excel: TRUE), når formlen giver det forventede tal. Viser en formel #NAVN? (#NAME?), så er tilføjelsesprogrammets funktioner ikke indlæst: åbn opgaveruden og indsæt eksemplerne igen.`
  );
  const headers = [
    "Tilfælde",
    "Borger",
    "Indskrivning",
    "Udskrivning",
    "Takst",
    "Refusionsdøgn",
    "Forventet",
    "Refusion (kr.)",
    CHECK,
  ];
  const first = b.row + 1;
  const caseRows: Cell[][] = [];
  const blocks: [number, number][] = [];
  for (const c of CASES) {
    const top = first + caseRows.length;
    c.stays.forEach(([admission, discharge], i) =>
      caseRows.push([
        i === 0 ? c.name : "",
        "A",
        { date: admission },
        { date: discharge },
        1000,
        "",
        c.days[i],
      ])
    );
    blocks.push([top, first + caseRows.length - 1]);
  }
  b.table(headers, caseRows);
  for (const [top, bottom] of blocks) {
    const col = (c: number) => a1(top, c, bottom, c);
    b.cells.push({
      at: a1(top, 5),
      formula: `=${FUNCTIONS_NAMESPACE}.REFUSIONDAYS110(${col(1)},${col(2)},${col(3)})`,
    });
    b.cells.push({
      at: a1(top, 7),
      formula: `=${FUNCTIONS_NAMESPACE}.REFUSION110(${col(1)},${col(2)},${col(3)},${col(4)})`,
    });
    for (let r = top; r <= bottom; r++) b.format(a1(r, 7), KR);
  }
  for (let r = first; r < first + caseRows.length; r++)
    b.check(a1(r, 8), `=${a1(r, 5)}=${a1(r, 6)}`);

  /** One row whose formula in H reads B..F of its row; G holds the expected amount. */
  const amountRow = (title: string, header: string[], cells: Cell[], id: string, args: number) => {
    b.title(title);
    const r = b.row + 1;
    const refs = Array.from({ length: args }, (_, c) => a1(r, c + 1)).join(",");
    b.table(
      ["", ...header, "Forventet", "Refusion (kr.)", CHECK],
      [["", ...cells, { formula: `=${FUNCTIONS_NAMESPACE}.${id}(${refs})`, format: KR }]]
    );
    b.format(a1(r, 6), KR);
    b.check(a1(r, 8), `=${a1(r, 7)}=${a1(r, 6)}`);
  };
  amountRow(
    "Egenbetaling: takst 1 200 kr., egenbetaling 200 kr. pr. døgn, 31 refusionsdøgn",
    ["Borger", "Indskrivning", "Udskrivning", "Takst", "Egenbetaling"],
    ["A", { date: "2026-05-01" }, { date: "2026-06-01" }, 1200, 200, 15500],
    "REFUSION110",
    5
  );
  amountRow(
    "§ 85 a bostøtte: 73 000 kr. om året, 730 dage i vinduet på 2 år",
    ["Første udskrivning", "Støttestart", "Støtteslut", "Årlig udgift", ""],
    [{ date: "2026-01-15" }, { date: "2026-01-15" }, { date: "2028-06-30" }, 73000, "", 73000],
    "REFUSION85A",
    4
  );
  amountRow(
    "§ 107 midlertidigt ophold efter udskrivning: 242 dage, heraf 183 med refusion, 1 000 kr. pr. døgn",
    ["Borger", "Første udskrivning", "Opholdsstart", "Opholdsslut", "Døgnudgift"],
    ["A", { date: "2026-01-15" }, { date: "2026-02-01" }, { date: "2026-10-01" }, 1000, 91500],
    "REFUSION107",
    5
  );

  b.title("Housing First som investering: Excels eget NPV-eksempel, rente 10 %");
  const firstYear = b.table(["År", "Udgifter", "Besparelser"], YEARS);
  const lastYear = firstYear + YEARS.length - 1;
  const flows = `${a1(firstYear, 1, lastYear, 1)},${a1(firstYear, 2, lastYear, 2)}`;
  const r = b.row + 1;
  const results: [string, string, number, number | undefined, string | undefined][] = [
    // [label, formula, expected, digits compared (undefined: exact), number format]
    [
      "DK.HOUSINGFIRSTNPV",
      `=${FUNCTIONS_NAMESPACE}.HOUSINGFIRSTNPV(10%,${flows})`,
      1188.44,
      2,
      AMOUNT,
    ],
    [
      "DK.HOUSINGFIRSTRATIO",
      `=${FUNCTIONS_NAMESPACE}.HOUSINGFIRSTRATIO(10%,${flows})`,
      1.1307,
      4,
      "0.0000",
    ],
    [
      "DK.HOUSINGFIRSTBREAKEVEN",
      `=${FUNCTIONS_NAMESPACE}.HOUSINGFIRSTBREAKEVEN(10%,${flows})`,
      4,
      undefined,
      undefined,
    ],
    ["Excels NPV til sammenligning", "=NPV(10%,-10000,3000,4200,6800)", 1188.44, 2, AMOUNT],
  ];
  b.table(
    ["Funktion", "Resultat", "Forventet", CHECK],
    results.map(([label, formula, expected, , format]) => [
      label,
      { formula, ...(format !== undefined && { format }) },
      expected,
    ])
  );
  results.forEach(([, , , digits, format], i) => {
    const result = a1(r + i, 1);
    const expected = a1(r + i, 2);
    if (format) b.format(expected, format);
    b.check(
      a1(r + i, 3),
      digits === undefined ? `=${result}=${expected}` : `=ROUND(${result},${digits})=${expected}`
    );
  });

  return {
    spec: {
      name: EXAMPLE_SHEETS.worked,
      sections: b.sections,
      cells: b.cells,
      // Results spill after writing, where autofit cannot see them (SheetSpec.columnWidths).
      columnWidths: [{ max: 260 }, { min: 80 }, null, null, null, { min: 80 }, null, { min: 90 }],
    },
    checks: b.checks,
  };
}
