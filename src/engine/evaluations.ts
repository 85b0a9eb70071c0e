/**
 * The published evaluations that a municipality's own Housing First figures are read beside
 * (SPEC 5, docs/model.md section 8), and the comparison itself. Each figure is what the source
 * found for its own case; the municipality's figures come from its own register and assumptions
 * and are never a reproduction of a published case.
 */
import { ZERO, sum, type Decimal } from "./money";
import type { Projection } from "./projection";

/** The figures compared: net saving per housed person and year, and return per krone over 10 years. */
export type ComparedFigure = "perPersonYear" | "ratio10";

export interface PublishedEvaluation {
  id: "vive2020" | "vive2020seed" | "hjoerring2023";
  figure: ComparedFigure;
  value: number;
  /** Break-even year after the start, where the source gives one. */
  breakEvenYear?: number;
  label: { da: string; en: string };
  source: string;
}

export const PUBLISHED_EVALUATIONS: readonly PublishedEvaluation[] = [
  {
    id: "vive2020",
    figure: "perPersonYear",
    value: 58_000,
    label: {
      da: "VIVE (2020), Housing First i Odense: kommunens udgift pr. borger faldt ca. 58.000 kr. året efter",
      en: "VIVE (2020), Housing First in Odense: the municipality's cost per citizen fell by about 58,000 kr. the year after",
    },
    source: "VIVE (2020): Housing First i Odense; SPEC 5",
  },
  {
    id: "vive2020seed",
    figure: "perPersonYear",
    value: 106_000,
    label: {
      da: "VIVE (2020) citeret i webinaret (juni 2023): Odense sparer 106.000 kr. pr. deltager",
      en: "VIVE (2020) as cited in the webinar (June 2023): Odense saves 106,000 kr. per participant",
    },
    source:
      "Webinar «Omlægning af hjemløseindsatsen» (Social- og Boligstyrelsen, juni 2023), dias om VIVE (2020)",
  },
  {
    id: "hjoerring2023",
    figure: "ratio10",
    value: 3.3,
    breakEvenYear: 2,
    label: {
      da: "Komponent for Hjørring Kommune (2023), herbergsbrugere: 3,3 kr. igen pr. krone over 10 år, break-even i år 2",
      en: "Komponent for Hjørring Municipality (2023), shelter users: 3.3 kr. back per krone over 10 years, break-even in year 2",
    },
    source:
      "Webinar «Omlægning af hjemløseindsatsen» (juni 2023): Komponents analyse i Hjørring Kommune; nutidsværdier med tilbagefald og fraflytning",
  },
];

/** How a municipality's figure stands against every published one of its kind. */
export type Verdict = "above" | "below" | "within";

/** A figure is out of line when it is more than this many times every published one, or less than its inverse. */
export const GAP_FACTOR = 2;

export interface FigureComparison {
  figure: ComparedFigure;
  /** The municipality's own figure; null when it cannot be computed (nobody housed, no cost). */
  own: number | null;
  published: PublishedEvaluation[];
  verdict: Verdict;
}

/**
 * The municipality's net saving per housed person-year over the projection: Σ (shelter cost saved
 * − programme cost) / Σ person-years housed, nominal kroner; null when nobody is housed.
 */
export function netSavingPerPersonYear(projection: Projection): Decimal | null {
  const years = projection.years.slice(1);
  const housed = sum(years.map((y) => y.housingFirst.housedYears));
  if (housed.isZero()) return null;
  const net = years.reduce(
    (s, y) => s.plus(y.housingFirst.shelterSavings).minus(y.housingFirst.programmeCost),
    ZERO
  );
  return net.dividedBy(housed);
}

function verdict(own: number | null, published: readonly PublishedEvaluation[]): Verdict {
  if (own === null || published.length === 0) return "within";
  if (published.every((e) => own > GAP_FACTOR * e.value)) return "above";
  if (published.every((e) => own < e.value / GAP_FACTOR)) return "below";
  return "within";
}

/**
 * The municipality's figures beside the published ones: the net saving per housed person-year of
 * the scenario's projection, and the return per krone of the same scenario over 10 years.
 */
export function compareWithPublished(
  projection: Projection,
  tenYears: Projection
): FigureComparison[] {
  const perPerson = netSavingPerPersonYear(projection);
  const own: Record<ComparedFigure, number | null> = {
    perPersonYear: perPerson === null ? null : perPerson.toDecimalPlaces(0).toNumber(),
    ratio10: tenYears.ratio === null ? null : tenYears.ratio.toDecimalPlaces(2).toNumber(),
  };
  return (["perPersonYear", "ratio10"] as const).map((figure) => {
    const published = PUBLISHED_EVALUATIONS.filter((e) => e.figure === figure);
    return { figure, own: own[figure], published, verdict: verdict(own[figure], published) };
  });
}
