/**
 * What the council page says, in Danish and English (the pane's language decides). One typed
 * catalog per language: a text missing in one is a compile error.
 */
import type { ComparedFigure, Verdict } from "../../engine/evaluations";
import type { BacktestFigures } from "../../engine/projection";
import type { UserGroup } from "../../engine/typology";

export type SummaryLanguage = "da" | "en";

export interface SummaryPageTexts {
  title: string;
  document(municipality: string, author: string, date: string): string;
  scenario(name: string, baseYear: number, first: number, last: number, rules: string): string;
  budgetHeading: string;
  figure: string;
  value: string;
  costWithout(first: number, last: number): string;
  costWith: string;
  saves: string;
  cashable(share: string): string;
  npvBudget(rate: string): string;
  probability: string;
  ratio: string;
  breakEven: string;
  never(last: number): string;
  budgetNote(draws: number, seed: number): string;
  publicHeading: string;
  npvPublic(rate: string, factor: string): string;
  publicNote: string;
  /** Page 1: why the NPV can lie outside its own P10–P90, in a line; the names are below. */
  outsideSpread(count: number): string;
  /** The background: the ranges that do not lie evenly around the scenario's value. */
  lopsided(names: string): string;
  /** The budget year and the three overslagsår (B + 3), on the first page. */
  budgetYearsHeading(budgetYear: number, last: number): string;
  budgetYearsNote(indexation: string): string;
  background: string;
  year: string;
  without: string;
  withHf: string;
  difference: string;
  groupsHeading(from: number, to: number): string;
  groupColumns: [string, string, string, string];
  group: Record<UserGroup, string>;
  groupsNote(chronic: string, episodes: string, gap: string): string;
  backtestHeading(year: number): string;
  backtestColumns: [string, string, string];
  backtestFigure: Record<keyof BacktestFigures, string>;
  backtestNote(year: number, years: number): string;
  comparisonHeading: string;
  comparisonColumns: [string, string];
  comparisonNote: string;
  verdict(v: Exclude<Verdict, "within">, figure: ComparedFigure): string;
  drivers(names: string): string;
  decisionsHeading: string;
  decisionColumns: [string, string, string, string];
  /** "Horisont (nu 5 år)": a choice and the scenario's value of it. */
  decisionNow(name: string, value: string | number): string;
  assumptionsHeading: string;
  assumptionColumns: [string, string, string, string];
  source(source: string, range: string | undefined): string;
  otherDrivers(names: string): string;
  placeholders(names: string): string;
  stamp(version: string, rules: string, date: string, baseYear: number): string;
  chartTitle: string;
  chartWithout: string;
  chartWith: string;
}

