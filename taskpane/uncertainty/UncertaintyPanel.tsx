/**
 * The pane's uncertainty panel: a Monte Carlo run of the active scenario on the Scenarier sheet
 * with the sheet's low–high values (the defaults when there is no sheet), in the engine worker
 * with progress and cancel (cancelling terminates the worker, so the pane never waits on it),
 * then the NPV, the return per
 * krone and the break-even year as P10 / P50 / P90, the probability that the NPV is positive, a
 * histogram of the NPV, and the tornado over each parameter's low–high range with switching
 * values. It reads the Scenarier sheet and writes to no sheet.
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
import { useId, useRef, useState } from "react";
import { DEFAULT_PARAMETERS, parameterById } from "../../src/engine/parameters";
import type { RowError, StayInput } from "../../src/engine/shelter";
import type { Workbook } from "../../src/workbook/workbook";
import { allSaidIn, formatCount, formatSeconds, saidIn, useTexts, type Language } from "../i18n";
import { type NamedParameters, type SensitivityBar } from "../../src/sheets/scenarios/compare";
import {
  ScenarioSheetError,
  activeScenario,
  readModelOrRefuse,
} from "../../src/sheets/scenarios/scenarioStore";
import type { EngineRunner } from "../worker/engine";
import {
  MONTE_CARLO_DRAWS,
  MONTE_CARLO_SEED,
  drawsProblem,
  seedProblem,
  type ViewSpread,
} from "../../src/engine/uncertainty";
import { krFormat } from "./charts";
import { Histogram } from "./Histogram";
import { Tornado } from "./Tornado";
import { UNCERTAINTY_TEXTS, type UncertaintyTexts } from "./texts";
import {
  sensitivitySteps,
  type Progress,
  type UncertaintyResult,
} from "../../src/sheets/uncertainty/uncertaintyRun";

/**
 * The draws and seed shown and used until the user changes them: the band every panel shows for
 * the scenario (src/sheets/uncertainty/band.ts), so the council page and meeting mode agree.
 */
export const DEFAULT_SEED = MONTE_CARLO_SEED;
export const DEFAULT_DRAWS = MONTE_CARLO_DRAWS;

export interface UncertaintyPanelProps {
  workbook: Workbook;
  /** The good rows of the stays; undefined until the pane has them. */
  rows: readonly StayInput[] | undefined;
  engine: EngineRunner;
  disabled?: boolean;
}

/** A run: the Monte Carlo result once it is there, then the tornado. */
interface Run {
  /** Running: which job, and how far it is. */
  running?: { phase: "draws" | "sensitivity"; done: number; total: number };
  result?: UncertaintyResult;
  /** Milliseconds the Monte Carlo run took, from the click. */
  ms?: number;
  bars?: SensitivityBar[];
  cancelled?: boolean;
  failed?: string;
}

/**
 * A number typed in the panel, checked at the engine's own door (src/engine/uncertainty/input.ts),
 * so the panel refuses what the engine refuses, in the same words; a blank is no number.
 */
export function typedNumber(
  text: string,
  problem: (value: unknown) => RowError | undefined
): { value: number; problem?: undefined } | { value?: undefined; problem: RowError } {
  const trimmed = text.trim();
  const value = trimmed === "" ? NaN : Number(trimmed);
  const refused = problem(value);
  return refused ? { problem: refused } : { value };
}

/** The active scenario of the Scenarier sheet, or the defaults when the workbook has none (a sheet to repair is refused). */
export async function activeScenarioOf(
  workbook: Workbook,
  text: UncertaintyTexts,
  language: Language
): Promise<NamedParameters> {
  // A Scenarier sheet to repair is said so, never run as the defaults.
  const stored = await readModelOrRefuse(workbook).catch((error: unknown) => {
    throw error instanceof ScenarioSheetError ? new Error(saidIn(language, error)) : error;
  });
  if (!stored) return { name: text.noSheet, parameters: { ...DEFAULT_PARAMETERS } };
  const active = activeScenario(stored.model);
  if (!active.ok) throw new Error(allSaidIn(language, active.errors));
  return active.scenario;
}

