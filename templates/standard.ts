/**
 * The template that ships with the add-in (templates/standard.json): the synthetic demo
 * municipality's setup, so a new user starts from sourced figures rather than blank cells.
 * Every scenario takes the registry's defaults (src/engine/parameters/registry.ts: Social- og Boligstyrelsen's and
 * the seed's figures, each with its source) and changes only what its name says.
 * `npx tsx schema/generate.ts` writes the JSON from this draft; test/template.schema.test.ts
 * checks that they agree.
 */
import { d } from "../src/engine/calendar";
import type { TemplateDraft } from "../src/templates/template";

const SBST_SUPPORT =
  "Social- og Boligstyrelsen: Housing First-støtte i egen bolig koster 40.000-130.000 kr. om året";

export const STANDARD_TEMPLATE: TemplateDraft = {
  municipality: "Syntetisk kommune (demo)",
  author: "Refusion og Housing First (standardskabelon)",
  created: d("2026-11-25"),
  ruleSet: "NY",
  // The headers of the demo's budget sheet (src/demo/sampleData.ts).
  columns: {
    citizen: "Borger-ID",
    admission: "Indskrevet",
    discharge: "Udskrevet",
    dailyRate: "Døgntakst (kr.)",
    selfPayment: "Egenbetaling (kr./døgn)",
    shelter: "Boform",
  },
  scenarios: [
    {
      name: "Standard",
      note: "Tilføjelsesprogrammets standardværdier; kilden står ved hver parameter. Tilpas til kommunens egne tal.",
      values: {},
    },
    {
      name: "Bostøtte lav (40.000 kr.)",
      note: "Housing First med den laveste støtteudgift i Social- og Boligstyrelsens interval.",
      values: { supportCost: 40_000 },
      annotations: { supportCost: { source: `${SBST_SUPPORT} (nedre grænse)` } },
    },
    {
      name: "Bostøtte høj (130.000 kr.)",
      note: "Housing First med den højeste støtteudgift i Social- og Boligstyrelsens interval.",
      values: { supportCost: 130_000 },
      annotations: { supportCost: { source: `${SBST_SUPPORT} (øvre grænse)` } },
    },
    {
      name: "10 år som Hjørring",
      note: "Horisont og diskontering som i Komponents analyse for Hjørring (seed): 3,3 kr. igen pr. krone over 10 år for herbergsbrugere.",
      values: { horizon: 10 },
      annotations: {
        horizon: {
          source:
            "Seed (webinar juni 2023): Komponents analyse for Hjørring regner over 10 år; break-even i år 2 for herbergsbrugere",
        },
      },
    },
  ],
};
