/**
 * The refund forecast (refusionsprognose): stays -> stay days, gross cost, self-payment and
 * refunds under NY and GAMMEL by year and quarter, plus one line per stay for the audit sheet.
 *
 * Each stay runs through the § 110 engine under both rule sets, and its money is rounded per
 * stay and calendar year: a year's refund of a stay is exactly what DK.REFUSION110 returns for
 * that row with the year as the period, so a year of the forecast equals Σ DK.REFUSION110 for the
 * year, to the øre (SPEC 4). Gross cost and self-payment are rounded the same way. Each of a
 * stay-year's rounded amounts is spread over the year's quarters by days (on spans, never day by
 * day; largest remainder), so the quarters add up to the year, and totals are exact sums.
 *
 * Defaults (documented for the pane and the audit sheet):
 * - period: whole calendar years, from the year of the earliest admission to the year of the
 *   latest admission: the years the sheet budgets stays for. Nights after that (a planned
 *   discharge next year) still consume the citizen's quota but are not reported;
 * - open stays (no udskrivning) are counted through the status date, inclusive, which defaults
 *   to the period end: the same reading as DK.REFUSION110's "open stay counts through the period
 *   end". An open stay admitted after the status date has no days.
 */
import { problemError } from "../messages";
import { serialFromYmd, yearOf, type Serial } from "./calendar";
import {
  Decimal,
  MAX_EXACT_KRONER,
  allocateOre,
  dec,
  exactOre,
  kronerFromOre,
  refundOre,
  roundOre,
  shareOf,
} from "./money";
import { RULE_SETS, type RuleSet } from "./rules";
import {
  computeShelterRefunds,
  intersect,
  isRowError,
  type RowError,
  type Span,
  type StayInput,
  type StayOutcome,
} from "./shelter";

/** A stay as the forecast reads it: the engine's input plus the shelter (boform), if known. */
export interface ForecastStay extends StayInput {
  shelter?: string;
}

export interface ForecastOptions {
  /** The rule set of the "NY" columns: NY (default) or NY-VINDUE; GAMMEL is always computed. */
  rules?: RuleSet;
  /** Calendar years to report, inclusive. Default: see defaultYears. */
  years?: { first: number; last: number };
  /** Open stays (no discharge) are counted through this day, inclusive. Default: the period end. */
  statusDate?: Serial;
  /**
   * Years inside `years` whose money each stay line also sums on its own (StayLine.window): the
   * user groups' window, which then needs no second forecast.
   */
  window?: { first: number; last: number };
}

/** A stay's days and money in the forecast's window years, rounded per stay and year as the rest. */
export interface WindowAmounts {
  days: number;
  grossOre: number;
  refundNyOre: number;
  refundGammelOre: number;
}

export interface Amounts {
  stayDays: number;
  refundDaysNy: number;
  refundDaysGammel: number;
  gross: Decimal;
  selfPayment: Decimal;
  refundNy: Decimal;
  refundGammel: Decimal;
  /** refundGammel − refundNy: the refund the reform takes away (what it costs the municipality). */
  difference: Decimal;
  /** gross − selfPayment − refundNy: what the municipality pays itself. */
  netCost: Decimal;
}

/** The amount columns of every forecast table (sheet and DK.REFUSIONPROGNOSE), Danish headers. */
export const AMOUNT_HEADERS = [
  "Opholdsdøgn",
  "Refusionsdøgn NY",
  "Refusionsdøgn GAMMEL",
  "Bruttoudgift",
  "Egenbetaling",
  "Refusion NY",
  "Refusion GAMMEL",
  "Forskel (reformens pris)",
  "Kommunal nettoudgift",
] as const;

/** One line's amounts as cell numbers, in AMOUNT_HEADERS order (money already in øre). */
export function amountValues(a: Amounts): number[] {
  return [
    a.stayDays,
    a.refundDaysNy,
    a.refundDaysGammel,
    a.gross.toNumber(),
    a.selfPayment.toNumber(),
    a.refundNy.toNumber(),
    a.refundGammel.toNumber(),
    a.difference.toNumber(),
    a.netCost.toNumber(),
  ];
}

