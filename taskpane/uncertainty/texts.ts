/** What the uncertainty panel says, in Danish and English (the pane's language). */
import type { Language } from "../i18n";

export interface UncertaintyTexts {
  heading: string;
  intro: string;
  needStays: string;
  scenario(name: string): string;
  noSheet: string;
  drawsLabel: string;
  drawsHint: string;
  seedLabel: string;
  seedHint: string;
  run: string;
  cancel: string;
  drawing(done: number, draws: number): string;
  sensitivity(done: number, total: number): string;
  cancelled: string;
  tornadoCancelled: string;
  failed(message: string): string;
  summary(draws: string, seed: number, seconds: string): string;
  npv: string;
  own: string;
  mean: string;
  probability: string;
  ratio: string;
  noRatio: string;
  breakEven: string;
  notWithin: string;
  histogramHeading: string;
  histogramLabel(draws: string, from: string, to: string, p50: string, positive: string): string;
  interval: string;
  count: string;
  tornadoHeading: string;
  tornadoIntro: string;
  tornadoLabel(n: number): string;
  parameter: string;
  lowHigh: string;
  npvLowHigh: string;
  switching: string;
  lowValue: string;
  highValue: string;
  budgetHeading: string;
  publicHeading: string;
  outside(names: string): string;
  decisionsHeading: string;
  decisionsIntro: string;
  now: string;
  alternatives: string;
}

const DA: UncertaintyTexts = {
  heading: "Usikkerhed",
  intro:
    "Monte Carlo-kørsel af det aktive scenarie i arket Scenarier: de usikre parametre trækkes samtidig (latinsk hyperkube, trekantfordeling mellem lav og høj værdi med scenariets værdi som den mest sandsynlige). Samme frø giver samme resultat. Panelet skriver ikke i arkene.",
  needStays: "Find opholdene ovenfor først.",
  scenario: (name) => `Scenarie: «${name}»`,
  noSheet: "Standardværdierne (arket Scenarier findes ikke endnu)",
  drawsLabel: "Antal træk",
  drawsHint: "Et helt tal fra 100 til 20.000",
  seedLabel: "Frø (seed)",
  seedHint: "Et helt tal; samme frø giver samme træk",
  run: "Kør Monte Carlo",
  cancel: "Annullér",
  drawing: (done, draws) => `Træk ${done} af ${draws} …`,
  sensitivity: (done, total) => `Tornado og skifteværdier: trin ${done} af ${total} …`,
  cancelled: "Kørslen blev annulleret. Intet resultat.",
  tornadoCancelled:
    "Tornado og skifteværdier blev annulleret; Monte Carlo-resultatet står ovenfor.",
  failed: (message) => `Kørslen mislykkedes: ${message}`,
  summary: (draws, seed, seconds) => `${draws} træk, frø ${seed}, ${seconds}`,
  npv: "Nutidsværdi (NPV)",
  own: "Scenariets egen værdi",
  mean: "Middel",
  probability: "Sandsynlighed for NPV > 0",
  ratio: "Afkast pr. krone",
  noRatio: "ingen programudgift",
  breakEven: "Break-even-år",
  notWithin: "ikke inden for horisonten",
  histogramHeading: "Fordeling af nutidsværdien",
  histogramLabel: (draws, from, to, p50, positive) =>
    `Histogram over nutidsværdien i ${draws} træk, fra ${from} til ${to}; P50 ${p50}; ${positive} af trækkene over 0.`,
  interval: "Nutidsværdi fra – til",
  count: "Antal træk",
  tornadoHeading: "Tornado og skifteværdier",
  tornadoIntro:
    "Hver parameter ved sin lave og sin høje værdi, én ad gangen, størst udsving først. Skifteværdien er den værdi, hvor nutidsværdien bliver 0.",
  tornadoLabel: (n) =>
    `Tornado: ændringen i nutidsværdien for ${n} parametre ved lav og høj værdi; tallene står i tabellen nedenfor.`,
  parameter: "Parameter",
  lowHigh: "Lav – høj",
  npvLowHigh: "NPV ved lav / høj",
  switching: "Skifteværdi",
  lowValue: "Lav værdi",
  highValue: "Høj værdi",
  budgetHeading: "Budgettet: kommunens egen kasse (løbende priser, kontant besparelse)",
  publicHeading: "Offentlig værdi: hele den offentlige sektor (faste priser)",
  outside: (names) =>
    `Scenariets egen nutidsværdi ligger uden for P10–P90, fordi spændene for ${names} kun går til den ene side (en udgift kan ikke blive negativ, en andel ikke over 100 %).`,
  decisionsHeading: "Kommunens egne valg",
  decisionsIntro:
    "Det er beslutninger, ikke usikkerhed: budgettets nutidsværdi, hvis byrådet vælger det ene eller det andet.",
  now: "Nu",
  alternatives: "Alternativ: nutidsværdi",
};

