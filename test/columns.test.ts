/**
 * Finding and mapping the stays columns: Danish and English headers, any case, spacing and
 * punctuation; a header row that is not row 1; the validation report with sheet rows and the
 * same Danish messages as the cell functions.
 */
import { describe, expect, it } from "@jest/globals";
import { d } from "../src/engine/calendar";
import { refusion110 } from "../src/functions/functions";
import {
  findHeaderRow,
  isCprLike,
  mapColumns,
  validateRows,
  type ColumnMapping,
} from "../src/sheets/stays/columns";
import type { CellValue } from "../src/workbook/workbook";

const mapping = (m: Partial<ColumnMapping>): ColumnMapping => ({
  citizen: null,
  admission: null,
  discharge: null,
  dailyRate: null,
  selfPayment: null,
  shelter: null,
  ...m,
});

describe("header names", () => {
  const cases: [string, CellValue[], Partial<ColumnMapping>][] = [
    [
      "Danish, as in SPEC",
      ["Borger", "Indskrivning", "Udskrivning", "Takst", "Egenbetaling", "Boform"],
      { citizen: 0, admission: 1, discharge: 2, dailyRate: 3, selfPayment: 4, shelter: 5 },
    ],
    [
      "Danish variants",
      ["CPR-nr.", "Herberg", "Indskrevet", "Udskrevet", "Døgntakst", "Egenbetaling (kr./døgn)"],
      { citizen: 0, shelter: 1, admission: 2, discharge: 3, dailyRate: 4, selfPayment: 5 },
    ],
    [
      "more variants, odd case and spacing",
      ["  borger-ID ", "STARTDATO", "slut dato", "Døgn takst (kr.)", "Bemærkning"],
      { citizen: 0, admission: 1, discharge: 2, dailyRate: 3 },
    ],
    [
      "English",
      ["Citizen", "Shelter", "Admission", "Discharge", "Daily rate", "Self-payment"],
      { citizen: 0, shelter: 1, admission: 2, discharge: 3, dailyRate: 4, selfPayment: 5 },
    ],
    [
      "English, other words",
      ["Citizen ID", "Admission date", "Discharge date", "Rate", "Self payment"],
      { citizen: 0, admission: 1, discharge: 2, dailyRate: 3, selfPayment: 4 },
    ],
    [
      "columns in any order, unknown ones ignored",
      ["Noter", "Takst", "Udskrivning", "Id", "Indskrivning", "Borger"],
      { dailyRate: 1, discharge: 2, admission: 4, citizen: 5 },
    ],
  ];
  for (const [name, header, expected] of cases) {
    it(`${name}: ${header.join(" | ")}`, () =>
      expect(mapColumns(header)).toEqual(mapping(expected)));
  }

  describe("the headers people write for the daily rate", () => {
    const rates = [
      "Pris pr. døgn",
      "Døgnpris",
      "Takst pr. nat",
      "Døgntakst",
      "Pris/døgn",
      "Takst (kr.)",
      "Pris per døgn (kr.)",
      "Dagspris",
      "Nattepris",
      "Pris pr. overnatning",
      "Kr. pr. døgn",
      "Døgnsats",
      "Doegnpris",
      "Price per night",
      "Nightly rate",
      "Cost per day",
      "Per diem",
    ];
    for (const rate of rates) {
      it(`«${rate}» is the daily rate, beside a self-payment per day`, () =>
        expect(
          mapColumns(["Borger", "Indskrevet", "Udskrevet", rate, "Egenbetaling pr. døgn"])
        ).toEqual(
          mapping({ citizen: 0, admission: 1, discharge: 2, dailyRate: 3, selfPayment: 4 })
        ));
    }
  });

  it("the other columns' variants: citizen, admission, discharge, self-payment and shelter", () => {
    expect(
      mapColumns(["Løbenr.", "Bosted", "Ankomstdato", "Afgangsdato", "Døgnpris", "Egenandel"])
    ).toEqual(
      mapping({ citizen: 0, shelter: 1, admission: 2, discharge: 3, dailyRate: 4, selfPayment: 5 })
    );
    expect(
      mapColumns(["Sagsnr", "Opholdssted", "Optaget", "Ophørt", "Takst pr. nat", "Brugerandel"])
    ).toEqual(
      mapping({ citizen: 0, shelter: 1, admission: 2, discharge: 3, dailyRate: 4, selfPayment: 5 })
    );
    expect(
      mapColumns(["Resident ID", "Provider", "Check-in", "Check-out", "Price/day", "User fee"])
    ).toEqual(
      mapping({ citizen: 0, shelter: 1, admission: 2, discharge: 3, dailyRate: 4, selfPayment: 5 })
    );
  });

  it("a header two fields begin goes to the field it names best: «Borgerbetaling pr. døgn» is a self-payment", () => {
    expect(mapColumns(["Borgerbetaling pr. døgn", "Borger (pseudonym)", "Fra", "Til"])).toEqual(
      mapping({ selfPayment: 0, citizen: 1, admission: 2, discharge: 3 })
    );
  });

  it('a short alias matches only exactly: "Tilbud" is a shelter, not "til" (discharge)', () => {
    expect(mapColumns(["Borger", "Fra", "Til", "Tilbud"])).toEqual(
      mapping({ citizen: 0, admission: 1, discharge: 2, shelter: 3 })
    );
  });

  it("an exact name wins over a prefix, and a column serves one field", () => {
    expect(mapColumns(["Takst (kr./døgn)", "Takst"])).toEqual(mapping({ dailyRate: 1 }));
    expect(mapColumns(["Indskrivning (dato)", "Indskrivning"])).toEqual(mapping({ admission: 1 }));
  });
});

