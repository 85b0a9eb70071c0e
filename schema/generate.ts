/**
 * Writes the generated files of the template format: the published JSON Schema
 * (schema/template.schema.json, from the zod schema in src/templates/schema.ts), the shipped
 * template (templates/standard.json, from templates/standard.ts) and the published cases
 * (templates/<id>.json, from templates/cases.ts). Run after changing either:
 *   npx tsx schema/generate.ts
 * test/template.schema.test.ts fails when the files and their sources disagree.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportTemplate, templateJsonSchema } from "../src/templates/template";
import { PUBLISHED_CASES } from "../templates/cases";
import { STANDARD_TEMPLATE } from "../templates/standard";

const root = join(__dirname, "..");
writeFileSync(
  join(root, "schema", "template.schema.json"),
  `${JSON.stringify(templateJsonSchema(), null, 2)}\n`
);
const standard = exportTemplate(STANDARD_TEMPLATE);
if (!standard.ok)
  throw new Error(standard.problems.map((p) => `${p.where}: ${p.message}`).join("\n"));
writeFileSync(join(root, "templates", "standard.json"), standard.text);
for (const c of PUBLISHED_CASES) {
  const exported = exportTemplate(c.draft);
  if (!exported.ok)
    throw new Error(
      `${c.id}: ${exported.problems.map((p) => `${p.where}: ${p.message}`).join("\n")}`
    );
  writeFileSync(join(root, "templates", `${c.id}.json`), exported.text);
}
console.log(
  `Skrev schema/template.schema.json, templates/standard.json og ${PUBLISHED_CASES.map((c) => `templates/${c.id}.json`).join(", ")}`
);
