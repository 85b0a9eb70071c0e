/**
 * The template panel's problem list renders at most TEMPLATE_LIMITS.listedProblems problems and
 * counts the rest, whatever a refusal carries (rendered to HTML with React's server renderer).
 */
import { describe, expect, it } from "@jest/globals";
import { renderToStaticMarkup } from "react-dom/server";
import { TEMPLATE_LIMITS, type Template } from "../src/templates/template";
import { ProblemList } from "../taskpane/templates/ProblemList";
import { TEMPLATE_TEXTS } from "../taskpane/templates/texts";
import { d } from "../src/engine/calendar";
import { exportedTemplate, importObject, problems } from "./fixtures";

const items = (html: string) => html.match(/<li>/g)?.length ?? 0;
const more = (html: string) =>
  /data-testid="template-problems-more"[^>]*>([^<]*)</.exec(html)?.[1] ?? "";

describe("the problem list", () => {
  it("a template with 5 000 problems: 100 listed, then «… og 4.900 andre problemer»", () => {
    const t = exportedTemplate({
      municipality: "Nordby",
      author: "Økonomi",
      created: d("2026-05-01"),
      ruleSet: "NY",
      columns: {},
      scenarios: [{ name: "Basis", values: {} }],
    });
    t.scenarios = Array.from({ length: 50 }, (_, i) => ({
      name: `S${i + 1}`,
      parameters: Array.from({ length: 100 }, () => ({})),
    })) as unknown as Template["scenarios"];
    const result = importObject(t);
    const html = renderToStaticMarkup(
      <ProblemList
        problems={problems(result)}
        total={result.ok ? 0 : result.total}
        text={TEMPLATE_TEXTS.da}
        testId="template-problems"
      />
    );
    expect(items(html)).toBe(100);
    expect(more(html)).toBe(
      "… og 4.900 andre problemer, som ikke er vist. Ret dem ovenfor, og prøv igen."
    );
  });

  it("never more than a hundred, even when given more; no count when all are shown", () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({
      where: `nr. ${i}`,
      message: "Fejl",
    }));
    const html = renderToStaticMarkup(
      <ProblemList
        problems={many}
        total={many.length}
        text={TEMPLATE_TEXTS.en}
        testId="template-problems"
      />
    );
    expect(items(html)).toBe(TEMPLATE_LIMITS.listedProblems);
    expect(more(html)).toBe(
      "… and 99,900 more problems, not shown. Correct the ones above and try again."
    );
    const few = renderToStaticMarkup(
      <ProblemList problems={many.slice(0, 3)} total={3} text={TEMPLATE_TEXTS.da} testId="p" />
    );
    expect(items(few)).toBe(3);
    expect(few).not.toContain("andre problemer");
  });
});