const EN: UncertaintyTexts = {
  heading: "Uncertainty",
  intro:
    "A Monte Carlo run of the active scenario in the Scenarier sheet: the uncertain parameters are drawn together (Latin hypercube, triangular between the low and high value with the scenario's value the most likely). The same seed gives the same result. The panel writes to no sheet.",
  needStays: "Find the stays above first.",
  scenario: (name) => `Scenario: «${name}»`,
  noSheet: "The default values (there is no Scenarier sheet yet)",
  drawsLabel: "Draws",
  drawsHint: "A whole number from 100 to 20,000",
  seedLabel: "Seed",
  seedHint: "A whole number; the same seed gives the same draws",
  run: "Run Monte Carlo",
  cancel: "Cancel",
  drawing: (done, draws) => `Draw ${done} of ${draws} …`,
  sensitivity: (done, total) => `Tornado and switching values: step ${done} of ${total} …`,
  cancelled: "The run was cancelled. No result.",
  tornadoCancelled:
    "The tornado and switching values were cancelled; the Monte Carlo result is above.",
  failed: (message) => `The run failed: ${message}`,
  summary: (draws, seed, seconds) => `${draws} draws, seed ${seed}, ${seconds}`,
  npv: "Net present value (NPV)",
  own: "The scenario's own value",
  mean: "Mean",
  probability: "Probability of NPV > 0",
  ratio: "Return per krone",
  noRatio: "no programme cost",
  breakEven: "Break-even year",
  notWithin: "not within the horizon",
  histogramHeading: "Distribution of the NPV",
  histogramLabel: (draws, from, to, p50, positive) =>
    `Histogram of the NPV in ${draws} draws, from ${from} to ${to}; P50 ${p50}; ${positive} of the draws above 0.`,
  interval: "NPV from – to",
  count: "Draws",
  tornadoHeading: "Tornado and switching values",
  tornadoIntro:
    "Each parameter at its low and its high value, one at a time, widest swing first. The switching value is the value at which the NPV turns 0.",
  tornadoLabel: (n) =>
    `Tornado: the change in the NPV for ${n} parameters at their low and high values; the numbers are in the table below.`,
  parameter: "Parameter",
  lowHigh: "Low – high",
  npvLowHigh: "NPV at low / high",
  switching: "Switching value",
  lowValue: "Low value",
  highValue: "High value",
  budgetHeading: "The budget: the municipality's own cash (current prices, cashable saving)",
  publicHeading: "Public-sector value: the whole public sector (fixed prices)",
  outside: (names) =>
    `The scenario's own NPV lies outside P10–P90 because the ranges of ${names} go one way only (a cost cannot be negative, a share not above 100 %).`,
  decisionsHeading: "The council's own choices",
  decisionsIntro:
    "These are decisions, not uncertainty: the budget's NPV if the council chooses one or the other.",
  now: "Now",
  alternatives: "Alternative: NPV",
};

export const UNCERTAINTY_TEXTS: Readonly<Record<Language, UncertaintyTexts>> = { da: DA, en: EN };
