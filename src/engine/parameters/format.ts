/**
 * A parameter's value as users read it, in Danish or English: the one place numbers, percentages
 * and units are written for the messages, the Scenarier sheet, the templates and the pane.
 */
import type { ParameterUnit } from "./definition";
import type { ParameterDef } from "./registry";

/** Units as English messages name them. */
const UNIT_EN: Record<ParameterUnit, string> = {
  årstal: "",
  år: "years",
  "%": "%",
  dage: "days",
  "kr./år": "kr./year",
  "kr.": "kr.",
  "boliger/år": "dwellings/year",
  "ja/nej": "",
  forløb: "episodes",
  faktor: "",
};

/**
 * A number as users read it: 0,035 / 85.000 / 3,5 % for a percentage in Danish; 85,000 / 3.5%
 * in English, as English Excel shows the Scenarier sheet's cells.
 */
export function formatParameterValue(
  def: ParameterDef,
  value: number,
  language: "da" | "en" = "da"
): string {
  const number = (x: number) =>
    x.toLocaleString(language === "da" ? "da-DK" : "en-GB", {
      maximumFractionDigits: 6,
      useGrouping: def.unit !== "årstal",
    });
  if (def.unit === "ja/nej" && (value === 0 || value === 1))
    return language === "da" ? (value === 1 ? "ja" : "nej") : value === 1 ? "yes" : "no";
  if (language === "en") {
    const unit = value === 1 ? UNIT_EN[def.unit].replace(/^(year|day)s$/, "$1") : UNIT_EN[def.unit];
    return def.unit === "%" ? `${number(value * 100)}%` : `${number(value)}${unit && ` ${unit}`}`;
  }
  return def.unit === "%"
    ? `${number(value * 100)} %`
    : `${number(value)}${def.unit === "årstal" || def.unit === "faktor" ? "" : ` ${def.unit}`}`;
}
