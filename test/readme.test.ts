/**
 * The README's worked example of DK.HOUSINGFIRSTPROJECTION is what the demo municipality gives:
 * a figure in the README that drifts from the engine fails here, not in a council paper.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { sampleBudgetSheet } from "../src/demo/sampleData";
import { PARAMETERS, defaultCell } from "../src/engine/parameters";
import { projection } from "../src/functions/functions";
import { PARAMETER_RANGE } from "../src/sheets/scenarios/scenarioSheet";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
/** "10 214 592,57" → 10214592.57 */
const number = (text: string) => Number(text.replace(/ /g, "").replace(",", "."));

describe("the README's DK.HOUSINGFIRSTPROJECTION example", () => {
  const sheet = sampleBudgetSheet();
  const rows = sheet.values.slice(sheet.headerRow + 1);
  const col = (c: number) => rows.map((r) => [r[c] ?? ""]);
  const params = [["Parameter", "Værdi"], ...PARAMETERS.map((p) => [p.name, defaultCell(p)])];
  const table = projection(col(0), col(2), col(3), col(4), col(5), params) as unknown[][];
  const summary = (label: string) => table.find((r) => String(r[0]).startsWith(label))![1];

  it("names the Scenarier sheet's parameter range", () => {
    expect(readme).toContain(`;Scenarier!${PARAMETER_RANGE})`);
  });

  it("states the NPV, return per krone, break-even and the two views as computed", () => {
    const m =
      /NPV ([\d ]+,\d\d) kr\.; ([\d,]+) kr\. per krone; break-even (\d{4});\s+budget effect ([\d ]+,\d\d) kr\.; socio-economic NPV ([\d ]+,\d\d) kr\./.exec(
        readme
      );
    expect(m).not.toBeNull();
    const [, npv, ratio, breakEven, budget, socio] = m!;
    expect(number(npv)).toBe(summary("Nutidsværdi"));
    expect(number(ratio)).toBe(Math.round((summary("Afkast") as number) * 100) / 100);
    expect(Number(breakEven)).toBe(summary("Break-even"));
    expect(number(budget)).toBe(summary("Budgeteffekt i alt"));
    expect(number(socio)).toBe(summary("Samfundsøkonomisk nutidsværdi"));
  });
});
