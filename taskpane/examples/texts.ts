/** What the examples command says, in Danish and English (the pane's language). */
import type { Language } from "../i18n";

export interface ExampleTexts {
  heading: string;
  intro: string;
  insert: string;
  inserting: string;
  replaceTitle: string;
  replaceBody(sheets: readonly string[]): string;
  replace: string;
  cancel: string;
  done(sheets: readonly string[]): string;
  renamed(wanted: string, name: string): string;
  failed(message: string): string;
}

/** «A», «B» og «C» / “A”, “B” and “C”. */
function list(names: readonly string[], quote: [string, string], and: string): string {
  const quoted = names.map((n) => `${quote[0]}${n}${quote[1]}`);
  return quoted.length < 2
    ? quoted.join("")
    : `${quoted.slice(0, -1).join(", ")} ${and} ${quoted[quoted.length - 1]}`;
}

const DA: ExampleTexts = {
  heading: "Eksempler",
  intro:
    "Skriver eksempelark med formler, som Excel selv regner: demokommunens ophold med refusionen pr. ophold, regneeksemplerne ved siden af de tal, de skal give (kolonnen «Kontrol» viser SAND), refusionsprognosen og en projektion med sine parametre. Kun tilføjelsesprogrammets egne ark skrives; dine egne ark røres ikke.",
  insert: "Indsæt eksempler",
  inserting: "Skriver eksemplerne …",
  replaceTitle: "Erstat eksempelarkene?",
  replaceBody: (sheets) =>
    `Arkene ${list(sheets, ["«", "»"], "og")} er skrevet af tilføjelsesprogrammet og bliver skrevet forfra; det, du har ændret i dem, går tabt. Dine egne ark røres ikke.`,
  replace: "Erstat",
  cancel: "Annuller",
  done: (sheets) =>
    `Eksemplerne står i arkene ${list(sheets, ["«", "»"], "og")}. Kolonnen «Kontrol» i arket «Eksempler» skal vise SAND i hver række.`,
  renamed: (wanted, name) =>
    `Du har selv et ark, der hedder «${wanted}», så eksemplet står i «${name}».`,
  failed: (message) => `Eksemplerne kunne ikke skrives: ${message}`,
};

const EN: ExampleTexts = {
  heading: "Examples",
  intro:
    "Writes example sheets with formulas that Excel computes itself: the demo municipality's stays with the refund of each, the worked examples beside the figures they must give (the column «Kontrol» says TRUE), the refund forecast and a projection with its parameters. Only the add-in's own sheets are written; your sheets are never touched. The sheets are in Danish.",
  insert: "Insert examples",
  inserting: "Writing the examples …",
  replaceTitle: "Replace the example sheets?",
  replaceBody: (sheets) =>
    `The sheets ${list(sheets, ["“", "”"], "and")} were written by the add-in and will be written again; what you changed in them is lost. Your own sheets are never touched.`,
  replace: "Replace",
  cancel: "Cancel",
  done: (sheets) =>
    `The examples are in the sheets ${list(sheets, ["“", "”"], "and")}. The column «Kontrol» on the sheet “Eksempler” must say TRUE in every row.`,
  renamed: (wanted, name) =>
    `You have a sheet of your own called “${wanted}”, so the example is in “${name}”.`,
  failed: (message) => `The examples could not be written: ${message}`,
};

export const EXAMPLE_TEXTS: Readonly<Record<Language, ExampleTexts>> = { da: DA, en: EN };
