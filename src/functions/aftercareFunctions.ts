/**
 * After-care refund functions: DK.REFUSION85A (§ 85 a bostøtte, Housing First support) and
 * DK.REFUSION107 (§ 107 botilbud, temporary accommodation), serviceloven § 176 a.
 * The JSDoc below is the functions' public contract: custom-functions-metadata generates
 * functions.json from it at build time (Danish help text as users see it in Excel).
 */
import {
  computeAccommodationRefunds,
  computeSupportRefunds,
  isAftercareError,
  type AccommodationInput,
  type AftercareOutcome,
  type SupportInput,
} from "../engine/aftercare";
import { RULE_SETS } from "../engine/rules";
import {
  citizenCell,
  dateCell,
  flagCell,
  isRowError,
  moneyCell,
  optionalDateCell,
  periodArgs,
  type RowError,
} from "./coerce";
import { rowwise, toCell, type FunctionResult } from "./rowwise";

const L = {
  citizen: "Borger",
  firstDischarge: "Første udskrivning",
  supportStart: "Støttestart",
  supportEnd: "Støtteslut",
  annualCost: "Årlig udgift",
  stayStart: "Opholdsstart",
  stayEnd: "Opholdsslut",
  dailyCost: "Dagsudgift",
  eligible: "Berettiget",
};

/** The after-care rules are the same in every rule set (§ 176 a came with L 64). */
const RULES = RULE_SETS.NY.aftercare;

/**
 * Runs an engine on the rows that parsed and puts each result back on its row; rows that
 * failed to parse keep their error and take no part (they use none of a citizen's days).
 */
function onValidRows<In, Out extends object>(
  rows: (In | RowError)[],
  compute: (valid: In[]) => AftercareOutcome<Out>[],
  pick: (result: Out) => number
): (number | RowError)[] {
  const valid: In[] = [];
  const index: number[] = [];
  rows.forEach((row, i) => {
    if (!isRowError(row)) {
      valid.push(row);
      index.push(i);
    }
  });
  const results: (number | RowError)[] = rows.map((row) => (isRowError(row) ? row : 0));
  compute(valid).forEach((outcome, k) => {
    results[index[k]] = isAftercareError(outcome) ? outcome.error : pick(outcome);
  });
  return results;
}

function parseSupport(cell: (label: string) => unknown): SupportInput | RowError {
  const firstDischarge = dateCell(cell(L.firstDischarge), L.firstDischarge);
  if (isRowError(firstDischarge)) return firstDischarge;
  const start = dateCell(cell(L.supportStart), L.supportStart);
  if (isRowError(start)) return start;
  const end = optionalDateCell(cell(L.supportEnd), L.supportEnd);
  if (isRowError(end)) return end;
  const annualCost = moneyCell(cell(L.annualCost), L.annualCost, "error");
  if (isRowError(annualCost)) return annualCost;
  const eligible = flagCell(cell(L.eligible), L.eligible, true);
  if (isRowError(eligible)) return eligible;
  return { firstDischarge, start, end, annualCost, eligible };
}

function parseAccommodation(cell: (label: string) => unknown): AccommodationInput | RowError {
  const citizen = citizenCell(cell(L.citizen), L.citizen);
  if (isRowError(citizen)) return citizen;
  const firstDischarge = dateCell(cell(L.firstDischarge), L.firstDischarge);
  if (isRowError(firstDischarge)) return firstDischarge;
  const start = dateCell(cell(L.stayStart), L.stayStart);
  if (isRowError(start)) return start;
  const end = optionalDateCell(cell(L.stayEnd), L.stayEnd);
  if (isRowError(end)) return end;
  const dailyCost = moneyCell(cell(L.dailyCost), L.dailyCost, "error");
  if (isRowError(dailyCost)) return dailyCost;
  const eligible = flagCell(cell(L.eligible), L.eligible, true);
  if (isRowError(eligible)) return eligible;
  return { citizen, firstDischarge, start, end, dailyCost, eligible };
}

/**
 * Statsrefusion for bostøtte efter serviceloven § 85 a (Housing First) efter § 176 a: 50 % af udgiften i op til 2 år efter borgerens første udskrivning fra en boform efter § 110. Dagsudgift = årlig udgift / 365. Returnerer kr. pr. støtterække, afrundet til øre.
 * @customfunction REFUSION85A
 * @helpurl https://localhost:3000/help.html#refusion85a
 * @param {unknown[][]} firstDischarge Første udskrivning fra § 110 (dato). De 2 år regnes herfra og starter ikke forfra ved en ny indskrivning. Én celle eller én kolonne.
 * @param {unknown[][]} supportStart Støttens startdato. Kun dage fra første udskrivning tæller.
 * @param {unknown[][]} supportEnd Støttens slutdato; slutdagen tæller ikke med (samme dag = 1 dag). Tom = løbende støtte, som tælles til periodeslut.
 * @param {unknown[][]} annualCost Årlig udgift til støtten i kr. (dagsudgift = årlig udgift / 365). Én celle gælder alle rækker.
 * @param {unknown} [periodStart] Periodestart (medregnet), fx 2027-01-01. Kun dage i perioden udbetales.
 * @param {unknown} [periodEnd] Periodeslut (medregnet), fx 2027-12-31. Kræves ved løbende støtte.
 * @param {unknown[][]} [eligible] SAND hvis afgørelsen om støtte blev truffet før udskrivningen (eller borgeren gik direkte fra § 110 via § 107 til § 85 a); FALSK giver 0. Tom = SAND.
 * @returns {any[][]} Refusion i kr. pr. støtterække.
 */
