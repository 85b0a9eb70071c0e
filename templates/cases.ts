/**
 * Published cases as templates, like SØM's experience database but built only from published
 * figures: each parameter a case sets carries its publication as its source; every other parameter
 * keeps the registry's default and its source. `npx tsx schema/generate.ts` writes the JSON files
 * (templates/<id>.json); test/template.library.test.ts checks that they match and import without
 * problems, and the template panel lists them (taskpane/templates/library.ts).
 */
import { d } from "../src/engine/calendar";
import type { TemplateDraft } from "../src/templates/template";
import { STANDARD_TEMPLATE } from "./standard";

const KOMPONENT =
  "Komponent, business case for Hjørring Kommune (webinar om omlægning af hjemløseindsatsen, juni 2023)";
const VIVE = "VIVE (2020), Housing First i Odense";

/** Odense: 80 % still housed after three years, so 1 − 0,8^(1/3) ≈ 7,2 % leave a year. */
const ODENSE_YEARLY_LOSS = 0.072;

/** A template the pane offers in its list: what it is, where its figures come from, in short. */
export interface LibraryEntry {
  /** The JSON file's name in templates/ and the pane's key. */
  id: string;
  title: { da: string; en: string };
  source: { da: string; en: string };
  description: { da: string; en: string };
}

export interface PublishedCase extends LibraryEntry {
  draft: TemplateDraft;
}

/** The standard template (templates/standard.json) as the pane's list shows it. */
export const STANDARD_ENTRY: LibraryEntry = {
  id: "standard",
  title: { da: "Standardskabelonen", en: "The standard template" },
  source: {
    da: "Tilføjelsesprogrammets standardværdier (Social- og Boligstyrelsen, Finansministeriet, seed m.fl.; kilden står ved hver parameter)",
    en: "The add-in's defaults (Social- og Boligstyrelsen, the Ministry of Finance, the seed and others; the source is given with each parameter)",
  },
  description: {
    da: "Fire scenarier: standard, lav og høj bostøtte og 10 år som Hjørring. Et godt sted at begynde.",
    en: "Four scenarios: standard, low and high support cost, and 10 years as in Hjørring. A good place to start.",
  },
};

export const PUBLISHED_CASES: readonly PublishedCase[] = [
  {
    id: "hjoerring",
    title: { da: "Hjørring (Komponent 2023)", en: "Hjørring (Komponent 2023)" },
    source: { da: KOMPONENT, en: KOMPONENT },
    description: {
      da: "Housing First til herbergsbrugere over 10 år: 3,3 kr. igen pr. krone, break-even i år 2 (1,6 kr. og år 5 for andre hjemløse).",
      en: "Housing First for shelter users over 10 years: 3.3 kr. back per krone, break-even in year 2 (1.6 kr. and year 5 for other homeless people).",
    },
    draft: {
      municipality: "Hjørring Kommune (offentliggjort case)",
      author: "Refusion og Housing First (casebibliotek)",
      created: d("2026-12-01"),
      ruleSet: "NY",
      columns: STANDARD_TEMPLATE.columns,
      scenarios: [
        {
          name: "Hjørring: herbergsbrugere over 10 år",
          note: `${KOMPONENT}: hver krone investeret i Housing First til herbergsbrugere gav 3,3 kr. igen over 10 år, break-even i år 2 (1,6 kr. og år 5 for andre hjemløse, som modellen her ikke dækker). Nettonutidsværdier med et vist løbende tilbagefald og fraflytning; tallene for dem er ikke offentliggjort, så standardværdierne gælder. Det er casens resultat. Scenariet her regner på jeres kommunes egne ophold med Hjørrings horisont og målgruppe, og hvem der kommer igen på herberg, skønnes ud fra jeres eget register: resultatet er jeres kommunes, ikke en genberegning af Hjørrings, og panelet «Troværdighed» viser de to ved siden af hinanden.`,
          values: { horizon: 10, targetTransitional: 1 },
          annotations: {
            horizon: { source: `${KOMPONENT}: regner over 10 år` },
            targetTransitional: {
              source: `${KOMPONENT}: målgruppen er alle herbergsbrugere med lange ophold`,
            },
          },
        },
      ],
    },
  },
  {
    id: "odense",
    title: { da: "Odense (VIVE 2020)", en: "Odense (VIVE 2020)" },
    source: { da: VIVE, en: VIVE },
    description: {
      da: "Boligstabilitet som i Odense: ca. 80 % stadig i bolig efter 3 år (ca. 7,2 % tilbagefald om året), fulgt i 3 år.",
      en: "Housing stability as in Odense: about 80% still housed after 3 years (about 7.2% relapse a year), followed for 3 years.",
    },
    draft: {
      municipality: "Odense Kommune (offentliggjort case)",
      author: "Refusion og Housing First (casebibliotek)",
      created: d("2026-12-01"),
      ruleSet: "NY",
      columns: STANDARD_TEMPLATE.columns,
      scenarios: [
        {
          name: "Odense: boligstabilitet som i VIVE 2020",
          note: `${VIVE}: ca. 80 % af de boligplacerede var stadig i bolig tre år efter, i den anviste bolig eller flyttet videre; kommunens udgift pr. borger hjulpet ud af hjemløshed faldt med ca. 58.000 kr. allerede året efter. Støtteudgiften er ikke offentliggjort, så standardværdien gælder. Det er casens resultat. Scenariet her regner på jeres kommunes egne ophold med Odenses boligstabilitet: resultatet er jeres kommunes, ikke en genberegning af Odenses, og panelet «Troværdighed» viser de to ved siden af hinanden.`,
          values: { horizon: 3, relapseRate: ODENSE_YEARLY_LOSS, moveAwayRate: 0 },
          annotations: {
            horizon: { source: `${VIVE}: fulgte borgerne i tre år` },
            relapseRate: {
              source: `${VIVE}: ca. 80 % stadig i bolig efter 3 år, dvs. ca. 7,2 % om året (1 − 0,8^(1/3))`,
            },
            moveAwayRate: {
              source: `${VIVE}: borgere, der flyttede videre til en anden bolig, tæller som i bolig`,
            },
          },
        },
      ],
    },
  },
];
