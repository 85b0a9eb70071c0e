/**
 * The Housing First investment case: DK.HOUSINGFIRSTNPV, DK.HOUSINGFIRSTRATIO and
 * DK.HOUSINGFIRSTBREAKEVEN. They share one argument list (SPEC 2) and one evaluation.
 * The JSDoc below is the functions' public contract: custom-functions-metadata generates
 * functions.json from it at build time (Danish help text as users see it in Excel).
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
  code: "#NUM!",
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

/**
 * Nutidsværdi (NPV) af en Housing First-indsats: Σ k^(t−1)·(besparelse − udgift)/(1+rente)^t med k = 1 − tilbagefald − fraflytning; diskonteret ved årets udgang som Excels NPV. Et tomt år tæller som 0 (Excels NPV springer tomme celler over og rykker de senere år). Kr., afrundet til øre.
 * @customfunction HOUSINGFIRSTNPV
 * @helpurl https://localhost:3000/help.html#housingfirstnpv
 * @param {unknown} rate Diskonteringsrente pr. år, fx 3,5 % eller 0,035. Skal være større end -100 %.
 * @param {unknown[][]} costs Udgifter pr. år (år 1, 2, ...) i kr.: én række eller én kolonne. Tomt år = 0.
 * @param {unknown[][]} savings Besparelser pr. år i kr., lige så mange år som udgifterne. Tomt år = 0.
 * @param {unknown} [relapseRate] Andel pr. år, der vender tilbage til hjemløshed, fx 10 %. Tom = 0.
 * @param {unknown} [moveawayRate] Andel pr. år, der flytter til en anden kommune, fx 5 %. Tom = 0. Tilbagefald + fraflytning højst 100 %.
 * @returns {number} Nutidsværdi i kr.
 */
// Excel's signature first: custom-functions-metadata reads the types of the JSDoc'd declaration
// and requires them to match the JSDoc (`unknown` is Excel's type "any"); the second signature is
// for callers in Node.
export function housingFirstNpv(
  rate: unknown,
  costs: unknown[][],
  savings: unknown[][],
  relapseRate?: unknown,
  moveawayRate?: unknown
): number;
export function housingFirstNpv(
  rate: unknown,
  costs: unknown,
  savings: unknown,
  relapseRate?: unknown,
  moveawayRate?: unknown
): CellResult;
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

/**
 * Afkast pr. investeret krone for en Housing First-indsats: nutidsværdien af besparelserne divideret med nutidsværdien af udgifterne (samme model og argumenter som HOUSINGFIRSTNPV). Over 1 betyder, at indsatsen betaler sig.
 * @customfunction HOUSINGFIRSTRATIO
 * @helpurl https://localhost:3000/help.html#housingfirstratio
 * @param {unknown} rate Diskonteringsrente pr. år, fx 3,5 % eller 0,035. Skal være større end -100 %.
 * @param {unknown[][]} costs Udgifter pr. år (år 1, 2, ...) i kr.: én række eller én kolonne. Tomt år = 0.
 * @param {unknown[][]} savings Besparelser pr. år i kr., lige så mange år som udgifterne. Tomt år = 0.
 * @param {unknown} [relapseRate] Andel pr. år, der vender tilbage til hjemløshed, fx 10 %. Tom = 0.
 * @param {unknown} [moveawayRate] Andel pr. år, der flytter til en anden kommune, fx 5 %. Tom = 0. Tilbagefald + fraflytning højst 100 %.
 * @returns {number} Nutidsværdi af besparelser / nutidsværdi af udgifter.
 */
export function housingFirstRatio(
  rate: unknown,
  costs: unknown[][],
  savings: unknown[][],
  relapseRate?: unknown,
  moveawayRate?: unknown
): number;
export function housingFirstRatio(
  rate: unknown,
  costs: unknown,
  savings: unknown,
  relapseRate?: unknown,
  moveawayRate?: unknown
): CellResult;
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
          code: "#NUM!",
          message: "Nutidsværdien af udgifterne er 0, så forholdet kan ikke beregnes",
        }
      : r.ratio.toNumber()
  );
}

/**
 * Det første år (1, 2, ...), hvor den akkumulerede diskonterede nettogevinst af en Housing First-indsats er 0 eller derover (samme model og argumenter som HOUSINGFIRSTNPV). #N/A hvis indsatsen ikke tjener sig hjem inden for årene.
 * @customfunction HOUSINGFIRSTBREAKEVEN
 * @helpurl https://localhost:3000/help.html#housingfirstbreakeven
 * @param {unknown} rate Diskonteringsrente pr. år, fx 3,5 % eller 0,035. Skal være større end -100 %.
 * @param {unknown[][]} costs Udgifter pr. år (år 1, 2, ...) i kr.: én række eller én kolonne. Tomt år = 0.
 * @param {unknown[][]} savings Besparelser pr. år i kr., lige så mange år som udgifterne. Tomt år = 0.
 * @param {unknown} [relapseRate] Andel pr. år, der vender tilbage til hjemløshed, fx 10 %. Tom = 0.
 * @param {unknown} [moveawayRate] Andel pr. år, der flytter til en anden kommune, fx 5 %. Tom = 0. Tilbagefald + fraflytning højst 100 %.
 * @returns {number} Break-even-år (1 = første år).
 */
export function housingFirstBreakeven(
  rate: unknown,
  costs: unknown[][],
  savings: unknown[][],
  relapseRate?: unknown,
  moveawayRate?: unknown
): number;
export function housingFirstBreakeven(
  rate: unknown,
  costs: unknown,
  savings: unknown,
  relapseRate?: unknown,
  moveawayRate?: unknown
): CellResult;
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
