/**
 * The README's worked example of DK.HOUSINGFIRSTPROJECTION is what the demo municipality gives:
 * a figure in the README that drifts from the engine fails here, not in a council paper. So are
 * the two headlines with their P10–P90, in the README and in docs/model.md.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { sampleBudgetSheet, sampleWorkbook } from "../src/demo/sampleData";
import { DEFAULT_PARAMETERS, PARAMETERS, defaultCell } from "../src/engine/parameters";
import { projection } from "../src/functions/functions";
import { PARAMETER_RANGE } from "../src/sheets/scenarios/scenarioSheet";
import { computeProjection, type Projection } from "../src/engine/projection";
import { runMonteCarlo, type MonteCarloResult } from "../src/engine/uncertainty";
import { findStays } from "../src/sheets/forecast/forecastRun";
import { validateRows } from "../src/sheets/stays/columns";
import { SUMMARY_DRAWS, SUMMARY_SEED } from "../src/sheets/summary/summarySheet";

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

describe("the demo's two headlines with their P10–P90, in the README and docs/model.md", () => {
  const model = readFileSync(join(__dirname, "..", "docs", "model.md"), "utf8");
  /** "−1 389 111 kr." → -1389111 */
  const kroner = (text: string) =>
    Number(
      text
        .replace(/ kr\.$/, "")
        .replace(/ /g, "")
        .replace("−", "-")
    );
  const rowOf = (doc: string, label: string) => {
    const line = doc.split("\n").find((l) => l.startsWith(`| ${label}`));
    if (!line) throw new Error(`no row ${label}`);
    return line
      .split("|")
      .slice(2, 6)
      .map((c) => kroner(c.trim()));
  };

  it("states the council page's band: 1 000 draws from seed 2023 on the demo", async () => {
    const wb = sampleWorkbook();
    const found = (await findStays(wb))!;
    const { stays } = validateRows(found, found.mapping);
    const projected = computeProjection(stays, DEFAULT_PARAMETERS) as Projection;
    const mc = runMonteCarlo(stays, DEFAULT_PARAMETERS, {
      draws: SUMMARY_DRAWS,
      seed: SUMMARY_SEED,
    }) as MonteCarloResult;
    const budget = [projected.npv.toNumber(), mc.npv.p10, mc.npv.p50, mc.npv.p90].map(Math.round);
    const publicView = [
      projected.public.npv.toNumber(),
      mc.public.npv.p10,
      mc.public.npv.p50,
      mc.public.npv.p90,
    ].map(Math.round);
    for (const doc of [readme, model]) {
      expect(rowOf(doc, "Budget NPV")).toEqual(budget);
      expect(rowOf(doc, "Public NPV")).toEqual(publicView);
    }
  }, 120_000);
});
