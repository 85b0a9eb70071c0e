/**
 * The task pane: find the stays, let the user correct the column mapping, show the validation
 * report, run the forecast (progress, cancel) and summarise what was written. It talks only to
 * the Workbook interface, so the same pane runs in Excel and on the demo's in-memory workbook.
 * Its host supplies the landmark around it (main in Excel, a side region in the demo).
 */
import {
  Button,
  Caption1,
  Checkbox,
  Divider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Title3,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { RULE_SETS } from "../../src/engine/rules";
import type { BadRow, ColumnMapping } from "../../src/sheets/stays/columns";
import { checkStays, type CheckedStays } from "../../src/sheets/stays/checkedStays";
import {
  findStays,
  listSources,
  runForecast,
  type FoundStays,
  type RunResult,
  type StaysSource,
} from "../../src/sheets/forecast/forecastRun";
import { useTexts } from "../i18n";
import { a1, type Workbook } from "../../src/workbook/workbook";
import { ResultSummary } from "./ResultSummary";
import { RuleSetInfo, type Reading } from "./RuleSetInfo";
import { MappingEditor, SourcePicker, sourceKey } from "./SourcePicker";
import { ValidationList } from "./ValidationList";
import { ProgressFeed, RunProgress } from "./RunProgress";
import { ExamplesPanel } from "../examples/ExamplesPanel";
import { ScenarioManager } from "../scenarios/ScenarioManager";
import { staysRef } from "../../src/sheets/scenarios/scenarioSheet";
import { scenarioPort } from "../../src/sheets/scenarios/scenarioStore";
import { SummaryPanel } from "../summary/SummaryPanel";
import { TemplatePanel } from "../templates/TemplatePanel";
import { UncertaintyPanel } from "../uncertainty/UncertaintyPanel";
import { EvidencePanel } from "../evidence/EvidencePanel";
import { engineRunner } from "../worker/engine";
import { forecastOnTwoCores } from "../worker/engineJobs";
import { typologyChoice } from "../../src/sheets/forecast/userGroups";
import { MeetingMode } from "../meeting/MeetingMode";
import { MEETING_TEXTS } from "../meeting/texts";
import { activeParameters } from "../../src/sheets/scenarios/scenarioStore";
import { setSheetLanguage } from "../../src/sheets/sheetLanguage";

type Loaded =
  | { status: "loading" }
  | { status: "none"; sources: StaysSource[] }
  | { status: "failed"; message: string }
  | { status: "found"; sources: StaysSource[]; found: FoundStays };

type Run =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; result: RunResult; elapsedMs: number }
  | { status: "cancelled" }
  | { status: "failed"; message: string };

/** Share of the progress bar for re-reading the stays; runForecast reports the rest. */
const READ_SHARE = 0.1;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
const isAbort = (error: unknown): boolean => error instanceof Error && error.name === "AbortError";

/** The stays and the sources to choose from, as the state the pane shows. */
async function search(
  workbook: Workbook,
  source?: StaysSource,
  prefer?: readonly string[]
): Promise<Loaded> {
  try {
    const [sources, found] = await Promise.all([
      listSources(workbook),
      findStays(workbook, source, undefined, prefer),
    ]);
    return found ? { status: "found", sources, found } : { status: "none", sources };
  } catch (error) {
    return { status: "failed", message: messageOf(error) };
  }
}

export interface AppProps {
  workbook: Workbook;
  /** Told after a successful run (the demo shows the forecast sheet then). */
  onResult?: (result: RunResult) => void;
  /** Sheets to search for the stays first: the demo's file just loaded. */
  preferSheets?: readonly string[];
  /** Prints the active sheet where the host can (the demo); Excel has no such API. */
  print?: () => void;
  /** Told when a forecast run starts (true) and ends (false): the demo saves after it. */
  onRunning?: (running: boolean) => void;
}