export interface QuarterLine extends Amounts {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface YearLine extends Amounts {
  year: number;
}

/** One input stay under both rule sets, with its money for the period. */
export interface StayLine {
  /** Index into the input stays. */
  index: number;
  ny: StayOutcome;
  gammel: StayOutcome;
  /** Counting end of an open stay (exclusive), else null. */
  openTo: Serial | null;
  /**
   * The stay's money in the period in whole øre: each a sum of per-year amounts rounded per
   * stay and year, so the audit sheet's columns add up to the forecast's totals.
   */
  grossOre: number;
  selfPaymentOre: number;
  refundNyOre: number;
  refundGammelOre: number;
  /** The same in the window years, when the forecast was asked for a window. */
  window?: WindowAmounts;
}

export interface Forecast {
  /** The rule set of the NY columns (NY or NY-VINDUE). */
  rules: RuleSet;
  period: { start: Serial; end: Serial };
  statusDate: Serial;
  quarters: QuarterLine[];
  years: YearLine[];
  total: Amounts;
  stays: StayLine[];
  /** The window years each stay line sums (ForecastOptions.window), if any. */
  window?: { first: number; last: number };
}

/**
 * The stays' money adds up to more than whole øre hold exactly (over 90.071.992.547.409 kr.):
 * no total is shown rather than a wrong one. Each row is at most MAX_KRONER a day (coerce.ts),
 * so only a vast number of stays at such rates gets here.
 */
export class InexactSumError extends RangeError {
  /** The problem as a cell shows it (DK.REFUSIONPROGNOSE). */
  readonly error: RowError;
  constructor() {
    const error = problemError({ id: "forecastSumInexact", max: MAX_EXACT_KRONER });
    super(error.message);
    this.error = error;
    this.name = "InexactSumError";
  }
}

/** The default period's years: first to last admission year; undefined when there are no stays. */
export function defaultYears(
  stays: readonly ForecastStay[]
): { first: number; last: number } | undefined {
  if (stays.length === 0) return undefined;
  let first = Infinity;
  let last = -Infinity;
  for (const s of stays) {
    first = Math.min(first, s.admission);
    last = Math.max(last, s.admission);
  }
  return { first: yearOf(first), last: yearOf(last) };
}

/** Sums in whole øre: exact JavaScript integers far beyond any municipal budget. */
interface OreSums {
  stayDays: number;
  refundDaysNy: number;
  refundDaysGammel: number;
  gross: number;
  selfPayment: number;
  refundNy: number;
  refundGammel: number;
}

const emptySums = (): OreSums => ({
  stayDays: 0,
  refundDaysNy: 0,
  refundDaysGammel: 0,
  gross: 0,
  selfPayment: 0,
  refundNy: 0,
  refundGammel: 0,
});

const fromOre = kronerFromOre;

/** perDay × days in whole øre, rounded half up (integers when the cell has at most 2 decimals). */
function costOre(perDay: number, days: number): number {
  const ore = exactOre(perDay);
  if (ore !== undefined && Number.isSafeInteger(ore * days)) return ore * days;
  return roundOre(dec(perDay).times(days)).times(100).toNumber();
}

function toAmounts(s: OreSums): Amounts {
  return {
    stayDays: s.stayDays,
    refundDaysNy: s.refundDaysNy,
    refundDaysGammel: s.refundDaysGammel,
    gross: fromOre(s.gross),
    selfPayment: fromOre(s.selfPayment),
    refundNy: fromOre(s.refundNy),
    refundGammel: fromOre(s.refundGammel),
    difference: fromOre(s.refundGammel - s.refundNy),
    netCost: fromOre(s.gross - s.selfPayment - s.refundNy),
  };
}

/** The period's quarters as half-open spans: starts[i] .. starts[i + 1]. */
function quarterStarts(first: number, last: number): Serial[] {
  const starts: Serial[] = [];
  for (let y = first; y <= last + 1; y++)
    for (let m = 1; m <= 10; m += 3) starts.push(serialFromYmd(y, m, 1));
  return starts.slice(0, (last - first + 1) * 4 + 1);
}

/** The quarter (index into starts) that holds a day of the period. */
function quarterIndex(starts: readonly Serial[], day: Serial): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Days of `spans` per quarter, as [quarter index, days] pairs in quarter order. */
function daysByQuarter(
  spans: readonly Span[],
  period: Span,
  starts: readonly Serial[]
): [number, number][] {
  const out: [number, number][] = [];
  for (const s of spans) {
    const hit = intersect(s, period);
    if (!hit) continue;
    let q = quarterIndex(starts, hit.from);
    for (let from = hit.from; from < hit.to; q++) {
      const to = Math.min(hit.to, starts[q + 1]);
      const last = out[out.length - 1];
      if (last && last[0] === q) last[1] += to - from;
      else out.push([q, to - from]);
      from = to;
    }
  }
  return out;
}

function addDays(parts: readonly [number, number][], sums: OreSums[], key: keyof OreSums): void {
  for (const [q, days] of parts) sums[q][key] += days;
}

/**
 * money.allocateOre on whole øre in integer arithmetic (the hot path: most long stays span
 * several quarters): largest remainder, ties to the earlier part. Falls back to allocateOre
 * when a product would leave the exact integer range.
 */
export function allocateOreInt(totalOre: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) return weights.map(() => 0);
  if (totalOre < 0 || !Number.isSafeInteger(totalOre * weightSum)) {
    return allocateOre(kronerFromOre(totalOre), weights).map((k) => k.times(100).toNumber());
  }
  const parts = weights.map((w) => Math.floor((totalOre * w) / weightSum));
  const remainders = weights.map((w, i) => ({ i, r: totalOre * w - parts[i] * weightSum }));
  let left = totalOre - parts.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) parts[remainders[k].i] += 1;
  return parts;
}

