/**
 * The scenario parameter registry: every parameter as data with a source, defaults inside their
 * own ranges, names found in Danish and English, and Danish errors that name the parameter.
 */
import { parseParameterRange } from "../src/cells/parameterRange";
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  DEFAULT_PARAMETERS,
  PARAMETERS,
  findParameter,
  formatParameterValue,
  parameterById,
  validateParameterValue,
  validateParameters,
  type ParameterId,
} from "../src/engine/parameters";

const defaults = (): Record<ParameterId, number | null> => ({ ...DEFAULT_PARAMETERS });
const range = (overrides: Partial<Record<ParameterId, unknown>> = {}) =>
  PARAMETERS.map((p) => [p.name, p.id in overrides ? overrides[p.id] : p.default]);

describe("the registry", () => {
  it("holds the 14 parameters of issue 5 and the optional ones added since, each with a Danish name, an English alias, a unit and a source", () => {
    expect(PARAMETERS.filter((p) => !p.optional).map((p) => p.id)).toEqual([
      "baseYear",
      "horizon",
      "discountRate",
      "admissionGrowth",
      "stayLengthChange",
      "rateIndexation",
      "shareMoved",
      "thresholdDays",
      "supportCost",
      "relapseRate",
      "moveAwayRate",
      "housingPerYear",
      "rentSubsidy",
      "oneOffCost",
    ]);
    // Added for issue 11 (user groups, the views): optional, so ranges made before keep working.
    expect(PARAMETERS.filter((p) => p.optional).map((p) => p.id)).toEqual([
      "cashableShare",
      "netTaxFactor",
      "targetChronic",
      "targetEpisodic",
      "targetTransitional",
      "typologyYears",
      "chronicNights",
      "episodicEpisodes",
      "episodeGapDays",
      // Issue 19: who comes back, per user group; blank = estimated from the register.
      "returnNextChronic",
      "returnAfterGapChronic",
      "returnNightsChronic",
      "returnNextEpisodic",
      "returnAfterGapEpisodic",
      "returnNightsEpisodic",
      "returnNextTransitional",
      "returnAfterGapTransitional",
      "returnNightsTransitional",
      // Issue 20: the whole bill.
      "housingBenefit",
      "housingBenefitMunicipalShare",
      "caseManagement",
      "depositCost",
      "furnishing",
      "dwellingCost",
    ]);
    // Every parameter but the base year has a low and a high value with a source (issue 11, 2):
    // the registry's, or for those estimated from the register the estimate's (with a reserve).
    expect(PARAMETERS.filter((p) => !p.range && !p.estimated).map((p) => p.id)).toEqual([
      "baseYear",
    ]);
    for (const p of PARAMETERS.filter((d) => d.estimated)) {
      const r = p.estimated!.reserve;
      expect([
        p.id,
        p.default,
        r.low <= r.value && r.value <= r.high,
        r.source.length > 20,
      ]).toEqual([p.id, null, true, true]);
    }
    for (const p of PARAMETERS.filter((d) => d.range)) {
      expect([p.id, p.range!.low <= p.range!.high, p.range!.source.length > 5]).toEqual([
        p.id,
        true,
        true,
      ]);
    }
    // The ids of any parameter without a real source, or with the same label in both languages.
    expect(PARAMETERS.filter((p) => p.source.length <= 20).map((p) => p.id)).toEqual([]);
    expect(PARAMETERS.filter((p) => p.label.da === p.label.en).map((p) => p.id)).toEqual([]);
    const names = PARAMETERS.flatMap((p) => [p.name, p.alias].map((n) => n.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
  });

  it("cites SPEC 5's facts where they are the defaults: SBST's 40 000–130 000 kr., the seed's 47 %/41 %, Fonden for Blandede Byer", () => {
    expect(parameterById("supportCost").default).toBe(85000);
    expect(parameterById("supportCost").source).toContain("40.000-130.000");
    expect(parameterById("supportCost").source).toContain("550.000");
    expect(parameterById("thresholdDays").source).toContain("47 %");
    expect(parameterById("thresholdDays").source).toContain("41 %");
    // The fund's 15 000 kr. a year was money to be used by 31 December 2025 (SPEC 5): default 0.
    expect(parameterById("rentSubsidy").default).toBe(0);
    expect(parameterById("rentSubsidy").source).toContain("Fonden for Blandede Byer");
    expect(parameterById("rentSubsidy").source).toContain("31. december 2025");
    expect(parameterById("oneOffCost").source).toContain("450.000");
    expect(parameterById("relapseRate").source).toContain("3,3");
  });

  it("every default lies in its own range, and the default set validates", () => {
    const byId = (value: (p: (typeof PARAMETERS)[number]) => unknown) =>
      Object.fromEntries(PARAMETERS.map((p) => [p.id, value(p)]));
    expect(byId((p) => validateParameterValue(p, p.default))).toEqual(byId((p) => p.default));
    const r = validateParameters(defaults());
    expect(r.ok).toBe(true);
  });

  it("finds a parameter by its Danish name, English alias or id, in any case and spacing", () => {
    expect(findParameter("Vækst i indskrivninger")?.id).toBe("admissionGrowth");
    expect(findParameter("  vækst  i INDSKRIVNINGER: ")?.id).toBe("admissionGrowth");
    expect(findParameter("Admission growth")?.id).toBe("admissionGrowth");
    expect(findParameter("housingPerYear")?.id).toBe("housingPerYear");
    expect(findParameter("Vækst")).toBeUndefined();
  });

  it("formats values as Danish users read them", () => {
    expect(formatParameterValue(parameterById("discountRate"), 0.035)).toBe("3,5 %");
    expect(formatParameterValue(parameterById("supportCost"), 85000)).toBe("85.000 kr./år");
    expect(formatParameterValue(parameterById("baseYear"), 2026)).toBe("2026");
  });
});

describe("validation: Danish errors that name the parameter (and English for the pane)", () => {
  const check = (id: ParameterId, value: unknown) =>
    validateParameterValue(parameterById(id), value);

  it("growth at or below −100 % is refused; −99 % is allowed", () => {
    expect(check("admissionGrowth", -1)).toEqual({
      code: "#VALUE!",
      problem: { id: "parameterOutOfRange", parameter: "admissionGrowth", value: -1 },
      message: "«Vækst i indskrivninger»: skal ligge over -100 % og højst 100 % (fik -100 %)",
      en: "«Vækst i indskrivninger» (Admission growth): must lie above -100% and at most 100% (got -100%)",
      parameter: "admissionGrowth",
    });
    expect(check("admissionGrowth", -1.5)).toMatchObject({
      code: "#VALUE!",
      parameter: "admissionGrowth",
    });
    expect(check("admissionGrowth", -0.99)).toBe(-0.99);
  });

  it("shares outside 0–100 % are refused, with a hint when a percentage was typed as a whole number", () => {
    expect(check("shareMoved", 1.2)).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("«Andel lange ophold i egen bolig»"),
    });
    expect(check("shareMoved", -0.1)).toMatchObject({ code: "#VALUE!" });
    expect((check("relapseRate", 10) as { message: string }).message).toContain(
      "procent skrives 3,5 % eller 0,035"
    );
    expect(check("shareMoved", 0)).toBe(0);
    expect(check("shareMoved", 1)).toBe(1);
  });

  it("negative costs are refused", () => {
    for (const id of ["supportCost", "rentSubsidy", "oneOffCost"] as const) {
      expect(check(id, -1)).toMatchObject({
        code: "#VALUE!",
        parameter: id,
        message: expect.stringContaining(`«${parameterById(id).name}»`),
      });
    }
  });

  it("a horizon of 0 or above 30 years is refused, and must be whole", () => {
    expect(check("horizon", 0)).toMatchObject({
      code: "#VALUE!",
      message: "«Horisont»: skal ligge fra 1 år og højst 30 år (fik 0 år)",
    });
    expect(check("horizon", 31)).toMatchObject({ code: "#VALUE!" });
    expect(check("horizon", 2.5)).toMatchObject({
      code: "#VALUE!",
      message: "«Horisont»: skal være et helt tal (fik 2,5 år)",
    });
    expect(check("horizon", 30)).toBe(30);
  });

  it("text, booleans and blanks: an error, except a blank base year (derived from the data)", () => {
    expect(check("discountRate", "3,5 %")).toMatchObject({
      code: "#VALUE!",
      message: "«Diskonteringsrente»: «3,5 %» er ikke et tal",
    });
    expect(check("discountRate", true)).toMatchObject({ code: "#VALUE!" });
    expect(check("discountRate", "")).toMatchObject({
      code: "#VALUE!",
      message: "«Diskonteringsrente»: værdien mangler",
    });
    expect(check("baseYear", "")).toBeNull();
    expect(check("baseYear", null)).toBeNull();
  });

  it("relapse + move-away above 100 % is refused, naming both", () => {
    const r = validateParameters({ ...defaults(), relapseRate: 0.7, moveAwayRate: 0.4 });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          code: "#VALUE!",
          problem: { id: "relapsePlusMoveAwayParameters", sum: 0.7 + 0.4 },
          message:
            "«Tilbagefald pr. år» + «Fraflytning pr. år» må højst være 100 % pr. år (fik 110 %)",
          en: "«Tilbagefald pr. år» (Relapse per year) + «Fraflytning pr. år» (Move-away per year) must be at most 100% a year (got 110%)",
          parameter: "moveAwayRate",
        },
      ],
    });
  });

  it("lists every problem, not just the first", () => {
    const r = validateParameters({ ...defaults(), horizon: 0, shareMoved: 2, supportCost: -5 });
    expect(r.ok ? [] : r.errors.map((e) => e.parameter)).toEqual([
      "horizon",
      "shareMoved",
      "supportCost",
    ]);
  });

  it("property: any value inside a parameter's range is accepted as is; any finite value outside is refused", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PARAMETERS),
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        (def, raw) => {
          const value = def.integer ? Math.round(raw) : raw;
          const inside =
            (def.min.exclusive ? value > def.min.value : value >= def.min.value) &&
            (def.max.exclusive ? value < def.max.value : value <= def.max.value);
          const r = validateParameterValue(def, value);
          // A base year of 0 is Excel desktop's empty cell: derived from the data.
          if (def.id === "baseYear" && value === 0) return r === null;
          return inside
            ? r === value
            : typeof r === "object" && r !== null && r.parameter === def.id;
        }
      )
    );
  });
});

