/**
 * A saving only where one would have been (issue 19): housing a citizen removes their own expected
 * shelter use, estimated from the register; the rest of the recurring use is other people.
 * Oracles: registers built so that the answer is known by construction.
 */
import { describe, expect, it } from "@jest/globals";
import { d, edate, serialFromYmd } from "../src/engine/calendar";
import { DEFAULT_PARAMETERS, type ScenarioParameters } from "../src/engine/parameters";
import {
  computeProjection,
  isProjectionError,
  prepareProjection,
  type PreparedProjection,
  type Projection,
} from "../src/engine/projection";
import {
  MIN_OBSERVATIONS,
  estimateReturns,
  expectedUse,
  returnChances,
} from "../src/engine/projection/returns";
import type { StayInput } from "../src/engine/shelter";
import { USER_GROUPS } from "../src/engine/typology";
import { fixedPricesSupportOnly, stay, theSamePeopleReturn } from "./fixtures";

/**
 * A one-year typology window: every year of these short registers has its users' groups (a
 * longer window starts counting who came back once the register covers it).
 */
const TYPOLOGY = { years: 1, chronicNights: 365, episodicEpisodes: 3, episodeGapDays: 30 };

/** Housing First for everyone past the threshold, dwellings for all, nobody leaves. */
const everyoneHoused: ScenarioParameters = {
  ...DEFAULT_PARAMETERS,
  ...fixedPricesSupportOnly,
  shareMoved: 1,
  housingPerYear: 100_000,
  relapseRate: 0,
  moveAwayRate: 0,
  targetChronic: 1,
  targetEpisodic: 1,
  targetTransitional: 1,
};

function project(stays: StayInput[], p: Partial<ScenarioParameters>): Projection {
  const result = computeProjection(stays, { ...everyoneHoused, ...p });
  if (isProjectionError(result)) throw new Error(result.message);
  return result;
}

function prepared(stays: StayInput[], p: Partial<ScenarioParameters> = {}): PreparedProjection {
  const result = prepareProjection(stays, { ...everyoneHoused, ...p });
  if (isProjectionError(result)) throw new Error(result.message);
  return result;
}

const nights = (p: Projection) => ({
  without: p.years.map((y) => y.noAction.stayDays.toNumber()),
  with: p.years.map((y) => y.housingFirst.stayDays.toNumber()),
});

describe("who comes back, estimated from registers with known rates", () => {
  it("64 citizens in 2020, half of the year's users back each next year (32, 16, 8, 4, 2): next 50 %, after a gap 0 %, nights × 1", () => {
    const stays: StayInput[] = [];
    for (let i = 0; i < 64; i++) {
      for (let y = 2020, left = 64; y <= 2025 && i < left; y++, left /= 2)
        stays.push(stay(`R${i}`, `${y}-03-01`, `${y}-03-31`));
    }
    // Episodes never make anyone episodic here: one group holds every citizen-year.
    const e = estimateReturns(stays, 2025, { ...TYPOLOGY, episodicEpisodes: 100 }).transitional;
    // At risk 64 + 32 + 16 + 8 + 4 = 124 citizen-years, 62 of them back the next year.
    expect(e.next).toMatchObject({ value: 0.5, basis: "group", observations: 124, citizens: 64 });
    expect(e.afterGap.value).toBe(0);
    expect(e.afterGap.basis).toBe("group");
    expect(e.nights).toMatchObject({ value: 1, observations: 62 });
    // The bootstrap over citizens: a range around the value, inside what a rate can be.
    expect(e.next.low).toBeLessThan(0.5);
    expect(e.next.high).toBeGreaterThan(0.5);
    expect(e.next.low).toBeGreaterThan(0.3);
    expect(e.next.high).toBeLessThan(0.7);
  });

  it("80 citizens in 2020, 20 of them back in 2022 after a year away with twice the nights: after a gap 20/140, next 0/100, nights × 2", () => {
    const stays: StayInput[] = [];
    for (let i = 0; i < 80; i++) {
      stays.push(stay(`G${i}`, "2020-05-01", "2020-05-31"));
      if (i < 20) stays.push(stay(`G${i}`, "2022-05-01", "2022-06-30"));
    }
    const e = estimateReturns(stays, 2023, TYPOLOGY).transitional;
    // 2020→21: 80 at risk next year, none back; 2021→22: 80 after a gap, 20 back; 2022→23:
    // the 20 at risk next year, none back, the 60 after a gap, none back.
    expect(e.next).toMatchObject({ value: 0, observations: 100 });
    expect(e.afterGap).toMatchObject({ value: 20 / 140, observations: 140, citizens: 80 });
    expect(e.nights.value).toBe(2);
  });

  it("a register of one year cannot say who comes back: the reserve, with its source, and says so", () => {
    const e = estimateReturns([stay("A", "2026-01-01", "2026-05-01")], 2026, TYPOLOGY);
    for (const g of USER_GROUPS) {
      expect(e[g].next).toMatchObject({ value: 0.5, basis: "reserve", observations: 0 });
      expect(e[g].afterGap.basis).toBe("reserve");
      expect(e[g].nights).toMatchObject({ value: 1, basis: "reserve" });
    }
  });

  it(`a group with fewer than ${MIN_OBSERVATIONS} citizen-years at risk takes all groups pooled`, () => {
    const stays: StayInput[] = [];
    // 30 short-stay citizens every year 2022–2024 (transitional), one all-year citizen (chronic).
    for (let i = 0; i < 30; i++)
      for (const y of [2022, 2023, 2024]) stays.push(stay(`T${i}`, `${y}-02-01`, `${y}-02-11`));
    stays.push(stay("C", "2022-01-01", "2024-12-31"));
    const e = estimateReturns(stays, 2024, TYPOLOGY);
    expect(e.transitional.next.basis).toBe("group");
    expect(e.chronic.next.basis).toBe("pooled");
  });

  it("the chain: back next year 50 %, after a gap 10 % gives 1, 0,5, 0,3, 0,22 for years 0–3; nights × 1,5 caps the use at 1", () => {
    const x = returnChances({ next: 0.5, afterGap: 0.1, nights: 1 }, 3).map((v) => v.toNumber());
    expect(x).toEqual([1, 0.5, 0.3, 0.22]);
    const use = expectedUse({ next: 0.9, afterGap: 0, nights: 1.5 }, 2).map((v) => v.toNumber());
    expect(use).toEqual([1, 1, 1]);
  });
});

