/**
 * What the forecast sheet and the audit sheet say, in Danish and English (the pane's language,
 * sheetLanguage.ts). The sheets' and tables' names stay Danish in both (formulas may refer to
 * them); the legal sources are quoted as the Danish documents have them.
 */
import { danishFromSerial, type Serial } from "../../engine/calendar";
import type { AMOUNT_HEADERS } from "../../engine/forecast";
import type { UserGroup } from "../../engine/typology";
import type { SheetLanguage } from "../sheetLanguage";

type AmountHeader = (typeof AMOUNT_HEADERS)[number];

/** The audit sheet's columns, in order, by key. */
export const AUDIT_KEYS = [
  "row",
  "citizen",
  "shelter",
  "admission",
  "discharge",
  "dailyRate",
  "selfPayment",
  "stayDays",
  "windowStart",
  "refundDaysNy",
  "refundNy",
  "refundDaysGammel",
  "refundGammel",
  "gross",
  "daysByYear",
  "rule",
  "source",
  "warnings",
] as const;
export type AuditKey = (typeof AUDIT_KEYS)[number];

/** How one window of a stay went, for the audit's «Regel (NY)». */
export interface WindowText {
  start: Serial;
  /** Last day of the window (inclusive). */
  last: Serial;
  refunded: number;
  /** The stay's days in the window up to the period's end that were not refunded. */
  over: number;
  /** The stay's days in the window after the period's end: not computed. */
  after: number;
  periodEnd: Serial;
  limits: string;
}

export interface ForecastTexts {
  title: string;
  period(
    start: Serial,
    end: Serial,
    statusDate: Serial,
    ok: number,
    bad: number,
    audit: string
  ): string;
  rules(ny: string, nyName: string, gammel: string, source: string): string;
  difference: string;
  perQuarter: string;
  perYear: string;
  year: string;
  quarter: string;
  quarterLabel(q: number): string;
  total: string;
  amount: Record<AmountHeader, string>;
  chartRefunds: string;
  chartNetCost: string;
  /** Rule-set titles by name (rules.ts has the Danish ones). */
  ruleTitle: Record<string, string>;
  // ---- the audit sheet ----
  audit: Record<AuditKey, string>;
  unlimited(days: number, limitFrom: Serial): string;
  window(w: WindowText): string;
  noOwnDays: string;
  legend: [string, string];
  overlap(row: number, days: number): string;
  open(countedTo: Serial): string;
  selfPaymentAboveRate: string;
  pseudonym(n: number): string;
  byYear(year: number, days: number, refunded: number): string;
  error(message: string, code?: string): string;
  notes(share: string, periodStart: Serial, periodEnd: Serial): [string, string][];
  // ---- the user groups ----
  groupHeaders: readonly string[];
  groupLabel: Record<UserGroup, string>;
  groupsTitle(first: number, last: number): string;
  typologyNote(t: {
    chronicNights: number;
    episodicEpisodes: number;
    episodeGapDays: number;
    years: number;
    first: number;
    last: number;
    scenario: string | null;
  }): string;
  groupsChart: string;
  groupSeries: [string, string, string];
}

const date = danishFromSerial;

