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
  dec,
  exactOre,
  kronerFromOre,
  refundOre,
  roundOre,
  shareOf,
} from "./money";
import { RULE_SETS, type RuleSet } from "./rules";
import { QuarterTally, type OreSums } from "./forecastQuarters";

export { allocateOreInt } from "./forecastQuarters";
import {
  computeShelterRefunds,
  isRowError,
  stayResult,
  type FailedRow,
  type RowError,
  type StayInput,
  type StayOutcome,
  type Warning,
} from "./shelter";
import { shelterRefunds, type StayRefund } from "./shelterWalk";

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
  /** GAMMEL's refundable days and refund (no windows or warnings: the audit sheet shows NY's). */
  gammel: StayRefund | FailedRow;
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

/** Sums in whole øre (OreSums): exact JavaScript integers far beyond any municipal budget. */
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

/**
 * The stays as the engine reads them at the status date: open stays end the day after it, and
 * an open stay admitted after it is left out (it has no days). `index` maps back to `stays`.
 */
function closedAt(
  stays: readonly ForecastStay[],
  statusDate: Serial
): { input: StayInput[]; index: number[] } {
  const input: StayInput[] = [];
  const index: number[] = [];
  stays.forEach((s, i) => {
    if (s.discharge === null && s.admission > statusDate) return;
    input.push(s.discharge === null ? { ...s, discharge: statusDate + 1 } : s);
    index.push(i);
  });
  return { input, index };
}

/**
 * The NY columns through the audit path (windows and warnings for the audit sheet), with open
 * stays closed at the status date. Outcomes come back per input index (rows and overlap
 * references renumbered to the input).
 */
function auditedRefunds(
  stays: readonly ForecastStay[],
  closed: { input: StayInput[]; index: number[] },
  rules: RuleSet,
  period: { start: Serial; end: Serial },
  statusDate: Serial
): StayOutcome[] {
  const outcomes: StayOutcome[] = new Array(stays.length);
  const open = (): Warning => ({ kind: "open", countedTo: statusDate });
  computeShelterRefunds(closed.input, { period, rules }).forEach((o, k) => {
    const i = closed.index[k];
    o.row = i;
    if (!isRowError(o)) {
      for (const w of o.warnings) if (w.kind === "overlap") w.withRow = closed.index[w.withRow];
      if (stays[i].discharge === null) o.warnings.push(open());
    }
    outcomes[i] = o;
  });
  // An open stay admitted after the status date: no days yet.
  for (let i = 0; i < stays.length; i++) outcomes[i] ??= stayResult(i, null, [open()]);
  return outcomes;
}

/** The GAMMEL columns on the lean walk: refundable days and refund, no audit trail. */
function leanRefunds(
  stays: readonly ForecastStay[],
  closed: { input: StayInput[]; index: number[] },
  rules: RuleSet,
  period: { start: Serial; end: Serial }
): (StayRefund | FailedRow)[] {
  const outcomes: (StayRefund | FailedRow)[] = new Array(stays.length);
  shelterRefunds(closed.input, { period, rules }).forEach((o, k) => {
    o.row = closed.index[k];
    outcomes[o.row] = o;
  });
  for (let i = 0; i < stays.length; i++)
    outcomes[i] ??= { row: i, ownDays: null, refundSpans: [], refundableDays: 0, amountOre: 0 };
  return outcomes;
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
  const window = options.window;
  if (window && (window.first < years.first || window.last > years.last))
    throw new RangeError("computeForecast: the window must lie inside the years reported");
  const statusDate = options.statusDate ?? period.end;
  const tally = new QuarterTally(years.first, years.last);
  const nyRules = options.rules ?? RULE_SETS.NY;
  const nyShare = shareOf(nyRules.shelter.refundShare.value);
  const gammelShare = shareOf(RULE_SETS.GAMMEL.shelter.refundShare.value);

  const closed = closedAt(stays, statusDate);
  const ny = auditedRefunds(stays, closed, nyRules, period, statusDate);
  const gammel = leanRefunds(stays, closed, RULE_SETS.GAMMEL, period);
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
    // The stay's spans are split by quarter once, then taken year by year: a stay costs its
    // spans and its years, not their product (a hundred-year stay has a hundred windows).
    const [first, last] = tally.stay(n.ownDays, n.refundSpans, g.refundSpans);
    for (let y = first; y <= last; y++) {
      const days = tally.days(y);
      if (days.own === 0) continue;
      // Round per stay and year, as DK.REFUSION110 with the year as the period does.
      const amounts = {
        gross: costOre(stay.dailyRate, days.own),
        selfPayment: costOre(stay.selfPayment, days.own),
        refundNy: refundOre(stay.dailyRate, stay.selfPayment, days.ny, nyShare),
        refundGammel: refundOre(stay.dailyRate, stay.selfPayment, days.gammel, gammelShare),
      };
      line.grossOre += amounts.gross;
      line.selfPaymentOre += amounts.selfPayment;
      line.refundNyOre += amounts.refundNy;
      line.refundGammelOre += amounts.refundGammel;
      const year = years.first + y;
      if (line.window && year >= window!.first && year <= window!.last) {
        line.window.days += days.own;
        line.window.grossOre += amounts.gross;
        line.window.refundNyOre += amounts.refundNy;
        line.window.refundGammelOre += amounts.refundGammel;
      }
      tally.add(y, amounts);
    }
    return line;
  });

  const sums = Array.from({ length: tally.quarters }, (_, q) => tally.at(q));
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
