/**
 * Older format versions brought to the current one. Version 1 is version 2 without ranges (the
 * registry's apply). Format version 0 (the prototype's files, Danish keys):
 *   { "skabelonversion": 0, "kommune": "…", "forfatter": "…", "dato": "01-05-2026",
 *     "regelsaet": "NY" | "GAMMEL",
 *     "kolonner": { "borger"?, "indskrivning"?, "udskrivning"?, "takst"?, "egenbetaling"?, "boform"? },
 *     "scenarier": [ { "navn": "…", "note"?: "…", "parametre": { "<Danish parameter name>": number | null } } ] }
 * Percentages were whole percents (3,5 % stored as 3.5); there were no labels, units, sources or
 * rule-data version. Migration divides percentages by 100 and takes labels, units and sources
 * from the registry.
 */
import { z } from "zod";
import { isoFromSerial, parseDateText } from "../engine/calendar";
import { dec } from "../engine/money";
import { findParameter } from "../engine/parameters";
import { issueMessage } from "./messages";
import { problem, type Problems, type TemplatePath } from "./problems";
import {
  COLUMN_FIELDS,
  TEMPLATE_FORMAT,
  TEMPLATE_VERSION,
  type ColumnField,
  type Template,
} from "./schema";

const V0_COLUMNS: Readonly<Record<string, ColumnField>> = {
  borger: "citizen",
  indskrivning: "admission",
  udskrivning: "discharge",
  takst: "dailyRate",
  egenbetaling: "selfPayment",
  boform: "shelter",
};

const V0Schema = z
  .object({
    skabelonversion: z.literal(0),
    kommune: z.string(),
    forfatter: z.string(),
    dato: z.string(),
    regelsaet: z.string(),
    kolonner: z.record(z.string(), z.string().nullable()).optional(),
    scenarier: z.array(
      z
        .object({
          navn: z.string(),
          note: z.string().optional(),
          parametre: z.record(z.string(), z.number().nullable()),
        })
        .strict()
    ),
  })
  .strict();

/** A version 0 file in version 1's shape (still to be checked as version 1); its problems go to `found`. */
export function migrateFromV0(
  raw: Record<string, unknown>,
  found: Problems
): { template: unknown; notices: string[] } | undefined {
  const parsed = V0Schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      found.add(() =>
        problem(raw, issue.path as TemplatePath, `${issueMessage(issue, raw)} (formatversion 0)`)
      );
    return undefined;
  }
  const v0 = parsed.data;
  const before = found.total;
  const date = parseDateText(v0.dato);
  if (date === undefined)
    found.add(() => problem(raw, ["dato"], "Skal være en dato som 01-05-2026 (formatversion 0)"));
  const ruleSet = v0.regelsaet.trim().toUpperCase();
  const columns = Object.fromEntries(COLUMN_FIELDS.map((f) => [f, null])) as Record<
    ColumnField,
    string | null
  >;
  for (const [key, header] of Object.entries(v0.kolonner ?? {})) {
    const field = V0_COLUMNS[key.toLowerCase()];
    if (field) columns[field] = header;
    else
      found.add(() =>
        problem(
          raw,
          ["kolonner", key],
          `Ukendt kolonne; formatversion 0 kender ${Object.keys(V0_COLUMNS).join(", ")}`
        )
      );
  }
  const scenarios = v0.scenarier.map((s, i) => ({
    name: s.navn,
    ...(s.note === undefined ? {} : { note: s.note }),
    parameters: Object.entries(s.parametre).flatMap(([name, value]) => {
      const def = findParameter(name);
      if (!def) {
        found.add(() =>
          problem(
            raw,
            ["scenarier", i, "parametre", name],
            "Ukendt parameter (formatversion 0 brugte de danske navne fra arket Scenarier)"
          )
        );
        return [];
      }
      // Version 0 stored percentages as whole percents: 3,5 % was 3.5.
      const migrated =
        value !== null && def.unit === "%" ? dec(value).dividedBy(100).toNumber() : value;
      return [
        {
          id: def.id,
          name: def.name,
          label: def.label.da,
          unit: def.unit,
          value: migrated,
          source: def.source,
        },
      ];
    }),
  }));
  if (found.total > before) return undefined;
  return {
    template: {
      format: TEMPLATE_FORMAT,
      version: TEMPLATE_VERSION,
      municipality: v0.kommune,
      author: v0.forfatter,
      created: isoFromSerial(date!),
      ruleSet: { name: ruleSet, version: "ukendt (formatversion 0)" },
      columns,
      scenarios,
    },
    notices: [
      `Skabelonen var i formatversion 0 og er opdateret til version ${TEMPLATE_VERSION}: procenter er omregnet (3,5 blev til 3,5 %), ` +
        "og betegnelser, enheder, kilder og spænd er tilføjelsesprogrammets standard. Tjek værdierne, før du anvender den.",
    ],
  };
}

/** A version 1 file, checked as such, as version 2: the registry's ranges apply. */
export function migrateFromV1(checked: { template: Template; notices: string[] }): {
  template: Template;
  notices: string[];
} {
  return {
    template: { ...checked.template, version: TEMPLATE_VERSION },
    notices: [
      "Skabelonen er i formatversion 1, som ikke har spænd: lav og høj værdi er tilføjelsesprogrammets standard med kilde.",
      ...checked.notices,
    ],
  };
}