const DA: ForecastTexts = {
  title: "Refusionsprognose: ophold i boform efter serviceloven § 110 (herberg/forsorgshjem)",
  period: (start, end, status, ok, bad, audit) =>
    `Periode ${date(start)} – ${date(end)}. Åbne ophold er talt med til og med ${date(status)}. ` +
    `${ok} ophold beregnet, ${bad} rækker med fejl (se arket "${audit}").`,
  rules: (ny, name, gammel, source) =>
    `NY: ${ny} (regelsæt ${name}). GAMMEL: ${gammel}. Refusion: ${source}.`,
  difference:
    "Forskel = refusion GAMMEL − refusion NY: den refusion, reformen (L 64) tager fra kommunen. Kommunal nettoudgift = bruttoudgift − egenbetaling − refusion NY.",
  perQuarter: "Pr. kvartal",
  perYear: "Pr. år",
  year: "År",
  quarter: "Kvartal",
  quarterLabel: (q) => `K${q}`,
  total: "I alt",
  amount: {
    Opholdsdøgn: "Opholdsdøgn",
    "Refusionsdøgn NY": "Refusionsdøgn NY",
    "Refusionsdøgn GAMMEL": "Refusionsdøgn GAMMEL",
    Bruttoudgift: "Bruttoudgift",
    Egenbetaling: "Egenbetaling",
    "Refusion NY": "Refusion NY",
    "Refusion GAMMEL": "Refusion GAMMEL",
    "Forskel (reformens pris)": "Forskel (reformens pris)",
    "Kommunal nettoudgift": "Kommunal nettoudgift",
  },
  chartRefunds: "Refusion pr. år: NY (L 64) og GAMMEL (før reformen)",
  chartNetCost: "Kommunal nettoudgift pr. år",
  ruleTitle: {},
  audit: {
    row: "Række",
    citizen: "Borger",
    shelter: "Boform",
    admission: "Indskrivning",
    discharge: "Udskrivning",
    dailyRate: "Takst pr. døgn",
    selfPayment: "Egenbetaling pr. døgn",
    stayDays: "Opholdsdøgn i perioden",
    windowStart: "Vinduesstart",
    refundDaysNy: "Refusionsdøgn NY",
    refundNy: "Refusion NY",
    refundDaysGammel: "Refusionsdøgn GAMMEL",
    refundGammel: "Refusion GAMMEL",
    gross: "Bruttoudgift",
    daysByYear: "Døgn pr. år",
    rule: "Regel (NY)",
    source: "Kilde",
    warnings: "Advarsler",
  },
  unlimited: (days, from) => `${days} døgn før ${date(from)} uden dagegrænse`,
  window: (w) =>
    `vindue ${date(w.start)}–${date(w.last)}: i perioden ${w.refunded} døgn refunderet${w.over > 0 ? ` og ${w.over} døgn ud over grænsen` : ""} (grænse ${w.limits} dage)` +
    (w.after > 0
      ? `; ${w.after} døgn efter periodens slutning ${date(w.periodEnd)} er ikke regnet`
      : ""),
  noOwnDays: "ingen egne opholdsdøgn",
  legend: ["Kilde", "Tekst"],
  overlap: (row, days) => `Overlapper opholdet i række ${row} (${days} døgn tælles dér)`,
  open: (to) => `Åbent ophold: talt med til og med ${date(to)}`,
  selfPaymentAboveRate: "Egenbetalingen er større end taksten: ingen refusion",
  pseudonym: (n) => `Borger ${n}`,
  byYear: (year, days, refunded) => `${year}: ${days} døgn, heraf ${refunded} NY`,
  error: (message, code) => (code ? `Fejl (${code}): ${message}` : `Fejl: ${message}`),
  notes: (share, start, end) => [
    ["Beløb", "Sådan regnes de"],
    [
      "Periode",
      `${date(start)} – ${date(end)}. Opholdsdøgn og refusionsdøgn er døgnene i perioden. «Regel (NY)» viser hvert vindue inden for perioden: refunderede døgn og døgn ud over grænsen (opholdets døgn i vinduet minus de refunderede); et vindue, der fortsætter efter perioden, er kun regnet til periodens slutning.`,
    ],
    ["Bruttoudgift", "Takst pr. døgn × opholdsdøgn i perioden."],
    [
      "Refusion NY",
      `Summen over kalenderårene af AFRUND(${share} × (takst − egenbetaling pr. døgn) × årets refusionsdøgn NY; 2), mindst 0.`,
    ],
    ["Refusion GAMMEL", "Som Refusion NY, med årets opholdsdøgn (GAMMEL har ingen dagegrænse)."],
    [
      "Afrunding",
      "Beløbene afrundes til øre pr. ophold og kalenderår, som DK.REFUSION110 med året som periode, så årene summer til prognosen. Et ophold over nytår kan derfor afvige op til 1 øre pr. år fra én samlet afrunding; kolonnen «Døgn pr. år» viser årenes døgn.",
    ],
  ],
  groupHeaders: [
    "Gruppe",
    "Borgere",
    "Andel af borgerne",
    "Ophold",
    "Overnatninger",
    "Andel af overnatningerne",
    "Bruttoudgift",
    "Andel af bruttoudgiften",
    "Refusion tabt til dagegrænsen",
    "Andel af den tabte refusion",
  ],
  groupLabel: {
    chronic: "Kroniske brugere",
    episodic: "Episodiske brugere",
    transitional: "Forbigående brugere",
  },
  groupsTitle: (first, last) => `Hvem bruger herbergerne? Brugergrupper ${first}–${last}`,
  typologyNote: (t) => {
    const from =
      t.scenario === null
        ? "standardværdierne (intet gyldigt aktivt scenarie i arket Scenarier)"
        : `det aktive scenarie «${t.scenario}» i arket Scenarier`;
    return (
      `Brugergrupper efter Kuhn & Culhane (1998), som Benjaminsen & Andrade (2015) brugte på danske herbergsdata: ` +
      `kronisk bruger med mindst ${t.chronicNights} overnatninger i ${t.first}–${t.last}; ` +
      `episodisk med mindst ${t.episodicEpisodes} forløb (ophold under ${t.episodeGapDays} dage fra hinanden er ét forløb); ellers forbigående. ` +
      `Perioden er de ${t.years} år, der slutter med basisåret ${t.last}. Grænserne er fra ${from}.`
    );
  },
  groupsChart: "Brugergruppernes andel af borgere, overnatninger og bruttoudgift",
  groupSeries: ["Andel af borgerne", "Andel af overnatningerne", "Andel af bruttoudgiften"],
};

