/**
 * Who uses the shelters: the user typology after Kuhn & Culhane (1998) with the add-in's fixed
 * thresholds (chronic from 365 nights in 3 years; episodic from 3 episodes; a new episode after
 * 30 days), tested on constructed citizens, and the group figures adding up to the forecast.
 */
import { describe, expect, it } from "@jest/globals";
import { computeForecast } from "../src/engine/forecast";
import { dec } from "../src/engine/money";
import { DEFAULT_PARAMETERS } from "../src/engine/parameters";
import {
  classifyCitizens,
  groupFigures,
  typologyWindow,
  type TypologyRules,
} from "../src/engine/typology";
import { sampleRows, stay } from "./fixtures";

const rules: TypologyRules = {
  years: DEFAULT_PARAMETERS.typologyYears,
  chronicNights: DEFAULT_PARAMETERS.chronicNights,
  episodicEpisodes: DEFAULT_PARAMETERS.episodicEpisodes,
  episodeGapDays: DEFAULT_PARAMETERS.episodeGapDays,
};
const window = typologyWindow(2029, 3); // 2027-01-01 .. 2029-12-31

describe("the user groups, on constructed citizens (window 2027–2029)", () => {
  const classify = (...stays: Parameters<typeof stay>[]) =>
    classifyCitizens(
      stays.map((s) => stay(...s)),
      window,
      rules
    );

  it("chronic: 365 nights in the window, in one stay or in several over the three years", () => {
    const c = classify(
      ["One", "2028-01-01", "2028-12-31"], // 365 nights (2028 is a leap year)
      ["Several", "2027-01-01", "2027-05-01"], // 120
      ["Several", "2028-01-01", "2028-05-01"], // 121
      ["Several", "2029-01-01", "2029-05-05"] // 124
    );
    expect(c.get("one")).toEqual({ group: "chronic", nights: 365, episodes: 1 });
    expect(c.get("several")).toEqual({ group: "chronic", nights: 365, episodes: 3 });
  });

  it("the thresholds exactly: 365 nights chronic, 364 not; 3 episodes episodic, 2 not", () => {
    const c = classify(
      ["Chronic", "2028-01-01", "2029-01-01"], // 366 nights (2028 is a leap year)
      ["Almost", "2029-01-01", "2029-12-31"], // 364
      ["Three", "2027-02-01", "2027-02-05"],
      ["Three", "2027-06-01", "2027-06-03"],
      ["Three", "2029-03-01", "2029-03-02"],
      ["Two", "2027-02-01", "2027-02-05"],
      ["Two", "2028-06-01", "2028-06-03"]
    );
    expect(c.get("chronic")?.group).toBe("chronic");
    expect(c.get("almost")).toEqual({ group: "transitional", nights: 364, episodes: 1 });
    expect(c.get("three")).toEqual({ group: "episodic", nights: 7, episodes: 3 });
    expect(c.get("two")).toEqual({ group: "transitional", nights: 6, episodes: 2 });
  });

  it("stays less than 30 days apart are one episode; 30 days apart are two", () => {
    const c = classify(
      ["Near", "2028-01-01", "2028-01-10"],
      ["Near", "2028-02-08", "2028-02-10"], // 29 days after the discharge
      ["Near", "2028-03-05", "2028-03-06"], // 24 days after
      ["Far", "2028-01-01", "2028-01-10"],
      ["Far", "2028-02-09", "2028-02-10"], // 30 days after
      ["Far", "2028-03-11", "2028-03-12"] // 30 days after
    );
    expect(c.get("near")).toEqual({ group: "transitional", nights: 12, episodes: 1 });
    expect(c.get("far")).toEqual({ group: "episodic", nights: 11, episodes: 3 });
  });

  it("only nights inside the window count; overlapping stays once; an open stay to the window's end", () => {
    const c = classify(
      ["Old", "2025-01-01", "2027-01-11"], // 10 nights in the window
      ["Both", "2029-06-01", "2029-07-01"],
      ["Both", "2029-06-15", "2029-07-11"], // overlaps: 40 nights in all
      ["Open", "2029-01-01", null] // 365 nights to 2029-12-31: chronic
    );
    expect(c.get("old")).toEqual({ group: "transitional", nights: 10, episodes: 1 });
    expect(c.get("both")).toEqual({ group: "transitional", nights: 40, episodes: 1 });
    expect(c.get("open")?.group).toBe("chronic");
    expect(c.has("nobody")).toBe(false);
  });

  it("citizens are matched as Excel matches text", () => {
    const c = classify(["b1", "2028-01-01", "2028-07-01"], [" B1 ", "2028-07-01", "2029-01-01"]);
    expect([...c.keys()]).toEqual(["b1"]);
    expect(c.get("b1")?.group).toBe("chronic");
  });
});

describe("the group figures", () => {
  const stays = sampleRows().stays;
  const groups = groupFigures(stays, 2026, rules);

  it("add up to the forecast of the window's years: nights, gross cost, refunds", () => {
    const f = computeForecast(stays, { years: { first: 2024, last: 2026 } }).total;
    const total = (pick: (g: (typeof groups)[number]) => { toString(): string } | number) =>
      groups.reduce((s, g) => s.plus(dec(pick(g).toString())), dec(0)).toString();
    expect(total((g) => g.nights)).toBe(String(f.stayDays));
    expect(total((g) => g.gross)).toBe(f.gross.toString());
    expect(total((g) => g.refundNy)).toBe(f.refundNy.toString());
    expect(total((g) => g.refundLost)).toBe(f.difference.toString());
  });

  it("are the same from the whole period's forecast asked for the window's sums (no second forecast)", () => {
    const whole = computeForecast(stays, { window: { first: 2024, last: 2026 } });
    expect(whole.period.start).toBeLessThan(
      computeForecast(stays, { years: { first: 2024, last: 2026 } }).period.start
    );
    expect(groupFigures(stays, 2026, rules, {}, whole)).toEqual(groups);
    // A forecast without the window, or another window, is not used: the figures stay the same.
    expect(groupFigures(stays, 2026, rules, {}, computeForecast(stays))).toEqual(groups);
    expect(() =>
      computeForecast(stays, {
        years: { first: 2025, last: 2026 },
        window: { first: 2024, last: 2026 },
      })
    ).toThrow(RangeError);
  });

  it("on the demo municipality: about one user in six is chronic, using about half the nights (Kuhn & Culhane: 10 % using half)", () => {
    const citizens = groups.reduce((n, g) => n + g.citizens, 0);
    const nights = groups.reduce((n, g) => n + g.nights, 0);
    const chronic = groups.find((g) => g.group === "chronic")!;
    expect(groups.map((g) => [g.group, g.citizens])).toEqual([
      ["chronic", 46],
      ["episodic", 9],
      ["transitional", 222],
    ]);
    expect(chronic.citizens / citizens).toBeCloseTo(0.17, 2);
    expect(chronic.nights / nights).toBeGreaterThan(0.45);
    expect(chronic.nights / nights).toBeLessThan(0.5);
  });
});
