/**
 * «Indsæt eksempler»: writes the example sheets (src/examples) into the open workbook through
 * the workbook port, so Excel enters the formulas itself, as typed (a formula text written by
 * another tool into a file may show #NAME? until it is entered again: OfficeDev/office-js#4185,
 * OfficeDev/Excel-Custom-Functions#108). Asks before it replaces the add-in's own example
 * sheets; a user's sheet is never touched. The sheets' content, with the demo municipality's
 * generator, is loaded only when the command runs.
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import { replacedByExamples } from "../../src/examples/names";
import type { Workbook, WrittenSheet } from "../../src/workbook/workbook";
import { useTexts } from "../i18n";
import { EXAMPLE_TEXTS } from "./texts";

export interface ExamplesPanelProps {
  workbook: Workbook;
  disabled?: boolean;
  /** Told after the sheets are written (the pane looks for stays again). */
  onInserted?: () => void;
}

type Status =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "done"; sheets: WrittenSheet[] }
  | { kind: "failed"; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function ExamplesPanel({ workbook, disabled, onInserted }: ExamplesPanelProps) {
  const { language } = useTexts();
  const text = EXAMPLE_TEXTS[language];
  const headingId = useId();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  /** The own sheets a write would replace, while the pane asks. */
  const [replacing, setReplacing] = useState<string[]>();

  const insert = async () => {
    setReplacing(undefined);
    setStatus({ kind: "running" });
    try {
      const { insertExamples } = await import("../../src/examples/exampleSheets");
      const written = await insertExamples(workbook);
      await workbook.selectRange(written.worked.name, "A1");
      setStatus({ kind: "done", sheets: Object.values(written) });
      onInserted?.();
    } catch (error) {
      setStatus({ kind: "failed", message: text.failed(messageOf(error)) });
    }
  };

  const start = async () => {
    try {
      const replaced = replacedByExamples(await workbook.listSheets());
      if (replaced.length > 0) setReplacing(replaced);
      else await insert();
    } catch (error) {
      setStatus({ kind: "failed", message: text.failed(messageOf(error)) });
    }
  };

  const running = status.kind === "running";
  return (
    <section
      aria-labelledby={headingId}
      style={{ display: "flex", flexDirection: "column", gap: 8 }}
      data-testid="examples"
    >
      <Subtitle2 as="h2" id={headingId}>
        {text.heading}
      </Subtitle2>
      <Caption1>{text.intro}</Caption1>
      <div>
        <Button
          disabled={disabled || running}
          onClick={() => void start()}
          data-testid="examples-insert"
        >
          {text.insert}
        </Button>
      </div>
      <div aria-live="polite">
        {running && <Spinner size="tiny" label={text.inserting} />}
        {status.kind === "done" && (
          <MessageBar intent="success" data-testid="examples-done">
            <MessageBarBody>
              {text.done(status.sheets.map((s) => s.name))}
              {status.sheets
                .filter((s) => s.renamed)
                .map((s) => ` ${text.renamed(s.wanted, s.name)}`)
                .join("")}
            </MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "failed" && (
          <MessageBar intent="error" data-testid="examples-failed">
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <Dialog
        open={replacing !== undefined}
        onOpenChange={(_, d) => !d.open && setReplacing(undefined)}
      >
        <DialogSurface data-testid="examples-confirm">
          <DialogBody>
            <DialogTitle>{text.replaceTitle}</DialogTitle>
            <DialogContent>{text.replaceBody(replacing ?? [])}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => void insert()}
                data-testid="examples-confirm-yes"
              >
                {text.replace}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary" data-testid="examples-confirm-no">
                  {text.cancel}
                </Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