describe("the two-column parameter range", () => {
  it("reads the Scenarier sheet's table, header row included, in any order of rows", () => {
    const rows = [["Parameter", "Værdi"], ...range({ horizon: 10 }).reverse()];
    const r = parseParameterRange(rows);
    expect(r.ok && r.parameters.horizon).toBe(10);
    expect(r.ok && r.parameters.baseYear).toBeNull();
  });

  it("English names work too", () => {
    const r = parseParameterRange(PARAMETERS.map((p) => [p.alias, p.default]));
    expect(r.ok).toBe(true);
  });

  it("an unknown name is an error naming it and its row", () => {
    const r = parseParameterRange([...range(), ["Vækst i udskrivninger", 0.1]]);
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          code: "#VALUE!",
          problem: {
            id: "unknownParameter",
            name: "Vækst i udskrivninger",
            row: PARAMETERS.length + 1,
          },
          message: `Ukendt parameter «Vækst i udskrivninger» i parameterområdets række ${PARAMETERS.length + 1}`,
          en: `Unknown parameter «Vækst i udskrivninger» in row ${PARAMETERS.length + 1} of the parameter range`,
        },
      ],
    });
  });

  it("a missing parameter is an error naming it", () => {
    const r = parseParameterRange(range().filter(([name]) => name !== "Tærskel for lange ophold"));
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          code: "#VALUE!",
          problem: { id: "parameterMissing", parameter: "thresholdDays" },
          message: "Parameteren «Tærskel for lange ophold» mangler",
          en: "The parameter «Tærskel for lange ophold» (Long-stay threshold) is missing",
          parameter: "thresholdDays",
        },
      ],
    });
  });

  it("a parameter added after the first release may be left out: its default applies (SPEC 4)", () => {
    // A registry where the threshold came later: today's ranges without it keep working.
    const later = PARAMETERS.map((p) => (p.id === "thresholdDays" ? { ...p, optional: true } : p));
    const values = Object.fromEntries(
      PARAMETERS.filter((p) => p.id !== "thresholdDays").map((p) => [p.id, p.default])
    );
    const r = validateParameters(values, later);
    expect(r.ok && r.parameters.thresholdDays).toBe(90);
    // Given, it is still checked.
    expect(validateParameters({ ...values, thresholdDays: 0 }, later).ok).toBe(false);
  });

  it("a parameter named twice is an error naming it", () => {
    const r = parseParameterRange([...range(), ["horizon", 3]]);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      "Parameteren «Horisont» står to gange i parameterområdet",
    ]);
  });

  it("a value without a name is an error naming the row; blank rows are skipped", () => {
    expect(parseParameterRange([...range(), ["", ""], [null, null]]).ok).toBe(true);
    const r = parseParameterRange([...range(), ["", 5]]);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      `Parameterområdets række ${PARAMETERS.length + 1} har en værdi, men intet navn`,
    ]);
  });

  it("a range that is not two columns is refused", () => {
    expect(parseParameterRange(PARAMETERS.map((p) => [p.name, p.default, "x"]))).toEqual({
      ok: false,
      errors: [
        {
          code: "#VALUE!",
          problem: { id: "parameterRangeNotTwoColumns", width: 3 },
          message: "Parameterområdet skal have to kolonner: navn og værdi (det har 3)",
          en: "The parameter range must have two columns: name and value (it has 3)",
        },
      ],
    });
    expect(parseParameterRange([]).ok).toBe(false);
  });
});