describe("the header row of a sheet without a table", () => {
  it("title rows above: the header is found in row 3", () => {
    const values: CellValue[][] = [
      ["Budget 2026 – ophold på herberg"],
      ["Opgjort 1. maj 2026", "", "Kilde: fagsystem"],
      ["Borger", "Indskrevet", "Udskrevet", "Døgntakst"],
      ["A", 46143, 46173, 1000],
    ];
    expect(findHeaderRow(values)).toEqual({
      index: 2,
      mapping: mapping({ citizen: 0, admission: 1, discharge: 2, dailyRate: 3 }),
    });
  });

  it("no header among the rows: undefined", () => {
    expect(
      findHeaderRow([
        ["a", "b"],
        [1, 2],
      ])
    ).toBeUndefined();
    expect(findHeaderRow([["Borger", "Takst", "Noter"]])).toBeUndefined();
  });
});

describe("validation report", () => {
  const header: CellValue[] = ["Borger", "Indskrivning", "Udskrivning", "Takst", "Egenbetaling"];
  const rows: CellValue[][] = [
    ["A", d("2026-05-01"), d("2026-06-01"), 1200, 200],
    ["B", "30-02-2026", d("2026-06-01"), 1200, ""],
    ["", "", "", "", ""],
    ["C", d("2026-05-20"), d("2026-05-01"), 1200, ""],
    ["D", "01-05-2026", "", 1500, ""],
    ["E", d("2026-05-01"), d("2026-05-02"), "tusind", ""],
    ["F", d("2026-05-01"), d("2026-05-02"), -5, ""],
  ];
  // The header is in sheet row 4 (B4), so data starts in row 5.
  const table = { sheet: "Budget", header, rows, firstRow: 4, left: 1 };
  const m = mapColumns(header);
  const report = validateRows(table, m);

  it("counts non-blank rows and the fine ones", () => {
    expect(report.total).toBe(6);
    expect(report.ok).toBe(2);
    expect(report.stayRows).toEqual([5, 9]);
    expect(report.stays[0]).toEqual({
      citizen: "A",
      admission: d("2026-05-01"),
      discharge: d("2026-06-01"),
      dailyRate: 1200,
      selfPayment: 200,
    });
    expect(report.stays[1]).toMatchObject({
      citizen: "D",
      admission: d("2026-05-01"),
      discharge: null,
    });
  });

  it("a row of zeros is blank, as the functions read it (Excel desktop passes an empty cell as 0)", () => {
    const zeros = validateRows({ ...table, rows: [...rows, [0, 0, 0, 0, 0]] }, m);
    expect(zeros.total).toBe(report.total);
    expect(zeros.bad).toEqual(report.bad);
  });

  it("each bad row with its sheet row, its cells' address and a Danish reason", () => {
    expect(report.bad.map((b) => [b.sheetRow, b.address, b.error.code])).toEqual([
      [6, "B6:F6", "#VALUE!"],
      [8, "B8:F8", "#VALUE!"],
      [10, "B10:F10", "#VALUE!"],
      [11, "B11:F11", "#VALUE!"],
    ]);
    expect(report.bad[0].error.message).toMatch(/Indskrivning: «30-02-2026» er ikke en dato/);
    expect(report.bad[1].error.message).toBe(
      "Udskrivning 01-05-2026 ligger før indskrivning 20-05-2026"
    );
    expect(report.bad[2].error.message).toMatch(/Takst: «tusind» er ikke et tal/);
  });

  it("each reason also in English, for the pane when Office speaks English", () => {
    expect(report.bad.map((b) => b.error.en)).toEqual([
      "Admission: «30-02-2026» is not a date (write e.g. 2026-05-01 or 01-05-2026)",
      "Discharge 01-05-2026 is before admission 20-05-2026",
      "Daily rate: «tusind» is not a number",
      "Daily rate must not be negative (-5)",
    ]);
  });

  it("the same reasons as DK.REFUSION110 gives in the cells for those rows", () => {
    for (const bad of report.bad) {
      const r = rows[bad.index];
      const cell = refusion110(r[0], r[1], r[2], r[3], r[4], null, d("2026-12-31")) as {
        code?: string;
        message?: string;
      };
      expect(cell.message).toBe(bad.error.message);
    }
  });

  it("a required column not mapped: nothing is parsed, and the field is named", () => {
    const r = validateRows(table, { ...m, dailyRate: null });
    expect(r.missing).toEqual(["dailyRate"]);
    expect(r.ok).toBe(0);
    expect(r.total).toBe(6);
  });

  it("a corrected mapping is used as given (discharge read from the rate column: every row fails)", () => {
    const r = validateRows(table, { ...m, discharge: 3 });
    expect(r.ok).toBe(0);
  });
});

describe("CPR-shaped citizen ids switch pseudonymisation on", () => {
  it("recognises ddmmyy-nnnn as text and as a number that lost its leading zero", () => {
    expect(isCprLike("010190-1234")).toBe(true);
    expect(isCprLike("0101901234")).toBe(true);
    expect(isCprLike(101901234)).toBe(true);
    expect(isCprLike("B00017")).toBe(false);
    expect(isCprLike(17)).toBe(false);
    expect(isCprLike("991390-1234")).toBe(false);
  });

  it("the report flags a CPR column, not a running number", () => {
    const header = ["CPR", "Indskrivning", "Udskrivning", "Takst"];
    const t = (id: CellValue) => ({
      sheet: "S",
      header,
      rows: [[id, 46143, 46150, 1000]],
      firstRow: 1,
      left: 0,
    });
    expect(validateRows(t("010190-1234"), mapColumns(header)).cprLike).toBe(true);
    expect(validateRows(t("B00001"), mapColumns(header)).cprLike).toBe(false);
  });
});
