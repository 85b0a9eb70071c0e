/**
 * The standalone demo: the in-memory workbook as sheet tabs, grids and charts on the left, the
 * task pane (the same App as in Excel) on the right, and a file input to load the user's own
 * .xlsx or .csv beside the synthetic budget sheet. The work is kept: saved in the browser across
 * a reload, cell edits undone with Ctrl+Z, the whole workbook downloaded as .xlsx, and a loaded
 * file that would replace the user's sheets asks first.
 */
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Tab,
  TabList,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { StepProgress } from "../taskpane/app/StepProgress";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { App } from "../taskpane/app/App";
import { FilePickButton } from "../taskpane/app/FilePickButton";
import { useTexts } from "../taskpane/i18n";
import {
  LoadError,
  addLoadedSheets,
  sheetsReplaced,
  type LoadNote,
  type ReadProgress,
  type ReadResult,
} from "../src/files/loadedFile";
import type { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import type { RunResult } from "../src/sheets/forecast/forecastRun";
import { a1 } from "../src/workbook/workbook";
import { ChartView } from "./ChartView";
import { ConfirmDialog } from "./ConfirmDialog";
import { EditHistory } from "./editHistory";
import { loadInWorker } from "./loadInWorker";
import { PrintView } from "./PrintView";
import type { SavedWorkbook } from "./savedWorkbook";
import { SheetGrid } from "./SheetGrid";
import { DEMO_TEXTS } from "./texts";
import { useSaving } from "./useSaving";
import { WorkActions } from "./WorkActions";

type FileState =
  | { status: "idle" }
  | { status: "loading"; progress: ReadProgress }
  | { status: "loaded"; name: string; notes: LoadNote[] }
  | { status: "cancelled" }
  | { status: "failed"; message: string };

/**
 * A window too narrow for the workbook and the pane side by side (a phone, or Excel's narrowest
 * pane): the pane goes below the workbook, at the window's width, and the page scrolls.
 */
const NARROW = "(max-width: 899px)";

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const update = () => setNarrow(query.matches);
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return narrow;
}

/**
 * The pane reads the workbook through its own calls, as in Excel, so a change of the workbook
 * (each block a run writes) does not render the pane again, only the grid and the charts.
 */
const Pane = memo(App);

/** Re-renders on every change of the workbook (the grid, the tabs, the charts show it). */
function useWorkbookChanges(workbook: MemoryWorkbook): void {
  const [, setVersion] = useState(0);
  useEffect(() => workbook.subscribe(() => setVersion((v) => v + 1)), [workbook]);
}

/** A field where Ctrl+Z undoes typing, not a cell edit. */
const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Selects the cell an undo or redo changed, so the user sees what it did. */
function showEdit(
  workbook: MemoryWorkbook,
  edit: { sheet: string; row: number; col: number } | undefined
): void {
  if (edit) void workbook.selectRange(edit.sheet, a1(edit.row, edit.col));
}

/** Where the shown workbook came from: the browser's saved one, or none readable. */
export type Origin = { kind: "saved"; savedAt: string } | { kind: "otherFormat" } | { kind: "new" };

