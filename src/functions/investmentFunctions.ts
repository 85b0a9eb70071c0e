/**
 * The Housing First investment case: DK.HOUSINGFIRSTNPV, DK.HOUSINGFIRSTRATIO and
 * DK.HOUSINGFIRSTBREAKEVEN. They share one argument list (SPEC 2) and one evaluation.
 * These are the Node contract (SPEC 2: a number or error for single cells, a column for
 * ranges); registered.ts wraps them as Excel calls them, and catalog.ts holds their help text.
 */
import { evaluateInvestment, isInvestmentError, type InvestmentResult } from "../engine/investment";
import { roundOre } from "../engine/money";
import { isRowError, numberCell, scalarArg, yearsArg, type RowError } from "./coerce";
import { toCell, type CellResult } from "./rowwise";

function oneCell(arg: unknown, label: string, blank: "zero" | "error") {
  const value = scalarArg(arg);
  if (Array.isArray(value))
    return { code: "#VALUE!", message: `${label} skal være én celle` } satisfies RowError;
  return numberCell(value, label, blank);
}

function evaluate(
  rate: unknown,
  costs: unknown,
  savings: unknown,
  relapseRate: unknown,
  moveawayRate: unknown
): InvestmentResult | RowError {
  const r = oneCell(rate, "Diskonteringsrente", "error");
  if (isRowError(r)) return r;
  const c = yearsArg(costs, "Udgifter");
  if (isRowError(c)) return c;
  const s = yearsArg(savings, "Besparelser");
  if (isRowError(s)) return s;
  const relapse = oneCell(relapseRate, "Tilbagefaldsrate", "zero");
  if (isRowError(relapse)) return relapse;
  const moveAway = oneCell(moveawayRate, "Fraflytningsrate", "zero");
  if (isRowError(moveAway)) return moveAway;
  return evaluateInvestment({
    rate: r,
    costs: c,
    savings: s,
    relapseRate: relapse,
    moveAwayRate: moveAway,
  });
}

const TOO_LARGE: RowError = {
  code: "#VALUE!",
  message: "Resultatet er for stort til en celle (tjek renten og antallet af år)",
};

function answer(
  outcome: InvestmentResult | RowError,
  pick: (result: InvestmentResult) => number | RowError
): CellResult {
  const value = isInvestmentError(outcome) ? outcome : pick(outcome);
  // Exact decimals can exceed a double (a rate near -100 % over many years): never Infinity.
  return toCell(typeof value === "number" && !Number.isFinite(value) ? TOO_LARGE : value);
}

/** DK.HOUSINGFIRSTNPV: the cohort's net present value (kroner, rounded to øre). */
export function housingFirstNpv(
  rate: unknown,
  costs: unknown,
  savings: unknown,
  relapseRate?: unknown,
  moveawayRate?: unknown
): CellResult {
  return answer(evaluate(rate, costs, savings, relapseRate, moveawayRate), (r) =>
    roundOre(r.npv).toNumber()
  );
}

/** DK.HOUSINGFIRSTRATIO: PV(savings) / PV(costs); #N/A when PV(costs) is 0. */
export function housingFirstRatio(
  rate: unknown,
  costs: unknown,
  savings: unknown,
  relapseRate?: unknown,
  moveawayRate?: unknown
): CellResult {
  return answer(evaluate(rate, costs, savings, relapseRate, moveawayRate), (r) =>
    r.ratio === null
      ? {
          code: "#N/A",
          message: "Nutidsværdien af udgifterne er 0, så forholdet kan ikke beregnes",
        }
      : r.ratio.toNumber()
  );
}

/** DK.HOUSINGFIRSTBREAKEVEN: the first year whose cumulative discounted net is ≥ 0; #N/A if none. */
export function housingFirstBreakeven(
  rate: unknown,
  costs: unknown,
  savings: unknown,
  relapseRate?: unknown,
  moveawayRate?: unknown
): CellResult {
  return answer(evaluate(rate, costs, savings, relapseRate, moveawayRate), (r) =>
    r.breakEvenYear === null
      ? {
          code: "#N/A",
          message: `Indsatsen tjener sig ikke hjem inden for de ${r.years.length} år`,
        }
      : r.breakEvenYear
  );
}
