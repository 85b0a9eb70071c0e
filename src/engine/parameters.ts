/**
 * The scenario parameters as data: the one registry that the projection engine, DK.HOUSINGFIRSTPROJECTION,
 * the Scenarier sheet and the templates (issue 6) all read.
 *
 * Each parameter has the Danish name users type in the first column of a two-column parameter
 * range ("Vækst i indskrivninger"), an English alias, a label, a unit, a default, the allowed
 * range, and the source of the default. Percentages are fractions as Excel stores them: a cell
 * showing 3,5 % holds 0.035. Validation (Danish messages that name the parameter) lives here too,
 * so a template import and a cell formula refuse the same values with the same words.
 */
import type { RowError } from "./shelter";

export type ParameterId =
  | "baseYear"
  | "horizon"
  | "discountRate"
  | "admissionGrowth"
  | "stayLengthChange"
  | "rateIndexation"
  | "shareMoved"
  | "thresholdDays"
  | "supportCost"
  | "relapseRate"
  | "moveAwayRate"
  | "housingPerYear"
  | "rentSubsidy"
  | "oneOffCost";

export type ParameterUnit = "årstal" | "år" | "%" | "dage" | "kr./år" | "kr." | "boliger/år";

/** A bound of the allowed range; `exclusive` when the bound itself is not allowed. */
export interface Bound {
  value: number;
  exclusive?: boolean;
}

export interface ParameterDef {
  id: ParameterId;
  /** The Danish name users type in the parameter range (the key of a template). */
  name: string;
  /** English name, accepted in the parameter range too. */
  alias: string;
  label: { da: string; en: string };
  /** One word for chart axes and narrow tables. */
  short: { da: string; en: string };
  unit: ParameterUnit;
  /** The default; null means "derived from the data" (only the base year). */
  default: number | null;
  min: Bound;
  max: Bound;
  integer: boolean;
  /** Which group the sheet and the pane show it in. */
  group: "projection" | "housingFirst";
  /** Where the default comes from, or that it is the project's assumption. */
  source: string;
  /**
   * A parameter added after workbooks and templates were first made: a parameter range or a
   * template without it takes the default, so what users built keeps working (SPEC 4).
   */
  optional?: boolean;
}

const SBST = "Social- og Boligstyrelsen";

