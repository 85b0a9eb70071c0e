/**
 * Messages as codes (src/messages): every problem has a Danish and an English text, the Danish
 * ones are the add-in's texts as users' workbooks know them, and every error the engine and the
 * cell layer return carries its problem and both texts as plain data.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  dateCell,
  flagCell,
  isRowError,
  kronerCell,
  numberCell,
  periodArgs,
  ruleSetArg,
  stayFromCells,
  yearsArg,
  STAY_FIELD_LABELS,
  type StayField,
} from "../src/cells/coerce";
import { parseParameterRange } from "../src/cells/parameterRange";
import { computeAccommodationRefunds, computeSupportRefunds } from "../src/engine/aftercare";
import { d } from "../src/engine/calendar";
import { evaluateInvestment } from "../src/engine/investment";
import { dec } from "../src/engine/money";
import {
  DEFAULT_PARAMETERS,
  PARAMETERS,
  parameterById,
  validateParameterRange,
  validateParameterValue,
  validateParameters,
} from "../src/engine/parameters";
import { computeProjection } from "../src/engine/projection";
import { RULE_SETS } from "../src/engine/rules";
import { computeShelterRefunds, type StayInput } from "../src/engine/shelter";
import { shelterCellValues } from "../src/engine/shelterWalk";
import { DA, EN, render, type Problem, type ProblemId } from "../src/messages";

/** One problem of each id: an id added to Problem without a sample here does not compile. */
const SAMPLES: { [K in ProblemId]: Extract<Problem, { id: K }> } = {
  dischargeBeforeAdmission: {
    id: "dischargeBeforeAdmission",
    admission: d("2026-05-10"),
    discharge: d("2026-05-01"),
  },
  openStayNeedsPeriodEnd: { id: "openStayNeedsPeriodEnd" },
  dailyRateInvalid: { id: "dailyRateInvalid" },
  selfPaymentInvalid: { id: "selfPaymentInvalid" },
  openAftercareNeedsPeriodEnd: { id: "openAftercareNeedsPeriodEnd", kind: "support" },
  endBeforeStart: { id: "endBeforeStart", start: d("2026-03-01"), end: d("2026-02-01") },
  annualCostNegative: { id: "annualCostNegative" },
  dailyCostNegative: { id: "dailyCostNegative" },
  flowYearsDiffer: { id: "flowYearsDiffer", costs: 3, savings: 4 },
  discountRateAtMostMinus100: { id: "discountRateAtMostMinus100", rate: "-1.5" },
  rateOverHundred: { id: "rateOverHundred", rate: "relapse", value: "12" },
  rateNegative: { id: "rateNegative", rate: "moveAway" },
  relapsePlusMoveAwayOver100: { id: "relapsePlusMoveAwayOver100", relapse: "0.7", moveAway: "0.4" },
  projectionInexact: { id: "projectionInexact", max: 90071992547409.91 },
  noStaysToProject: { id: "noStaysToProject" },
  projectedStayDischargeBeforeAdmission: { id: "projectedStayDischargeBeforeAdmission", stay: 3 },
  projectedStayAmountsInvalid: { id: "projectedStayAmountsInvalid", stay: 2 },
  projectionBeyond9999: { id: "projectionBeyond9999", baseYear: 9990, horizon: 10 },
  baseYearWithoutNights: { id: "baseYearWithoutNights", baseYear: 2024 },
  housedShareOutOfRange: { id: "housedShareOutOfRange", sum: 1.2 },
  parameterValueMissing: { id: "parameterValueMissing", parameter: "horizon" },
  parameterNotNumber: { id: "parameterNotNumber", parameter: "horizon", shown: "«ti»" },
  parameterNotYesNo: { id: "parameterNotYesNo", parameter: "targetChronic", shown: "«måske»" },
  parameterNotFinite: { id: "parameterNotFinite", parameter: "horizon", value: Infinity },
  parameterNotInteger: { id: "parameterNotInteger", parameter: "horizon", value: 2.5 },
  parameterOutOfRange: {
    id: "parameterOutOfRange",
    parameter: "discountRate",
    bound: "low",
    value: 4,
  },
  parameterMissing: { id: "parameterMissing", parameter: "thresholdDays" },
  relapsePlusMoveAwayParameters: { id: "relapsePlusMoveAwayParameters", sum: 1.1 },
  parameterHasNoRange: { id: "parameterHasNoRange", parameter: "baseYear" },
  rangeBoundMissing: {
    id: "rangeBoundMissing",
    parameter: "discountRate",
    bound: "high",
    registry: 0.06,
  },
  rangeLowAboveHigh: { id: "rangeLowAboveHigh", parameter: "discountRate", low: 0.05, high: 0.01 },
  rangeSourceNotText: { id: "rangeSourceNotText", parameter: "discountRate" },
  rangeSourceTooLong: {
    id: "rangeSourceTooLong",
    parameter: "discountRate",
    length: 1200,
    max: 1000,
  },
  rangeSourceMissing: { id: "rangeSourceMissing", parameter: "discountRate" },
  parameterRangeNotTwoColumns: { id: "parameterRangeNotTwoColumns", width: "oneCell" },
  parameterRangeRowWithoutName: { id: "parameterRangeRowWithoutName", row: 7 },
  unknownParameter: { id: "unknownParameter", name: "Vækst", row: 3 },
  parameterTwice: { id: "parameterTwice", parameter: "horizon" },
  cellHoldsError: { id: "cellHoldsError", label: STAY_FIELD_LABELS.admission, error: "#N/A" },
  cellIsBoolean: { id: "cellIsBoolean", label: STAY_FIELD_LABELS.citizen },
  valueMissing: { id: "valueMissing", label: STAY_FIELD_LABELS.dailyRate },
  notADate: { id: "notADate", label: STAY_FIELD_LABELS.discharge, shown: "Infinity" },
  dateTextUnreadable: {
    id: "dateTextUnreadable",
    label: STAY_FIELD_LABELS.admission,
    shown: "«x»",
  },
  dateTextUnsafe: {
    id: "dateTextUnsafe",
    label: STAY_FIELD_LABELS.admission,
    shown: "«01-05-26»",
    reason: { da: "årstallet har kun to cifre", en: "the year has two digits only" },
  },
  dateOutOfRange: {
    id: "dateOutOfRange",
    label: STAY_FIELD_LABELS.admission,
    first: 61,
    last: 2958465,
  },
  notAValidNumber: { id: "notAValidNumber", label: STAY_FIELD_LABELS.dailyRate, value: NaN },
  numberTextInvalid: {
    id: "numberTextInvalid",
    label: STAY_FIELD_LABELS.dailyRate,
    reason: { da: "«1.200» kan læses på to måder", en: "«1.200» reads two ways" },
  },
  notANumber: { id: "notANumber", label: STAY_FIELD_LABELS.dailyRate, shown: "«abc»" },
  amountNegative: { id: "amountNegative", label: STAY_FIELD_LABELS.selfPayment, value: -5 },
  amountTooLarge: {
    id: "amountTooLarge",
    label: STAY_FIELD_LABELS.dailyRate,
    value: 2e7,
    max: 10_000_000,
  },
  citizenInvalid: { id: "citizenInvalid", label: STAY_FIELD_LABELS.citizen },
  notACitizen: { id: "notACitizen", label: STAY_FIELD_LABELS.citizen, shown: "[object Object]" },
  ruleSetGammelInTable: { id: "ruleSetGammelInTable" },
  unknownRuleSet: { id: "unknownRuleSet", shown: "«NYT»" },
  notOneCell: { id: "notOneCell", label: { da: "Periodestart", en: "Period start" } },
  periodEndBeforeStart: { id: "periodEndBeforeStart" },
  rangeEmpty: { id: "rangeEmpty", label: { da: "Takst", en: "Daily rate" } },
  rangeNotOneColumn: {
    id: "rangeNotOneColumn",
    label: { da: "Takst", en: "Daily rate" },
    columns: 2,
  },
  rangesDifferInLength: {
    id: "rangesDifferInLength",
    first: { da: "Borger", en: "Citizen" },
    length: 4,
    other: { da: "Takst", en: "Daily rate" },
    otherLength: 3,
  },
  rangeNotRowOrColumn: {
    id: "rangeNotRowOrColumn",
    label: { da: "Udgifter", en: "Costs" },
    rows: 2,
    columns: 3,
  },
  rangeNotRectangular: { id: "rangeNotRectangular", label: { da: "Udgifter", en: "Costs" } },
  notTrueFalse: { id: "notTrueFalse", label: { da: "Berettiget", en: "Eligible" }, shown: "«ja»" },
  blankRow: { id: "blankRow" },
  noValidStays: {
    id: "noValidStays",
    skipped: [{ row: 2, problem: { id: "valueMissing", label: STAY_FIELD_LABELS.admission } }],
  },
  staysRangeEmpty: { id: "staysRangeEmpty" },
  forecastSumInexact: { id: "forecastSumInexact", max: 90071992547409.91 },
  notAYear: { id: "notAYear", shown: "«næste år»" },
  negativeCostInRatio: { id: "negativeCostInRatio", year: 2, cost: "-100" },
  investmentResultTooLarge: { id: "investmentResultTooLarge" },
  presentValueInexact: { id: "presentValueInexact", max: 90071992547409.91 },
  ratioWithoutCosts: { id: "ratioWithoutCosts" },
  noBreakEven: { id: "noBreakEven", years: 10 },
  backtestNeedsYears: { id: "backtestNeedsYears", history: 4, typologyYears: 3 },
  drawsInvalid: { id: "drawsInvalid", min: 100, max: 20_000 },
  seedInvalid: { id: "seedInvalid", max: 2 ** 32 - 1 },
  rangesNotPerParameter: { id: "rangesNotPerParameter" },
  rangeForUnknownParameter: { id: "rangeForUnknownParameter", name: "Vejret" },
  rangeNeedsLowAndHigh: { id: "rangeNeedsLowAndHigh", parameter: "supportCost" },
  rangesRefused: {
    id: "rangesRefused",
    problems: [
      { id: "rangeForUnknownParameter", name: "Vejret" },
      { id: "rangeNeedsLowAndHigh", parameter: "supportCost" },
    ],
  },
};

