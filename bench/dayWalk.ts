/**
 * The bench's second floor for DK.REFUSION110: the same function written the naive way, one
 * stay day at a time. It reads the same cells with the same coercion, groups the stays by
 * citizen, and walks every day of every stay through the citizen's refund windows (SPEC 1.1:
 * each day counted once, for the stay admitted first; the first N days of a rolling year). The
 * engine walks whole spans instead, so it must be faster than this; the bench checks that both
 * give the same refunds. No period and no open stays: the bench's rows have neither.
 */
import { edate } from "../src/engine/calendar";
import { refundOre, shareOf } from "../src/engine/money";
import { RULE_SETS, dayLimitOn } from "../src/engine/rules";
import { citizenKey, type StayInput } from "../src/engine/shelter";
import { isRowError, stayFromCells, type StayField } from "../src/cells/coerce";
import type { BenchRows } from "./stays";

export function refusion110DayByDay(rows: BenchRows): number[][] {
  const cells: Record<StayField, unknown[][]> = {
    citizen: rows.citizen,
    admission: rows.admission,
    discharge: rows.discharge,
    dailyRate: rows.rate,
    selfPayment: rows.selfPayment,
  };
  const stays: StayInput[] = [];
  const byCitizen = new Map<string, number[]>();
  for (let row = 0; row < rows.citizen.length; row++) {
    const stay = stayFromCells((field) => cells[field][row][0]);
    if (isRowError(stay)) throw new Error(`Row ${row + 1}: ${stay.message}`);
    stays.push(stay);
    const key = citizenKey(stay.citizen);
    const list = byCitizen.get(key);
    if (list) list.push(row);
    else byCitizen.set(key, [row]);
  }

  const shelter = RULE_SETS.NY.shelter;
  const share = shareOf(shelter.refundShare.value);
  const limitFrom = shelter.limitFrom!.value;
  const refundDays = new Array<number>(stays.length).fill(0);
  for (const list of byCitizen.values()) {
    list.sort((a, b) => stays[a].admission - stays[b].admission || a - b);
    let coveredTo = -Infinity;
    let windowEnd = -Infinity;
    let used = 0;
    for (const row of list) {
      const { admission, discharge } = stays[row];
      const end = Math.max(discharge!, admission + 1);
      for (let day = Math.max(admission, coveredTo); day < end; day++) {
        if (day < limitFrom) {
          refundDays[row]++;
          continue;
        }
        if (day >= windowEnd) {
          windowEnd = edate(day, shelter.windowMonths.value);
          used = 0;
        }
        if (used < dayLimitOn(shelter, day)!.days) {
          refundDays[row]++;
          used++;
        }
      }
      coveredTo = Math.max(coveredTo, end);
    }
  }
  return stays.map((s, row) => [
    refundOre(s.dailyRate, s.selfPayment, refundDays[row], share) / 100,
  ]);
}
