/**
 * A refused template's problems: at most TEMPLATE_LIMITS.listedProblems of them, then how many
 * more there are, so a file with 100 000 problems renders a hundred lines, not 100 000.
 */
import { Body1 } from "@fluentui/react-components";
import { TEMPLATE_LIMITS, type TemplateProblem } from "../../src/templates/template";
import type { TemplateTexts } from "./texts";

export function ProblemList({
  problems,
  total,
  text,
  testId,
}: {
  problems: readonly TemplateProblem[];
  /** How many problems there are in all (problems.length or more). */
  total: number;
  text: TemplateTexts;
  testId: string;
}) {
  const shown = problems.slice(0, TEMPLATE_LIMITS.listedProblems);
  const more = Math.max(total, problems.length) - shown.length;
  return (
    <>
      <ul data-testid={testId} style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
        {shown.map((p, i) => (
          <li key={i}>
            <Body1>
              <strong>{p.where || text.wholeFile}:</strong> {p.message}
            </Body1>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <Body1 block data-testid={`${testId}-more`}>
          {text.moreProblems(more)}
        </Body1>
      )}
    </>
  );
}