export function UncertaintyPanel({
  workbook,
  rows,
  engine,
  disabled = false,
}: UncertaintyPanelProps) {
  const { language } = useTexts();
  const text = UNCERTAINTY_TEXTS[language];
  const headingId = useId();
  const [draws, setDraws] = useState(String(DEFAULT_DRAWS));
  const [seed, setSeed] = useState(String(DEFAULT_SEED));
  const [run, setRun] = useState<Run>({});
  const stop = useRef<AbortController>();
  const { value: drawCount, problem: drawsRefused } = typedNumber(draws, drawsProblem);
  const { value: seedValue, problem: seedRefused } = typedNumber(seed, seedProblem);
  const running = run.running !== undefined;
  const drawsMessage = drawsRefused && saidIn(language, drawsRefused);
  const seedMessage = seedRefused && saidIn(language, seedRefused);

  const start = async () => {
    if (!rows || drawCount === undefined || seedValue === undefined) return;
    const controller = new AbortController();
    stop.current = controller;
    const t0 = performance.now();
    const progress = (phase: "draws" | "sensitivity") => (p: Progress) =>
      setRun((r) => ({ ...r, running: { phase, ...p } }));
    let shown: Run = {};
    try {
      setRun({ running: { phase: "draws", done: 0, total: drawCount } });
      const scenario = await activeScenarioOf(workbook, text, language);
      const result = await engine.run(
        "uncertainty",
        { stays: rows, scenario, draws: drawCount, seed: seedValue },
        { signal: controller.signal, onProgress: progress("draws") }
      );
      shown = { result, ms: performance.now() - t0 };
      setRun({
        ...shown,
        running: { phase: "sensitivity", done: 0, total: sensitivitySteps(scenario) },
      });
      const bars = await engine.run(
        "sensitivity",
        { stays: rows, scenario },
        { signal: controller.signal, onProgress: progress("sensitivity") }
      );
      setRun({ ...shown, bars });
    } catch (error) {
      setRun(
        error instanceof Error && error.name === "AbortError"
          ? { ...shown, cancelled: true }
          : { ...shown, failed: error instanceof Error ? error.message : String(error) }
      );
    } finally {
      stop.current = undefined;
    }
  };

  return (
    <section
      aria-labelledby={headingId}
      style={{ display: "flex", flexDirection: "column", gap: 8 }}
      data-testid="uncertainty"
    >
      <Subtitle2 as="h2" id={headingId}>
        {text.heading}
      </Subtitle2>
      <Caption1>{text.intro}</Caption1>
      {!rows && <Caption1>{text.needStays}</Caption1>}
      <div style={{ display: "flex", gap: 8 }}>
        <Field
          label={text.drawsLabel}
          hint={text.drawsHint}
          validationMessage={drawsMessage}
          style={{ flex: 1, minWidth: 0 }}
        >
          <Input
            value={draws}
            inputMode="numeric"
            style={{ width: "100%", minWidth: 0 }}
            onChange={(_, d) => setDraws(d.value)}
            disabled={running}
            data-testid="uncertainty-draws"
          />
        </Field>
        <Field
          label={text.seedLabel}
          hint={text.seedHint}
          validationMessage={seedMessage}
          style={{ flex: 1, minWidth: 0 }}
        >
          <Input
            value={seed}
            inputMode="numeric"
            style={{ width: "100%", minWidth: 0 }}
            onChange={(_, d) => setSeed(d.value)}
            disabled={running}
            data-testid="uncertainty-seed"
          />
        </Field>
      </div>
      <div style={{ display: "flex", gap: 8 }}>
        <Button
          appearance="primary"
          disabled={
            disabled || running || !rows || drawCount === undefined || seedValue === undefined
          }
          onClick={() => void start()}
          data-testid="uncertainty-run"
        >
          {text.run}
        </Button>
        {running && (
          <Button onClick={() => stop.current?.abort()} data-testid="uncertainty-cancel">
            {text.cancel}
          </Button>
        )}
      </div>
      {run.running && (
        <Field
          label={
            run.running.phase === "draws"
              ? text.drawing(run.running.done, run.running.total)
              : text.sensitivity(run.running.done, run.running.total)
          }
          data-testid="uncertainty-progress"
        >
          <StepProgress
            value={run.running.done}
            max={Math.max(1, run.running.total)}
            thickness="large"
          />
        </Field>
      )}
      <div aria-live="polite">
        {run.cancelled && (
          <Caption1 data-testid="uncertainty-cancelled">
            {run.result ? text.tornadoCancelled : text.cancelled}
          </Caption1>
        )}
      </div>
      {run.failed && (
        <MessageBar intent="error" data-testid="uncertainty-failed">
          <MessageBarBody>{text.failed(run.failed)}</MessageBarBody>
        </MessageBar>
      )}
      {run.result && run.ms !== undefined && (
        <Results result={run.result} ms={run.ms} text={text} language={language} />
      )}
      {run.result && run.bars && (
        <Tornado npv={run.result.npv} bars={run.bars} text={text} language={language} />
      )}
    </section>
  );
}

