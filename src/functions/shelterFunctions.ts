/**
 * § 110 refund functions: DK.REFUSION110 and DK.REFUSIONDAYS110.
 * The JSDoc below is the functions' public contract: custom-functions-metadata generates
 * functions.json from it at build time (Danish help text as users see it in Excel).
 */
import {
  computeShelterRefunds,
  isRowError as isStayError,
  type StayInput,
  type StayOutcome,
} from "../engine/shelter";
import {
  STAY_LABELS,
  isRowError,
  periodArgs,
  ruleSetArg,
  stayFromCells,
  type RowError,
} from "./coerce";
import { rowwise, toCell, type FunctionResult } from "./rowwise";

const L = STAY_LABELS;

/**
 * Runs the § 110 engine on the rows that parsed; rows with errors keep them. A stay that
 * fails to parse is left out of its citizen's history, so it cannot consume refund days.
 */
function shelterCall(
  args: Record<string, unknown>,
  withMoney: boolean,
  periodStart: unknown,
  periodEnd: unknown,
  rules: unknown,
  pick: (outcome: Exclude<StayOutcome, { error: RowError }>) => number
): FunctionResult {
  const ruleSet = ruleSetArg(rules);
  if (isRowError(ruleSet)) return toCell(ruleSet);
  const period = periodArgs(periodStart, periodEnd);
  if (isRowError(period)) return toCell(period);
  return rowwise(
    args,
    (cell) => stayFromCells((field) => cell(L[field]), withMoney),
    (rows) => {
      const valid: StayInput[] = [];
      const index: number[] = [];
      rows.forEach((row, i) => {
        if (!isRowError(row)) {
          valid.push(row);
          index.push(i);
        }
      });
      const outcomes = computeShelterRefunds(valid, { period, rules: ruleSet });
      const results: (number | RowError)[] = rows.map((row) => (isRowError(row) ? row : 0));
      outcomes.forEach((o, k) => {
        results[index[k]] = isStayError(o) ? o.error : pick(o);
      });
      return results;
    }
  );
}

/**
 * Statsrefusion for ophold i boform efter serviceloven § 110 (herberg/forsorgshjem) efter reglerne fra L 64: 50 % af (takst − egenbetaling) for de første 120/90 dage i et løbende år pr. borger. Returnerer kr. pr. ophold, afrundet til øre.
 * @customfunction REFUSION110
 * @helpurl https://localhost:3000/help.html#refusion110
 * @param {unknown[][]} citizen Borger: borger-id (fx et løbenummer; brug ikke CPR-nummer). Én celle eller én kolonne.
 * @param {unknown[][]} admission Indskrivningsdato (dato, fx 2026-05-01 eller 01-05-2026). Én kolonne, én række pr. ophold.
 * @param {unknown[][]} discharge Udskrivningsdato; udskrivningsdagen tæller ikke med. Tom = åbent ophold, som tælles til periodeslut.
 * @param {unknown[][]} dailyRate Takst: døgntakst i kr. Én celle gælder alle rækker.
 * @param {unknown[][]} [selfPayment] Egenbetaling pr. døgn i kr. (fratrækkes før refusion). Tom = 0.
 * @param {unknown} [periodStart] Periodestart (medregnet), fx 2026-01-01. Kun refusionsdage i perioden udbetales.
 * @param {unknown} [periodEnd] Periodeslut (medregnet), fx 2026-12-31. Kræves ved åbne ophold.
 * @param {unknown} [rules] Regelsæt: "NY" (gældende, standard), "NY-VINDUE" (120/90 dage efter vinduets start) eller "GAMMEL" (før L 64, ingen dagegrænse).
 * @returns {any[][]} Refusion i kr. pr. ophold.
 */
// Excel's signature first: custom-functions-metadata reads the types of the JSDoc'd declaration
// and requires them to match the JSDoc (`unknown` is Excel's type "any"; the matrix result is
// `any[][]`, as `unknown[][]` would not fit the implementation's result); the second signature is
// for callers in Node.
export function refusion110(
  citizen: unknown[][],
  admission: unknown[][],
  discharge: unknown[][],
  dailyRate: unknown[][],
  selfPayment?: unknown[][],
  periodStart?: unknown,
  periodEnd?: unknown,
  rules?: unknown
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel's matrix result (note above refusion110)
): any[][];
export function refusion110(
  citizen: unknown,
  admission: unknown,
  discharge: unknown,
  dailyRate: unknown,
  selfPayment?: unknown,
  periodStart?: unknown,
  periodEnd?: unknown,
  rules?: unknown
): FunctionResult;
export function refusion110(
  citizen: unknown,
  admission: unknown,
  discharge: unknown,
  dailyRate: unknown,
  selfPayment?: unknown,
  periodStart?: unknown,
  periodEnd?: unknown,
  rules?: unknown
): FunctionResult {
  return shelterCall(
    {
      [L.citizen]: citizen,
      [L.admission]: admission,
      [L.discharge]: discharge,
      [L.dailyRate]: dailyRate,
      [L.selfPayment]: selfPayment ?? null,
    },
    true,
    periodStart,
    periodEnd,
    rules,
    (o) => o.amountOre / 100
  );
}

/**
 * Antal refusionsberettigede døgn pr. ophold i boform efter serviceloven § 110 efter reglerne fra L 64 (de første 120/90 dage i et løbende år pr. borger).
 * @customfunction REFUSIONDAYS110
 * @helpurl https://localhost:3000/help.html#refusiondays110
 * @param {unknown[][]} citizen Borger: borger-id (fx et løbenummer; brug ikke CPR-nummer). Én celle eller én kolonne.
 * @param {unknown[][]} admission Indskrivningsdato (dato, fx 2026-05-01 eller 01-05-2026).
 * @param {unknown[][]} discharge Udskrivningsdato; udskrivningsdagen tæller ikke med. Tom = åbent ophold, som tælles til periodeslut.
 * @param {unknown} [periodStart] Periodestart (medregnet). Kun refusionsdage i perioden tælles.
 * @param {unknown} [periodEnd] Periodeslut (medregnet). Kræves ved åbne ophold.
 * @param {unknown} [rules] Regelsæt: "NY" (gældende, standard), "NY-VINDUE" (120/90 dage efter vinduets start) eller "GAMMEL" (før L 64, ingen dagegrænse).
 * @returns {any[][]} Refusionsberettigede døgn pr. ophold.
 */
export function refusionDays110(
  citizen: unknown[][],
  admission: unknown[][],
  discharge: unknown[][],
  periodStart?: unknown,
  periodEnd?: unknown,
  rules?: unknown
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel's matrix result (note above refusion110)
): any[][];
export function refusionDays110(
  citizen: unknown,
  admission: unknown,
  discharge: unknown,
  periodStart?: unknown,
  periodEnd?: unknown,
  rules?: unknown
): FunctionResult;
export function refusionDays110(
  citizen: unknown,
  admission: unknown,
  discharge: unknown,
  periodStart?: unknown,
  periodEnd?: unknown,
  rules?: unknown
): FunctionResult {
  return shelterCall(
    { [L.citizen]: citizen, [L.admission]: admission, [L.discharge]: discharge },
    false,
    periodStart,
    periodEnd,
    rules,
    (o) => o.refundableDays
  );
}
