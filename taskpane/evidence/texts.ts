/** What the evidence panel says, in Danish and English (the pane's language). */
import type { ComparedFigure, PublishedEvaluation, Verdict } from "../../src/engine/evaluations";
import type { BacktestFigures, Estimate, ReturnEstimates } from "../../src/engine/projection";
import type { Language } from "../i18n";

type Quantity = keyof ReturnEstimates["chronic"];

export interface EvidenceTexts {
  heading: string;
  intro: string;
  needStays: string;
  run: string;
  running: string;
  failed(message: string): string;
  returnsHeading: string;
  returnsIntro: string;
  group: string;
  estimate: string;
  basisHeading: string;
  quantity: Record<Quantity, string>;
  basis(e: Estimate): string;
  backtestHeading: string;
  backtestIntro(history: number): string;
  noBacktest(history: number): string;
  year: string;
  figure: Record<keyof BacktestFigures, string>;
  projected: string;
  actual: string;
  difference: string;
  /** "forventet ±9,6 %": how far off the year may be and still be as good as the model says. */
  tolerance(percent: string): string;
  millions: string;
  outside: string;
  comparisonHeading: string;
  comparisonIntro: string;
  own: Record<ComparedFigure, string>;
  none: string;
  verdict(v: Verdict, figure: ComparedFigure): string;
  drivers(names: string): string;
  label(e: PublishedEvaluation): string;
}

const DA: EvidenceTexts = {
  heading: "Troværdighed: data, backtest og andres resultater",
  intro:
    "Hvem kommer igen på herberg, skønnet ud fra kommunens egne ophold; fremskrivningen prøvet mod de år, der allerede er gået; og kommunens tal ved siden af offentliggjorte evalueringer. Regnes for det aktive scenarie på arket Scenarier.",
  needStays: "Find opholdene først: tallene regnes ud fra dem.",
  run: "Vis troværdighed",
  running: "Regner …",
  failed: (m) => `Det kunne ikke regnes: ${m}`,
  returnsHeading: "Hvem kommer igen?",
  returnsIntro:
    "Housing First sparer kun det herbergsbrug, borgeren selv ville have haft: chancen for at være tilbage et senere år gange de døgn, den, der kommer igen, har. Resten af det gentagne brug er andre borgere, som kommer uanset indsatsen. Spænd: 95 %-interval fra en bootstrap over borgerne.",
  group: "Brugergruppe",
  estimate: "Skøn (95 %-interval)",
  basisHeading: "Grundlag",
  quantity: {
    next: "Tilbage året efter",
    afterGap: "Tilbage efter pause",
    nights: "Døgn ved tilbagevenden",
  },
  basis: (e) =>
    e.basis === "group"
      ? `${e.citizens} borgere`
      : e.basis === "pooled"
        ? `alle grupper samlet, ${e.citizens} borgere`
        : "reserveværdi: for kort register",
  backtestHeading: "Backtest: fremskrivningen mod det, der skete",
  backtestIntro: (h) =>
    `Hvert år med mindst ${h} års data før er fremskrevet alene ud fra årene før (uden indsats) og sammenlignet med det faktiske år. Forventet: hvor meget tallet svingede fra år til år før (for de genindskrevne: 95 %-forudsigelsesinterval).`,
  noBacktest: (h) =>
    `Registret er for kort til en backtest: den kræver indskrivninger fra mindst ${h + 1} kalenderår.`,
  year: "År",
  figure: {
    users: "Brugere",
    nights: "Opholdsdøgn",
    gross: "Bruttoudgift",
    refundNy: "Refusion NY",
    netCost: "Nettoudgift",
    returners: "Indskrevet igen fra året før",
  },
  projected: "Fremskrevet",
  actual: "Faktisk",
  difference: "Forskel",
  tolerance: (p) => `forventet ±${p} %`,
  millions: "mio. kr.",
  outside: "uden for det forventede",
  comparisonHeading: "Kommunens tal ved siden af offentliggjorte evalueringer",
  comparisonIntro:
    "Kommunens tal er regnet på kommunens egne data og scenariets antagelser; de er ikke en genberegning af de offentliggjorte cases.",
  own: {
    perPersonYear: "Kommunens nettobesparelse pr. boligplaceret borger pr. år",
    ratio10: "Kommunens afkast pr. krone over 10 år",
  },
  none: "kan ikke beregnes (ingen boligplacerede eller ingen udgift)",
  verdict: (v, f) =>
    v === "within"
      ? "På linje med de offentliggjorte resultater (mellem halvdelen og det dobbelte af mindst ét af dem)."
      : `${f === "perPersonYear" ? "Besparelsen pr. borger" : "Afkastet"} er ${v === "above" ? "mere end det dobbelte af" : "under halvdelen af"} alle de offentliggjorte resultater. Tjek antagelserne, før tallet bruges.`,
  drivers: (names) => `Det er især disse parametre, der flytter resultatet: ${names}.`,
  label: (e) => e.label.da,
};

