/**
 * Whole days as Excel serial numbers in the 1900 date system.
 *
 * Serial 1 is 1900-01-01 and serial 60 is Excel's fictitious 1900-02-29 (kept for Lotus
 * compatibility), so from 1900-03-01 (serial 61) a serial is the number of days since
 * 1899-12-30. The add-in accepts dates from 1900-03-01 to 9999-12-31, where serials and the
 * real calendar agree. Conversions use integer arithmetic only: no Date objects, no time zones.
 */

/** An Excel serial day number (1900 system), always an integer. */
export type Serial = number;

export interface Ymd {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

/** 1900-03-01: the first day after Excel's fictitious leap day. */
export const FIRST_SERIAL: Serial = 61;
/** 9999-12-31: Excel's last date. */
export const LAST_SERIAL: Serial = 2958465;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The date of day z (days from 1970-01-01) as one number, year × 512 + month × 32 + day: the hot
 * paths (edate, yearOf, called per stay and window) read it without an object per call.
 */
function packedCivil(z: number): number {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 512 + month * 32 + day;
}

const packedYear = (packed: number) => Math.floor(packed / 512);
const packedMonth = (packed: number) => (packed - packedYear(packed) * 512) >> 5;
const packedDay = (packed: number) => (packed - packedYear(packed) * 512) & 31;

/** Days from 1970-01-01 to 1899-12-30, Excel's day zero for serials from 61 on. */
const EXCEL_EPOCH = daysFromCivil(1899, 12, 30);

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days of each month in a common year. */
const MONTH_DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

function isValidYmd({ year, month, day }: Ymd): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Serial of a calendar date, with Excel's 1900 quirk for January and February 1900. */
export function serialFromYmd(year: number, month: number, day: number): Serial {
  if (year === 1900 && month === 2 && day === 29) return 60;
  const serial = daysFromCivil(year, month, day) - EXCEL_EPOCH;
  return serial < 61 ? serial - 1 : serial;
}

/** A serial's date packed as packedCivil's, with Excel's 1900-02-29 as serial 60. */
function packedFromSerial(serial: Serial): number {
  if (serial === 60) return 1900 * 512 + 2 * 32 + 29;
  return packedCivil(serial < 60 ? serial + 1 + EXCEL_EPOCH : serial + EXCEL_EPOCH);
}

export function ymdFromSerial(serial: Serial): Ymd {
  const packed = packedFromSerial(serial);
  return { year: packedYear(packed), month: packedMonth(packed), day: packedDay(packed) };
}

/** ISO text of a date (2026-05-01), for sheets, audit lines and messages. */
export function isoFromSerial(serial: Serial): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Danish text of a date (01-05-2026). */
export function danishFromSerial(serial: Serial): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(day).padStart(2, "0")}-${String(month).padStart(2, "0")}-${year}`;
}

/**
 * Excel's EDATE: the same day `months` months later, clamped to the end of a shorter month
 * (EDATE(2024-02-29, 12) = 2025-02-28; EDATE(2024-01-31, 1) = 2024-02-29).
 */
export function edate(serial: Serial, months: number): Serial {
  const packed = packedFromSerial(serial);
  const year = packedYear(packed);
  const month = packedMonth(packed);
  const day = packedDay(packed);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return serialFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

export function yearOf(serial: Serial): number {
  return packedYear(packedFromSerial(serial));
}

/** Quarter 1..4 of a date. */
export function quarterOf(serial: Serial): number {
  return Math.floor((ymdFromSerial(serial).month - 1) / 3) + 1;
}

export function isInRange(serial: Serial): boolean {
  return Number.isInteger(serial) && serial >= FIRST_SERIAL && serial <= LAST_SERIAL;
}

/** A date text's problem, in Danish and English, for a message that says what to write. */
export interface DateTextProblem {
  da: string;
  en: string;
}

/** ISO date, optionally with a time of day (database exports: 2026-05-01 00:00:00), which is dropped. */
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?$/;
const DANISH = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;
const TWO_DIGIT_YEAR = /^(\d{1,2})[-./](\d{1,2})[-./](\d{2})$/;
/** "1. maj 2026", "1 maj 2026", "01-maj-2026", "1. jan. 2026". */
const MONTH_NAME = /^(\d{1,2})\.?[\s-]*(\p{L}+)\.?[\s-]*(\d{4})$/u;

/** The months' names in Danish, January first. */
export const DANISH_MONTHS: readonly string[] = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
];

/** The month of a Danish month name or its abbreviation (jan, feb, mar, …, sept, okt, dec). */
function monthOfName(name: string): number | undefined {
  const n = name.toLowerCase();
  const i = DANISH_MONTHS.findIndex((m) => m === n || (n.length >= 3 && m.startsWith(n)));
  return i < 0 ? undefined : i + 1;
}

/**
 * Two-digit years as Excel reads them (00–29 are 2000–2029, 30–99 are 1930–1999); the add-in
 * accepts the first group only, since a stay in the 1930s is surely a mistyped 2030s one.
 */
const LAST_TWO_DIGIT_YEAR = 29;

/**
 * Reads date text: ISO `2026-05-01` (a time of day is dropped), Danish day-month-year
 * `01-05-2026`, `1.5.2026`, `1/5/2026`, with a month name `1. maj 2026`, `1 jan. 2026`, or with a
 * two-digit year `01-05-26` (2026, as Excel reads it). Returns the serial, a problem for text that
 * is meant as a date but cannot be read safely (an unknown month, a two-digit year from 30 on),
 * or undefined for anything else, an impossible date (2026-02-30) included. Range checks (1900-03-01 ..
 * 9999-12-31) are the caller's, so it can word its own message.
 */
export function readDateText(text: string): Serial | DateTextProblem | undefined {
  const t = text.trim();
  let ymd: Ymd | undefined;
  const iso = ISO.exec(t);
  const dk = DANISH.exec(t);
  const short = TWO_DIGIT_YEAR.exec(t);
  const named = MONTH_NAME.exec(t);
  if (iso) ymd = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  else if (dk) ymd = { year: Number(dk[3]), month: Number(dk[2]), day: Number(dk[1]) };
  else if (short) {
    const yy = Number(short[3]);
    if (yy > LAST_TWO_DIGIT_YEAR)
      return {
        da: `årstallet har kun to cifre, og Excel læser ${short[3]} som 19${short[3]}: skriv årstallet med fire cifre`,
        en: `the year has two digits only, and Excel reads ${short[3]} as 19${short[3]}: write the year with four digits`,
      };
    ymd = { year: 2000 + yy, month: Number(short[2]), day: Number(short[1]) };
  } else if (named) {
    const month = monthOfName(named[2]);
    if (month === undefined)
      return {
        da: `«${named[2]}» er ikke et månedsnavn (skriv fx 1. maj 2026)`,
        en: `«${named[2]}» is not a Danish month name (write e.g. 1. maj 2026)`,
      };
    ymd = { year: Number(named[3]), month, day: Number(named[1]) };
  }
  if (!ymd || !isValidYmd(ymd)) return undefined;
  return serialFromYmd(ymd.year, ymd.month, ymd.day);
}

/** readDateText for callers that only want a serial: undefined for anything that is not one. */
export function parseDateText(text: string): Serial | undefined {
  const read = readDateText(text);
  return typeof read === "number" ? read : undefined;
}

/** Shorthand for code and tests: serial of an ISO date literal; throws on bad text. */
export function d(iso: string): Serial {
  const serial = parseDateText(iso);
  if (serial === undefined) throw new Error(`Not a date: ${iso}`);
  return serial;
}