const DA: SummaryPageTexts = {
  title: "Housing First: hvad koster det, hvis vi ikke handler?",
  document: (m, a, d) => [m, a && `udarbejdet af ${a}`, d].filter(Boolean).join(" · "),
  scenario: (name, base, first, last, rules) =>
    `Scenarie «${name}» · basisår ${base} · fremskrivning ${first}–${last} · regelsæt ${rules} · kommunens egne ophold`,
  budgetHeading: "Budgettet: kommunens egen kasse (løbende priser)",
  figure: "Nøgletal",
  value: "Værdi",
  costWithout: (first, last) => `Udgift uden indsats ${first}–${last}`,
  costWith: "Udgift med Housing First",
  saves: "Housing First sparer kommunen",
  cashable: (share) => `heraf kontant (${share} af besparelsen)`,
  npvBudget: (rate) => `Nutidsværdi (nominel rente ${rate})`,
  probability: "Sandsynlighed for nutidsværdi > 0",
  ratio: "Afkast pr. krone",
  breakEven: "Break-even-år",
  never: (last) => `efter ${last}`,
  budgetNote: (draws, seed) =>
    `Kommunens nettoudgift (brutto − egenbetaling − statens refusion) til ophold efter § 110 plus indsatsens udgifter for kommunen. Nutidsværdien regner kun den kontante del af herbergsbesparelsen. P10–P90: ${draws} Monte Carlo-trækninger (frø ${seed}) over de usikre antagelsers spænd.`,
  publicHeading: "Offentlig værdi: hele den offentlige sektor (faste priser)",
  npvPublic: (rate, factor) => `Nutidsværdi (${rate}, nettoafgiftsfaktor ${factor})`,
  publicNote:
    "Kommune, region og stat samlet: statens refusioner går ud mod hinanden, boligstøtten og boligens offentlige udgift tæller med, og de, der flytter til en anden kommune, er stadig boligplacerede. Finansministeriets diskonteringsrente.",
  outsideSpread: (count) =>
    `Nutidsværdien ligger uden for P10–P90, fordi ${count} af de usikre antagelsers spænd ikke ligger lige om scenariets værdi (de er nævnt under antagelserne).`,
  lopsided: (names) =>
    `Spænd, der ikke ligger lige om scenariets værdi, så trækningerne hælder til den ene side: ${names} (en udgift, der står til 0, kan kun stige; en andel på 100 % kun falde; et skøn fra data har et skævt konfidensinterval).`,
  budgetYearsHeading: (b, last) => `Budgetår ${b} og overslagsår ${b + 1}–${last}`,
  budgetYearsNote: (indexation) =>
    `Løbende priser er de nominelle beløb; faste priser er i budgetårets niveau, deflateret med takstreguleringen ${indexation} om året.`,
  background: "Baggrund: år for år, brugerne, backtest, evalueringer, valg og antagelser",
  year: "År",
  without: "Uden indsats",
  withHf: "Housing First",
  difference: "Forskel",
  groupsHeading: (from, to) => `Brugere ${from}–${to}`,
  groupColumns: ["Borgere", "Døgn", "Bruttoudgift", "Mistet refusion"],
  group: {
    chronic: "Kroniske brugere",
    episodic: "Episodiske brugere",
    transitional: "Forbigående brugere",
  },
  groupsNote: (chronic, episodes, gap) =>
    `Kronisk: mindst ${chronic} i perioden; episodisk: mindst ${episodes}, mindst ${gap} fra hinanden; ellers forbigående (Kuhn & Culhane 1998; Benjaminsen & Andrade 2015). Mistet refusion: refusionen efter reglerne før L 64 minus efter dem.`,
  backtestHeading: (year) => `Backtest ${year}`,
  backtestColumns: ["Fremskrevet", "Faktisk", "Forskel"],
  backtestFigure: {
    users: "Brugere",
    nights: "Opholdsdøgn",
    gross: "Bruttoudgift",
    refundNy: "Refusion NY",
    netCost: "Nettoudgift",
    returners: "Indskrevet igen fra året før",
  },
  backtestNote: (year, years) =>
    `${year} fremskrevet uden indsats alene ud fra årene før og sammenlignet med det faktiske år (backtest over ${years} år; arket viser det seneste).`,
  comparisonHeading: "Sammenlignet med offentliggjorte evalueringer",
  comparisonColumns: ["Kommunen", "Offentliggjort"],
  comparisonNote:
    "Kommunen: nettobesparelse pr. boligplaceret borger pr. år og afkast pr. krone over 10 år på kommunens egne data og scenariets antagelser; ikke en genberegning af de offentliggjorte cases.",
  verdict: (v, f) =>
    `${f === "perPersonYear" ? "Besparelsen pr. borger" : "Afkastet"} er ${v === "above" ? "mere end det dobbelte af" : "under halvdelen af"} alle de offentliggjorte resultater.`,
  drivers: (names) => `Det er især ${names}, der flytter resultatet.`,
  decisionsHeading: "Kommunens egne valg: budgettets nutidsværdi ved hvert alternativ",
  decisionColumns: ["Alternativ", "Nutidsværdi", "Alternativ", "Nutidsværdi"],
  decisionNow: (name, value) => `${name} (nu ${value})`,
  assumptionsHeading: "De fem vigtigste usikre antagelser",
  assumptionColumns: ["Værdi", "Lav", "Høj", "Udsving i nutidsværdi"],
  source: (source, range) => `Kilde: ${source}${range ? ` Spænd: ${range}` : ""}`,
  otherDrivers: (names) =>
    `Også disse flytter nutidsværdien mindst lige så meget (se arket Sammenligning): ${names}.`,
  placeholders: (names) =>
    `UDFYLD: ${names} står som pladsholdere, ikke som skøn; kommunen skal skrive sine egne tal på arket Scenarier.`,
  stamp: (version, rules, date, base) =>
    `Refusion og Housing First ${version} · ${rules} · udskrevet ${date} · basisår ${base}`,
  chartTitle: "Kommunens nettoudgift pr. år: uden indsats og med Housing First",
  chartWithout: "Uden indsats",
  chartWith: "Med Housing First",
};