/** Adds a stay's rounded amount (øre) to the quarters in proportion to its days there. */
function spread(
  ore: number,
  parts: readonly [number, number][],
  sums: OreSums[],
  key: keyof OreSums
): void {
  if (parts.length === 0 || ore === 0) return;
  if (parts.length === 1) {
    sums[parts[0][0]][key] += ore;
    return;
  }
  const shares = allocateOreInt(
    ore,
    parts.map(([, days]) => days)
  );
  parts.forEach(([q], i) => (sums[q][key] += shares[i]));
}

/**
 * Runs the engine under one rule set, with open stays closed at the status date. Outcomes come
 * back per input index (rows and overlap references renumbered to the input).
 */
function runRules(
  stays: readonly ForecastStay[],
  rules: RuleSet,
  period: { start: Serial; end: Serial },
  statusDate: Serial
): StayOutcome[] {
  const input: StayInput[] = [];
  const index: number[] = [];
  const outcomes: StayOutcome[] = new Array(stays.length);
  stays.forEach((s, i) => {
    if (s.discharge === null && s.admission > statusDate) {
      outcomes[i] = {
        row: i,
        ownDays: null,
        refundSpans: [],
        unlimitedDays: 0,
        windows: [],
        stayDaysInPeriod: 0,
        refundableDays: 0,
        amountOre: 0,
        warnings: [{ kind: "open", countedTo: statusDate }],
      };
      return;
    }
    input.push(s.discharge === null ? { ...s, discharge: statusDate + 1 } : s);
    index.push(i);
  });
  computeShelterRefunds(input, { period, rules }).forEach((o, k) => {
    const i = index[k];
    o.row = i;
    if (!isRowError(o)) {
      for (const w of o.warnings) if (w.kind === "overlap") w.withRow = index[w.withRow];
      if (stays[i].discharge === null) o.warnings.push({ kind: "open", countedTo: statusDate });
    }
    outcomes[i] = o;
  });
  return outcomes;
}

/** The parts of one year: `parts[from..to)` are its [quarter index, days] pairs. */
interface YearParts {
  year: number;
  from: number;
  to: number;
}

/** Groups quarter parts (in quarter order) by calendar year of the period. */
function byYear(parts: readonly [number, number][], firstYear: number): YearParts[] {
  const out: YearParts[] = [];
  parts.forEach(([q], i) => {
    const year = firstYear + Math.floor(q / 4);
    const last = out[out.length - 1];
    if (last && last.year === year) last.to = i + 1;
    else out.push({ year, from: i, to: i + 1 });
  });
  return out;
}

const sumDays = (parts: readonly [number, number][]): number =>
  parts.reduce((n, [, days]) => n + days, 0);

/** The parts of `year` among `groups` (years ascending), from the group at `at` on. */
function partsOf(
  parts: readonly [number, number][],
  groups: readonly YearParts[],
  cursor: { at: number },
  year: number
): [number, number][] {
  while (cursor.at < groups.length && groups[cursor.at].year < year) cursor.at++;
  const g = groups[cursor.at];
  return g && g.year === year ? parts.slice(g.from, g.to) : [];
}

