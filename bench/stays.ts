/**
 * Synthetic stay rows for the bench, shaped like Ankestyrelsen's national § 110 figures
 * (SPEC 5): about a third of stays one night, a mean near 50 nights, ~14 % over 120 nights,
 * repeated admissions per citizen with gaps, and a few overlapping rows. Seeded: every run
 * times the same data.
 */
import { d } from "../src/engine/calendar";
import { seededRandom } from "../src/engine/random";

function stayLength(rand: () => number): number {
  const u = rand();
  if (u < 0.33) return 1;
  if (u < 0.86) return 2 + Math.floor(rand() * 89);
  return 91 + Math.floor(-Math.log(1 - rand()) * 120);
}

export interface BenchRows {
  citizen: unknown[][];
  admission: unknown[][];
  discharge: unknown[][];
  rate: unknown[][];
  selfPayment: unknown[][];
}

/** `stays` rows over `citizens` citizens from 2022 on, as Excel passes cells (serial numbers). */
export function benchRows(stays: number, citizens: number, seed = 2026): BenchRows {
  const rand = seededRandom(seed);
  const rows: BenchRows = { citizen: [], admission: [], discharge: [], rate: [], selfPayment: [] };
  const perCitizen = stays / citizens;
  let made = 0;
  for (let c = 0; made < stays; c++) {
    let day = d("2022-01-01") + Math.floor(rand() * 900);
    const count = Math.max(1, Math.round(perCitizen * (0.5 + rand())));
    for (let k = 0; k < count && made < stays; k++, made++) {
      const length = stayLength(rand);
      const overlap = rand() < 0.03;
      const admission = overlap ? day - Math.floor(rand() * 5) - 1 : day;
      rows.citizen.push([`B${String(c % citizens).padStart(5, "0")}`]);
      rows.admission.push([admission]);
      rows.discharge.push([admission + length]);
      rows.rate.push([1100 + Math.floor(rand() * 800)]);
      rows.selfPayment.push([rand() < 0.4 ? 60 + Math.floor(rand() * 60) : 0]);
      day = admission + length + 1 + Math.floor(-Math.log(1 - rand()) * 60);
    }
  }
  return rows;
}
