/**
 * The law as data. Every share, day limit, date and window of the refund rules lives here
 * with the source that sets it, so a user (and the audit sheet) can see why a number is what
 * it is, and a change in the law is a new dated entry rather than a code change.
 */
import { d, type Serial } from "./calendar";
import { Decimal } from "./money";

/** A legal parameter with the paragraph or guidance it comes from. */
export interface Sourced<T> {
  value: T;
  source: string;
}

/** A § 110 day limit in force for stay days from `from` (inclusive) until the next entry. */
export interface DayLimit {
  from: Serial;
  days: number;
  source: string;
}

/**
 * How a limit change inside a running window applies:
 * - "day": a day is refundable if fewer than N(day) days of its window were refunded before it,
 *   with N the limit in force on that day (SPEC 1.1 default);
 * - "window": N is fixed by the day the window opened.
 */
export type PhaseInBasis = "day" | "window";

export interface ShelterRules {
  /** Statsrefusion (state refund) share of the net expense. */
  refundShare: Sourced<string>;
  /** First stay day under the day limit; earlier days are refundable without limit. */
  limitFrom: Sourced<Serial> | undefined;
  /** Day limits by date, ascending; empty means no limit. */
  dayLimits: readonly DayLimit[];
  /** Length of the rolling window that a day limit applies to. */
  windowMonths: Sourced<number>;
  phaseInBasis: Sourced<PhaseInBasis>;
  /** Resident self-payment (egenbetaling) is deducted before the refund. */
  selfPaymentDeducted: Sourced<boolean>;
}

export interface AftercareRules {
  /** § 176 a refunds exist from L 64's entry into force; earlier support days get none. */
  inForceFrom: Sourced<Serial>;
  /** § 85 a bostøtte (Housing First support): share and window after first discharge. */
  supportShare: Sourced<string>;
  supportWindowMonths: Sourced<number>;
  /** § 107 botilbud (temporary accommodation) after discharge. */
  accommodationShare: Sourced<string>;
  accommodationWindowMonths: Sourced<number>;
  /** "6 months" of § 107 stay, as cumulative stay days. */
  accommodationMaxDays: Sourced<number>;
  /** Days per year for an annual cost's daily expense. */
  daysPerYear: Sourced<number>;
}

export interface RuleSet {
  name: RuleSetName;
  title: string;
  shelter: ShelterRules;
  aftercare: AftercareRules;
}

/**
 * NY: current law, phase-in by day (SPEC 1.1 default). NY-VINDUE: current law with the day limit
 * fixed by the window's start (the other reading of the phase-in). GAMMEL: before L 64.
 */
export type RuleSetName = "NY" | "NY-VINDUE" | "GAMMEL";

const L64 = "Lov nr. 64 (L 64) om omlægning af hjemløseindsatsen, i kraft 1. oktober 2023";
const REFUND_SHARE: Sourced<string> = {
  value: "0.5",
  source: "Serviceloven § 177, stk. 1: 50 pct. statsrefusion af kommunens nettoudgift",
};
const SELF_PAYMENT: Sourced<boolean> = {
  value: true,
  source: "Bekendtgørelse om statsrefusion, § 5, stk. 5: beboerbetaling fratrækkes før refusion",
};

const AFTERCARE: AftercareRules = {
  inForceFrom: {
    value: d("2023-10-01"),
    source: `${L64}; projektets fortolkning: § 176 a refunderer kun udgifter til dage fra ikrafttrædelsen`,
  },
  supportShare: {
    value: "0.5",
    source: "Serviceloven § 176 a, stk. 1 (L 64): 50 pct. refusion af § 85 a-bostøtte",
  },
  supportWindowMonths: {
    value: 24,
    source:
      "Serviceloven § 176 a, stk. 1 og 3: i op til 2 år efter første udskrivning fra § 110; genstartes ikke",
  },
  accommodationShare: {
    value: "0.5",
    source: "Serviceloven § 176 a, stk. 2 (L 64): 50 pct. refusion af § 107-botilbud",
  },
  accommodationWindowMonths: {
    value: 12,
    source: "Serviceloven § 176 a, stk. 2: inden for 1 år efter første udskrivning fra § 110",
  },
  accommodationMaxDays: {
    value: 183,
    source:
      "Serviceloven § 176 a, stk. 2: i op til 6 måneder, regnet som 183 opholdsdage i alt (projektets fortolkning)",
  },
  daysPerYear: { value: 365, source: "Projektets fortolkning: dagsudgift = årlig udgift / 365" },
};