/** The forecast for `stays`; rows the engine rejects are kept as error lines and add nothing. */
export function computeForecast(
  stays: readonly ForecastStay[],
  options: ForecastOptions = {}
): Forecast {
  const years = options.years ?? defaultYears(stays);
  if (!years || years.last < years.first)
    throw new RangeError("computeForecast: no stays and no years to report");
  const period = {
    start: serialFromYmd(years.first, 1, 1),
    end: serialFromYmd(years.last, 12, 31),
  };
  const periodSpan: Span = { from: period.start, to: period.end + 1 };
  const window = options.window;
  if (window && (window.first < years.first || window.last > years.last))
    throw new RangeError("computeForecast: the window must lie inside the years reported");
  const statusDate = options.statusDate ?? period.end;
  const starts = quarterStarts(years.first, years.last);
  const sums = Array.from({ length: starts.length - 1 }, emptySums);
  const nyRules = options.rules ?? RULE_SETS.NY;
  const nyShare = shareOf(nyRules.shelter.refundShare.value);
  const gammelShare = shareOf(RULE_SETS.GAMMEL.shelter.refundShare.value);

  const ny = runRules(stays, nyRules, period, statusDate);
  const gammel = runRules(stays, RULE_SETS.GAMMEL, period, statusDate);
  const lines: StayLine[] = stays.map((stay, i) => {
    const n = ny[i];
    const g = gammel[i];
    const line: StayLine = {
      index: i,
      ny: n,
      gammel: g,
      openTo: stay.discharge === null ? Math.max(stay.admission, statusDate + 1) : null,
      grossOre: 0,
      selfPaymentOre: 0,
      refundNyOre: 0,
      refundGammelOre: 0,
      ...(window && { window: { days: 0, grossOre: 0, refundNyOre: 0, refundGammelOre: 0 } }),
    };
    if (isRowError(n) || isRowError(g) || !n.ownDays) return line;
    // Each span list is split by quarter once, then taken year by year: a stay costs its spans
    // and its years, not their product (a hundred-year stay has a hundred windows).
    const own = daysByQuarter([n.ownDays], periodSpan, starts);
    const nyAll = daysByQuarter(n.refundSpans, periodSpan, starts);
    const gammelAll = daysByQuarter(g.refundSpans, periodSpan, starts);
    const nyYears = byYear(nyAll, years.first);
    const gammelYears = byYear(gammelAll, years.first);
    const nyAt = { at: 0 };
    const gammelAt = { at: 0 };
    for (const { year, from, to } of byYear(own, years.first)) {
      const ownParts = own.slice(from, to);
      const nyParts = partsOf(nyAll, nyYears, nyAt, year);
      const gammelParts = partsOf(gammelAll, gammelYears, gammelAt, year);
      const days = sumDays(ownParts);
      // Round per stay and year, as DK.REFUSION110 with the year as the period does.
      const gross = costOre(stay.dailyRate, days);
      const self = costOre(stay.selfPayment, days);
      const refundNy = refundOre(stay.dailyRate, stay.selfPayment, sumDays(nyParts), nyShare);
      const refundGammel = refundOre(
        stay.dailyRate,
        stay.selfPayment,
        sumDays(gammelParts),
        gammelShare
      );
      line.grossOre += gross;
      line.selfPaymentOre += self;
      line.refundNyOre += refundNy;
      line.refundGammelOre += refundGammel;
      if (line.window && year >= window!.first && year <= window!.last) {
        line.window.days += days;
        line.window.grossOre += gross;
        line.window.refundNyOre += refundNy;
        line.window.refundGammelOre += refundGammel;
      }
      addDays(ownParts, sums, "stayDays");
      spread(gross, ownParts, sums, "gross");
      spread(self, ownParts, sums, "selfPayment");
      addDays(nyParts, sums, "refundDaysNy");
      spread(refundNy, nyParts, sums, "refundNy");
      addDays(gammelParts, sums, "refundDaysGammel");
      spread(refundGammel, gammelParts, sums, "refundGammel");
    }
    return line;
  });

  const quarters: QuarterLine[] = sums.map((s, q) => ({
    year: years.first + Math.floor(q / 4),
    quarter: ((q % 4) + 1) as 1 | 2 | 3 | 4,
    ...toAmounts(s),
  }));
  const yearSums: OreSums[] = [];
  sums.forEach((s, q) => {
    const y = (yearSums[Math.floor(q / 4)] ??= emptySums());
    for (const k of Object.keys(s) as (keyof OreSums)[]) y[k] += s[k];
  });
  const totalSums = emptySums();
  for (const y of yearSums)
    for (const k of Object.keys(y) as (keyof OreSums)[]) totalSums[k] += y[k];
  // Every sum is of amounts ≥ 0, so the totals are the largest: exact totals, exact table.
  if (!Object.values(totalSums).every(Number.isSafeInteger)) throw new InexactSumError();
  return {
    rules: nyRules,
    period,
    statusDate,
    quarters,
    years: yearSums.map((s, i) => ({ year: years.first + i, ...toAmounts(s) })),
    total: toAmounts(totalSums),
    stays: lines,
    ...(window && { window }),
  };
}
