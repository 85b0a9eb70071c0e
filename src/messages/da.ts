/**
 * The problems in Danish: what cells show in their error flag, what the sheets write and what the
 * Node exports return. These texts are the add-in's contract with its users' workbooks: change
 * one only on purpose (test/messages.test.ts pins some of them).
 */
import { danishFromSerial as date } from "../engine/calendar";
import { dec, type Decimal } from "../engine/money";
import { formatParameterValue as value } from "../engine/parameters/format";
import { parameterById } from "../engine/parameters/lookup";
import type { ParameterDef } from "../engine/parameters/registry";
import type { Catalog, InvestmentRate, Problem, RangeBound } from "./problem";

const BOUND: Record<RangeBound, string> = { low: "lav", high: "høj" };

const RATE: Record<InvestmentRate, string> = {
  discount: "Diskonteringsrenten",
  relapse: "Tilbagefaldsraten",
  moveAway: "Fraflytningsraten",
};

/** «Name»: text, or «Name»: lav text for one end of a scenario's own range. */
function about(p: { parameter: ParameterDef["id"]; bound?: RangeBound }, text: string): string {
  return `«${parameterById(p.parameter).name}»: ${p.bound ? `${BOUND[p.bound]} ` : ""}${text}`;
}

/** "fra 0 % og højst 100 %": a parameter's allowed range. */
function allowed(def: ParameterDef): string {
  const lower = `${def.min.exclusive ? "over" : "fra"} ${value(def, def.min.value)}`;
  const upper = `${def.max.exclusive ? "under" : "højst"} ${value(def, def.max.value)}`;
  return `${lower} og ${upper}`;
}

/** An exact decimal's text as Danes read it (the investment case's rates). */
const decimal = (x: string | Decimal) =>
  dec(x).toNumber().toLocaleString("da-DK", { maximumFractionDigits: 10 });

const kroner = (max: number) => `${max.toLocaleString("da-DK", { maximumFractionDigits: 0 })} kr.`;

/** "2 rækker (række 5 i området: Indskrivning mangler; …)", at most three reasons. */
export function skippedDa(skipped: readonly { row: number; problem: Problem }[]): string {
  const reasons = skipped
    .slice(0, 3)
    .map((s) => `række ${s.row} i området: ${renderDa(s.problem)}`);
  const more = skipped.length > 3 ? `; og ${skipped.length - 3} til` : "";
  return `${skipped.length === 1 ? "1 række" : `${skipped.length} rækker`} (${reasons.join("; ")}${more})`;
}