const EN: ForecastTexts = {
  title:
    "Refund forecast: stays in shelters under the Social Services Act § 110 (herberg/forsorgshjem)",
  period: (start, end, status, ok, bad, audit) =>
    `Period ${date(start)} – ${date(end)}. Open stays are counted through ${date(status)}. ` +
    `${ok} stays computed, ${bad} rows with errors (see the sheet "${audit}").`,
  rules: (ny, name, gammel, source) =>
    `NY: ${ny} (rule set ${name}). GAMMEL: ${gammel}. Refund: ${source}.`,
  difference:
    "Difference = refund GAMMEL − refund NY: the refund the reform (L 64) takes from the municipality. Municipal net cost = gross cost − self-payment − refund NY.",
  perQuarter: "By quarter",
  perYear: "By year",
  year: "Year",
  quarter: "Quarter",
  quarterLabel: (q) => `Q${q}`,
  total: "Total",
  amount: {
    Opholdsdøgn: "Stay nights",
    "Refusionsdøgn NY": "Refund days NY",
    "Refusionsdøgn GAMMEL": "Refund days GAMMEL",
    Bruttoudgift: "Gross cost",
    Egenbetaling: "Self-payment",
    "Refusion NY": "Refund NY",
    "Refusion GAMMEL": "Refund GAMMEL",
    "Forskel (reformens pris)": "Difference (cost of the reform)",
    "Kommunal nettoudgift": "Municipal net cost",
  },
  chartRefunds: "Refund by year: NY (L 64) and GAMMEL (before the reform)",
  chartNetCost: "Municipal net cost by year",
  ruleTitle: {
    NY: "Current law after L 64 (refund limit per citizen)",
    "NY-VINDUE": "Current law after L 64, the day limit fixed at the window's start",
    GAMMEL: "Rules before L 64 (no day limit)",
  },
  audit: {
    row: "Row",
    citizen: "Citizen",
    shelter: "Shelter",
    admission: "Admission",
    discharge: "Discharge",
    dailyRate: "Daily rate",
    selfPayment: "Self-payment per day",
    stayDays: "Stay nights in the period",
    windowStart: "Window start",
    refundDaysNy: "Refund days NY",
    refundNy: "Refund NY",
    refundDaysGammel: "Refund days GAMMEL",
    refundGammel: "Refund GAMMEL",
    gross: "Gross cost",
    daysByYear: "Nights by year",
    rule: "Rule (NY)",
    source: "Source",
    warnings: "Warnings",
  },
  unlimited: (days, from) => `${days} nights before ${date(from)} without a day limit`,
  window: (w) =>
    `window ${date(w.start)}–${date(w.last)}: in the period ${w.refunded} nights refunded${w.over > 0 ? ` and ${w.over} nights over the limit` : ""} (limit ${w.limits} days)` +
    (w.after > 0
      ? `; ${w.after} nights after the period's end ${date(w.periodEnd)} are not computed`
      : ""),
  noOwnDays: "no nights of its own",
  legend: ["Source", "Text"],
  overlap: (row, days) => `Overlaps the stay in row ${row} (${days} nights count there)`,
  open: (to) => `Open stay: counted through ${date(to)}`,
  selfPaymentAboveRate: "The self-payment is larger than the daily rate: no refund",
  pseudonym: (n) => `Citizen ${n}`,
  byYear: (year, days, refunded) => `${year}: ${days} nights, ${refunded} of them NY`,
  error: (message, code) => (code ? `Error (${code}): ${message}` : `Error: ${message}`),
  notes: (share, start, end) => [
    ["Amount", "How it is computed"],
    [
      "Period",
      `${date(start)} – ${date(end)}. Stay nights and refund days are the nights in the period. «Rule (NY)» shows each window within the period: nights refunded and nights over the limit (the stay's nights in the window less those refunded); a window that runs on after the period is computed only to the period's end.`,
    ],
    ["Gross cost", "Daily rate × stay nights in the period."],
    [
      "Refund NY",
      `The sum over the calendar years of ROUND(${share} × (daily rate − self-payment per day) × the year's refund days NY, 2), at least 0.`,
    ],
    ["Refund GAMMEL", "As Refund NY, with the year's stay nights (GAMMEL has no day limit)."],
    [
      "Rounding",
      "Amounts are rounded to øre per stay and calendar year, as DK.REFUSION110 with the year as the period, so the years add up to the forecast. A stay across New Year may therefore differ by up to 1 øre a year from one rounding of the whole; the column «Nights by year» shows the years' nights.",
    ],
  ],
  groupHeaders: [
    "Group",
    "Citizens",
    "Share of citizens",
    "Stays",
    "Nights",
    "Share of nights",
    "Gross cost",
    "Share of gross cost",
    "Refund lost to the day limit",
    "Share of the refund lost",
  ],
  groupLabel: {
    chronic: "Chronic users",
    episodic: "Episodic users",
    transitional: "Transitional users",
  },
  groupsTitle: (first, last) => `Who uses the shelters? User groups ${first}–${last}`,
  typologyNote: (t) => {
    const from =
      t.scenario === null
        ? "the default values (no valid active scenario on the Scenarier sheet)"
        : `the active scenario “${t.scenario}” on the Scenarier sheet`;
    return (
      `User groups after Kuhn & Culhane (1998), as Benjaminsen & Andrade (2015) applied them to Danish shelter data: ` +
      `a chronic user has at least ${t.chronicNights} nights in ${t.first}–${t.last}; ` +
      `an episodic one at least ${t.episodicEpisodes} episodes (stays less than ${t.episodeGapDays} days apart are one episode); the rest are transitional. ` +
      `The period is the ${t.years} years that end with the base year ${t.last}. The thresholds are from ${from}.`
    );
  },
  groupsChart: "The user groups' share of citizens, nights and gross cost",
  groupSeries: ["Share of citizens", "Share of nights", "Share of gross cost"],
};

export const FORECAST_TEXTS: Readonly<Record<SheetLanguage, ForecastTexts>> = { da: DA, en: EN };
