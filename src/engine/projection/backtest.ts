/**
 * The backtest (docs/model.md, section 7): for each year of the register that has at least two
 * years before it, the projection is fitted on the years before only (their stays, with the
 * discharges as recorded, and who came back in them), projects that year without action, and is
 * compared with what happened. On a register in steady state it is exact.
 */
import { yearOf } from "../calendar";
import { computeForecast } from "../forecast";
import { Decimal, ZERO, dec } from "../money";
import { returnParameterId, type ScenarioParameters } from "../parameters";
import { citizenKey, type RowError, type StayInput } from "../shelter";
import { classifyCitizens, typologyWindow, type UserGroup } from "../typology";
import { evaluateProjection, isProjectionError, type ProjectionYear } from "./evaluate";
import { prepareProjection, type ProjectionOptions } from "./prepare";
import { resolvedRates } from "./returns";
import { defaultBaseYear, jan1 } from "./timeline";

/** The figures compared, for one year. */
export interface BacktestFigures {
  /** Citizens with at least one night in the year. */
  users: number;
  nights: number;
  gross: Decimal;
  refundNy: Decimal;
  /** Gross − self-payment − refund NY. */
  netCost: Decimal;
  /** Citizens admitted in the year who were admitted the year before too. */
  returners: number;
}

export const BACKTEST_FIGURES = [
  "users",
  "nights",
  "gross",
  "refundNy",
  "netCost",
  "returners",
] as const satisfies (keyof BacktestFigures)[];

export interface BacktestYear {
  year: number;
  projected: BacktestFigures;
  actual: BacktestFigures;
  /**
   * How far off the projection may be and still be as good as it says (in % of the actual): for
   * the returners the 95 % prediction interval (who comes back is a chance per citizen, and the
   * rates are estimates); for the other figures the largest change from one year to the next in
   * the years fitted on, which a replay of last year cannot foresee.
   */
  tolerance: Record<keyof BacktestFigures, number>;
}

export interface Backtest {
  years: BacktestYear[];
}

/** Citizens (as Excel matches them) with a night in year Y, and those admitted in it. */
function usersOf(stays: readonly StayInput[], year: number) {
  const from = jan1(year);
  const to = jan1(year + 1);
  const withNights = new Set<string>();
  const admitted = new Set<string>();
  for (const s of stays) {
    const end = s.discharge === null ? to : Math.max(s.discharge, s.admission + 1);
    if (s.admission < to && end > from) withNights.add(citizenKey(s.citizen));
    if (s.admission >= from && s.admission < to) admitted.add(citizenKey(s.citizen));
  }
  return { withNights, admitted };
}

/**
 * Years of admissions a fit needs before the year it projects, at least: two years of who came
 * back, and at least one more than the user typology's window (returns.ts).
 */
export const BACKTEST_HISTORY = 3;

/**
 * The backtest of the scenario's no-action projection on the stays: one line per year held out,
 * from the year with BACKTEST_HISTORY years of admissions before it to the base year. An error when
 * the projection of a fit cannot be made; no lines for a shorter register.
 */
