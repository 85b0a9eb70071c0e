/**
 * The example sheets, one definition for the pane's command «Indsæt eksempler» (written into the
 * open workbook through the workbook port, so Excel enters the formulas itself) and for the
 * build's dist/eksempel-refusion.xlsx (build/sampleWorkbook.ts writes the same sheets into a
 * memory workbook and saves them with their computed values):
 *
 * - «Eksempel ophold»: the demo municipality's 800 stays (src/demo/sampleData.ts) with the 2026
 *   refund of each as one DK.REFUSION110 over the columns; the two mistyped rows give #VALUE!.
 * - «Eksempler»: the worked examples, each beside its expected number and a check (workedExamples.ts).
 * - «Eksempel prognose»: DK.REFUSIONPROGNOSE over the stays, the table the pane's forecast writes.
 * - «Eksempel projektion»: the parameters as the Scenarier sheet holds them (name and value in
 *   columns A and B, the registry's defaults with unit, description and source) and
 *   DK.HOUSINGFIRSTPROJECTION over the stays and that range.
 *
 * Only the add-in's own sheets are written: a user's sheet with one of these names is left alone
 * and the example goes to "Name (2)" (Workbook.writeOwnSheet); the formulas name the sheet the
 * stays were actually written to.
 */
import { FUNCTIONS_NAMESPACE } from "../functions/namespace";
import { SAMPLE_HEADER, sampleBudgetSheet } from "../demo/sampleData";
import { PARAMETERS, defaultCell, type ParameterUnit } from "../engine/parameters";
import { PROJECTION_COLUMNS } from "../functions/scenarioFunctions";
import {
  a1,
  type CellValue,
  type SheetSpec,
  type Workbook,
  type WrittenSheet,
} from "../workbook/workbook";
import { EXAMPLE_SHEETS } from "./names";
import { DATE, KR, workedExamples } from "./workedExamples";

/** Where the example stays are: the sheet they were written to and their 1-based rows. */
export interface StaysAt {
  sheet: string;
  first: number;
  last: number;
}

/** The budget year whose refund column H shows. */
const YEAR = 2026;

/** A sheet name as a formula writes it: always quoted, quotes doubled. */
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** The five stays arguments (citizen, admission, discharge, daily rate, self-payment) on `at`. */
function staysArguments(at: StaysAt): string {
  return ["A", "C", "D", "E", "F"]
    .map((c) => `${quoteSheet(at.sheet)}!${c}${at.first}:${c}${at.last}`)
    .join(",");
}

/** «Eksempel ophold» and where its stays are (the sheet name is the wanted one until written). */
export function staysSheet(): { spec: SheetSpec; at: StaysAt } {
  const sample = sampleBudgetSheet();
  const header = sample.headerRow;
  const first = header + 2;
  const last = sample.values.length;
  const range = (c: string) => `${c}${first}:${c}${last}`;
  return {
    spec: {
      name: EXAMPLE_SHEETS.stays,
      sections: [
        {
          at: "A1",
          values: [
            [sample.values[0][0]],
            [
              `${sample.values[1][0]} Kolonne H er refusionen for ${YEAR} af hvert ophold (én formel); de to rækker med tastefejl giver #VÆRDI! (#VALUE!) med en forklaring.`,
            ],
          ],
          boldRows: [0],
          fit: false,
        },
        {
          at: a1(header, 0),
          values: [
            [...SAMPLE_HEADER, `Refusion ${YEAR} (DK.REFUSION110)`],
            ...sample.values.slice(header + 1),
          ],
          numberFormats: [null, null, DATE, DATE, "#,##0.00", "#,##0.00", null, KR],
          boldRows: [0],
        },
      ],
      cells: [
        {
          at: `H${first}`,
          formula: `=${FUNCTIONS_NAMESPACE}.REFUSION110(${["A", "C", "D", "E", "F"].map(range).join(",")},"${YEAR}-01-01","${YEAR}-12-31")`,
        },
      ],
      columnWidths: [null, null, null, null, null, null, { max: 200 }],
      freezeRows: header + 1,
    },
    at: { sheet: EXAMPLE_SHEETS.stays, first, last },
  };
}

/** Rows the forecast may spill: header, a year each (six in the sample), total, skipped. */
const FORECAST_ROWS = 12;