export const DA: Catalog = {
  dischargeBeforeAdmission: (p) =>
    `Udskrivning ${date(p.discharge)} ligger før indskrivning ${date(p.admission)}`,
  openStayNeedsPeriodEnd: () => "Åbent ophold (ingen udskrivningsdato) kræver en periodeslutdato",
  dailyRateInvalid: () => "Taksten skal være et beløb på 0 kr. eller mere",
  selfPaymentInvalid: () => "Egenbetalingen skal være et beløb på 0 kr. eller mere",

  openAftercareNeedsPeriodEnd: (p) =>
    `${p.kind === "support" ? "Åben støtte" : "Åbent ophold"} (ingen slutdato) kræver en periodeslutdato`,
  endBeforeStart: (p) => `Slutdato ${date(p.end)} ligger før startdato ${date(p.start)}`,
  annualCostNegative: () => "Den årlige udgift må ikke være negativ",
  dailyCostNegative: () => "Dagsudgiften må ikke være negativ",

  flowYearsDiffer: (p) =>
    `Udgifter og besparelser skal have lige mange år (udgifter har ${p.costs}, besparelser har ${p.savings})`,
  discountRateAtMostMinus100: (p) =>
    `Diskonteringsrenten skal være større end -100 % (fik ${p.rate})`,
  rateOverHundred: (p) =>
    `${RATE[p.rate]} er over 100 % pr. år (fik ${decimal(p.value)}, dvs. ${decimal(dec(p.value).times(100))} %): skriv ${decimal(p.value)} % eller ${decimal(dec(p.value).dividedBy(100))}`,
  rateNegative: (p) => `${RATE[p.rate]} må ikke være negativ`,
  relapsePlusMoveAwayOver100: (p) =>
    `Tilbagefald + fraflytning må højst være 100 % pr. år (fik ${p.relapse} + ${p.moveAway})`,

  projectionInexact: (p) =>
    `Fremskrivningens beløb bliver større end ${kroner(p.max)}, mere end hele øre kan regnes præcist: tjek takster, takstregulering og vækst`,
  noStaysToProject: () => "Der er ingen ophold at fremskrive",
  projectedStayDischargeBeforeAdmission: (p) =>
    `Ophold nr. ${p.stay}: udskrivningen ligger før indskrivningen`,
  projectedStayAmountsInvalid: (p) =>
    `Ophold nr. ${p.stay}: takst og egenbetaling skal være 0 kr. eller mere`,
  projectionBeyond9999: (p) =>
    `Fremskrivningen fra ${p.baseYear} over ${p.horizon} år rækker ud over år 9999`,
  baseYearWithoutNights: (p) =>
    `Basisåret ${p.baseYear} har ingen opholdsdøgn i data: angiv et andet basisår`,
  housedShareOutOfRange: (p) =>
    `Tilbagefald + fraflytning skal ligge mellem 0 og 100 % pr. år (fik ${(p.sum * 100).toLocaleString("da-DK")} %)`,

  parameterValueMissing: (p) => about(p, "værdien mangler"),
  parameterNotNumber: (p) => about(p, `${p.shown} er ikke et tal`),
  parameterNotYesNo: (p) =>
    about(p, `${p.shown} er hverken ja eller nej (skriv ja, nej, 1 eller 0)`),
  parameterNotFinite: (p) => about(p, `${p.value} er ikke et gyldigt tal`),
  parameterNotInteger: (p) =>
    about(p, `skal være et helt tal (fik ${value(parameterById(p.parameter), p.value)})`),
  parameterOutOfRange: (p) => {
    const def = parameterById(p.parameter);
    const percent = def.unit === "%" && Math.abs(p.value) > 1;
    return about(
      p,
      `skal ligge ${allowed(def)} (fik ${value(def, p.value)})${percent ? " (procent skrives 3,5 % eller 0,035)" : ""}`
    );
  },
  parameterMissing: (p) => `Parameteren «${parameterById(p.parameter).name}» mangler`,
  relapsePlusMoveAwayParameters: (p) => {
    const relapse = parameterById("relapseRate");
    return `«${relapse.name}» + «${parameterById("moveAwayRate").name}» må højst være 100 % pr. år (fik ${value(relapse, p.sum)})`;
  },
  parameterHasNoRange: (p) => about(p, "har intet spænd (lav og høj skal være tomme)"),
  rangeBoundMissing: (p) =>
    about(
      { parameter: p.parameter },
      `${BOUND[p.bound]} mangler (registrets værdi er ${value(parameterById(p.parameter), p.registry)})`
    ),
  rangeLowAboveHigh: (p) => {
    const def = parameterById(p.parameter);
    return about(
      p,
      `lav (${value(def, p.low)}) må ikke være større end høj (${value(def, p.high)})`
    );
  },
  rangeSourceNotText: (p) => about(p, "kilden til spændet skal være en tekst"),
  rangeSourceTooLong: (p) =>
    about(p, `kilden til spændet må højst være ${p.max} tegn (er ${p.length})`),
  rangeSourceMissing: (p) =>
    about(p, "kilden til spændet mangler: skriv kilden eller antagelsen bag lav og høj"),

  parameterRangeNotTwoColumns: (p) =>
    `Parameterområdet skal have to kolonner: navn og værdi (${p.width === "oneCell" ? "det er én celle" : `det har ${p.width}`})`,
  parameterRangeRowWithoutName: (p) =>
    `Parameterområdets række ${p.row} har en værdi, men intet navn`,
  unknownParameter: (p) => `Ukendt parameter «${p.name}» i parameterområdets række ${p.row}`,
  parameterTwice: (p) =>
    `Parameteren «${parameterById(p.parameter).name}» står to gange i parameterområdet`,

  cellHoldsError: (p) => `${p.label.da}: cellen indeholder fejlen ${p.error}`,
  cellIsBoolean: (p) => `${p.label.da}: SAND/FALSK er ikke en gyldig værdi`,
  valueMissing: (p) => `${p.label.da} mangler`,
  notADate: (p) => `${p.label.da}: ${p.shown} er ikke en dato`,
  dateTextUnreadable: (p) =>
    `${p.label.da}: ${p.shown} er ikke en dato (skriv fx 2026-05-01 eller 01-05-2026)`,
  dateTextUnsafe: (p) => `${p.label.da}: ${p.shown} er ikke en sikker dato: ${p.reason.da}`,
  dateOutOfRange: (p) =>
    `${p.label.da}: datoen skal ligge fra ${date(p.first)} til ${date(p.last)} (serienummer ${p.first}-${p.last})`,
  notAValidNumber: (p) => `${p.label.da}: ${p.value} er ikke et gyldigt tal`,
  numberTextInvalid: (p) => `${p.label.da}: ${p.reason.da}`,
  notANumber: (p) => `${p.label.da}: ${p.shown} er ikke et tal`,
  amountNegative: (p) => `${p.label.da} må ikke være negativ (${p.value})`,
  amountTooLarge: (p) =>
    `${p.label.da}: ${p.value} er over ${p.max.toLocaleString("da-DK")} kr., det største beløb, der kan regnes præcist på øren`,
  citizenInvalid: (p) => `${p.label.da}: ugyldig værdi`,
  notACitizen: (p) => `${p.label.da}: ${p.shown} er ikke et borger-id`,
  ruleSetGammelInTable: () =>
    'Regelsæt "GAMMEL" vises altid i tabellen ved siden af de gældende regler: brug "NY" eller "NY-VINDUE"',
  unknownRuleSet: (p) =>
    `Ukendt regelsæt ${p.shown}: brug "NY" (gældende regler), "NY-VINDUE" (dagegrænsen fastlagt ved vinduets start) eller "GAMMEL" (før L 64)`,
  notOneCell: (p) => `${p.label.da} skal være én celle`,
  periodEndBeforeStart: () => "Periodeslut ligger før periodestart",
  rangeEmpty: (p) => `${p.label.da}: området er tomt`,
  rangeNotOneColumn: (p) =>
    `${p.label.da}: området skal være én kolonne (det har ${p.columns} kolonner)`,
  rangesDifferInLength: (p) =>
    `Områderne har forskellig længde: ${p.first.da} har ${p.length} rækker, ${p.other.da} har ${p.otherLength}`,
  rangeNotRowOrColumn: (p) =>
    `${p.label.da}: området skal være én række eller én kolonne (det har ${p.rows} × ${p.columns} celler)`,
  rangeNotRectangular: (p) => `${p.label.da}: området er ikke rektangulært`,
  notTrueFalse: (p) => `${p.label.da}: ${p.shown} er ikke SAND eller FALSK`,

  blankRow: () => "Tom række",
  noValidStays: (p) => `Ingen gyldige ophold: ${skippedDa(p.skipped)}`,
  staysRangeEmpty: () => "Opholdsområdet er tomt: der er ingen ophold at regne på",
  forecastSumInexact: (p) =>
    `Beløbene summer til mere end ${kroner(p.max)}, mere end hele øre kan regnes præcist: tjek takster og egenbetalinger`,
  notAYear: (p) => `År: ${p.shown} er ikke et årstal (fx 2026)`,
  negativeCostInRatio: (p) =>
    `Udgifter, år ${p.year}: en udgift må ikke være negativ i afkast pr. krone (fik ${p.cost}); skriv besparelser som besparelser, eller brug HOUSINGFIRSTNPV til nettobeløb`,
  investmentResultTooLarge: () =>
    "Resultatet er for stort til en celle (tjek renten og antallet af år)",
  presentValueInexact: (p) =>
    `Nutidsværdien er over ${kroner(p.max)}, mere end et tal i en celle kan holde præcist på øren`,
  ratioWithoutCosts: () => "Nutidsværdien af udgifterne er 0, så forholdet kan ikke beregnes",
  noBreakEven: (p) => `Indsatsen tjener sig ikke hjem inden for de ${p.years} år`,
  backtestNeedsYears: (p) =>
    `Backtesten kræver indskrivninger fra mindst ${p.history + 1} kalenderår (${p.history} år at fremskrive fra, heraf brugergruppernes ${p.typologyYears} år, og ét at sammenligne med)`,
  drawsInvalid: (p) =>
    `Antal træk skal være et helt tal fra ${p.min.toLocaleString("da-DK")} til ${p.max.toLocaleString("da-DK")}`,
  seedInvalid: (p) => `Frøet skal være et helt tal fra 0 til ${p.max.toLocaleString("da-DK")}`,
  rangesNotPerParameter: () => "Spændene skal være lav og høj pr. parameter",
  rangeForUnknownParameter: (p) => `«${p.name}» er ikke en parameter`,
  rangeNeedsLowAndHigh: (p) => about(p, "spændet skal have en lav og en høj værdi"),
  rangesRefused: (p) => p.problems.map(renderDa).join("; "),
};

/** A problem in Danish. */
export function renderDa(problem: Problem): string {
  return (DA[problem.id] as (p: Problem) => string)(problem);
}