export function App({ workbook, onResult, preferSheets, print, onRunning }: AppProps) {
  const text = useTexts();
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [mapping, setMapping] = useState<ColumnMapping | undefined>();
  /** undefined: follow the report (pseudonymise when the citizen column looks like CPR numbers). */
  const [pseudonymiseChoice, setPseudonymiseChoice] = useState<boolean | undefined>();
  const [run, setRun] = useState<Run>({ status: "idle" });
  /** Which reading of the phase-in the forecast's NY columns use (rules "NY" or "NY-VINDUE"). */
  const [reading, setReading] = useState<Reading>("NY");
  /** Bumped when a template wrote the Scenarier sheet: the scenario manager reads it again. */
  const [scenariosWritten, setScenariosWritten] = useState(0);
  /** Meeting mode: the key figures large, for the projector (taskpane/meeting). */
  const [meeting, setMeeting] = useState(false);
  const abort = useRef<AbortController | undefined>();
  /** The running forecast's progress, shown by RunProgress alone. */
  const progress = useMemo(() => new ProgressFeed(), []);
  /** The web worker that computes the forecast's sheets and the scenario comparison. */
  const engine = useMemo(() => engineRunner(), []);
  useEffect(() => () => engine.dispose(), [engine]);
  // The add-in's own sheets speak the pane's language (the scenario store reads it from here).
  useEffect(() => setSheetLanguage(workbook, text.language), [workbook, text.language]);

  /** Shows a search's result; a failed search keeps the mapping the user chose. */
  const show = useCallback((state: Loaded) => {
    if (state.status !== "failed")
      setMapping(state.status === "found" ? state.found.mapping : undefined);
    setLoaded(state);
  }, []);
  const load = useCallback(
    (source?: StaysSource) => {
      setLoaded({ status: "loading" });
      return search(workbook, source).then(show);
    },
    [workbook, show]
  );

  // The first search (the state starts as "loading"); an unmounted pane ignores its result.
  useEffect(() => {
    let current = true;
    void search(workbook, undefined, preferSheets).then((state) => {
      if (current) show(state);
    });
    return () => {
      current = false;
    };
  }, [workbook, show, preferSheets]);

  const found = loaded.status === "found" ? loaded.found : undefined;
  // The report of the rows as read, checked in steps so a large sheet never freezes the pane.
  const [checked, setChecked] = useState<CheckedStays>();
  useEffect(() => {
    if (!found || !mapping) return;
    const controller = new AbortController();
    checkStays(found, mapping, { signal: controller.signal }).then(setChecked, (error: unknown) => {
      if (!isAbort(error)) setLoaded({ status: "failed", message: messageOf(error) });
    });
    return () => controller.abort();
  }, [found, mapping]);
  const liveCheck =
    checked && checked.table === found && checked.mapping === mapping ? checked : undefined;
  // After a run, its own report (of the rows it re-read) until the source or the mapping changes.
  const [runCheck, setRunCheck] = useState<{ found: FoundStays; checked: CheckedStays }>();
  const shownCheck =
    runCheck && runCheck.found === found && runCheck.checked.mapping === mapping
      ? runCheck.checked
      : liveCheck;
  const report = shownCheck?.report;
  const pseudonymise = pseudonymiseChoice ?? report?.cprLike ?? false;
  const running = run.status === "running";
  const canRun = !running && report !== undefined && report.missing.length === 0 && report.ok > 0;

  const selectRow = (bad: BadRow) => {
    if (found) void workbook.selectRange(found.sheet, bad.address);
  };
  const selectSheetRow = (sheetRow: number) => {
    if (!found) return;
    const width = Math.max(1, found.header.length);
    void workbook.selectRange(
      found.sheet,
      a1(sheetRow - 1, found.left, sheetRow - 1, found.left + width - 1)
    );
  };

  const start = async () => {
    if (!found || !mapping) return;
    const controller = new AbortController();
    abort.current = controller;
    const t0 = performance.now();
    progress.set("read", 0);
    setRun({ status: "running" });
    onRunning?.(true);
    try {
      // Read again: the sheet may have been edited since the report was shown (runForecast
      // reuses the shown report when the rows read are the same, and checks them otherwise).
      const fresh = await findStays(workbook, found.source, {
        signal: controller.signal,
        onProgress: (p) => progress.set("read", (READ_SHARE * p.done) / Math.max(1, p.total)),
      });
      if (!fresh) throw new Error(text.noStays);
      // The user groups use the active scenario's typology when the Scenarier sheet has one.
      const active = await activeParameters(workbook).catch(() => undefined);
      const result = await runForecast(workbook, fresh, mapping, {
        forecast: { rules: RULE_SETS[reading] },
        typology: typologyChoice(active?.parameters, active?.name ?? null),
        ...(active && { scenario: { name: active.name, parameters: active.parameters } }),
        language: text.language,
        pseudonymise,
        checked: shownCheck,
        compute: (input, signal) => forecastOnTwoCores(engine, input, signal),
        signal: controller.signal,
        onProgress: (p) => progress.set(p.phase, READ_SHARE + (1 - READ_SHARE) * p.fraction),
      });
      setRunCheck({ found, checked: result.checked });
      setRun({ status: "done", result, elapsedMs: performance.now() - t0 });
      onResult?.(result);
    } catch (error) {
      setRun(
        isAbort(error) ? { status: "cancelled" } : { status: "failed", message: messageOf(error) }
      );
    } finally {
      abort.current = undefined;
      onRunning?.(false);
    }
  };

  if (meeting)
    return (
      <MeetingMode
        workbook={workbook}
        rows={report?.stays}
        engine={engine}
        onClose={() => setMeeting(false)}
      />
    );

  return (
    <div style={{ padding: "12px 16px", display: "flex", flexDirection: "column", gap: 12 }}>
      <Title3 as="h1">{text.title}</Title3>
      <Button onClick={() => setMeeting(true)} data-testid="meeting-open" disabled={running}>
        {MEETING_TEXTS[text.language].toggle}
      </Button>

      <section
        aria-labelledby="source-heading"
        style={{ display: "flex", flexDirection: "column", gap: 8 }}
      >
        <Subtitle2 as="h2" id="source-heading">
          {text.sourceHeading}
        </Subtitle2>
        {loaded.status === "loading" && <Spinner size="tiny" label={text.reading} />}
        {loaded.status === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{text.readFailed(loaded.message)}</MessageBarBody>
          </MessageBar>
        )}
        {(loaded.status === "found" || loaded.status === "none") && (
          <SourcePicker
            sources={loaded.sources}
            selected={found?.source}
            disabled={running}
            onSelect={(source) => void load(source)}
            onRefresh={() => void load(found?.source)}
          />
        )}
        {loaded.status === "none" && (
          <MessageBar intent="warning">
            <MessageBarBody>{text.noStays}</MessageBarBody>
          </MessageBar>
        )}
      </section>

      {found && mapping && (
        <section
          aria-labelledby="mapping-heading"
          style={{ display: "flex", flexDirection: "column", gap: 8 }}
        >
          <Subtitle2 as="h2" id="mapping-heading">
            {text.mappingHeading}
          </Subtitle2>
          <MappingEditor
            key={sourceKey(found.source)}
            header={found.header}
            left={found.left}
            mapping={mapping}
            disabled={running}
            onChange={setMapping}
          />
        </section>
      )}

      {found && mapping && !report && <Spinner size="tiny" label={text.checking} />}
      {report && (
        <section
          aria-labelledby="report-heading"
          style={{ display: "flex", flexDirection: "column", gap: 8 }}
        >
          <Subtitle2 as="h2" id="report-heading">
            {text.reportHeading}
          </Subtitle2>
          <ValidationList
            report={report}
            onSelectRow={selectRow}
            onSelectSheetRow={selectSheetRow}
          />
        </section>
      )}

      {report && (
        <section
          aria-labelledby="run-heading"
          style={{ display: "flex", flexDirection: "column", gap: 8 }}
        >
          <Subtitle2 as="h2" id="run-heading">
            {text.runHeading}
          </Subtitle2>
          <Checkbox
            checked={pseudonymise}
            disabled={running}
            onChange={(_, data) => setPseudonymiseChoice(data.checked === true)}
            label={text.pseudonymise}
          />
          {report.cprLike && <Caption1>{text.cprDetected}</Caption1>}
          <Caption1>{text.pseudonymiseHint}</Caption1>
          <div style={{ display: "flex", gap: 8 }}>
            <Button
              appearance="primary"
              disabled={!canRun}
              onClick={() => void start()}
              data-testid="run"
            >
              {text.run}
            </Button>
            {running && (
              <Button onClick={() => abort.current?.abort()} data-testid="cancel">
                {text.cancel}
              </Button>
            )}
          </div>
          {running && <RunProgress feed={progress} />}
          {run.status === "cancelled" && (
            <MessageBar intent="info">
              <MessageBarBody>{text.cancelled}</MessageBarBody>
            </MessageBar>
          )}
          {run.status === "failed" && (
            <MessageBar intent="error" data-testid="run-failed">
              <MessageBarBody>{text.runFailed(run.message)}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}

      {run.status === "done" && <ResultSummary result={run.result} elapsedMs={run.elapsedMs} />}
      <Divider />
      <ScenarioManager
        key={scenariosWritten}
        workbook={workbook}
        stays={
          found && mapping && report && report.missing.length === 0
            ? staysRef(found, mapping)
            : undefined
        }
        rows={report?.stays}
        engine={engine}
        disabled={running}
      />
      <Divider />
      <SummaryPanel
        print={print}
        workbook={workbook}
        stays={report && report.ok > 0 ? report.stays : undefined}
        engine={engine}
        rules={reading}
        disabled={running}
      />
      <Divider />
      <UncertaintyPanel
        workbook={workbook}
        rows={report?.stays}
        engine={engine}
        disabled={running}
      />
      <Divider />
      <EvidencePanel workbook={workbook} rows={report?.stays} engine={engine} disabled={running} />
      <Divider />
      <TemplatePanel
        scenarios={scenarioPort(workbook, () =>
          found && mapping ? (staysRef(found, mapping) ?? null) : null
        )}
        stays={
          found && mapping
            ? { header: found.header, rows: found.rows, mapping, onMappingChange: setMapping }
            : undefined
        }
        disabled={running}
        onApplied={() => setScenariosWritten((n) => n + 1)}
      />
      <Divider />
      <ExamplesPanel
        workbook={workbook}
        disabled={running}
        onInserted={() => {
          // A workbook without stays now has the example stays to find.
          if (!found) void load();
        }}
      />
      <Divider />
      <RuleSetInfo
        reading={reading}
        onReadingChange={setReading}
        stays={report?.stays}
        engine={engine}
        disabled={running}
      />
    </div>
  );
}