export function computeBacktest(
  stays: readonly StayInput[],
  p: ScenarioParameters,
  options: ProjectionOptions = {}
): Backtest | RowError {
  const baseYear = p.baseYear ?? defaultBaseYear(stays);
  if (baseYear === undefined) return { years: [] };
  let first = Infinity;
  for (const s of stays) first = Math.min(first, s.admission);
  const firstYear = yearOf(first);
  const typology = {
    years: p.typologyYears,
    chronicNights: p.chronicNights,
    episodicEpisodes: p.episodicEpisodes,
    episodeGapDays: p.episodeGapDays,
  };
  const actual = new Map<number, BacktestFigures>();
  for (let year = firstYear; year <= baseYear; year++)
    actual.set(year, actualFigures(stays, year, options));
  const years: BacktestYear[] = [];
  // The fit needs a year whose user groups the register covers, and the year after it.
  const history = Math.max(BACKTEST_HISTORY, p.typologyYears + 1);
  for (let year = firstYear + history; year <= baseYear; year++) {
    const fit = prepareProjection(stays, { ...p, baseYear: year - 1, horizon: 1 }, options);
    if (isProjectionError(fit)) return fit;
    // Without action: no one is moved, whatever the scenario's Housing First.
    const projection = evaluateProjection(fit, { ...p, shareMoved: 0 });
    if (isProjectionError(projection)) return projection;
    const groups = classifyCitizens(stays, typologyWindow(year - 1, typology.years), typology);
    const groupOf = (c: string): UserGroup => groups.get(c)?.group ?? "transitional";
    const rates = resolvedRates(fit.estimates, p);
    const chances = [...usersOf(stays, year - 1).admitted].map((c) => {
      const g = groupOf(c);
      const own = p[returnParameterId(g, "next")];
      const e = fit.estimates[g].next;
      return { p: rates[g].next, low: own ?? e.low, high: own ?? e.high };
    });
    const returners = chances.reduce((sum, c) => sum + c.p, 0);
    // Binomial variance of the count, and the rates' own uncertainty from their bootstrap range.
    const binomial = chances.reduce((sum, c) => sum + c.p * (1 - c.p), 0);
    const rateSd = chances.reduce((sum, c) => sum + (c.high - c.low), 0) / 3.92;
    const projected: BacktestFigures = {
      users: projectedUsers(fit.timeline, fit.results, year, (c) => rates[groupOf(c)].next),
      ...money(projection.years[1]),
      returners,
    };
    const now = actual.get(year)!;
    const change = (figure: keyof BacktestFigures) => {
      let largest = 0;
      // From the register's second year: its first lacks the nights of stays admitted before it.
      for (let y = firstYear + 2; y < year; y++) {
        const d = differencePercent(actual.get(y)![figure], actual.get(y - 1)![figure]);
        if (d) largest = Math.max(largest, d.abs().toNumber());
      }
      return largest;
    };
    years.push({
      year,
      projected,
      actual: now,
      tolerance: {
        users: change("users"),
        nights: change("nights"),
        gross: change("gross"),
        refundNy: change("refundNy"),
        netCost: change("netCost"),
        returners:
          now.returners === 0
            ? Infinity
            : ((1.96 * Math.sqrt(binomial + rateSd * rateSd)) / now.returners) * 100,
      },
    });
  }
  return { years };
}

const money = (y: ProjectionYear) => ({
  nights: y.noAction.stayDays.toNumber(),
  gross: y.noAction.gross,
  refundNy: y.noAction.refundNy,
  netCost: y.noAction.netCost,
});

/**
 * The users of the year on the no-action timeline: the persons with recorded nights in it, and
 * each recurrence as another person, except the chance `sameChance` that it is someone already
 * counted from their recorded stay (who comes back, returns.ts).
 */
function projectedUsers(
  timeline: readonly { person: string; cohort: number; counted: boolean }[],
  results: readonly { ownDays: { from: number; to: number } | null }[],
  year: number,
  sameChance: (person: string) => number
): number {
  const from = jan1(year);
  const to = jan1(year + 1);
  const recorded = new Set<string>();
  const recurring = new Set<string>();
  timeline.forEach((s, row) => {
    const own = results[row].ownDays;
    if (!s.counted || !own || own.from >= to || own.to <= from) return;
    (s.cohort === 0 ? recorded : recurring).add(s.person);
  });
  let users = recorded.size;
  for (const person of recurring) users += recorded.has(person) ? 1 - sameChance(person) : 1;
  return users;
}

function actualFigures(
  stays: readonly StayInput[],
  year: number,
  options: ProjectionOptions
): BacktestFigures {
  const forecast = computeForecast(stays, {
    rules: options.rules,
    years: { first: year, last: year },
  });
  const line = forecast.years.find((y) => y.year === year);
  const users = usersOf(stays, year);
  const before = usersOf(stays, year - 1).admitted;
  return {
    users: users.withNights.size,
    nights: line?.stayDays ?? 0,
    gross: line?.gross ?? ZERO,
    refundNy: line?.refundNy ?? ZERO,
    netCost: line?.netCost ?? ZERO,
    returners: [...users.admitted].filter((c) => before.has(c)).length,
  };
}

/** (projected − actual) / actual, or null when the actual is 0. */
export function differencePercent(
  projected: number | Decimal,
  actual: number | Decimal
): Decimal | null {
  const a = dec(actual);
  return a.isZero() ? null : dec(projected).minus(a).dividedBy(a).times(100);
}