export const PARAMETERS: readonly ParameterDef[] = [
  {
    id: "baseYear",
    name: "Basisår",
    alias: "Base year",
    label: {
      da: "Basisår (tom = sidste hele kalenderår i data)",
      en: "Base year (blank = last full calendar year in the data)",
    },
    short: { da: "Basisår", en: "Base year" },
    unit: "årstal",
    default: null,
    min: { value: 1901 },
    max: { value: 9998 },
    integer: true,
    group: "projection",
    source:
      "Projektets standard: basisårets forløb genafspilles; tom = sidste hele kalenderår i opholdsdata",
  },
  {
    id: "horizon",
    name: "Horisont",
    alias: "Horizon",
    label: { da: "Antal fremskrivningsår", en: "Years projected" },
    short: { da: "Horisont", en: "Horizon" },
    unit: "år",
    default: 5,
    min: { value: 1 },
    max: { value: 30 },
    integer: true,
    group: "projection",
    source:
      "Projektets standard: 5 år (budgetår + overslagsår). Komponents analyse for Hjørring (webinar juni 2023) regner over 10 år",
  },
  {
    id: "discountRate",
    name: "Diskonteringsrente",
    alias: "Discount rate",
    label: { da: "Diskonteringsrente pr. år", en: "Discount rate per year" },
    short: { da: "Rente", en: "Rate" },
    unit: "%",
    default: 0.035,
    min: { value: 0 },
    max: { value: 0.25 },
    integer: false,
    group: "housingFirst",
    source: "Finansministeriets samfundsøkonomiske diskonteringsrente: 3,5 % for år 0-35",
  },
  {
    id: "admissionGrowth",
    name: "Vækst i indskrivninger",
    alias: "Admission growth",
    label: { da: "Vækst i indskrivninger pr. år", en: "Growth in admissions per year" },
    short: { da: "Vækst", en: "Growth" },
    unit: "%",
    default: 0,
    min: { value: -1, exclusive: true },
    max: { value: 1 },
    integer: false,
    group: "projection",
    source:
      "Projektets standard: uændret niveau. Landstal (Ankestyrelsen, § 110-statistik): ca. 6.300-7.000 personer og 13.500-15.800 ophold om året",
  },
  {
    id: "stayLengthChange",
    name: "Ændring i opholdslængde",
    alias: "Change in stay length",
    label: { da: "Ændring i opholdslængde pr. år", en: "Change in stay length per year" },
    short: { da: "Længde", en: "Length" },
    unit: "%",
    default: 0,
    min: { value: -1, exclusive: true },
    max: { value: 1 },
    integer: false,
    group: "projection",
    source:
      "Projektets standard: uændret. Seed (webinar juni 2023): i én kommune varede 47 % af opholdene over 90 dage og 41 % over 120 dage",
  },
  {
    id: "rateIndexation",
    name: "Takstregulering",
    alias: "Rate indexation",
    label: {
      da: "Regulering pr. år af takst, egenbetaling, bostøtte, huslejetilskud og engangsudgift",
      en: "Indexation per year of daily rates, self-payment, support, rent subsidy and one-off cost",
    },
    short: { da: "Priser", en: "Prices" },
    unit: "%",
    default: 0,
    min: { value: -1, exclusive: true },
    max: { value: 1 },
    integer: false,
    group: "projection",
    source:
      "Projektets standard: faste priser (basisårets takster). Sæt fx kommunens pris- og lønfremskrivning",
  },
  {
    id: "shareMoved",
    name: "Andel lange ophold i egen bolig",
    alias: "Share of long stays housed",
    label: {
      da: "Andel af de lange ophold, der afsluttes ved tærsklen med flytning til egen bolig",
      en: "Share of long stays that end at the threshold with a move to own home",
    },
    short: { da: "Andel", en: "Share" },
    unit: "%",
    default: 0.5,
    min: { value: 0 },
    max: { value: 1 },
    integer: false,
    group: "housingFirst",
    source:
      "Antagelse (projektets eksempel): halvdelen af de ophold, der ville passere tærsklen; tilpas til kommunens plan",
  },
  {
    id: "thresholdDays",
    name: "Tærskel for lange ophold",
    alias: "Long-stay threshold",
    label: {
      da: "Tærskel: ophold ud over dette antal døgn er lange",
      en: "Threshold: stays beyond this many nights are long",
    },
    short: { da: "Tærskel", en: "Threshold" },
    unit: "dage",
    default: 90,
    min: { value: 1 },
    max: { value: 365 },
    integer: true,
    group: "housingFirst",
    source:
      "Serviceloven § 177 (L 64): refusion for 90 dage pr. år fra 1. april 2026. Seed: 47 % af opholdene over 90 dage, 41 % over 120 dage",
  },
  {
    id: "supportCost",
    name: "Bostøtte pr. år",
    alias: "Support cost per year",
    label: {
      da: "Udgift til bostøtte (§ 85 a) pr. borger pr. år",
      en: "Housing First support (§ 85 a) per citizen per year",
    },
    short: { da: "Bostøtte", en: "Support" },
    unit: "kr./år",
    default: 85_000,
    min: { value: 0 },
    max: { value: 2_000_000 },
    integer: false,
    group: "housingFirst",
    source: `${SBST}: Housing First-støtte i egen bolig koster 40.000-130.000 kr. om året (standard: midtpunktet); et herbergsophold koster ca. 550.000 kr. om året`,
  },
  {
    id: "relapseRate",
    name: "Tilbagefald pr. år",
    alias: "Relapse per year",
    label: {
      da: "Andel af de boligplacerede, der vender tilbage til herberg pr. år",
      en: "Share of those housed who return to shelters per year",
    },
    short: { da: "Tilbagefald", en: "Relapse" },
    unit: "%",
    default: 0.1,
    min: { value: 0 },
    max: { value: 1 },
    integer: false,
    group: "housingFirst",
    source:
      "Antagelse (projektets eksempel). Komponents analyse for Hjørring (seed) regner nutidsværdier med nogen tilbagefald: 3,3 kr. igen pr. krone over 10 år for herbergsbrugere, break-even i år 2",
  },
  {
    id: "moveAwayRate",
    name: "Fraflytning pr. år",
    alias: "Move-away per year",
    label: {
      da: "Andel af de boligplacerede, der flytter fra kommunen pr. år",
      en: "Share of those housed who move away per year",
    },
    short: { da: "Fraflytning", en: "Move-away" },
    unit: "%",
    default: 0.05,
    min: { value: 0 },
    max: { value: 1 },
    integer: false,
    group: "housingFirst",
    source:
      "Antagelse (projektets eksempel). Komponents analyse for Hjørring (seed) regner nutidsværdier med fraflytning",
  },
  {
    id: "housingPerYear",
    name: "Boliger pr. år",
    alias: "Housing available per year",
    label: {
      da: "Boliger til rådighed pr. år (loft over flytninger)",
      en: "Dwellings available per year (caps the moves)",
    },
    short: { da: "Boliger", en: "Dwellings" },
    unit: "boliger/år",
    default: 25,
    min: { value: 0 },
    max: { value: 100_000 },
    integer: false,
    group: "housingFirst",
    source:
      "Antagelse (projektets eksempel). Kommunen kan anvise op til hver fjerde ledige almene familiebolig til boligsociale formål (almenboligloven § 59, stk. 1)",
  },
  {
    id: "rentSubsidy",
    name: "Huslejetilskud pr. bolig",
    alias: "Rent subsidy per dwelling",
    label: { da: "Huslejetilskud pr. bolig pr. år", en: "Rent subsidy per dwelling per year" },
    short: { da: "Husleje", en: "Rent" },
    unit: "kr./år",
    default: 0,
    min: { value: 0 },
    max: { value: 1_000_000 },
    integer: false,
    group: "housingFirst",
    source:
      "Projektets standard: 0 kr. Fonden for Blandede Byer (seed) gav huslejestøtte på 15.000 kr. om året pr. bolig med husleje på 4.500-6.500 kr. om måneden, men det er fondsmidler, der skulle bruges inden 31. december 2025",
  },
  {
    id: "oneOffCost",
    name: "Engangsudgift pr. deltager",
    alias: "One-off cost per participant",
    label: {
      da: "Engangsudgift pr. borger, der flytter i egen bolig",
      en: "One-off cost per citizen moved to own home",
    },
    short: { da: "Engang", en: "One-off" },
    unit: "kr.",
    default: 0,
    min: { value: 0 },
    max: { value: 10_000_000 },
    integer: false,
    group: "housingFirst",
    source:
      "Projektets standard: 0 kr. Til sammenligning: Fonden for Blandede Byer (seed) giver ca. 450.000 kr. i engangstilskud pr. ny billig bolig (højst 55 m², husleje ca. 3.500 kr. om måneden)",
  },
];

