/**
 * The personal-data guard and the template's problem cap, timed: a template with 100 000 `{}`
 * parameter entries (issue 25: 100 000 problems and a 25 s freeze before), one with 5 000
 * problems, and the guard over 1 MB of note text and over a council page's texts with 50 000
 * citizen ids.
 */
import { performance } from "node:perf_hooks";
import { d } from "../src/engine/calendar";
import { PersonalDataGuard, personalDataIn } from "../src/privacy/personalData";
import { exportTemplate, parseTemplate } from "../src/templates/template";

const best = (rounds: number, run: () => unknown) => {
  let ms = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    run();
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
};

function templateText(scenarios: number, entries: number): string {
  const out = exportTemplate({
    municipality: "Nordby",
    author: "Økonomi",
    created: d("2026-05-01"),
    ruleSet: "NY",
    columns: {},
    scenarios: [{ name: "Basis", values: {} }],
  });
  if (!out.ok) throw new Error("the bench's template is refused");
  const t = JSON.parse(out.text) as { scenarios: unknown[] };
  t.scenarios = Array.from({ length: scenarios }, (_, i) => ({
    name: `S${i + 1}`,
    parameters: Array.from({ length: entries }, () => ({})),
  }));
  return JSON.stringify(t);
}

export function benchPersonalData() {
  const huge = templateText(1, 100_000);
  const many = templateText(50, 100);
  const note =
    "Pr. 31.12.23 1200 kr. jf. SBST 2024, tabel 3.1; 40.000-130.000 kr.; periode 01.01.26-31.12.26. Økonomi ";
  const megabyte = note.repeat(Math.ceil(1_000_000 / note.length));
  const ids = Array.from({ length: 50_000 }, (_, i) => `B${String(i + 1).padStart(6, "0")}`);
  const page = Array.from({ length: 80 }, (_, i) => `Kilde: ${note} linje ${i}`);
  return {
    hugeBytes: huge.length,
    hugeMs: best(5, () => parseTemplate(huge)),
    manyMs: best(5, () => parseTemplate(many)),
    megabyteMs: best(5, () => personalDataIn(megabyte)),
    pageMs: best(5, () => {
      const guard = new PersonalDataGuard(ids);
      for (const text of page) guard.cell(text);
    }),
  };
}