describe("a saving only where one would have been", () => {
  /** Six years of 20 new citizens a year, one 120-night stay each; nobody ever returns. */
  const onceOnly: StayInput[] = [];
  for (let y = 2021; y <= 2026; y++)
    for (let i = 0; i < 20; i++) {
      const admission = serialFromYmd(y, 1, 10) + 15 * i;
      onceOnly.push({
        citizen: `N${y}-${i}`,
        admission,
        discharge: admission + 120,
        dailyRate: 1000,
        selfPayment: 0,
      });
    }

  it("once-only register: nobody comes back, so Housing First keeps at least 90 of every 120 nights of each year after the first", () => {
    const p = project(onceOnly, { horizon: 5 });
    const e = prepared(onceOnly).estimates.transitional;
    expect(e.next.value).toBe(0);
    expect(e.afterGap.value).toBe(0);
    const { without, with: withHf } = nights(p);
    for (let t = 2; t <= 5; t++) {
      expect(without[t]).toBe(2400);
      // Each stay is ended at its 90th night: the 30 after it are all Housing First can save.
      expect(withHf[t]).toBe(1800);
    }
    expect(p.years.slice(2).map((y) => y.housingFirst.moves.toNumber())).toEqual([20, 20, 20, 20]);
  });

  it("the model before issue 19 (each recurrence its own person) housed them all for good: 0 nights from year 2", () => {
    const { with: withHf } = nights(project(onceOnly, { horizon: 5, ...theSamePeopleReturn }));
    for (let t = 2; t <= 5; t++) expect(withHf[t]).toBe(0);
  });

  /** Ten citizens who come every year on the same dates; a different one-night guest each year. */
  const everyYear: StayInput[] = [];
  for (let y = 2022; y <= 2026; y++) {
    for (let i = 0; i < 10; i++)
      everyYear.push(stay(`E${i}`, `${y}-03-0${1 + (i % 5)}`, `${y}-09-01`));
    everyYear.push(stay(`guest-${y}`, `${y}-10-01`, `${y}-10-02`));
  }

  it("everyone returns every year: the register says so (next 100 %, nights × 1) and Housing First saves their whole use, as each recurrence being its own person", () => {
    // The ten are chronic from their third year (184 nights a year); the guests never come back.
    const e = prepared(everyYear, { baseYear: 2026 }).estimates.chronic;
    expect(e.next).toMatchObject({ value: 1, basis: "group" });
    expect(e.nights.value).toBe(1);
    const estimated = project(everyYear, { baseYear: 2026, horizon: 4 });
    const same = project(everyYear, { baseYear: 2026, horizon: 4, ...theSamePeopleReturn });
    expect(nights(estimated)).toEqual(nights(same));
    expect(estimated.npv.toNumber()).toBe(same.npv.toNumber());
    // Housed at night 91 the first year, never back: only the guests' nights stay.
    expect(nights(estimated).with.slice(2)).toEqual([1, 1, 1]);
  });
});

describe("§ 85 a windows follow the person, also through recurring stays (§ 176 a, stk. 3)", () => {
  // 25 citizens like P: in the shelter 1 February → 1 December every year 2023–2029 (chronic, and
  // back every year, as their own register shows). Moved in 2030 at night 91 (2 May).
  const stays: StayInput[] = [];
  for (let i = 0; i < 25; i++)
    for (let y = 2023; y <= 2029; y++) stays.push(stay(`P${i}`, `${y}-02-01`, `${y}-12-01`));
  const p = project(stays, {
    // Their nights differ only by 29 February in leap years: returners have the nights they had.
    returnNightsChronic: 1,
    baseYear: 2029,
    horizon: 3,
    supportCost: 73000,
    rentSubsidy: 0,
    oneOffCost: 0,
  });

  it("P's own record opens a window on 2029-12-01; the admission of 2030-02-01 is inside it, so the move opens none: the refund ends 2031-12-01", () => {
    expect(prepared(stays).estimates.chronic.next).toMatchObject({ value: 1, basis: "group" });
    const cost = p.years.map((y) => y.housingFirst.programmeCost.toNumber() / 25);
    // 2031: 73 000 − 334 days × 200 kr. × 50 % = 39 600; 2032 (a leap year): 366 × 200 = 73 200.
    expect(edate(d("2029-12-01"), 24)).toBe(d("2031-12-01"));
    expect(cost[2]).toBe(39600);
    expect(cost[3]).toBe(73200);
    // 2030: housed from 2 May, all of it inside the window: half of 244 days × 200 kr.
    expect(cost[1]).toBe(24400);
  });
});