export type ParameterValues = Record<ParameterId, number | null>;

/** A validated parameter set: every value inside its range, the base year possibly derived. */
export interface ScenarioParameters extends ParameterValues {
  baseYear: number | null;
  horizon: number;
  discountRate: number;
  admissionGrowth: number;
  stayLengthChange: number;
  rateIndexation: number;
  shareMoved: number;
  thresholdDays: number;
  supportCost: number;
  relapseRate: number;
  moveAwayRate: number;
  housingPerYear: number;
  rentSubsidy: number;
  oneOffCost: number;
}

const BY_ID = new Map(PARAMETERS.map((p) => [p.id, p]));

export function parameterById(id: ParameterId): ParameterDef {
  return BY_ID.get(id)!;
}

/** Lower case, single spaces, no trailing colon: how names are compared. */
function normaliseName(name: string): string {
  return name.trim().replace(/:$/, "").replace(/\s+/g, " ").toLocaleLowerCase("da");
}

const BY_NAME = new Map<string, ParameterDef>();
for (const p of PARAMETERS)
  for (const n of [p.name, p.alias, p.id]) BY_NAME.set(normaliseName(n), p);

/** The parameter a user's name means: the Danish name, the English alias or the id, any case. */
export function findParameter(name: string): ParameterDef | undefined {
  return BY_NAME.get(normaliseName(name));
}

