/**
 * Which language the add-in speaks for an Office display language, in one rule for the pane and
 * the functions' help: English for the English locales listed here, Danish for every other.
 *
 * Excel picks the functions' metadata by the manifest's <Override Locale=…> of
 * Functions.Metadata.Url, and an Override names one locale: "If you need to localize for more
 * than one area within a language family, such as de-de and de-at, we recommend that you use
 * separate Override elements for each area. Using the language name alone, in this case, de,
 * isn't supported across all combinations of Office client applications and platforms"
 * (https://learn.microsoft.com/office/dev/add-ins/develop/localization#control-localization-from-the-manifest).
 * No wildcard exists, so manifest.xml carries one English Override per locale of this list
 * (test/manifest.test.ts holds it to the list) and the pane is English exactly for them: in an
 * English locale Office has and we lack, both stay Danish rather than disagree. Office's own
 * English display languages are en-US and en-GB (Microsoft 365 for the web's language list,
 * https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/faq/languages); the
 * other regional English locales are listed in case a client reports the user's region.
 */

export type Language = "da" | "en";

export const ENGLISH_LOCALES = [
  "en-US",
  "en-GB",
  "en-AU",
  "en-CA",
  "en-IE",
  "en-IN",
  "en-NZ",
  "en-ZA",
] as const;

const ENGLISH = new Set<string>(ENGLISH_LOCALES.map((l) => l.toLowerCase()));

/**
 * "en-US", "en-GB", … (ENGLISH_LOCALES, any case) -> English; anything else (or nothing) ->
 * Danish. A bare "en" is English too: the demo's ?lang=en, never an Office display language.
 */
export function languageOf(tag: string | null | undefined): Language {
  const t = (tag ?? "").trim().toLowerCase();
  return t === "en" || ENGLISH.has(t) ? "en" : "da";
}
