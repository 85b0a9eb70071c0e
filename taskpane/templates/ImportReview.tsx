/**
 * What an import would do, shown before anything is written: who made the template, its notices,
 * each scenario's change (with the template's own notes and sources, which the sheet does not
 * keep) and the column mapping's changes, with "apply" and "cancel".
 */
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { parameterById } from "../../src/engine/parameters";
import type { Field } from "../../src/sheets/stays/columns";
import type { ImportPlan, Template, TemplateScenario } from "../../src/templates/template";
import type { TemplateTexts } from "./texts";

/** What the template says about a scenario beyond its values: its note, and its own sources and notes per parameter. */
const ownDocs = (scenario: TemplateScenario) =>
  scenario.parameters.filter((p) => p.note || p.source !== parameterById(p.id).source);
const hasDocs = (scenario: TemplateScenario) =>
  Boolean(scenario.note) || ownDocs(scenario).length > 0;

function ScenarioDocs({
  scenario,
  text,
}: {
  scenario: TemplateScenario | undefined;
  text: TemplateTexts;
}) {
  if (!scenario || !hasDocs(scenario)) return null;
  const own = ownDocs(scenario);
  return (
    <div style={{ display: "flex", flexDirection: "column" }}>
      {scenario.note && <Caption1 italic>{scenario.note}</Caption1>}
      {own.map((p) => (
        <Caption1 key={p.id}>
          {text.ownSource(p.name)}: {p.source}
          {p.note ? ` (${p.note})` : ""}
        </Caption1>
      ))}
    </div>
  );
}

export function ImportReview(props: {
  text: TemplateTexts;
  template: Template;
  notices: string[];
  plan: ImportPlan;
  planId: string;
  fieldLabel: (field: Field) => string;
  disabled: boolean;
  onApply: () => void;
  onCancel: () => void;
}) {
  const { text, template, notices, plan, planId, fieldLabel, disabled, onApply, onCancel } = props;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }} data-testid="template-review">
      <Body1>
        {text.from(
          template.municipality,
          template.author,
          text.date(template.created),
          template.ruleSet.name
        )}
      </Body1>
      {notices.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{text.notices}</MessageBarTitle>
            <ul
              data-testid="template-notices"
              style={{ margin: "4px 0 0", paddingInlineStart: 20 }}
            >
              {notices.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Body1 as="h4" id={planId} style={{ fontWeight: 600, margin: 0 }}>
        {text.planHeading}
      </Body1>
      <Table size="small" aria-labelledby={planId} data-testid="template-plan">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{text.scenario}</TableHeaderCell>
            <TableHeaderCell>{text.change}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {plan.scenarios.map((s) => (
            <TableRow key={s.name} data-action={s.action}>
              <TableCell>
                {s.name}
                <ScenarioDocs
                  scenario={template.scenarios.find((t) => t.name === s.name)}
                  text={text}
                />
              </TableCell>
              <TableCell>
                {text.action[s.action]}
                {s.action === "replace" && (
                  <ul style={{ margin: "2px 0 0", paddingInlineStart: 16 }}>
                    {s.changes.map((c) => (
                      <li key={c.id}>
                        <Caption1>
                          {c.name}: {c.from} → {c.to}
                        </Caption1>
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {template.scenarios.some(hasDocs) && <Caption1>{text.docsNotKept}</Caption1>}
      <Body1 style={{ fontWeight: 600 }}>{text.columnsHeading}</Body1>
      {plan.columns.length === 0 ? (
        <Caption1>{text.noColumnChanges}</Caption1>
      ) : (
        <ul data-testid="template-column-changes" style={{ margin: 0, paddingInlineStart: 20 }}>
          {plan.columns.map((c) => (
            <li key={c.field}>
              <Caption1>
                {fieldLabel(c.field)}: {c.from ?? text.notMapped} → {c.to ?? text.notMapped}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <div style={{ display: "flex", gap: 8 }}>
        <Button
          appearance="primary"
          onClick={onApply}
          disabled={disabled}
          data-testid="template-apply"
        >
          {text.apply}
        </Button>
        <Button onClick={onCancel} disabled={disabled}>
          {text.cancel}
        </Button>
      </div>
    </div>
  );
}