const EN: EvidenceTexts = {
  heading: "How far to trust it: data, backtest and others' results",
  intro:
    "Who comes back to the shelters, estimated from the municipality's own stays; the projection tried against the years already past; and the municipality's figures beside published evaluations. For the active scenario on the Scenarier sheet.",
  needStays: "Find the stays first: the figures are computed from them.",
  run: "Show how far to trust it",
  running: "Computing …",
  failed: (m) => `It could not be computed: ${m}`,
  returnsHeading: "Who comes back?",
  returnsIntro:
    "Housing First saves only the shelter use the citizen would have had: the chance to be back in a later year times the nights of those who come back. The rest of the recurring use is other citizens, who come whatever is done. Range: 95 % interval from a bootstrap over the citizens.",
  group: "User group",
  estimate: "Estimate (95 % interval)",
  basisHeading: "Based on",
  quantity: {
    next: "Back the next year",
    afterGap: "Back after a gap",
    nights: "Nights on return",
  },
  basis: (e) =>
    e.basis === "group"
      ? `${e.citizens} citizens`
      : e.basis === "pooled"
        ? `all groups together, ${e.citizens} citizens`
        : "reserve: register too short",
  backtestHeading: "Backtest: the projection against what happened",
  backtestIntro: (h) =>
    `Each year with at least ${h} years of data before it was projected from those years alone (without action) and compared with the actual year. Expected: how much the figure moved from year to year before (for those admitted again: a 95 % prediction interval).`,
  noBacktest: (h) =>
    `The register is too short for a backtest: it needs admissions from at least ${h + 1} calendar years.`,
  year: "Year",
  figure: {
    users: "Users",
    nights: "Stay nights",
    gross: "Gross cost",
    refundNy: "Refund NY",
    netCost: "Net cost",
    returners: "Admitted again from the year before",
  },
  projected: "Projected",
  actual: "Actual",
  difference: "Difference",
  tolerance: (p) => `expected ±${p} %`,
  millions: "m kr.",
  outside: "outside what was expected",
  comparisonHeading: "The municipality's figures beside published evaluations",
  comparisonIntro:
    "The municipality's figures come from its own data and the scenario's assumptions; they are not a recomputation of the published cases.",
  own: {
    perPersonYear: "The municipality's net saving per housed citizen per year",
    ratio10: "The municipality's return per krone over 10 years",
  },
  none: "cannot be computed (nobody housed or no cost)",
  verdict: (v, f) =>
    v === "within"
      ? "In line with the published results (between half and twice at least one of them)."
      : `${f === "perPersonYear" ? "The saving per citizen" : "The return"} is ${v === "above" ? "more than twice" : "less than half of"} every published result. Check the assumptions before the figure is used.`,
  drivers: (names) => `These parameters move the result most: ${names}.`,
  label: (e) => e.label.en,
};

export const EVIDENCE_TEXTS: Readonly<Record<Language, EvidenceTexts>> = { da: DA, en: EN };
