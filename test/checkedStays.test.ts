/**
 * A run reuses the shown validation report only for the same rows (cell for cell), the same
 * mapping and the same day; any edit of the stays, or another day, checks the rows again.
 * Oracle: validateRows on the rows as they are, and the report's identity (reused or made anew).
 */
import { describe, expect, it } from "@jest/globals";
import { sampleWorkbook, SAMPLE_SHEET_NAME } from "../src/demo/sampleData";
import { findStays, runForecast } from "../src/sheets/forecast/forecastRun";
import { checkStays, reusableCheck, sameStays } from "../src/sheets/stays/checkedStays";
import { todaySerial, validateRows, type StaysTable } from "../src/sheets/stays/columns";

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));

async function checkedSample(rows = 200) {
  const wb = sampleWorkbook({ rows });
  const found = (await findStays(wb))!;
  const today = todaySerial();
  return { wb, found, today, checked: await checkStays(found, found.mapping, { today }) };
}

describe("reusableCheck", () => {
  it("reuses the check for the same rows read again (new arrays, the same cells), mapping and day", async () => {
    const { found, today, checked } = await checkedSample();
    expect(checked.report).toEqual(validateRows(found, found.mapping, { today }));
    const again = copy<StaysTable>(found);
    expect(again.rows[0]).not.toBe(found.rows[0]);
    expect(reusableCheck(checked, again, copy(found.mapping), today)).toBe(checked);
  });

  it("checks again after any edit: a cell, a row added or removed, the header, the block's place", async () => {
    const { found, today, checked } = await checkedSample();
    const edits: ((t: StaysTable) => void)[] = [
      (t) => (t.rows[17][found.mapping.dailyRate!] = 1201),
      (t) => (t.rows[3][found.mapping.citizen!] = `${t.rows[3][found.mapping.citizen!]} `),
      (t) => (t.rows[5][found.mapping.discharge!] = null),
      (t) => t.rows.push(t.rows[0].slice()),
      (t) => t.rows.pop(),
      (t) => t.rows[0].push("note"),
      (t) => (t.header[0] = "Borger nr."),
      (t) => (t.firstRow += 1),
      (t) => (t.left += 1),
      (t) => (t.sheet = "Andet ark"),
    ];
    for (const edit of edits) {
      const edited = copy<StaysTable>(found);
      edit(edited);
      expect(sameStays(found, edited)).toBe(false);
      expect(reusableCheck(checked, edited, found.mapping, today)).toBeUndefined();
    }
  });

  it("checks again with another mapping or on another day (the data warnings compare with today)", async () => {
    const { found, today, checked } = await checkedSample();
    const swapped = {
      ...found.mapping,
      admission: found.mapping.discharge,
      discharge: found.mapping.admission,
    };
    expect(reusableCheck(checked, found, swapped, today)).toBeUndefined();
    expect(reusableCheck(checked, found, found.mapping, today + 1)).toBeUndefined();
    expect(reusableCheck(undefined, found, found.mapping, today)).toBeUndefined();
  });
});

describe("runForecast with the pane's check", () => {
  it("reuses the report when the rows read again are unchanged, and hands it on", async () => {
    const { wb, found, checked } = await checkedSample();
    const fresh = (await findStays(wb, found.source))!;
    const result = await runForecast(wb, fresh, found.mapping, { pseudonymise: false, checked });
    expect(result.report).toBe(checked.report);
    expect(result.checked).toBe(checked);
  });

  it("reports a row edited since the check: the run checks the rows it read again", async () => {
    const { wb, found, checked } = await checkedSample();
    const good = checked.report.stayRows[10];
    wb.setCell(SAMPLE_SHEET_NAME, good - 1, found.left + found.mapping.admission!, "ikke en dato");
    const fresh = (await findStays(wb, found.source))!;
    const result = await runForecast(wb, fresh, found.mapping, { pseudonymise: false, checked });
    expect(result.report).not.toBe(checked.report);
    expect(result.report).toEqual(validateRows(fresh, found.mapping));
    expect(result.report.ok).toBe(checked.report.ok - 1);
    expect(result.report.bad.map((b) => b.sheetRow)).toContain(good);
    expect(result.checked.table).toBe(fresh);
  });

  it("checks again when the kept check is of another day", async () => {
    const { wb, found, checked } = await checkedSample();
    const yesterday = { ...checked, today: checked.today - 1 };
    const result = await runForecast(wb, found, found.mapping, {
      pseudonymise: false,
      checked: yesterday,
    });
    expect(result.report).not.toBe(checked.report);
    expect(result.checked.today).toBe(todaySerial());
    expect(result.report).toEqual(validateRows(found, found.mapping));
  });
});
