/** What the user-groups panel says, in Danish and English (the pane's language). */
import type { UserGroup } from "../../src/engine/typology";
import type { Language } from "../i18n";
import type { ShareMeasure } from "../../src/sheets/forecast/userGroups";

export interface GroupTexts {
  heading: string;
  intro(first: number, last: number): string;
  group: string;
  value: string;
  shareColumn: string;
  citizens: string;
  stays: string;
  nights: string;
  gross: string;
  refundLost: string;
  total: string;
  share: Record<ShareMeasure, string>;
  chartTitle: string;
  chartDescription(lines: string[]): string;
  /** One group's bars, for the chart's description. */
  chartLine(group: string, shares: string[]): string;
  rules(chronicNights: number, episodes: number, gapDays: number, years: number): string;
  fromScenario(name: string): string;
  fromDefaults: string;
  groupLabel: Record<UserGroup, string>;
}

export const GROUP_TEXTS: Record<Language, GroupTexts> = {
  da: {
    heading: "Hvem bruger herbergerne?",
    intro: (first, last) =>
      `Borgerne delt i brugergrupper efter deres ophold i ${first}–${last} (også på arket Refusionsprognose).`,
    group: "Gruppe",
    value: "Antal / beløb",
    shareColumn: "Andel",
    citizens: "Borgere",
    stays: "Ophold",
    nights: "Overnatninger",
    gross: "Bruttoudgift",
    refundLost: "Refusion tabt til dagegrænsen",
    total: "I alt",
    share: {
      citizens: "af borgerne",
      nights: "af overnatningerne",
      gross: "af bruttoudgiften",
      refundLost: "af den tabte refusion",
    },
    chartTitle: "Gruppernes andel af borgere, overnatninger og bruttoudgift",
    chartDescription: (lines) => lines.join(" "),
    chartLine: (group, shares) => `${group}: ${shares.join(", ")}.`,
    rules: (nights, episodes, gap, years) =>
      `Kronisk: mindst ${nights} overnatninger på ${years} år. Episodisk: mindst ${episodes} forløb (ophold under ${gap} dage fra hinanden er ét forløb). Ellers forbigående (Kuhn & Culhane 1998).`,
    fromScenario: (name) => `Grænserne er fra det aktive scenarie «${name}» i arket Scenarier.`,
    fromDefaults:
      "Grænserne er standardværdierne: arket Scenarier findes ikke eller har ugyldige værdier.",
    groupLabel: { chronic: "Kroniske", episodic: "Episodiske", transitional: "Forbigående" },
  },
  en: {
    heading: "Who uses the shelters?",
    intro: (first, last) =>
      `Citizens grouped by their stays in ${first}–${last} (also on the sheet Refusionsprognose).`,
    group: "Group",
    value: "Number / amount",
    shareColumn: "Share",
    citizens: "Citizens",
    stays: "Stays",
    nights: "Nights",
    gross: "Gross cost",
    refundLost: "Refund lost to the day limit",
    total: "Total",
    share: {
      citizens: "of citizens",
      nights: "of nights",
      gross: "of gross cost",
      refundLost: "of the refund lost",
    },
    chartTitle: "The groups' share of citizens, nights and gross cost",
    chartDescription: (lines) => lines.join(" "),
    chartLine: (group, shares) => `${group}: ${shares.join(", ")}.`,
    rules: (nights, episodes, gap, years) =>
      `Chronic: at least ${nights} nights in ${years} years. Episodic: at least ${episodes} episodes (stays less than ${gap} days apart are one episode). Otherwise transitional (Kuhn & Culhane 1998).`,
    fromScenario: (name) =>
      `The thresholds are the active scenario «${name}» on the sheet Scenarier.`,
    fromDefaults:
      "The thresholds are the defaults: the sheet Scenarier does not exist or has invalid values.",
    groupLabel: { chronic: "Chronic", episodic: "Episodic", transitional: "Transitional" },
  },
};