export const DEFAULT_PARAMETERS: Readonly<ScenarioParameters> = Object.fromEntries(
  PARAMETERS.map((p) => [p.id, p.default])
) as unknown as ScenarioParameters;

/** A parameter problem: an Excel error code, a Danish message, and the parameter it is about. */
export interface ParameterError extends RowError {
  parameter?: ParameterId;
}

/** Units as English messages name them. */
const UNIT_EN: Record<ParameterUnit, string> = {
  årstal: "",
  år: "years",
  "%": "%",
  dage: "days",
  "kr./år": "kr./year",
  "kr.": "kr.",
  "boliger/år": "dwellings/year",
};

/**
 * A number as users read it: 0,035 / 85.000 / 3,5 % for a percentage in Danish; 85,000 / 3.5%
 * in English, as English Excel shows the Scenarier sheet's cells.
 */
export function formatParameterValue(
  def: ParameterDef,
  value: number,
  language: "da" | "en" = "da"
): string {
  const number = (x: number) =>
    x.toLocaleString(language === "da" ? "da-DK" : "en-GB", {
      maximumFractionDigits: 6,
      useGrouping: def.unit !== "årstal",
    });
  if (language === "en") {
    const unit = value === 1 ? UNIT_EN[def.unit].replace(/^(year|day)s$/, "$1") : UNIT_EN[def.unit];
    return def.unit === "%" ? `${number(value * 100)}%` : `${number(value)}${unit && ` ${unit}`}`;
  }
  return def.unit === "%"
    ? `${number(value * 100)} %`
    : `${number(value)}${def.unit === "årstal" ? "" : ` ${def.unit}`}`;
}

function rangeText(def: ParameterDef, language: "da" | "en" = "da"): string {
  const words =
    language === "da"
      ? { above: "over", from: "fra", below: "under", most: "højst", and: "og" }
      : { above: "above", from: "from", below: "below", most: "at most", and: "and" };
  const side = (b: Bound, lower: boolean) =>
    `${lower ? (b.exclusive ? words.above : words.from) : b.exclusive ? words.below : words.most} ${formatParameterValue(def, b.value, language)}`;
  return `${side(def.min, true)} ${words.and} ${side(def.max, false)}`;
}

/** A parameter as English messages name it: the sheet's (Danish) name and the English one. */
const nameEn = (def: ParameterDef) => `«${def.name}» (${def.alias})`;

const inside = (value: number, def: ParameterDef): boolean =>
  (def.min.exclusive ? value > def.min.value : value >= def.min.value) &&
  (def.max.exclusive ? value < def.max.value : value <= def.max.value);

/** One value against its parameter's type and range; null for a blank the parameter allows. */
export function validateParameterValue(
  def: ParameterDef,
  value: unknown
): number | null | ParameterError {
  const fail = (code: RowError["code"], message: string, en: string): ParameterError => ({
    code,
    message: `«${def.name}»: ${message}`,
    en: `${nameEn(def)}: ${en}`,
    parameter: def.id,
  });
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
    return def.default === null ? null : fail("#VALUE!", "værdien mangler", "the value is missing");
  }
  if (typeof value !== "number") {
    const shown = typeof value === "string" ? `«${value}»` : String(value);
    return fail("#VALUE!", `${shown} er ikke et tal`, `${shown} is not a number`);
  }
  if (!Number.isFinite(value))
    return fail("#VALUE!", `${value} er ikke et gyldigt tal`, `${value} is not a valid number`);
  if (def.integer && !Number.isInteger(value))
    return fail(
      "#VALUE!",
      `skal være et helt tal (fik ${formatParameterValue(def, value)})`,
      `must be a whole number (got ${formatParameterValue(def, value, "en")})`
    );
  if (!inside(value, def)) {
    const percent = def.unit === "%" && Math.abs(value) > 1;
    return fail(
      "#VALUE!",
      `skal ligge ${rangeText(def)} (fik ${formatParameterValue(def, value)})${percent ? " (procent skrives 3,5 % eller 0,035)" : ""}`,
      `must lie ${rangeText(def, "en")} (got ${formatParameterValue(def, value, "en")})${percent ? " (write percentages as 3.5% or 0.035)" : ""}`
    );
  }
  return value;
}

