/**
 * The pane's template section: export the workbook's scenarios and column mapping as a template
 * (a file where the host saves downloads, else the text to copy), and import one (a picked file,
 * pasted text, or from the list of the standard template and the published cases, library.ts):
 * every problem listed, then what will
 * change in the Scenarier sheet, and only on "apply" anything is written, through the scenario
 * store, which writes only the add-in's own sheet. The review of an import is ImportReview.tsx.
 */
import {
  Body1,
  Button,
  Caption1,
  Field as FormField,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Textarea,
} from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import { serialFromYmd } from "../../src/engine/calendar";
import {
  exportTemplate,
  planImport,
  templateFileName,
  parseTemplate,
  type ExistingScenario,
  type ImportPlan,
  type Template,
  type TemplateProblem,
  type TemplateScenario,
} from "../../src/templates/template";
import type { ColumnMapping } from "../../src/sheets/stays/columns";
import { FilePickButton } from "../app/FilePickButton";
import { useTexts } from "../i18n";
import type { CellValue } from "../../src/workbook/workbook";
import {
  columnsOfMapping,
  downloadsAllowed,
  mappingOfColumns,
  readTemplateFile,
  saveTextFile,
} from "../../src/sheets/templates/templateIo";
import { TEMPLATE_LIBRARY, readLibraryTemplate } from "../../src/templates/library";
import { ImportReview } from "./ImportReview";
import { ProblemList } from "./ProblemList";
import { TEMPLATE_TEXTS } from "./texts";

/** Where the pane's named scenarios live (the Scenarier sheet's scenario manager). */
export interface ScenarioPort {
  list(): Promise<ExistingScenario[]>;
  /**
   * Saves the template's scenarios by name (a scenario with the same name is replaced, the others
   * are kept) in the add-in's own Scenarier sheet; returns the name that sheet has.
   */
  save(scenarios: readonly TemplateScenario[]): Promise<{ sheet: string }>;
  /** Why the sheet's low–high ranges cannot be exported (Danish, one per problem); none when they can. */
  rangeProblems(): Promise<string[]>;
}

export interface TemplatePanelProps {
  scenarios: ScenarioPort;
  /**
   * The stays found in the workbook, once there are some: their header row and column mapping
   * (exported as header names, set from an imported template) and their rows (no citizen id in
   * them may appear in an export).
   */
  stays?: {
    header: readonly CellValue[];
    rows: readonly CellValue[][];
    mapping: ColumnMapping;
    onMappingChange: (mapping: ColumnMapping) => void;
  };
  disabled?: boolean;
  /** Told after a template was applied (the scenario manager reads the sheet again). */
  onApplied?: () => void;
}

type Exported =
  | { status: "idle" }
  | { status: "refused"; problems: TemplateProblem[]; total: number }
  | { status: "done"; text: string; fileName: string; saved: boolean };

type Imported =
  | { status: "idle" }
  | { status: "refused"; problems: TemplateProblem[]; total: number }
  | { status: "ready"; template: Template; notices: string[]; plan: ImportPlan }
  | { status: "applied"; count: number; sheet: string; unmatched: string[] };

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