/** «Eksempel prognose»: DK.REFUSIONPROGNOSE over the stays from A3. */
export function forecastSheet(stays: StaysAt): SheetSpec {
  const days = "#,##0";
  return {
    name: EXAMPLE_SHEETS.forecast,
    sections: [
      {
        at: "A1",
        values: [
          [`Refusionsprognose pr. år for opholdene i arket «${stays.sheet}»`],
          [
            "Formlen i A3 er DK.REFUSIONPROGNOSE; panelets «Beregn refusionsprognose» skriver de samme tal i arket Refusionsprognose.",
          ],
        ],
        boldRows: [0],
        fit: false,
      },
      // Formats for the spilled table, column by column below its header row.
      {
        at: "A3",
        values: Array.from({ length: FORECAST_ROWS }, (): CellValue[] => []),
        numberFormats: [null, days, days, days, KR, KR, KR, KR, KR, KR],
      },
    ],
    cells: [
      { at: "A3", formula: `=${FUNCTIONS_NAMESPACE}.REFUSIONPROGNOSE(${staysArguments(stays)})` },
    ],
    columnWidths: [{ min: 60, max: 200 }, ...Array.from({ length: 9 }, () => ({ min: 110 }))],
  };
}

/** The parameter table's header row (0-based), as on the Scenarier sheet: the range starts here. */
const PARAMETER_HEADER_ROW = 3;

/** Percentages as percent, amounts in kroner; other values as Excel shows them (General). */
const VALUE_FORMATS: Partial<Record<ParameterUnit, string>> = {
  "%": "0.0%",
  "kr./år": '#,##0 "kr."',
  "kr.": '#,##0 "kr."',
};

/** «Eksempel projektion»: the parameter range and DK.HOUSINGFIRSTPROJECTION below it. */
export function projectionSheet(stays: StaysAt): SheetSpec {
  const lastParameter = PARAMETER_HEADER_ROW + PARAMETERS.length;
  const parameters = a1(PARAMETER_HEADER_ROW, 0, lastParameter, 1);
  const output = a1(lastParameter + 2, 0);
  return {
    name: EXAMPLE_SHEETS.projection,
    sections: [
      {
        at: "A1",
        values: [
          ["Projektion: hvad koster det, hvis vi ikke handler – og hvad giver Housing First?"],
          [
            `Parametrene i ${parameters} har standardværdierne, som arket Scenarier starter med. Formlen i ${output} er DK.HOUSINGFIRSTPROJECTION over opholdene i arket «${stays.sheet}» og ${parameters}; ret en værdi i kolonne B, så regner Excel tabellen om.`,
          ],
        ],
        boldRows: [0],
        fit: false,
      },
      {
        at: a1(PARAMETER_HEADER_ROW, 0),
        values: [
          ["Parameter", "Værdi", "Enhed", "Beskrivelse", "Kilde"],
          ...PARAMETERS.map((p) => [p.name, defaultCell(p), p.unit, p.label.da, p.source]),
        ],
        boldRows: [0],
      },
    ],
    cells: [
      ...PARAMETERS.flatMap((p, i) => {
        const format = VALUE_FORMATS[p.unit];
        return format ? [{ at: a1(PARAMETER_HEADER_ROW + 1 + i, 1), numberFormat: format }] : [];
      }),
      {
        at: output,
        formula: `=${FUNCTIONS_NAMESPACE}.HOUSINGFIRSTPROJECTION(${staysArguments(stays)},${parameters})`,
      },
    ],
    // The projection spills after writing, where autofit cannot see it.
    columnWidths: PROJECTION_COLUMNS.map((_, c) =>
      c === 0 ? { max: 260 } : c >= 3 ? { min: 100, max: 420 } : { min: 100 }
    ),
  };
}

/** The example sheets as written, by their part. */
export type InsertedExamples = Record<keyof typeof EXAMPLE_SHEETS, WrittenSheet>;

/**
 * Writes the example sheets into the workbook, the stays first (the other sheets' formulas name
 * the sheet they landed on), and returns them as written.
 */
export async function insertExamples(workbook: Workbook): Promise<InsertedExamples> {
  const stays = staysSheet();
  const staysWritten = await workbook.writeOwnSheet(stays.spec);
  const at = { ...stays.at, sheet: staysWritten.name };
  return {
    stays: staysWritten,
    worked: await workbook.writeOwnSheet(workedExamples().spec),
    forecast: await workbook.writeOwnSheet(forecastSheet(at)),
    projection: await workbook.writeOwnSheet(projectionSheet(at)),
  };
}