function Results({
  result,
  ms,
  text,
  language,
}: {
  result: UncertaintyResult;
  ms: number;
  text: UncertaintyTexts;
  language: Language;
}) {
  const { monteCarlo: mc } = result;
  const kr = krFormat(language);
  const number = (v: number, digits: number) =>
    new Intl.NumberFormat(language === "da" ? "da-DK" : "en-GB", {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(v);
  const percent = (v: number) =>
    new Intl.NumberFormat(language === "da" ? "da-DK" : "en-GB", {
      style: "percent",
      maximumFractionDigits: 1,
    }).format(v);
  const year = (y: number | null) => (y === null ? text.notWithin : String(y));
  const cell = { padding: "2px 4px", textAlign: "right" as const, whiteSpace: "nowrap" as const };
  const head = { ...cell, fontWeight: 600 };
  const rowHead = { ...cell, textAlign: "left" as const, whiteSpace: "normal" as const };
  const outside =
    result.npv < mc.npv.p10 ||
    result.npv > mc.npv.p90 ||
    result.publicNpv < mc.public.npv.p10 ||
    result.publicNpv > mc.public.npv.p90;
  const oneSided = mc.drawn.filter(
    (d) => Math.abs(d.high - d.mode - (d.mode - d.low)) > 1e-9 * Math.max(1, Math.abs(d.mode))
  );
  /** One headline's rows: the NPV, the return per krone and the break-even year. */
  const view = (id: "budget" | "public", heading: string, spread: ViewSpread, own: number) => (
    <tbody key={id}>
      <tr>
        <th style={{ ...rowHead, fontWeight: 600, paddingTop: 6 }} scope="rowgroup" colSpan={4}>
          {heading}
        </th>
      </tr>
      <tr
        data-testid={id === "budget" ? "uncertainty-npv" : "uncertainty-public-npv"}
        data-p10={spread.npv.p10}
        data-p50={spread.npv.p50}
        data-p90={spread.npv.p90}
        data-own={own}
      >
        <th style={rowHead} scope="row">
          {text.npv}
        </th>
        <td style={cell}>{kr(spread.npv.p10)}</td>
        <td style={cell}>{kr(spread.npv.p50)}</td>
        <td style={cell}>{kr(spread.npv.p90)}</td>
      </tr>
      <tr data-testid={id === "budget" ? "uncertainty-ratio" : "uncertainty-public-ratio"}>
        <th style={rowHead} scope="row">
          {text.ratio}
        </th>
        {spread.ratio === null ? (
          <td style={cell} colSpan={3}>
            {text.noRatio}
          </td>
        ) : (
          [spread.ratio.p10, spread.ratio.p50, spread.ratio.p90].map((v, i) => (
            <td key={i} style={cell}>
              {number(v, 2)}
            </td>
          ))
        )}
      </tr>
      <tr
        data-testid={id === "budget" ? "uncertainty-break-even" : "uncertainty-public-break-even"}
      >
        <th style={rowHead} scope="row">
          {text.breakEven}
        </th>
        {[spread.breakEven.p10, spread.breakEven.p50, spread.breakEven.p90].map((y, i) => (
          <td key={i} style={cell}>
            {year(y)}
          </td>
        ))}
      </tr>
      <tr>
        <td style={{ ...rowHead, fontSize: 11 }} colSpan={4}>
          {text.own}: {kr(own)} · {text.probability}: {percent(spread.probabilityPositive)}
        </td>
      </tr>
    </tbody>
  );
  return (
    <div
      style={{ display: "flex", flexDirection: "column", gap: 8 }}
      data-testid="uncertainty-result"
      data-ms={Math.round(ms)}
    >
      <Caption1>{text.scenario(result.name)}</Caption1>
      <Caption1>
        {text.summary(formatCount(mc.draws, language), mc.seed, formatSeconds(ms, language))}
      </Caption1>
      <table style={{ borderCollapse: "collapse", fontSize: 12 }}>
        <thead>
          <tr>
            <th style={{ ...head, textAlign: "left" }} scope="col" />
            <th style={head} scope="col">
              P10
            </th>
            <th style={head} scope="col">
              P50
            </th>
            <th style={head} scope="col">
              P90
            </th>
          </tr>
        </thead>
        {view("budget", text.budgetHeading, mc, result.npv)}
        {view("public", text.publicHeading, mc.public, result.publicNpv)}
      </table>
      {outside && oneSided.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="uncertainty-outside">
          <MessageBarBody>
            {text.outside(
              oneSided
                .map(
                  (d) =>
                    `«${language === "da" ? parameterById(d.id).name : parameterById(d.id).alias}»`
                )
                .join(", ")
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1>
        {text.mean}: {kr(mc.npv.mean)}
      </Caption1>
      <Caption1 data-testid="uncertainty-probability" data-value={mc.probabilityPositive}>
        {text.probability}: <strong>{percent(mc.probabilityPositive)}</strong>
      </Caption1>
      <Histogram result={result} text={text} kr={kr} percent={percent} language={language} />
    </div>
  );
}