export function DemoShell(props: {
  workbook: MemoryWorkbook;
  store?: SavedWorkbook;
  origin?: Origin;
}) {
  const { workbook, store, origin = { kind: "new" } } = props;
  const text = useTexts();
  const demoText = DEMO_TEXTS[text.language];
  const [fileState, setFileState] = useState<FileState>({ status: "idle" });
  /** Bumped per loaded file: the pane starts afresh and finds the new sheets. */
  const [generation, setGeneration] = useState(0);
  /** The sheets of the file loaded last: the pane looks for the stays there first. */
  const [loadedSheets, setLoadedSheets] = useState<readonly string[]>();
  /** A read file whose sheets would replace the user's: waiting for the user's answer. */
  const [replacing, setReplacing] = useState<{
    name: string;
    result: ReadResult;
    names: string[];
  }>();
  useWorkbookChanges(workbook);
  const saving = useSaving(workbook, store);
  const history = useMemo(() => new EditHistory(workbook), [workbook]);
  const undo = () => showEdit(workbook, history.undo());
  const redo = () => showEdit(workbook, history.redo());
  // Ctrl+Z / Cmd+Z undoes the last cell edit, Ctrl+Y / Ctrl+Shift+Z redoes it, as in Excel;
  // in a text field they are the field's own.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) showEdit(workbook, history.undo());
      else if (key === "y" || (key === "z" && e.shiftKey)) showEdit(workbook, history.redo());
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [history, workbook]);

  const narrow = useNarrow();
  // A hidden sheet (the Scenarier sheet's copy) has no tab, as in Excel.
  const sheets = workbook.sheets.filter((s) => !s.hidden);
  const active = sheets.find((s) => s.name === workbook.activeSheet) ?? sheets[0];
  const tabs = useRef<HTMLDivElement>(null);
  // The active sheet's tab in view, as in Excel, also when the pane made another sheet active.
  useEffect(() => {
    const strip = tabs.current;
    const tab = active && strip?.querySelector(`[data-sheet="${CSS.escape(active.name)}"]`);
    if (!strip || !tab) return;
    const s = strip.getBoundingClientRect();
    const t = tab.getBoundingClientRect();
    if (t.left < s.left) strip.scrollLeft -= s.left - t.left;
    else if (t.right > s.right) strip.scrollLeft += Math.min(t.right - s.right, t.left - s.left);
  }, [active, sheets.length]);

  const abort = useRef<AbortController | undefined>();
  const open = async (file: File) => {
    const controller = new AbortController();
    abort.current = controller;
    setFileState({ status: "loading", progress: { phase: "check" } });
    try {
      // Read in a web worker (progress, stop); the sheets join the workbook as user sheets and
      // the first is shown and searched first. Nothing is added unless the whole file was read.
      const result = await loadInWorker(file, {
        signal: controller.signal,
        onProgress: (progress) => setFileState({ status: "loading", progress }),
      });
      const replaced = sheetsReplaced(workbook, result);
      if (replaced.length > 0) {
        // Read: the question is what remains, not the reading.
        setFileState({ status: "idle" });
        setReplacing({ name: file.name, result, names: replaced });
      } else add(file.name, result, false);
    } catch (error) {
      setFileState(
        error instanceof Error && error.name === "AbortError"
          ? { status: "cancelled" }
          : {
              status: "failed",
              message:
                error instanceof LoadError
                  ? error[text.language]
                  : error instanceof Error
                    ? error.message
                    : String(error),
            }
      );
    } finally {
      abort.current = undefined;
    }
  };

  /** The read file's sheets join the workbook; the first that holds a table is shown. */
  const add = (name: string, result: ReadResult, replace: boolean) => {
    setReplacing(undefined);
    const names = addLoadedSheets(workbook, result, { replace });
    const withTable = names.find((n) => (workbook.getSheet(n)?.tables.length ?? 0) > 0);
    workbook.setActiveSheet(withTable ?? names[0]);
    setLoadedSheets(names);
    setGeneration((g) => g + 1);
    setFileState({ status: "loaded", name, notes: result.notes });
  };

  const showForecast = useCallback(
    (r: RunResult) => workbook.setActiveSheet(r.sheets.forecast.name),
    [workbook]
  );
  // The print view follows the active sheet: print once it has rendered the page.
  const print = useCallback(() => window.setTimeout(() => window.print(), 200), []);

  const startOver = async () => {
    await saving.forget();
    window.location.reload();
  };

  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        height: narrow ? undefined : "100vh",
        minHeight: "100vh",
        background: tokens.colorNeutralBackground2,
      }}
    >
      <header
        style={{
          padding: "10px 16px",
          display: "flex",
          flexWrap: "wrap",
          alignItems: "center",
          gap: "4px 24px",
          borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
          background: tokens.colorNeutralBackground1,
        }}
      >
        <div style={{ flex: "1 1 420px" }}>
          <Title2 as="h1" block>
            {text.demoTitle}
          </Title2>
          <Body1 as="p" block style={{ margin: 0 }}>
            {text.demoIntro}
          </Body1>
        </div>
        <div style={{ display: "flex", flexDirection: "column", gap: 2 }}>
          <FilePickButton
            label={text.loadFile}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            testId="file-input"
            disabled={fileState.status === "loading"}
            onFile={(file) => void open(file)}
          />
          <Caption1>{text.loadFileHint}</Caption1>
          <div aria-live="polite">
            {fileState.status === "loading" && (
              <div
                data-testid="load-progress"
                style={{ display: "flex", alignItems: "center", gap: 8, minWidth: 260 }}
              >
                <div style={{ flex: 1 }}>
                  <Caption1>{text.loadPhase[fileState.progress.phase]}</Caption1>
                  <StepProgress
                    value={fileState.progress.fraction}
                    max={1}
                    aria-label={text.loadingFile}
                  />
                </div>
                <Button
                  size="small"
                  data-testid="load-cancel"
                  onClick={() => abort.current?.abort()}
                >
                  {text.cancel}
                </Button>
              </div>
            )}
            {fileState.status === "loaded" && <Caption1>{text.loaded(fileState.name)}</Caption1>}
            {fileState.status === "cancelled" && <Caption1>{text.loadCancelled}</Caption1>}
          </div>
        </div>
        <div style={{ flex: "1 1 100%" }}>
          <WorkActions
            workbook={workbook}
            history={history}
            onUndo={undo}
            onRedo={redo}
            saveState={saving.state}
            origin={
              origin.kind === "saved"
                ? demoText.restored(
                    new Date(origin.savedAt).toLocaleString(
                      text.language === "da" ? "da-DK" : "en-GB"
                    )
                  )
                : origin.kind === "otherFormat"
                  ? demoText.otherFormat
                  : undefined
            }
            onStartOver={startOver}
          />
        </div>
      </header>
      <ConfirmDialog
        open={replacing !== undefined}
        title={demoText.replaceTitle}
        body={demoText.replaceBody(replacing?.names ?? [])}
        onDismiss={() => {
          setReplacing(undefined);
          setFileState({ status: "cancelled" });
        }}
        choices={
          replacing
            ? [
                {
                  label: demoText.replace,
                  testId: "replace-sheets",
                  onClick: () => add(replacing.name, replacing.result, true),
                },
                {
                  label: demoText.keepBoth,
                  primary: true,
                  testId: "keep-both",
                  onClick: () => add(replacing.name, replacing.result, false),
                },
              ]
            : []
        }
      />
      {fileState.status === "failed" && (
        <MessageBar intent="error" data-testid="load-failed">
          <MessageBarBody>{text.loadFailed(fileState.message)}</MessageBarBody>
        </MessageBar>
      )}
      {fileState.status === "loaded" && fileState.notes.length > 0 && (
        <MessageBar
          intent={fileState.notes.some((n) => n.warning) ? "warning" : "info"}
          data-testid="load-notes"
        >
          <MessageBarBody>
            <strong>{text.loadNotes}: </strong>
            {fileState.notes.map((n) => n[text.language]).join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      <div
        style={{
          display: "flex",
          flexDirection: narrow ? "column" : "row",
          flex: 1,
          minHeight: 0,
        }}
      >
        <main
          aria-label={text.workbookLabel}
          style={{
            flex: 1,
            minWidth: 0,
            display: "flex",
            flexDirection: "column",
            padding: "8px 12px",
            gap: 8,
            overflow: "auto",
          }}
        >
          <div ref={tabs} style={{ overflowX: "auto", flexShrink: 0 }} data-testid="sheet-tabs">
            <TabList
              aria-label={text.sheetTabs}
              selectedValue={active?.name}
              onTabSelect={(_, data) => workbook.setActiveSheet(String(data.value))}
              size="small"
              style={{ width: "max-content" }}
            >
              {sheets.map((s) => (
                <Tab key={s.name} value={s.name} data-own={s.own} data-sheet={s.name}>
                  {s.name}
                  <span style={{ color: tokens.colorNeutralForeground3, fontWeight: 400 }}>
                    {" "}
                    ({s.own ? text.ownSheet : text.userSheet})
                  </span>
                </Tab>
              ))}
            </TabList>
          </div>
          {active && (
            <SheetGrid
              workbook={workbook}
              sheet={active}
              selection={workbook.selection}
              version={workbook.revision(active)}
              onEdit={(row, col, value) => history.edit(active.name, row, col, value)}
            />
          )}
          {active?.print && <PrintView workbook={workbook} sheet={active} />}
          {active && active.charts.length > 0 && (
            <section aria-labelledby="charts-heading">
              <Subtitle2 as="h2" id="charts-heading">
                {text.chartsHeading}
              </Subtitle2>
              <div style={{ display: "flex", flexWrap: "wrap", gap: 12, marginTop: 6 }}>
                {active.charts.map((spec) => (
                  <ChartView key={spec.name} data={workbook.chartData(spec)} />
                ))}
              </div>
            </section>
          )}
        </main>
        <aside
          aria-label={text.paneLabel}
          style={{
            width: narrow ? "auto" : 400,
            flexShrink: 0,
            overflowY: narrow ? "visible" : "auto",
            borderLeft: narrow ? undefined : `1px solid ${tokens.colorNeutralStroke1}`,
            borderTop: narrow ? `1px solid ${tokens.colorNeutralStroke1}` : undefined,
            background: tokens.colorNeutralBackground1,
          }}
        >
          <Pane
            key={generation}
            workbook={workbook}
            preferSheets={loadedSheets}
            onResult={showForecast}
            print={print}
            onRunning={saving.hold}
          />
        </aside>
      </div>
    </div>
  );
}
