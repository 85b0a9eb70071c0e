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
  ProgressBar,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import {
  DEFAULT_PARAMETERS,
  formatParameterValue,
  parameterById,
} from "../../src/engine/parameters";
import type { StayInput } from "../../src/engine/shelter";
import type { Workbook } from "../../src/workbook/workbook";
import { allSaidIn, formatCount, formatSeconds, useTexts, type Language } from "../i18n";
import {
  noSwitchingValue,
  shownSwitchingValue,
  type NamedParameters,
  type SensitivityBar,
} from "../../src/sheets/scenarios/compare";
import { activeScenario, readModel } from "../../src/sheets/scenarios/scenarioStore";
import type { EngineRunner } from "../worker/engine";
import {
  MONTE_CARLO_DRAWS,
  MONTE_CARLO_SEED,
  validDraws,
  validSeed,
} from "../../src/engine/uncertainty";
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

/** A field's number when the engine takes it (uncertainty.ts: validDraws, validSeed). */
const numberIn = (text: string, valid: (n: number) => boolean): number | undefined => {
  const n = Number(text.trim());
  return text.trim() !== "" && valid(n) ? n : undefined;
};

/** The active scenario of the Scenarier sheet, or the defaults when the workbook has none. */
export async function activeScenarioOf(
  workbook: Workbook,
  text: UncertaintyTexts,
  language: Language
): Promise<NamedParameters> {
  const stored = await readModel(workbook);
  if (!stored) return { name: text.noSheet, parameters: { ...DEFAULT_PARAMETERS } };
  const active = activeScenario(stored.model);
  if (!active.ok) throw new Error(allSaidIn(language, active.errors));
  return active.scenario;
}

/** Whole kroner in the pane's language. */
const krFormat = (language: Language) => {
  const format = new Intl.NumberFormat(language === "da" ? "da-DK" : "en-GB", {
    maximumFractionDigits: 0,
  });
  return (v: number) => `${format.format(v)} kr.`;
};