const NY: RuleSet = {
  name: "NY",
  title: "Gældende regler efter L 64 (refusionsgrænse pr. borger)",
  shelter: {
    refundShare: REFUND_SHARE,
    limitFrom: { value: d("2023-10-01"), source: `${L64}; serviceloven § 177, stk. 1, som ændret` },
    dayLimits: [
      {
        from: d("2023-10-01"),
        days: 120,
        source:
          'Serviceloven § 177 (L 64), indfasning: 120 dage for opholdsdage før 1. april 2026 (Social- og Boligstyrelsen, "Omstilling af hjemløshedsområdet")',
      },
      {
        from: d("2026-04-01"),
        days: 90,
        source:
          'Serviceloven § 177 (L 64): 90 dage inden for ét år fra første indskrivning, fra 1. april 2026 (Social- og Boligstyrelsen, "Omstilling af hjemløshedsområdet")',
      },
    ],
    windowMonths: {
      value: 12,
      source:
        "Serviceloven § 177 (L 64): ét år regnet fra første indskrivning; nyt år fra dagen efter (webinar juni 2023, model 1-3)",
    },
    phaseInBasis: {
      value: "day",
      source:
        "Projektets fortolkning (standard): grænsen, der gælder på den enkelte opholdsdag; lovteksten afgør ikke spørgsmålet",
    },
    selfPaymentDeducted: SELF_PAYMENT,
  },
  aftercare: AFTERCARE,
};

export const RULE_SETS: Readonly<Record<RuleSetName, RuleSet>> = {
  NY,
  "NY-VINDUE": {
    ...NY,
    name: "NY-VINDUE",
    title: "Gældende regler efter L 64, med dagegrænsen fastlagt ved vinduets start",
    shelter: {
      ...NY.shelter,
      phaseInBasis: {
        value: "window",
        source:
          "Alternativ fortolkning: grænsen fastlægges ved vinduets start, så et vindue, der åbnede før 1. april 2026, beholder 120 dage; lovteksten afgør ikke spørgsmålet",
      },
    },
  },
  GAMMEL: {
    name: "GAMMEL",
    title: "Regler før L 64 (ingen dagegrænse)",
    shelter: {
      refundShare: REFUND_SHARE,
      limitFrom: undefined,
      dayLimits: [],
      windowMonths: { value: 12, source: "Uden betydning uden dagegrænse" },
      phaseInBasis: { value: "day", source: "Uden betydning uden dagegrænse" },
      selfPaymentDeducted: SELF_PAYMENT,
    },
    aftercare: AFTERCARE,
  },
};

/**
 * Accepted spellings of a rule-set name, case-insensitive: NY/NEW, NY-VINDUE/NEW-WINDOW (a space
 * or an underscore for the hyphen too) and GAMMEL/OLD.
 */
export function ruleSetByName(name: string): RuleSet | undefined {
  switch (
    name
      .trim()
      .toUpperCase()
      .replace(/[\s_]+/g, "-")
  ) {
    case "NY":
    case "NEW":
      return RULE_SETS.NY;
    case "NY-VINDUE":
    case "NEW-WINDOW":
      return RULE_SETS["NY-VINDUE"];
    case "GAMMEL":
    case "OLD":
      return RULE_SETS.GAMMEL;
    default:
      return undefined;
  }
}

/** The § 110 day limit in force on a day, or undefined when no limit applies. */
export function dayLimitOn(rules: ShelterRules, day: Serial): DayLimit | undefined {
  let found: DayLimit | undefined;
  for (const limit of rules.dayLimits) if (limit.from <= day) found = limit;
  return found;
}

/**
 * Finansministeriet's socio-economic discount rates by the year of the flow (year 1 = the first
 * projection year; the rate of a band applies to the years in it).
 */
export const SOCIOECONOMIC_DISCOUNT: readonly { fromYear: number; rate: string; source: string }[] =
  [
    {
      fromYear: 0,
      rate: "0.035",
      source:
        "Finansministeriet, Dokumentationsnotat – den samfundsøkonomiske diskonteringsrente (7. januar 2021): 3,5 % for år 0-35",
    },
    {
      fromYear: 36,
      rate: "0.025",
      source: "Finansministeriet (7. januar 2021): 2,5 % for år 36-70",
    },
    {
      fromYear: 71,
      rate: "0.015",
      source:
        "Finansministeriet, Vejledning i samfundsøkonomiske konsekvensvurderinger (juni 2023): 1,5 % efter år 70",
    },
  ];

/**
 * The factor that discounts a flow at the end of year `t` (1, 2, …) to today: each year s = 1..t
 * at the rate of its band, as Excel's NPV discounts at the end of each year.
 */
export function socioEconomicDiscount(t: number): Decimal {
  let factor = new Decimal(1);
  for (let s = 1; s <= t; s++) {
    let rate = SOCIOECONOMIC_DISCOUNT[0].rate;
    for (const band of SOCIOECONOMIC_DISCOUNT) if (s >= band.fromYear) rate = band.rate;
    factor = factor.dividedBy(new Decimal(1).plus(rate));
  }
  return factor;
}

/**
 * The version of a rule set's data: a fingerprint (FNV-1a, 32 bit) of its entries, so it changes
 * whenever a limit, date, share or source changes, with no number to remember to raise. Two
 * templates with the same version were made under the same reading of the law; the council page
 * prints it.
 */
export function ruleSetVersion(rules: RuleSet): string {
  let hash = 0x811c9dc5;
  for (const ch of JSON.stringify(rules)) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `regeldata-${hash.toString(16).padStart(8, "0")}`;
}