function today(): number {
  const now = new Date();
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The citizen column's values (an export is checked against them). */
function citizenIds(stays: NonNullable<TemplatePanelProps["stays"]>): string[] {
  const col = stays.mapping.citizen;
  return col === null
    ? []
    : stays.rows.map((row) => String(row[col] ?? "").trim()).filter((id) => id !== "");
}

export function TemplatePanel({
  scenarios,
  stays,
  disabled = false,
  onApplied,
}: TemplatePanelProps) {
  const paneText = useTexts();
  const text = TEMPLATE_TEXTS[paneText.language];
  const ids = {
    heading: useId(),
    exportHeading: useId(),
    importHeading: useId(),
    library: useId(),
    plan: useId(),
  };
  const [municipality, setMunicipality] = useState("");
  const [author, setAuthor] = useState("");
  const [exported, setExported] = useState<Exported>({ status: "idle" });
  const [showText, setShowText] = useState(false);
  const [copied, setCopied] = useState(false);
  const [pasted, setPasted] = useState("");
  const [imported, setImported] = useState<Imported>({ status: "idle" });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const textArea = useRef<HTMLTextAreaElement>(null);

  const currentColumns = () => (stays ? columnsOfMapping(stays.header, stays.mapping) : {});

  /** Runs one step with the panel busy; a failure (the workbook refused) is shown, not thrown. */
  const step = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const doExport = () =>
    step(async () => {
      const rangeProblems = await scenarios.rangeProblems();
      if (rangeProblems.length > 0) {
        setExported({
          status: "refused",
          problems: rangeProblems.map((message) => ({ where: text.scenarioSheet, message })),
          total: rangeProblems.length,
        });
        return;
      }
      const saved = await scenarios.list();
      if (saved.length === 0) {
        setExported({
          status: "refused",
          problems: [{ where: "", message: text.noSavedScenarios }],
          total: 1,
        });
        return;
      }
      const draft = {
        municipality,
        author,
        created: today(),
        ruleSet: "NY" as const,
        columns: currentColumns(),
        scenarios: saved,
      };
      const result = exportTemplate(draft, { citizenIds: stays ? citizenIds(stays) : [] });
      if (!result.ok) {
        setExported({ status: "refused", problems: result.problems, total: result.total });
        return;
      }
      const fileName = templateFileName(result.template);
      const download = downloadsAllowed();
      if (download) saveTextFile(result.text, fileName);
      setCopied(false);
      setShowText(!download);
      setExported({ status: "done", text: result.text, fileName, saved: download });
    });

  const copy = async () => {
    textArea.current?.select();
    try {
      await navigator.clipboard.writeText(exported.status === "done" ? exported.text : "");
    } catch {
      // Without clipboard access the text stays selected for Ctrl+C.
      document.execCommand?.("copy");
    }
    setCopied(true);
  };

  const review = (read: () => Promise<ReturnType<typeof parseTemplate>>) =>
    step(async () => {
      const result = await read();
      if (!result.ok) {
        setImported({ status: "refused", problems: result.problems, total: result.total });
        return;
      }
      const plan = planImport(result.template, {
        scenarios: await scenarios.list(),
        columns: currentColumns(),
      });
      setImported({ status: "ready", template: result.template, notices: result.notices, plan });
    });

  const apply = (template: Template) =>
    step(async () => {
      const { sheet } = await scenarios.save(template.scenarios);
      let unmatched: string[] = [];
      if (stays) {
        const next = mappingOfColumns(stays.header, template.columns, stays.mapping);
        stays.onMappingChange(next.mapping);
        unmatched = next.unmatched.map(paneText.fieldLabel);
      }
      setImported({ status: "applied", count: template.scenarios.length, sheet, unmatched });
      onApplied?.();
    });

  const locked = disabled || busy;

  return (
    <section
      aria-labelledby={ids.heading}
      style={{ display: "flex", flexDirection: "column", gap: 8 }}
      data-testid="templates"
    >
      <Subtitle2 as="h2" id={ids.heading}>
        {text.heading}
      </Subtitle2>
      <Caption1>{text.intro}</Caption1>

      <Body1 as="h3" id={ids.exportHeading} style={{ fontWeight: 600, margin: "4px 0 0" }}>
        {text.exportHeading}
      </Body1>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: 8 }}>
        <FormField label={text.municipality} required style={{ minWidth: 0 }}>
          <Input
            value={municipality}
            onChange={(_, d) => setMunicipality(d.value)}
            disabled={locked}
            style={{ minWidth: 0 }}
            data-testid="template-municipality"
          />
        </FormField>
        <FormField label={text.author} required style={{ minWidth: 0 }}>
          <Input
            value={author}
            onChange={(_, d) => setAuthor(d.value)}
            disabled={locked}
            style={{ minWidth: 0 }}
            data-testid="template-author"
          />
        </FormField>
      </div>
      <div>
        <Button onClick={() => void doExport()} disabled={locked} data-testid="template-export">
          {text.exportButton}
        </Button>
      </div>
      <div aria-live="polite">
        {exported.status === "refused" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{text.exportRefused(exported.total)}</MessageBarTitle>
              <ProblemList
                problems={exported.problems}
                total={exported.total}
                text={text}
                testId="template-export-problems"
              />
            </MessageBarBody>
          </MessageBar>
        )}
        {exported.status === "done" && (
          <div style={{ display: "flex", flexDirection: "column", gap: 6 }}>
            <MessageBar intent={exported.saved ? "success" : "info"} layout="multiline">
              <MessageBarBody data-testid="template-exported">
                {exported.saved ? text.saved(exported.fileName) : text.copyHint}
              </MessageBarBody>
            </MessageBar>
            {exported.saved && !showText && (
              <div>
                <Button appearance="subtle" onClick={() => setShowText(true)}>
                  {text.showText}
                </Button>
              </div>
            )}
            {showText && (
              <>
                <FormField label={`${text.textLabel} (${exported.fileName})`}>
                  <Textarea
                    ref={textArea}
                    value={exported.text}
                    readOnly
                    resize="vertical"
                    rows={8}
                    data-testid="template-text"
                  />
                </FormField>
                <div style={{ display: "flex", alignItems: "center", gap: 8 }}>
                  <Button onClick={() => void copy()}>{text.copy}</Button>
                  {copied && <Caption1 role="status">{text.copied}</Caption1>}
                </div>
              </>
            )}
          </div>
        )}
      </div>

      <Body1 as="h3" id={ids.importHeading} style={{ fontWeight: 600, margin: "8px 0 0" }}>
        {text.importHeading}
      </Body1>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
        <FilePickButton
          label={text.pickFile}
          accept=".json,application/json"
          testId="template-file"
          disabled={locked}
          onFile={(file) => void review(() => readTemplateFile(file))}
        />
      </div>
      <Body1 as="h4" id={ids.library} style={{ fontWeight: 600, margin: "4px 0 0" }}>
        {text.libraryHeading}
      </Body1>
      <ul
        aria-labelledby={ids.library}
        style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 8 }}
        data-testid="template-library"
      >
        {TEMPLATE_LIBRARY.map((entry) => (
          <li
            key={entry.id}
            style={{ display: "flex", gap: 8, alignItems: "flex-start" }}
            data-testid={`template-library-item-${entry.id}`}
          >
            <div style={{ display: "flex", flexDirection: "column", flex: 1, minWidth: 0 }}>
              <Body1 style={{ fontWeight: 600 }}>{entry.title[paneText.language]}</Body1>
              <Caption1>{entry.description[paneText.language]}</Caption1>
              <Caption1 italic>
                {text.source}: {entry.source[paneText.language]}
              </Caption1>
            </div>
            <Button
              onClick={() => void review(async () => readLibraryTemplate(entry.id))}
              disabled={locked}
              aria-label={text.useEntry(entry.title[paneText.language])}
              data-testid={`template-library-${entry.id}`}
            >
              {text.use}
            </Button>
          </li>
        ))}
      </ul>
      <FormField label={text.pasteLabel}>
        <Textarea
          value={pasted}
          onChange={(_, d) => setPasted(d.value)}
          resize="vertical"
          rows={3}
          disabled={locked}
          data-testid="template-paste"
        />
      </FormField>
      <div>
        <Button
          onClick={() => void review(async () => parseTemplate(pasted))}
          disabled={locked || pasted.trim() === ""}
          data-testid="template-read"
        >
          {text.readPasted}
        </Button>
      </div>

      <div aria-live="polite">
        {failure && (
          <MessageBar intent="error">
            <MessageBarBody>{text.failed(failure)}</MessageBarBody>
          </MessageBar>
        )}
        {imported.status === "refused" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{text.importRefused(imported.total)}</MessageBarTitle>
              <ProblemList
                problems={imported.problems}
                total={imported.total}
                text={text}
                testId="template-problems"
              />
            </MessageBarBody>
          </MessageBar>
        )}
        {imported.status === "ready" && (
          <ImportReview
            text={text}
            template={imported.template}
            notices={imported.notices}
            plan={imported.plan}
            planId={ids.plan}
            fieldLabel={paneText.fieldLabel}
            disabled={locked}
            onApply={() => void apply(imported.template)}
            onCancel={() => setImported({ status: "idle" })}
          />
        )}
        {imported.status === "applied" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody data-testid="template-applied">
              {text.applied(imported.count, imported.sheet)}
              {imported.unmatched.length > 0 && ` ${text.unmatched(imported.unmatched.join(", "))}`}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