const visuallyHidden = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;

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
  const drawCount = numberIn(draws, validDraws);
  const seedValue = numberIn(seed, validSeed);
  const running = run.running !== undefined;

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
          validationMessage={drawCount === undefined ? text.badDraws : undefined}
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
          validationMessage={seedValue === undefined ? text.badSeed : undefined}
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
          <ProgressBar
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
        <tbody>
          <tr data-testid="uncertainty-npv" data-p50={mc.npv.p50} data-own={result.npv}>
            <th style={{ ...cell, textAlign: "left", whiteSpace: "normal" }} scope="row">
              {text.npv}
            </th>
            <td style={cell}>{kr(mc.npv.p10)}</td>
            <td style={cell}>{kr(mc.npv.p50)}</td>
            <td style={cell}>{kr(mc.npv.p90)}</td>
          </tr>
          <tr data-testid="uncertainty-ratio">
            <th style={{ ...cell, textAlign: "left", whiteSpace: "normal" }} scope="row">
              {text.ratio}
            </th>
            {mc.ratio === null ? (
              <td style={cell} colSpan={3}>
                {text.noRatio}
              </td>
            ) : (
              [mc.ratio.p10, mc.ratio.p50, mc.ratio.p90].map((v, i) => (
                <td key={i} style={cell}>
                  {number(v, 2)}
                </td>
              ))
            )}
          </tr>
          <tr data-testid="uncertainty-break-even">
            <th style={{ ...cell, textAlign: "left", whiteSpace: "normal" }} scope="row">
              {text.breakEven}
            </th>
            {[mc.breakEven.p10, mc.breakEven.p50, mc.breakEven.p90].map((y, i) => (
              <td key={i} style={cell}>
                {year(y)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <Caption1>
        {text.mean}: {kr(mc.npv.mean)}; {text.own}: {kr(result.npv)}
      </Caption1>
      <Caption1 data-testid="uncertainty-probability" data-value={mc.probabilityPositive}>
        {text.probability}: <strong>{percent(mc.probabilityPositive)}</strong>
      </Caption1>
      <Histogram result={result} text={text} kr={kr} percent={percent} language={language} />
    </div>
  );
}

const WIDTH = 300;
const LOW_COLOUR = "#4472c4";
const HIGH_COLOUR = "#ed7d31";

function Histogram({
  result,
  text,
  kr,
  percent,
  language,
}: {
  result: UncertaintyResult;
  text: UncertaintyTexts;
  kr: (v: number) => string;
  percent: (v: number) => string;
  language: Language;
}) {
  const { histogram, npv, draws, probabilityPositive } = result.monteCarlo;
  const height = 120;
  const pad = { left: 4, right: 4, top: 4, bottom: 18 };
  const most = Math.max(1, ...histogram.map((b) => b.count));
  const from = histogram[0].from;
  const to = histogram[histogram.length - 1].to;
  const x = (v: number) =>
    pad.left + ((WIDTH - pad.left - pad.right) * (v - from)) / (to - from || 1);
  const y = (c: number) => pad.top + (height - pad.top - pad.bottom) * (1 - c / most);
  const compact = new Intl.NumberFormat(language === "da" ? "da-DK" : "en-GB", {
    notation: "compact",
    maximumFractionDigits: 1,
  });
  const label = text.histogramLabel(
    formatCount(draws, language),
    kr(from),
    kr(to),
    kr(npv.p50),
    percent(probabilityPositive)
  );
  return (
    <figure style={{ margin: 0 }}>
      <Caption1 block style={{ fontWeight: 600 }}>
        {text.histogramHeading}
      </Caption1>
      <svg
        width={WIDTH}
        height={height}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={label}
        style={{ maxWidth: "100%", height: "auto" }}
        data-testid="uncertainty-histogram"
      >
        {histogram.map((b, i) => (
          <rect
            key={i}
            x={x(b.from) + 0.5}
            width={Math.max(1, x(b.to) - x(b.from) - 1)}
            y={y(b.count)}
            height={y(0) - y(b.count)}
            fill={b.to <= 0 ? HIGH_COLOUR : LOW_COLOUR}
          />
        ))}
        {from < 0 && to > 0 && (
          <line
            x1={x(0)}
            x2={x(0)}
            y1={pad.top}
            y2={y(0)}
            stroke={tokens.colorNeutralForeground1}
            strokeDasharray="3 2"
          />
        )}
        <line x1={pad.left} x2={WIDTH - pad.right} y1={y(0)} y2={y(0)} stroke="#8a8a8a" />
        <text x={pad.left} y={height - 4} fontSize={10} fill="#424242">
          {compact.format(from)}
        </text>
        {from < 0 && to > 0 && (
          <text x={x(0)} y={height - 4} fontSize={10} fill="#424242" textAnchor="middle">
            0
          </text>
        )}
        <text x={WIDTH - pad.right} y={height - 4} fontSize={10} fill="#424242" textAnchor="end">
          {compact.format(to)}
        </text>
      </svg>
      <table style={visuallyHidden}>
        <caption>{text.histogramHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{text.interval}</th>
            <th scope="col">{text.count}</th>
          </tr>
        </thead>
        <tbody>
          {histogram.map((b, i) => (
            <tr key={i}>
              <td>
                {kr(b.from)} – {kr(b.to)}
              </td>
              <td>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Tornado({
  npv,
  bars,
  text,
  language,
}: {
  npv: number;
  bars: SensitivityBar[];
  text: UncertaintyTexts;
  language: Language;
}) {
  const kr = krFormat(language);
  const rowH = 18;
  const labelW = 96;
  const height = rowH * bars.length + 4;
  const changes = bars.flatMap((b) => [b.npvLow - npv, b.npvHigh - npv]);
  const reach = Math.max(1, ...changes.map(Math.abs));
  const mid = labelW + (WIDTH - labelW) / 2;
  const x = (change: number) => mid + ((WIDTH - labelW - 8) / 2) * (change / reach);
  const cell = { padding: "2px 4px", verticalAlign: "top" as const };
  return (
    <figure style={{ margin: 0 }}>
      <Caption1 block style={{ fontWeight: 600 }}>
        {text.tornadoHeading}
      </Caption1>
      <Caption1 block style={{ margin: "2px 0 4px" }}>
        {text.tornadoIntro}
      </Caption1>
      <svg
        width={WIDTH}
        height={height}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={text.tornadoLabel(bars.length)}
        style={{ maxWidth: "100%", height: "auto" }}
        data-testid="uncertainty-tornado"
      >
        {bars.map((b, i) => {
          const top = 2 + i * rowH;
          const rect = (change: number, colour: string, half: 0 | 1) => (
            <rect
              x={Math.min(x(0), x(change))}
              width={Math.max(0.5, Math.abs(x(change) - x(0)))}
              y={top + 2 + half * 7}
              height={6}
              fill={colour}
            />
          );
          return (
            <g key={b.id}>
              <text x={labelW - 4} y={top + 12} fontSize={10} textAnchor="end" fill="#424242">
                {parameterById(b.id).short[language]}
              </text>
              {rect(b.npvLow - npv, LOW_COLOUR, 0)}
              {rect(b.npvHigh - npv, HIGH_COLOUR, 1)}
            </g>
          );
        })}
        <line x1={x(0)} x2={x(0)} y1={0} y2={height} stroke="#8a8a8a" />
      </svg>
      <ul
        style={{
          display: "flex",
          gap: 12,
          listStyle: "none",
          margin: "2px 0",
          padding: 0,
          fontSize: 11,
        }}
      >
        {[
          [text.lowValue, LOW_COLOUR],
          [text.highValue, HIGH_COLOUR],
        ].map(([name, colour]) => (
          <li key={name} style={{ display: "flex", alignItems: "center", gap: 4 }}>
            <span
              aria-hidden="true"
              style={{ width: 10, height: 10, background: colour, display: "inline-block" }}
            />
            {name}
          </li>
        ))}
      </ul>
      <table
        style={{ borderCollapse: "collapse", fontSize: 11 }}
        data-testid="uncertainty-switching"
      >
        <thead>
          <tr>
            <th scope="col" style={{ ...cell, textAlign: "left" }}>
              {text.parameter}
            </th>
            <th scope="col" style={{ ...cell, textAlign: "left" }}>
              {text.lowHigh}
            </th>
            <th scope="col" style={{ ...cell, textAlign: "right" }}>
              {text.npvLowHigh}
            </th>
            <th scope="col" style={{ ...cell, textAlign: "left" }}>
              {text.switching}
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => {
            const def = parameterById(b.id);
            const shown = (v: number) => formatParameterValue(def, v, language);
            return (
              <tr key={b.id} data-parameter={b.id}>
                <th scope="row" style={{ ...cell, textAlign: "left", fontWeight: 400 }}>
                  {def.short[language]}
                </th>
                <td style={cell}>
                  {shown(b.low)} – {shown(b.high)}
                </td>
                <td style={{ ...cell, textAlign: "right" }}>
                  {kr(b.npvLow)} / {kr(b.npvHigh)}
                </td>
                <td style={cell}>
                  {b.switchingValue === null
                    ? noSwitchingValue(b.switchingReason, language)
                    : shownSwitchingValue(b.id, b.switchingValue, language)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
