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
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
} from "@fluentui/react-components";
import { StepProgress } from "../app/StepProgress";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { RuleSetName } from "../../src/engine/rules";
import type { StayInput } from "../../src/engine/shelter";
import { maskedNotice, type PersonalKind } from "../../src/privacy/personalData";
import type { SheetSpec, Workbook } from "../../src/workbook/workbook";
import { todaySerial } from "../../src/sheets/stays/columns";
import { allSaidIn, useTexts } from "../i18n";
import {
  activeScenario,
  findScenarioSheet,
  onModelWritten,
  readModel,
} from "../../src/sheets/scenarios/scenarioStore";
import { SUMMARY_OF, summaryFingerprint } from "../../src/sheets/summary/fingerprint";
import { summaryHtml } from "../../src/sheets/summary/summaryHtml";
import type { EngineRunner } from "../worker/engine";
import { SUMMARY_DRAWS, SUMMARY_SEED, SUMMARY_SHEET } from "../../src/sheets/summary/summarySheet";
import { SUMMARY_TEXTS } from "./texts";

export interface SummaryPanelProps {
  workbook: Workbook;
  /** The good rows of the stays; undefined until found and checked. */
  stays: readonly StayInput[] | undefined;
  engine: EngineRunner;
  /** The reading of the phase-in the forecast uses (RuleSetInfo). */
  rules: RuleSetName;
  disabled?: boolean;
  /**
   * Prints the council page (the demo: the browser's print dialog, which saves a PDF). Excel has
   * no API that prints or exports one sheet (Office.FileType.Pdf is Word's and PowerPoint's), so
   * in Excel the pane selects the page and says how to export it.
   */
  print?: () => void;
}

type Status =
  | { kind: "idle" }
  | { kind: "running"; done: number; total: number }
  | { kind: "done"; message: string; masked: PersonalKind[] }
  | { kind: "stopped" }
  | { kind: "failed"; message: string };

/** Who the page is from: remembered in this browser (no personal data: a municipality and a name). */
const DOCUMENT_KEY = "refusion.sammenfatning.afsender";
const remembered = (): { municipality: string; author: string } => {
  try {
    const stored = JSON.parse(localStorage.getItem(DOCUMENT_KEY) ?? "{}") as Record<
      string,
      unknown
    >;
    return {
      municipality: typeof stored.municipality === "string" ? stored.municipality : "",
      author: typeof stored.author === "string" ? stored.author : "",
    };
  } catch {
    return { municipality: "", author: "" };
  }
};

/** An Input that shrinks with a narrow pane (its <input> has an intrinsic width of 20 characters). */
const SHRINKS = {
  style: { minWidth: 0, width: "100%" },
  input: { style: { minWidth: 0, width: "100%" } },
} as const;

export function SummaryPanel({
  workbook,
  stays,
  engine,
  rules,
  disabled,
  print,
}: SummaryPanelProps) {
  const { language } = useTexts();
  const text = SUMMARY_TEXTS[language];
  const headingId = useId();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [from, setFrom] = useState(remembered);
  /** The page as written, for the copy to Word; and whether it still shows the workbook. */
  const [page, setPage] = useState<SheetSpec | undefined>();
  const [stale, setStale] = useState<string | undefined>();
  const [copied, setCopied] = useState<"copied" | "failed" | undefined>();
  const stop = useRef<AbortController>();

  const check = useCallback(async () => {
    // No page yet (the sheet does not exist): nothing can be stale.
    const written = await workbook
      .readSheetProperty(SUMMARY_SHEET, SUMMARY_OF)
      .catch(() => undefined);
    if (!written || !stays) return setStale(undefined);
    const stored = await readModel(workbook);
    const active = stored && activeScenario(stored.model);
    const now =
      active && active.ok
        ? summaryFingerprint({
            stays,
            scenario: { name: active.scenario.name, parameters: active.scenario.parameters },
            ranges: active.scenario.ranges,
            rules,
          })
        : "";
    setStale(now === written ? undefined : (active?.ok && active.scenario.name) || "");
  }, [workbook, stays, rules]);
  useEffect(() => {
    // After the render: the check reads the workbook and sets the warning when it answers.
    const first = window.setTimeout(() => void check(), 0);
    // Edits of the Scenarier sheet, which may be written after the pane opened: subscribe again
    // whenever the add-in writes it.
    let unsubscribe: (() => Promise<void>) | undefined;
    const follow = async () => {
      await unsubscribe?.();
      const sheet = await findScenarioSheet(workbook);
      unsubscribe = sheet ? await workbook.onSheetChanged(sheet, () => void check()) : undefined;
    };
    void follow();
    const off = onModelWritten(workbook, () => {
      void follow();
      void check();
    });
    return () => {
      window.clearTimeout(first);
      off();
      void unsubscribe?.();
    };
  }, [workbook, check]);

  const write = async () => {
    const controller = new AbortController();
    stop.current = controller;
    setStatus({ kind: "running", done: 0, total: 1 });
    setCopied(undefined);
    try {
      localStorage.setItem(DOCUMENT_KEY, JSON.stringify(from));
    } catch {
      // A browser that keeps nothing: the fields are asked again next time.
    }
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
          language,
          document: from,
        },
        {
          signal: controller.signal,
          onProgress: (p) => setStatus({ kind: "running", ...p }),
        }
      );
      const written = await workbook.writeOwnSheet(spec);
      await workbook.addChart({ ...chart, sheet: written.name });
      await workbook.selectRange(written.name, "A1");
      setPage(spec);
      setStale(undefined);
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

  const copy = async () => {
    if (!page) return;
    const { html, text: plain } = summaryHtml(page, language);
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([plain], { type: "text/plain" }),
        }),
      ]);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };

  const toPdf = async () => {
    await workbook.selectRange(SUMMARY_SHEET, "A1");
    if (print) print();
    else setStatus({ kind: "done", message: text.pdfInExcel, masked: [] });
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
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Field label={text.municipality} style={{ flex: "1 1 140px", minWidth: 0 }}>
          <Input
            value={from.municipality}
            onChange={(_, d) => setFrom((f) => ({ ...f, municipality: d.value }))}
            data-testid="summary-municipality"
            {...SHRINKS}
          />
        </Field>
        <Field label={text.author} style={{ flex: "1 1 140px", minWidth: 0 }}>
          <Input
            value={from.author}
            onChange={(_, d) => setFrom((f) => ({ ...f, author: d.value }))}
            data-testid="summary-author"
            {...SHRINKS}
          />
        </Field>
      </div>
      {stale !== undefined && (
        <MessageBar intent="warning" layout="multiline" data-testid="summary-stale">
          <MessageBarBody>{text.stale(stale)}</MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
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
        {page && !running && (
          <>
            <Button onClick={() => void toPdf()} data-testid="summary-pdf">
              {text.pdf}
            </Button>
            <Button onClick={() => void copy()} data-testid="summary-copy">
              {text.copy}
            </Button>
          </>
        )}
      </div>
      <div aria-live="polite">
        {copied && (
          <Caption1 data-testid="summary-copied">
            {copied === "copied" ? text.copied : text.copyFailed}
          </Caption1>
        )}
      </div>
      {running && (
        <Field label={text.writing(status.done, status.total)}>
          <StepProgress value={status.done} max={Math.max(1, status.total)} />
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
