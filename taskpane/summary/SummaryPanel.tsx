/**
 * The council page from the pane: reads the active scenario on the Scenarier sheet, computes the
 * Sammenfatning sheet in the engine worker (a Monte Carlo run: progress and a stop button, the
 * pane stays responsive) and writes it with its chart. Writes only the add-in's own sheet; when
 * the sheet masks personal data (summarySheet.ts), the pane says why.
 */
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
} from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import type { RuleSetName } from "../../src/engine/rules";
import type { StayInput } from "../../src/engine/shelter";
import { maskedNotice, type PersonalKind } from "../../src/privacy/personalData";
import type { Workbook } from "../../src/workbook/workbook";
import { todaySerial } from "../../src/sheets/stays/columns";
import { allSaidIn, useTexts } from "../i18n";
import { activeScenario, readModel } from "../../src/sheets/scenarios/scenarioStore";
import type { EngineRunner } from "../worker/engine";
import { SUMMARY_DRAWS, SUMMARY_SEED } from "../../src/sheets/summary/summarySheet";
import { SUMMARY_TEXTS } from "./texts";

export interface SummaryPanelProps {
  workbook: Workbook;
  /** The good rows of the stays; undefined until found and checked. */
  stays: readonly StayInput[] | undefined;
  engine: EngineRunner;
  /** The reading of the phase-in the forecast uses (RuleSetInfo). */
  rules: RuleSetName;
  disabled?: boolean;
}

type Status =
  | { kind: "idle" }
  | { kind: "running"; done: number; total: number }
  | { kind: "done"; message: string; masked: PersonalKind[] }
  | { kind: "stopped" }
  | { kind: "failed"; message: string };

export function SummaryPanel({ workbook, stays, engine, rules, disabled }: SummaryPanelProps) {
  const { language } = useTexts();
  const text = SUMMARY_TEXTS[language];
  const headingId = useId();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const stop = useRef<AbortController>();

  const write = async () => {
    const controller = new AbortController();
    stop.current = controller;
    setStatus({ kind: "running", done: 0, total: 1 });
    try {
      const stored = await readModel(workbook);
      if (!stored) throw new Error(text.needScenarios);
      const active = activeScenario(stored.model);
      if (!active.ok) throw new Error(allSaidIn(language, active.errors));
      const { name, parameters, ranges } = active.scenario;
      const { spec, chart, masked } = await engine.run(
        "summary",
        {
          stays: stays ?? [],
          scenario: { name, parameters },
          ranges,
          rules,
          today: todaySerial(),
          draws: SUMMARY_DRAWS,
          seed: SUMMARY_SEED,
        },
        {
          signal: controller.signal,
          onProgress: (p) => setStatus({ kind: "running", ...p }),
        }
      );
      const written = await workbook.writeOwnSheet(spec);
      await workbook.addChart({ ...chart, sheet: written.name });
      await workbook.selectRange(written.name, "A1");
      setStatus({ kind: "done", message: text.written(written.name), masked });
    } catch (error) {
      setStatus(
        error instanceof Error && error.name === "AbortError"
          ? { kind: "stopped" }
          : {
              kind: "failed",
              message: text.failed(error instanceof Error ? error.message : String(error)),
            }
      );
    } finally {
      stop.current = undefined;
    }
  };

  const running = status.kind === "running";
  return (
    <section
      aria-labelledby={headingId}
      style={{ display: "flex", flexDirection: "column", gap: 8 }}
      data-testid="summary"
    >
      <Subtitle2 as="h2" id={headingId}>
        {text.heading}
      </Subtitle2>
      <Caption1>{text.intro}</Caption1>
      {!stays && <Caption1>{text.needStays}</Caption1>}
      <div style={{ display: "flex", gap: 8 }}>
        <Button
          disabled={disabled || running || !stays}
          onClick={() => void write()}
          data-testid="summary-write"
        >
          {text.write}
        </Button>
        {running && (
          <Button onClick={() => stop.current?.abort()} data-testid="summary-stop">
            {text.stop}
          </Button>
        )}
      </div>
      {running && (
        <Field label={text.writing(status.done, status.total)}>
          <ProgressBar value={status.done} max={Math.max(1, status.total)} />
        </Field>
      )}
      <div aria-live="polite">
        {status.kind === "done" && (
          <MessageBar intent="success" data-testid="summary-done">
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "done" && status.masked.length > 0 && (
          <MessageBar intent="warning" layout="multiline" data-testid="summary-masked">
            <MessageBarBody>{maskedNotice(status.masked)[language]}</MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "stopped" && (
          <MessageBar intent="info" data-testid="summary-stopped">
            <MessageBarBody>{text.stopped}</MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "failed" && (
          <MessageBar intent="error" data-testid="summary-failed">
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