/**
 * Validates a whole parameter set: every parameter present and inside its range, and the
 * rules that tie two parameters together. Returns the set or every problem found.
 */
export function validateParameters(
  values: Partial<Record<ParameterId, unknown>>,
  defs: readonly ParameterDef[] = PARAMETERS
): { ok: true; parameters: ScenarioParameters } | { ok: false; errors: ParameterError[] } {
  const errors: ParameterError[] = [];
  const out: Partial<Record<ParameterId, number | null>> = {};
  for (const def of defs) {
    if (!(def.id in values) && def.optional) {
      out[def.id] = def.default;
      continue;
    }
    if (!(def.id in values)) {
      errors.push({
        code: "#VALUE!",
        message: `Parameteren «${def.name}» mangler`,
        en: `The parameter ${nameEn(def)} is missing`,
        parameter: def.id,
      });
      continue;
    }
    const v = validateParameterValue(def, values[def.id]);
    if (v !== null && typeof v === "object") errors.push(v);
    else out[def.id] = v;
  }
  const relapse = out.relapseRate;
  const moveAway = out.moveAwayRate;
  if (typeof relapse === "number" && typeof moveAway === "number" && relapse + moveAway > 1) {
    errors.push({
      code: "#VALUE!",
      message: `«${parameterById("relapseRate").name}» + «${parameterById("moveAwayRate").name}» må højst være 100 % pr. år (fik ${formatParameterValue(parameterById("relapseRate"), relapse + moveAway)})`,
      en: `${nameEn(parameterById("relapseRate"))} + ${nameEn(parameterById("moveAwayRate"))} must be at most 100% a year (got ${formatParameterValue(parameterById("relapseRate"), relapse + moveAway, "en")})`,
      parameter: "moveAwayRate",
    });
  }
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, parameters: out as ScenarioParameters };
}

/**
 * Reads a two-column range of name and value (the Scenarier sheet's parameter table, or any
 * range a user points DK.HOUSINGFIRSTPROJECTION at). Blank rows and a header row whose value cell is text
 * ("Parameter" | "Værdi") are skipped. Every parameter must be named exactly once.
 */
export function parseParameterRange(
  rows: readonly (readonly unknown[])[]
): { ok: true; parameters: ScenarioParameters } | { ok: false; errors: ParameterError[] } {
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || !rows.every((r) => r.length === 2)) {
    return {
      ok: false,
      errors: [
        {
          code: "#VALUE!",
          message: `Parameterområdet skal have to kolonner: navn og værdi (det har ${width})`,
        },
      ],
    };
  }
  const errors: ParameterError[] = [];
  const values: Partial<Record<ParameterId, unknown>> = {};
  const blank = (v: unknown) =>
    v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  rows.forEach(([name, value], i) => {
    if (blank(name)) {
      if (!blank(value))
        errors.push({
          code: "#VALUE!",
          message: `Parameterområdets række ${i + 1} har en værdi, men intet navn`,
        });
      return;
    }
    const def = typeof name === "string" ? findParameter(name) : undefined;
    if (!def) {
      // A header row ("Parameter" over "Værdi") is not a parameter.
      if (i === 0 && typeof value === "string") return;
      errors.push({
        code: "#VALUE!",
        message: `Ukendt parameter «${String(name)}» i parameterområdets række ${i + 1}`,
      });
      return;
    }
    if (def.id in values) {
      errors.push({
        code: "#VALUE!",
        message: `Parameteren «${def.name}» står to gange i parameterområdet`,
        parameter: def.id,
      });
      return;
    }
    values[def.id] = value;
  });
  const checked = validateParameters(values);
  if (!checked.ok)
    errors.push(
      ...checked.errors.filter(
        (e) => !errors.some((x) => x.parameter === e.parameter && e.parameter !== undefined)
      )
    );
  return errors.length > 0 ? { ok: false, errors } : checked;
}
