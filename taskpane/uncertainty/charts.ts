/** What the uncertainty panel's charts share: number formats, sizes and colours. */
import type { Language } from "../i18n";

/** Whole kroner in the pane's language. */
export const krFormat = (language: Language) => {
  const format = new Intl.NumberFormat(language === "da" ? "da-DK" : "en-GB", {
    maximumFractionDigits: 0,
  });
  return (v: number) => `${format.format(v)} kr.`;
};

/** Hidden on screen, read by screen readers. */
export const visuallyHidden = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;

export const WIDTH = 300;
export const LOW_COLOUR = "#4472c4";
export const HIGH_COLOUR = "#ed7d31";
