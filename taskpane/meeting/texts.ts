/** What meeting mode says, in Danish and English (the pane's language). */
import type { Language } from "../i18n";

export interface MeetingTexts {
  toggle: string;
  heading: string;
  close: string;
  intro: string;
  noSheet: string;
  noStays: string;
  invalid: string;
  noActionCost(first: number, last: number): string;
  noActionHint: string;
  effect(first: number, last: number): string;
  effectHint: string;
  npv: string;
  publicNpv: string;
  publicNpvHint: string;
  /** The NPV's P10–P90 from a Monte Carlo run of `draws` draws, as text. */
  npvRange(p10: string, p90: string, draws: number): string;
  npvRangeComputing: string;
  npvRangeFailed(message: string): string;
  breakEven: string;
  breakEvenNone(last: number): string;
  breakEvenHint(base: number): string;
  computing: string;
  updated(name: string): string;
  writeFailed(message: string): string;
  controlsHeading: string;
  controlsHint(sheet: string): string;
  targetsHeading: string;
}

export const MEETING_TEXTS: Record<Language, MeetingTexts> = {
  da: {
    toggle: "Mødevisning",
    heading: "Mødevisning",
    close: "Luk mødevisningen",
    intro:
      "Nøgletallene for det aktive scenarie i arket Scenarier. Når en værdi ændres her, skrives den i arket, og Excel regner formlen DK.HOUSINGFIRSTPROJECTION om.",
    noSheet:
      "Der er intet Scenarier-ark endnu. Luk mødevisningen, find opholdene, og vælg «Opret arket Scenarier» under «Scenarier: hvad koster det, hvis vi ikke handler?»; åbn så mødevisningen igen.",
    noStays:
      "Panelet har ikke fundet opholdene endnu: luk mødevisningen, og find opholdene øverst i panelet.",
    invalid: "Værdierne i arket Scenarier kan ikke bruges:",
    noActionCost: (first, last) => `Udgift uden indsats ${first}–${last}`,
    noActionHint: "Kommunens nettoudgift til herbergsophold, hvis intet ændres.",
    effect: (first, last) => `Housing First: budgeteffekt ${first}–${last}`,
    effectHint:
      "Nettoudgift uden indsats minus med Housing First, nominelt. Positiv er en besparelse.",
    npv: "Nutidsværdi i budgettet",
    publicNpv: "Offentlig værdi (nutidsværdi)",
    publicNpvHint: "Hele den offentlige sektor, faste priser, Finansministeriets rente",
    npvRange: (p10, p90, draws) =>
      `P10–P90: ${p10} – ${p90} (${draws.toLocaleString("da-DK")} Monte Carlo-trækninger over parametrenes lav–høj, samme kørsel som sammenfatningen og «Usikkerhed»)`,
    npvRangeComputing: "Beregner intervallet P10–P90 …",
    npvRangeFailed: (message) => `Intervallet kunne ikke beregnes: ${message}`,
    breakEven: "Break-even",
    breakEvenNone: (last) => `Ikke inden ${last}`,
    breakEvenHint: (base) =>
      `Året, hvor den akkumulerede nutidsværdi bliver positiv (basisår ${base}).`,
    computing: "Regner …",
    updated: (name) => `Nøgletallene er opdateret (scenarie «${name}»).`,
    writeFailed: (message) => `Værdien blev ikke skrevet i arket: ${message}`,
    controlsHeading: "Det, rådet kan skrue på",
    controlsHint: (sheet) =>
      `Piletasterne ændrer en værdi ét trin. Værdien skrives i arket ${sheet}, kolonne B, når den har stået stille et øjeblik.`,
    targetsHeading: "Målgrupper for Housing First",
  },
  en: {
    toggle: "Meeting mode",
    heading: "Meeting mode",
    close: "Close meeting mode",
    intro:
      "The key figures of the active scenario on the sheet Scenarier. A value changed here is written to the sheet, and Excel recalculates the formula DK.HOUSINGFIRSTPROJECTION.",
    noSheet:
      "There is no Scenarier sheet yet. Close meeting mode, find the stays and choose «Create the Scenarier sheet» under Scenarios; then open meeting mode again.",
    noStays:
      "The pane has not found the stays yet: close meeting mode and find them at the top of the pane.",
    invalid: "The values on the sheet Scenarier cannot be used:",
    noActionCost: (first, last) => `Cost without action ${first}–${last}`,
    noActionHint: "The municipality's net cost of shelter stays if nothing changes.",
    effect: (first, last) => `Housing First: budget effect ${first}–${last}`,
    effectHint: "Net cost without action minus with Housing First, nominal. Positive is a saving.",
    npv: "NPV in the budget",
    publicNpv: "Public-sector value (NPV)",
    publicNpvHint: "The whole public sector, fixed prices, the Ministry of Finance's rate",
    npvRange: (p10, p90, draws) =>
      `P10–P90: ${p10} – ${p90} (${draws.toLocaleString("en-GB")} Monte Carlo draws over the parameters' low–high, the same run as the summary and «Usikkerhed»)`,
    npvRangeComputing: "Computing the P10–P90 range …",
    npvRangeFailed: (message) => `The range could not be computed: ${message}`,
    breakEven: "Break-even",
    breakEvenNone: (last) => `Not by ${last}`,
    breakEvenHint: (base) =>
      `The year the cumulative present value turns positive (base year ${base}).`,
    computing: "Computing …",
    updated: (name) => `The key figures are up to date (scenario «${name}»).`,
    writeFailed: (message) => `The value was not written to the sheet: ${message}`,
    controlsHeading: "What the council can change",
    controlsHint: (sheet) =>
      `The arrow keys change a value by one step. It is written to the sheet ${sheet}, column B, once it has stood still for a moment.`,
    targetsHeading: "Target groups for Housing First",
  },
};
