/**
 * The standalone demo: the in-memory workbook as sheet tabs, grids and charts on the left, the
 * task pane (the same App as in Excel) on the right, and a file input to load the user's own
 * .xlsx or .csv instead of the synthetic budget sheet.
 */
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Tab,
  TabList,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { App } from "../taskpane/app/App";
import { FilePickButton } from "../taskpane/app/FilePickButton";
import { useTexts } from "../taskpane/i18n";
import {
  LoadError,
  addLoadedSheets,
  type LoadNote,
  type ReadProgress,
} from "../src/files/loadedFile";
import type { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { ChartView } from "./ChartView";
import { loadInWorker } from "./loadInWorker";
import { PrintView } from "./PrintView";
import { SheetGrid } from "./SheetGrid";

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

/** Re-renders on every change of the workbook; returns a counter that changes with it. */
function useWorkbookVersion(workbook: MemoryWorkbook): number {
  const [version, setVersion] = useState(0);
  useEffect(() => workbook.subscribe(() => setVersion((v) => v + 1)), [workbook]);
  return version;
}

export function DemoShell({ workbook }: { workbook: MemoryWorkbook }) {
  const text = useTexts();
  const [fileState, setFileState] = useState<FileState>({ status: "idle" });
  /** Bumped per loaded file: the pane starts afresh and finds the new sheets. */
  const [generation, setGeneration] = useState(0);
  const version = useWorkbookVersion(workbook);

  const narrow = useNarrow();
  const sheets = workbook.sheets;
  const active = workbook.getSheet(workbook.activeSheet ?? "") ?? sheets[0];
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
      const names = addLoadedSheets(workbook, result);
      workbook.setActiveSheet(names[0]);
      setGeneration((g) => g + 1);
      setFileState({ status: "loaded", name: file.name, notes: result.notes });
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
                  <ProgressBar
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
      </header>
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
              version={version}
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
          <App
            key={generation}
            workbook={workbook}
            onResult={(r) => workbook.setActiveSheet(r.sheets.forecast.name)}
            // The print view follows the active sheet: print once it has rendered the page.
            print={() => window.setTimeout(() => window.print(), 200)}
          />
        </aside>
      </div>
    </div>
  );
}