describe("the catalogs", () => {
  it("write every problem in Danish and in English, each its own non-empty text", () => {
    const ids = Object.keys(SAMPLES).sort();
    expect(Object.keys(DA).sort()).toEqual(ids);
    expect(Object.keys(EN).sort()).toEqual(ids);
    for (const problem of Object.values(SAMPLES)) {
      const da = render(problem, "da");
      const en = render(problem, "en");
      expect([problem.id, da.trim().length > 0, en.trim().length > 0]).toEqual([
        problem.id,
        true,
        true,
      ]);
      expect([problem.id, da]).not.toEqual([problem.id, en]);
      // Arguments reach the text: no "undefined" from a missing one.
      expect([problem.id, /undefined/.test(`${da} ${en}`)]).toEqual([problem.id, false]);
    }
  });

  it("write dates, amounts and parameter values with the add-in's own formats", () => {
    expect(render(SAMPLES.dischargeBeforeAdmission, "da")).toBe(
      "Udskrivning 01-05-2026 ligger før indskrivning 10-05-2026"
    );
    expect(render(SAMPLES.rangeLowAboveHigh, "da")).toBe(
      "«Diskonteringsrente»: lav (5 %) må ikke være større end høj (1 %)"
    );
    expect(render(SAMPLES.rangeLowAboveHigh, "en")).toBe(
      "«Diskonteringsrente» (Discount rate): low (5%) must not exceed high (1%)"
    );
    expect(render(SAMPLES.amountTooLarge, "da")).toBe(
      "Takst: 20000000 er over 10.000.000 kr., det største beløb, der kan regnes præcist på øren"
    );
    expect(render(SAMPLES.noValidStays, "en")).toBe(
      "No valid stays: 1 row (row 2 of the range: Admission is missing)"
    );
  });
});