describe("a yes/no parameter reads what its cell shows: ja/nej, yes/no, in any case (issue 22)", () => {
  const chronic = parameterById("targetChronic");

  it.each([
    ["ja", 1],
    ["nej", 0],
    ["NEJ", 0],
    ["Ja", 1],
    [" nej ", 0],
    ["Yes", 1],
    ["no", 0],
    [true, 1],
    [false, 0],
    [1, 1],
    [0, 0],
  ])("%p in a ja/nej cell is %p", (typed, value) => {
    expect(validateParameterValue(chronic, typed)).toBe(value);
  });

  it("another word is an error that says what to write; other units still want a number", () => {
    expect(validateParameterValue(chronic, "måske")).toEqual({
      code: "#VALUE!",
      problem: { id: "parameterNotYesNo", parameter: "targetChronic", shown: "«måske»" },
      message: "«Målgruppe: kroniske»: «måske» er hverken ja eller nej (skriv ja, nej, 1 eller 0)",
      en: "«Målgruppe: kroniske» (Target: chronic users): «måske» is neither yes nor no (write yes, no, 1 or 0)",
      parameter: "targetChronic",
    });
    expect(validateParameterValue(parameterById("horizon"), "ja")).toMatchObject({
      message: "«Horisont»: «ja» er ikke et tal",
    });
  });

  it("the parameter range (the Scenarier sheet's, as Excel passes a typed text) reads nej as 0", () => {
    const r = parseParameterRange(
      range({ targetChronic: "nej", targetEpisodic: "JA", targetTransitional: "Nej" })
    );
    expect(r.ok && r.parameters.targetChronic).toBe(0);
    expect(r.ok && r.parameters.targetEpisodic).toBe(1);
    expect(r.ok && r.parameters.targetTransitional).toBe(0);
  });
});
