/**
 * A synthetic municipality's budget sheet of § 110 shelter stays, from a seeded generator (no
 * Math.random: the same seed gives the same sheet, so tests and screenshots are stable).
 *
 * Calibration (SPEC section 5):
 * - stay length: about 47 % of stays over 90 days and 41 % over 120 days — the seed's own count
 *   of a municipality's courses (forløb); the rest mostly short, many of a few nights;
 * - daily rates (døgntakst) 1 100–1 900 kr.: four shelters with base rates indexed 2 % a year;
 * - self-payment (egenbetaling) on about a third of the rows;
 * - re-admissions: a citizen has 1–4 stays with gaps of days to months (Ankestyrelsen: 39 % of
 *   users are admitted at least twice a year);
 * - a few overlapping registrations (a second shelter while a stay runs); stays running at the
 *   end of 2026 carry a planned discharge in 2027, a few are open (no discharge);
 * - two deliberately bad rows: a discharge before its admission and an impossible date text,
 *   so the validation report has something to show.
 * Citizen ids are running numbers (B00001), never CPR-shaped.
 */
import { d, isoFromSerial, yearOf, type Serial } from "../engine/calendar";
import { seededRandom } from "../engine/random";
import type { CellValue } from "../workbook/workbook";
import { MemoryWorkbook, type FormatRegion } from "./memoryWorkbook";

export interface SampleOptions {
  /** Data rows, bad rows included (default 800; the bench uses 50 000). */
  rows?: number;
  seed?: number;
}

export interface SampleSheet {
  name: string;
  values: CellValue[][];
  /** 0-based row of the header (title rows above it, as in many budget sheets). */
  headerRow: number;
  /** 1-based sheet rows of the deliberately bad rows. */
  badRows: number[];
  /** Last admission day of the sheet; stays running then are open or have a planned discharge. */
  statusDate: Serial;
  formats: FormatRegion[];
}

export const SAMPLE_SHEET_NAME = "Budget 2026";
export const SAMPLE_HEADER = [
  "Borger-ID",
  "Boform",
  "Indskrevet",
  "Udskrevet",
  "Døgntakst (kr.)",
  "Egenbetaling (kr./døgn)",
  "Bemærkning",
];

const FIRST_DAY = d("2021-01-01");
const STATUS_DATE = d("2026-12-31");
const SHELTERS = [
  { name: "Herberget Nordlys", rate: 1150 },
  { name: "Forsorgshjemmet Åbrinken", rate: 1320 },
  { name: "Kirkens Korshær Herberg", rate: 1480 },
  { name: "Forsorgshjemmet Havnen", rate: 1640 },
];

interface Stay {
  citizen: number;
  shelter: number;
  admission: Serial;
  length: number;
  open: boolean;
  note: string;
}

/** Nights of one stay: 53 % up to 90 (many very short), 6 % 91–120, 41 % over 120. */
function stayLength(rnd: () => number): number {
  const u = rnd();
  if (u < 0.523) return rnd() < 0.45 ? 1 + Math.floor(rnd() * 14) : 15 + Math.floor(rnd() * 76);
  if (u < 0.583) return 91 + Math.floor(rnd() * 30);
  return Math.min(1000, 121 + Math.floor(-Math.log(1 - rnd()) * 170));
}

function citizenStays(citizen: number, rnd: () => number): Stay[] {
  const u = rnd();
  const count = u < 0.55 ? 1 : u < 0.8 ? 2 : u < 0.92 ? 3 : 4;
  const home = Math.floor(rnd() * SHELTERS.length);
  const stays: Stay[] = [];
  let t = 0;
  for (let k = 0; k < count; k++) {
    const length = stayLength(rnd);
    const shelter = rnd() < 0.8 ? home : Math.floor(rnd() * SHELTERS.length);
    stays.push({
      citizen,
      shelter,
      admission: t,
      length,
      open: false,
      note: k > 0 ? "Genindskrivning" : "",
    });
    t += length + 3 + Math.floor(rnd() * rnd() * 150);
  }
  // Timelines start from three years before the sheet's first day, so the years in the sheet
  // are alike; only stays admitted inside the sheet's years are kept.
  const start = FIRST_DAY - 3 * 365 + Math.floor(rnd() * (STATUS_DATE - FIRST_DAY + 3 * 365));
  for (const s of stays) s.admission += start;
  if (rnd() < 0.02) {
    // A second registration while a stay runs (another shelter): an overlap the engine reports.
    const host = stays[Math.floor(rnd() * stays.length)];
    if (host.length > 2) {
      stays.push({
        citizen,
        shelter: (host.shelter + 1) % SHELTERS.length,
        admission: host.admission + 1 + Math.floor(rnd() * (host.length - 1)),
        length: 2 + Math.floor(rnd() * 14),
        open: false,
        note: "Samtidig indskrivning",
      });
    }
  }
  for (const s of stays) {
    // Still in the shelter at the status date: most rows carry the planned discharge (next
    // year), a few are open.
    if (s.admission + s.length > STATUS_DATE && rnd() < 0.1) {
      s.open = true;
      s.note = "Ikke udskrevet";
    }
  }
  return stays.filter((s) => s.admission >= FIRST_DAY && s.admission <= STATUS_DATE);
}