const st = (admission: string, discharge: string | null, dailyRate = 1000): StayInput => ({
  citizen: "A",
  admission: d(admission),
  discharge: discharge === null ? null : d(discharge),
  dailyRate,
  selfPayment: 0,
});

/** The error of each outcome that has one. */
const errorsOf = (outcomes: readonly object[]) =>
  outcomes.flatMap((o) => ("error" in o ? [(o as { error: unknown }).error] : []));

describe("the Danish texts are today's messages", () => {
  it("a discharge before its admission, an open stay without a period end, a negative rate", () => {
    const errors = errorsOf(
      computeShelterRefunds(
        [
          st("2026-05-10", "2026-05-01"),
          st("2026-05-10", null),
          st("2026-05-10", "2026-06-01", -250),
        ],
        { rules: RULE_SETS.NY }
      )
    );
    expect(errors).toEqual([
      {
        code: "#VALUE!",
        problem: {
          id: "dischargeBeforeAdmission",
          admission: d("2026-05-10"),
          discharge: d("2026-05-01"),
        },
        message: "Udskrivning 01-05-2026 ligger før indskrivning 10-05-2026",
        en: "Discharge 01-05-2026 is before admission 10-05-2026",
      },
      {
        code: "#VALUE!",
        problem: { id: "openStayNeedsPeriodEnd" },
        message: "Åbent ophold (ingen udskrivningsdato) kræver en periodeslutdato",
        en: "An open stay (no discharge date) needs a period end date",
      },
      {
        code: "#VALUE!",
        problem: { id: "dailyRateInvalid" },
        message: "Taksten skal være et beløb på 0 kr. eller mere",
        en: "The daily rate must be an amount of 0 kr. or more",
      },
    ]);
    const support = computeSupportRefunds(
      [
        {
          firstDischarge: d("2026-01-15"),
          start: d("2026-01-15"),
          end: null,
          annualCost: dec(73000),
          eligible: true,
        },
      ],
      { rules: RULE_SETS.NY.aftercare }
    );
    expect(errorsOf(support).map((e) => (e as { message: string }).message)).toEqual([
      "Åben støtte (ingen slutdato) kræver en periodeslutdato",
    ]);
    expect(kronerCell(-250, STAY_FIELD_LABELS.dailyRate, "error")).toMatchObject({
      message: "Takst må ikke være negativ (-250)",
      en: "Daily rate must not be negative (-250)",
    });
    const investment = { costs: [dec(1)], savings: [dec(2)], moveAwayRate: dec(0) };
    expect(
      evaluateInvestment({ ...investment, rate: dec(0.035), relapseRate: dec(-0.1) })
    ).toMatchObject({ message: "Tilbagefaldsraten må ikke være negativ" });
    expect(evaluateInvestment({ ...investment, rate: dec(10), relapseRate: dec(0) })).toMatchObject(
      {
        message:
          "Diskonteringsrenten er over 100 % pr. år (fik 10, dvs. 1.000 %): skriv 10 % eller 0,1",
      }
    );
  });

  it("a missing parameter and parameters out of their range", () => {
    const { thresholdDays: _left, ...rest } = DEFAULT_PARAMETERS;
    const missing = validateParameters(rest);
    expect(missing.ok ? [] : missing.errors.map((e) => [e.message, e.en, e.parameter])).toEqual([
      [
        "Parameteren «Tærskel for lange ophold» mangler",
        "The parameter «Tærskel for lange ophold» (Long-stay threshold) is missing",
        "thresholdDays",
      ],
    ]);
    expect(validateParameterValue(parameterById("relapseRate"), 10)).toMatchObject({
      message:
        "«Tilbagefald pr. år»: skal ligge fra 0 % og højst 100 % (fik 1.000 %) (procent skrives 3,5 % eller 0,035)",
      en: "«Tilbagefald pr. år» (Relapse per year): must lie from 0% and at most 100% (got 1,000%) (write percentages as 3.5% or 0.035)",
      parameter: "relapseRate",
    });
    const range = validateParameterRange(parameterById("discountRate"), -5, "x");
    expect(Array.isArray(range) && range.map((e) => [e.message, e.en])).toEqual([
      [
        "«Diskonteringsrente»: lav skal ligge fra 0 % og højst 25 % (fik -500 %) (procent skrives 3,5 % eller 0,035)",
        "«Diskonteringsrente» (Discount rate): low must lie from 0% and at most 25% (got -500%) (write percentages as 3.5% or 0.035)",
      ],
      [
        "«Diskonteringsrente»: høj «x» er ikke et tal",
        "«Diskonteringsrente» (Discount rate): high «x» is not a number",
      ],
    ]);
  });
});