const EN: SummaryPageTexts = {
  title: "Housing First: what does it cost if we do not act?",
  document: (m, a, d) => [m, a && `prepared by ${a}`, d].filter(Boolean).join(" · "),
  scenario: (name, base, first, last, rules) =>
    `Scenario “${name}” · base year ${base} · projection ${first}–${last} · rule set ${rules} · the municipality's own stays`,
  budgetHeading: "The budget: the municipality's own cash (current prices)",
  figure: "Key figure",
  value: "Value",
  costWithout: (first, last) => `Cost without action ${first}–${last}`,
  costWith: "Cost with Housing First",
  saves: "Housing First saves the municipality",
  cashable: (share) => `of which cashable (${share} of the saving)`,
  npvBudget: (rate) => `Net present value (nominal rate ${rate})`,
  probability: "Probability that the NPV > 0",
  ratio: "Return per krone",
  breakEven: "Break-even year",
  never: (last) => `after ${last}`,
  budgetNote: (draws, seed) =>
    `The municipality's net cost (gross − self-payment − the state's refund) of § 110 stays plus what the programme costs the municipality. The NPV counts only the cashable part of the shelter saving. P10–P90: ${draws} Monte Carlo draws (seed ${seed}) over the ranges of the uncertain assumptions.`,
  publicHeading: "Public-sector value: the whole public sector (fixed prices)",
  npvPublic: (rate, factor) => `Net present value (${rate}, net tax factor ${factor})`,
  publicNote:
    "Municipality, region and state together: the state's refunds net out, the housing benefit and the dwelling's public cost count, and those who move to another municipality are still housed. The Ministry of Finance's discount rate.",
  outsideSpread: (count) =>
    `The NPV lies outside P10–P90 because ${count} of the uncertain assumptions' ranges do not lie evenly around the scenario's value (they are named under the assumptions).`,
  lopsided: (names) =>
    `Ranges that do not lie evenly around the scenario's value, so the draws lean one way: ${names} (a cost at 0 can only rise, a share at 100 % only fall, an estimate from data has a skewed confidence interval).`,
  budgetYearsHeading: (b, last) =>
    `Budget year ${b} and outline years (overslagsår) ${b + 1}–${last}`,
  budgetYearsNote: (indexation) =>
    `Current prices are the nominal amounts; fixed prices are at the budget year's level, deflated by the rate indexation of ${indexation} a year.`,
  background: "Background: year by year, the users, backtest, evaluations, choices and assumptions",
  year: "Year",
  without: "Without action",
  withHf: "Housing First",
  difference: "Difference",
  groupsHeading: (from, to) => `Users ${from}–${to}`,
  groupColumns: ["Citizens", "Nights", "Gross cost", "Refund lost"],
  group: {
    chronic: "Chronic users",
    episodic: "Episodic users",
    transitional: "Transitional users",
  },
  groupsNote: (chronic, episodes, gap) =>
    `Chronic: at least ${chronic} in the period; episodic: at least ${episodes}, at least ${gap} apart; else transitional (Kuhn & Culhane 1998; Benjaminsen & Andrade 2015). Refund lost: the refund under the rules before L 64 less under them.`,
  backtestHeading: (year) => `Backtest ${year}`,
  backtestColumns: ["Projected", "Actual", "Difference"],
  backtestFigure: {
    users: "Users",
    nights: "Stay nights",
    gross: "Gross cost",
    refundNy: "Refund NY",
    netCost: "Net cost",
    returners: "Admitted again from the year before",
  },
  backtestNote: (year, years) =>
    `${year} projected without action from the years before alone and compared with the actual year (backtest over ${years} years; the sheet shows the latest).`,
  comparisonHeading: "Beside published evaluations",
  comparisonColumns: ["Municipality", "Published"],
  comparisonNote:
    "The municipality: net saving per housed citizen per year and return per krone over 10 years on its own data and the scenario's assumptions; not a recomputation of the published cases.",
  verdict: (v, f) =>
    `${f === "perPersonYear" ? "The saving per citizen" : "The return"} is ${v === "above" ? "more than twice" : "less than half of"} every published result.`,
  drivers: (names) => `Above all ${names} move the result.`,
  decisionsHeading: "The council's own choices: the budget's NPV under each alternative",
  decisionColumns: ["Alternative", "NPV", "Alternative", "NPV"],
  decisionNow: (name, value) => `${name} (now ${value})`,
  assumptionsHeading: "The five most important uncertain assumptions",
  assumptionColumns: ["Value", "Low", "High", "Swing in NPV"],
  source: (source, range) => `Source: ${source}${range ? ` Range: ${range}` : ""}`,
  otherDrivers: (names) =>
    `These move the NPV at least as much too (see the sheet Sammenligning): ${names}.`,
  placeholders: (names) =>
    `FILL IN: ${names} are placeholders, not estimates; the municipality must enter its own figures on the Scenarier sheet.`,
  stamp: (version, rules, date, base) =>
    `Refunds and Housing First ${version} · ${rules} · printed ${date} · base year ${base}`,
  chartTitle: "The municipality's net cost per year: without action and with Housing First",
  chartWithout: "Without action",
  chartWith: "With Housing First",
};

export const SUMMARY_PAGE_TEXTS: Readonly<Record<SummaryLanguage, SummaryPageTexts>> = {
  da: DA,
  en: EN,
};