const rateOn = (shelter: number, day: Serial): number =>
  Math.round(SHELTERS[shelter].rate * 1.02 ** (yearOf(day) - 2021));

/** The budget sheet: two title rows, the header in row 3, then one row per stay by admission. */
export function sampleBudgetSheet(options: SampleOptions = {}): SampleSheet {
  const rows = Math.max(4, options.rows ?? 800);
  const rnd = seededRandom(options.seed ?? 2026);
  const stays: Stay[] = [];
  for (let c = 1; stays.length < rows - 2; c++) stays.push(...citizenStays(c, rnd));
  stays.length = rows - 2;
  stays.sort((a, b) => a.admission - b.admission || a.citizen - b.citizen);

  const data: CellValue[][] = stays.map((s) => [
    `B${String(s.citizen).padStart(5, "0")}`,
    SHELTERS[s.shelter].name,
    s.admission,
    s.open ? "" : s.admission + s.length,
    rateOn(s.shelter, s.admission),
    rnd() < 0.35 ? 60 + Math.floor(rnd() * 81) : "",
    s.note,
  ]);
  // The two bad rows: a discharge before admission, and a date that does not exist.
  const swapAt = Math.floor(data.length * 0.1);
  const swapped = data[swapAt];
  data.splice(swapAt, 0, [
    swapped[0],
    swapped[1],
    Number(swapped[2]) + 20,
    Number(swapped[2]) + 5,
    swapped[4],
    "",
    "Tastefejl: datoerne byttet om",
  ]);
  const textAt = Math.floor(data.length * 0.3);
  const year = yearOf(Number(data[textAt][2]));
  data.splice(textAt, 0, [
    data[textAt][0],
    data[textAt][1],
    `30-02-${year}`,
    `${isoFromSerial(Number(data[textAt][2]) + 12)}`,
    data[textAt][4],
    "",
    "Tastefejl: ugyldig dato",
  ]);

  const headerRow = 2;
  const values: CellValue[][] = [
    ["Budget 2026 – ophold på herberg og forsorgshjem (serviceloven § 110)"],
    ["Syntetiske data til demonstration (ingen rigtige personer). Takster i kr. pr. døgn."],
    SAMPLE_HEADER,
    ...data,
  ];
  const last = values.length - 1;
  return {
    name: SAMPLE_SHEET_NAME,
    values,
    headerRow,
    badRows: [headerRow + 2 + swapAt, headerRow + 2 + textAt],
    statusDate: STATUS_DATE,
    formats: [
      { top: 0, left: 0, bottom: 0, right: 0, bold: true },
      { top: headerRow, left: 0, bottom: headerRow, right: SAMPLE_HEADER.length - 1, bold: true },
      { top: headerRow + 1, left: 2, bottom: last, right: 3, numberFormat: "dd-mm-yyyy" },
      { top: headerRow + 1, left: 4, bottom: last, right: 5, numberFormat: "#,##0.00" },
    ],
  };
}

/** A demo workbook holding the sample budget sheet (a user's sheet, not the add-in's). */
export function sampleWorkbook(options: SampleOptions = {}): MemoryWorkbook {
  const sheet = sampleBudgetSheet(options);
  const workbook = new MemoryWorkbook();
  workbook.addUserSheet(sheet.name, sheet.values, [], sheet.formats);
  return workbook;
}