/** An error as the engine returns it: its problem, and both texts written from it. */
function expectWritten(error: unknown): void {
  const e = error as { code: string; problem: Problem; message: string; en: string };
  expect(typeof e.en).toBe("string");
  expect(e.en.length).toBeGreaterThan(0);
  expect(e.message).toBe(render(e.problem, "da"));
  expect(e.en).toBe(render(e.problem, "en"));
  // Plain data: it survives the structured clone to and from a web worker unchanged.
  expect(structuredClone(e)).toEqual(e);
}

const cell = fc.oneof(
  fc.constantFrom(null, "", " ", 0, -1, 1.5, NaN, Infinity, true, "abc", "#N/A", "01-05-26"),
  fc.constantFrom("1.200", "-5", "3,5 %", "2026-05-01", "31-02-2026", 3e6, 2958466, 1e8),
  fc.constantFrom({ code: "#DIV/0!" }, [[1, 2]], {}),
  fc.double(),
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.string({ maxLength: 6 })
);

describe("every error of a hostile corpus carries its problem and both texts", () => {
  it("cells read by the cell layer", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 9, maxLength: 9 }), (c) => {
        const fields: StayField[] = [
          "citizen",
          "admission",
          "discharge",
          "dailyRate",
          "selfPayment",
        ];
        const results = [
          stayFromCells((f) => c[fields.indexOf(f)]),
          dateCell(c[5], "Dato"),
          numberCell(c[6], "Tal", "error"),
          flagCell(c[7], "Berettiget", false),
          ruleSetArg(c[8], true),
          periodArgs(c[5], c[6]),
          yearsArg([[c[0], c[1], c[2]]], "Udgifter"),
          yearsArg([[c[0], c[1]], [c[2]]], "Besparelser"),
        ];
        for (const r of results) if (isRowError(r)) expectWritten(r);
      }),
      { numRuns: 400 }
    );
  });

  it("bad rows in the engine: § 110 (both paths), § 85 a and § 107", () => {
    const serial = fc.oneof(fc.integer({ min: 40000, max: 50000 }), fc.constant(NaN));
    const amount = fc.oneof(fc.double({ min: -1e4, max: 1e4 }), fc.constantFrom(NaN, -Infinity));
    const stay = fc.record({
      citizen: fc.constantFrom("A", "B"),
      admission: serial,
      discharge: fc.option(serial),
      dailyRate: amount,
      selfPayment: amount,
    });
    const period = fc.record({
      start: fc.option(serial, { nil: undefined }),
      end: fc.option(serial, { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(stay, { maxLength: 6 }), period, (stays, p) => {
        const options = { period: p, rules: RULE_SETS.NY };
        const errors = errorsOf(computeShelterRefunds(stays, options));
        errors.forEach(expectWritten);
        expect([...shelterCellValues(stays, options, "days").errors.values()]).toEqual(errors);
        const rows = stays.map((s) => ({
          firstDischarge: s.admission,
          start: s.admission,
          end: s.discharge,
          annualCost: dec(s.dailyRate),
          dailyCost: dec(s.selfPayment),
          citizen: s.citizen,
          eligible: true,
        }));
        const aftercare = { period: p, rules: RULE_SETS.NY.aftercare };
        errorsOf(computeSupportRefunds(rows, aftercare)).forEach(expectWritten);
        errorsOf(computeAccommodationRefunds(rows, aftercare)).forEach(expectWritten);
      }),
      { numRuns: 300 }
    );
  });

  it("the investment case, parameter values and ranges, the parameter range", () => {
    const rate = fc.double({ min: -3, max: 30, noNaN: true }).map((x) => dec(x));
    fc.assert(
      fc.property(rate, rate, rate, fc.integer({ min: 0, max: 3 }), (r, relapse, moveAway, n) => {
        const result = evaluateInvestment({
          rate: r,
          costs: Array.from({ length: n }, () => dec(1)),
          savings: [dec(2)],
          relapseRate: relapse,
          moveAwayRate: moveAway,
        });
        if ("code" in result) expectWritten(result);
      }),
      { numRuns: 300 }
    );
    fc.assert(
      fc.property(fc.constantFrom(...PARAMETERS), cell, cell, cell, (def, value, low, high) => {
        const one = validateParameterValue(def, value);
        if (one !== null && typeof one === "object") expectWritten(one);
        const range = validateParameterRange(def, low, high, value);
        if (Array.isArray(range)) range.forEach(expectWritten);
        const read = parseParameterRange([
          [def.name, value],
          [low, high],
          [def.alias, value],
        ]);
        if (!read.ok) read.errors.forEach(expectWritten);
      }),
      { numRuns: 400 }
    );
  });

  it("projections the model cannot make", () => {
    const p = { ...DEFAULT_PARAMETERS };
    const cases: [StayInput[], typeof p][] = [
      [[], p],
      [[st("2026-05-10", "2026-05-01")], p],
      [[st("2026-01-10", "2026-05-01", -1)], p],
      [[st("2029-02-10", "2029-03-15")], { ...p, baseYear: 2024 }],
      [[st("2026-01-10", "2026-05-01")], { ...p, baseYear: 9990, horizon: 20 }],
      [
        [st("2025-01-10", "2026-05-01")],
        { ...p, baseYear: 2025, relapseRate: 0.8, moveAwayRate: 0.5 },
      ],
    ];
    const ids = cases.map(([stays, parameters]) => {
      const result = computeProjection(stays, parameters);
      expectWritten(result);
      return (result as { problem: Problem }).problem.id;
    });
    expect(ids).toEqual([
      "noStaysToProject",
      "projectedStayDischargeBeforeAdmission",
      "projectedStayAmountsInvalid",
      "baseYearWithoutNights",
      "projectionBeyond9999",
      "housedShareOutOfRange",
    ]);
  });
});