// Excel's signature first: custom-functions-metadata reads the types of the JSDoc'd declaration
// and requires them to match the JSDoc (`unknown` is Excel's type "any"; the matrix result is
// `any[][]`, as `unknown[][]` would not fit the implementation's result); the second signature is
// for callers in Node.
export function refusion85a(
  firstDischarge: unknown[][],
  supportStart: unknown[][],
  supportEnd: unknown[][],
  annualCost: unknown[][],
  periodStart?: unknown,
  periodEnd?: unknown,
  eligible?: unknown[][]
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel's matrix result (note above refusion85a)
): any[][];
export function refusion85a(
  firstDischarge: unknown,
  supportStart: unknown,
  supportEnd: unknown,
  annualCost: unknown,
  periodStart?: unknown,
  periodEnd?: unknown,
  eligible?: unknown
): FunctionResult;
export function refusion85a(
  firstDischarge: unknown,
  supportStart: unknown,
  supportEnd: unknown,
  annualCost: unknown,
  periodStart?: unknown,
  periodEnd?: unknown,
  eligible?: unknown
): FunctionResult {
  const period = periodArgs(periodStart, periodEnd);
  if (isRowError(period)) return toCell(period);
  return rowwise(
    {
      [L.firstDischarge]: firstDischarge,
      [L.supportStart]: supportStart,
      [L.supportEnd]: supportEnd,
      [L.annualCost]: annualCost,
      [L.eligible]: eligible ?? null,
    },
    parseSupport,
    (rows) =>
      onValidRows(
        rows,
        (valid) => computeSupportRefunds(valid, { period, rules: RULES }),
        (r) => r.amount.toNumber()
      )
  );
}

/**
 * Statsrefusion for midlertidigt botilbud efter serviceloven § 107 efter § 176 a: 50 % af udgiften i op til 6 måneder (183 opholdsdage i alt pr. borger) inden for 1 år efter første udskrivning fra en boform efter § 110. Returnerer kr. pr. ophold, afrundet til øre.
 * @customfunction REFUSION107
 * @helpurl https://localhost:3000/help.html#refusion107
 * @param {unknown[][]} citizen Borger: borger-id (fx et løbenummer; brug ikke CPR-nummer). Rækker med samme borger og første udskrivning deler de 183 dage, tidligste ophold først.
 * @param {unknown[][]} firstDischarge Første udskrivning fra § 110 (dato). Året regnes herfra og starter ikke forfra ved en ny indskrivning.
 * @param {unknown[][]} stayStart Opholdets startdato (indflytning i § 107-botilbuddet). Kun dage fra første udskrivning tæller.
 * @param {unknown[][]} stayEnd Opholdets slutdato; slutdagen tæller ikke med (samme dag = 1 dag). Tom = løbende ophold, som tælles til periodeslut.
 * @param {unknown[][]} dailyCost Udgift pr. døgn i kr. Én celle gælder alle rækker.
 * @param {unknown} [periodStart] Periodestart (medregnet). Kun dage i perioden udbetales, men ophold før perioden bruger af de 183 dage.
 * @param {unknown} [periodEnd] Periodeslut (medregnet). Kræves ved løbende ophold.
 * @param {unknown[][]} [eligible] SAND hvis afgørelsen blev truffet før udskrivningen; FALSK giver 0 og bruger ingen af de 183 dage. Tom = SAND.
 * @returns {any[][]} Refusion i kr. pr. ophold.
 */
export function refusion107(
  citizen: unknown[][],
  firstDischarge: unknown[][],
  stayStart: unknown[][],
  stayEnd: unknown[][],
  dailyCost: unknown[][],
  periodStart?: unknown,
  periodEnd?: unknown,
  eligible?: unknown[][]
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel's matrix result (note above refusion85a)
): any[][];
export function refusion107(
  citizen: unknown,
  firstDischarge: unknown,
  stayStart: unknown,
  stayEnd: unknown,
  dailyCost: unknown,
  periodStart?: unknown,
  periodEnd?: unknown,
  eligible?: unknown
): FunctionResult;
export function refusion107(
  citizen: unknown,
  firstDischarge: unknown,
  stayStart: unknown,
  stayEnd: unknown,
  dailyCost: unknown,
  periodStart?: unknown,
  periodEnd?: unknown,
  eligible?: unknown
): FunctionResult {
  const period = periodArgs(periodStart, periodEnd);
  if (isRowError(period)) return toCell(period);
  return rowwise(
    {
      [L.citizen]: citizen,
      [L.firstDischarge]: firstDischarge,
      [L.stayStart]: stayStart,
      [L.stayEnd]: stayEnd,
      [L.dailyCost]: dailyCost,
      [L.eligible]: eligible ?? null,
    },
    parseAccommodation,
    (rows) =>
      onValidRows(
        rows,
        (valid) => computeAccommodationRefunds(valid, { period, rules: RULES }),
        (r) => r.amount.toNumber()
      )
  );
}
