/**
 * The pane's evidence panel (issue 19): who comes back as the register says, the backtest, and
 * the municipality's figures beside the published evaluations, for the active scenario. Computed
 * in the engine worker; it writes to no sheet.
 */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
} from "@fluentui/react-components";
import { useId, useState, type ReactNode } from "react";
import { parameterById, returnParameterId } from "../../src/engine/parameters";
import {
  BACKTEST_FIGURES,
  RETURN_QUANTITIES,
  differencePercent,
} from "../../src/engine/projection";
import { BACKTEST_HISTORY } from "../../src/engine/projection/backtest";
import type { StayInput } from "../../src/engine/shelter";
import { USER_GROUPS, USER_GROUP_LABELS } from "../../src/engine/typology";
import type { Workbook } from "../../src/workbook/workbook";
import { useTexts, type Language } from "../i18n";
import { activeScenarioOf } from "../uncertainty/UncertaintyPanel";
import { UNCERTAINTY_TEXTS } from "../uncertainty/texts";
import type { EngineRunner } from "../worker/engine";
import type { Evidence, PlainBacktestYear } from "../../src/sheets/evidence/evidence";
import { EVIDENCE_TEXTS, type EvidenceTexts } from "./texts";

export interface EvidencePanelProps {
  workbook: Workbook;
  rows: readonly StayInput[] | undefined;
  engine: EngineRunner;
  disabled?: boolean;
}

type State =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; evidence: Evidence }
  | { status: "failed"; message: string };

const cell = { padding: "2px 4px", textAlign: "right" as const, whiteSpace: "nowrap" as const };
const head = { ...cell, fontWeight: 600 };
const rowHead = { ...cell, textAlign: "left" as const, whiteSpace: "normal" as const };

const numberIn = (language: Language, digits = 0) =>
  new Intl.NumberFormat(language === "da" ? "da-DK" : "en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format;
const percentIn =
  (language: Language, digits = 0) =>
  (v: number) =>
    `${numberIn(language, digits)(v * 100)} %`;

export function EvidencePanel({ workbook, rows, engine, disabled = false }: EvidencePanelProps) {
  const { language } = useTexts();
  const text = EVIDENCE_TEXTS[language];
  const headingId = useId();
  const [state, setState] = useState<State>({ status: "idle" });

  const start = async () => {
    if (!rows) return;
    setState({ status: "running" });
    try {
      const scenario = await activeScenarioOf(workbook, UNCERTAINTY_TEXTS[language], language);
      const evidence = await engine.run("evidence", {
        stays: rows,
        parameters: scenario.parameters,
        ranges: scenario.ranges,
      });
      setState({ status: "done", evidence });
    } catch (error) {
      setState({
        status: "failed",
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return (
    <section
      aria-labelledby={headingId}
      style={{ display: "flex", flexDirection: "column", gap: 8 }}
      data-testid="evidence"
    >
      <Subtitle2 as="h2" id={headingId}>
        {text.heading}
      </Subtitle2>
      <Caption1>{text.intro}</Caption1>
      {!rows && <Caption1>{text.needStays}</Caption1>}
      <div>
        <Button
          appearance="primary"
          disabled={disabled || !rows || state.status === "running"}
          onClick={() => void start()}
          data-testid="evidence-run"
        >
          {state.status === "running" ? text.running : text.run}
        </Button>
      </div>
      {state.status === "failed" && (
        <MessageBar intent="error" data-testid="evidence-failed">
          <MessageBarBody>{text.failed(state.message)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "done" && (
        <div
          data-testid="evidence-result"
          style={{ display: "flex", flexDirection: "column", gap: 12 }}
        >
          <Returns evidence={state.evidence} text={text} language={language} />
          <BacktestTable evidence={state.evidence} text={text} language={language} />
          <Comparison evidence={state.evidence} text={text} language={language} />
        </div>
      )}
    </section>
  );
}

interface PartProps {
  evidence: Evidence;
  text: EvidenceTexts;
  language: Language;
}

function Table({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ overflowX: "auto" }}>
      <table aria-label={label} style={{ borderCollapse: "collapse", fontSize: 12 }}>
        {children}
      </table>
    </div>
  );
}

/**
 * One block per user group, a row per quantity: three narrow columns fit the pane's 320 px where
 * a group-by-quantity grid did not.
 */
function Returns({ evidence, text, language }: PartProps) {
  const percent = percentIn(language);
  const factor = numberIn(language, 2);
  return (
    <div data-testid="evidence-returns">
      <Subtitle2 as="h3" block>
        {text.returnsHeading}
      </Subtitle2>
      <Caption1 as="p" block>
        {text.returnsIntro}
      </Caption1>
      <Table label={text.returnsHeading}>
        <thead>
          <tr>
            <th style={{ ...head, textAlign: "left" }} scope="col">
              {text.group}
            </th>
            <th style={head} scope="col">
              {text.estimate}
            </th>
            <th style={{ ...head, textAlign: "left" }} scope="col">
              {text.basisHeading}
            </th>
          </tr>
        </thead>
        {USER_GROUPS.map((g) => (
          <tbody key={g} data-testid={`evidence-returns-${g}`}>
            <tr>
              <th style={{ ...rowHead, paddingTop: 6 }} scope="rowgroup" colSpan={3}>
                {USER_GROUP_LABELS[g][language]}
              </th>
            </tr>
            {RETURN_QUANTITIES.map((q) => {
              const e = evidence.estimates[g][q];
              const show = q === "nights" ? factor : percent;
              return (
                <tr key={q}>
                  <th style={{ ...rowHead, fontWeight: 400, paddingLeft: 10 }} scope="row">
                    {text.quantity[q]}
                  </th>
                  <td
                    style={cell}
                    title={parameterById(returnParameterId(g, q)).name}
                    data-value={e.value}
                  >
                    {show(e.value)} ({show(e.low)}–{show(e.high)})
                  </td>
                  <td style={{ ...cell, textAlign: "left", whiteSpace: "normal" }}>
                    {text.basis(e)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </Table>
    </div>
  );
}

/** Money in millions with two decimals keeps four columns inside the pane; counts stay whole. */
const MONEY: ReadonlySet<(typeof BACKTEST_FIGURES)[number]> = new Set([
  "gross",
  "refundNy",
  "netCost",
]);

function BacktestTable({ evidence, text, language }: PartProps) {
  const years = evidence.backtest.years;
  const show = (f: (typeof BACKTEST_FIGURES)[number], v: number) =>
    MONEY.has(f) ? numberIn(language, 2)(v / 1e6) : numberIn(language)(v);
  const signed = (v: number) => `${v > 0 ? "+" : ""}${numberIn(language, 1)(v)} %`;
  return (
    <div data-testid="evidence-backtest">
      <Subtitle2 as="h3" block>
        {text.backtestHeading}
      </Subtitle2>
      {years.length === 0 ? (
        <Caption1 as="p" block>
          {text.noBacktest(BACKTEST_HISTORY)}
        </Caption1>
      ) : (
        <>
          <Caption1 as="p" block>
            {text.backtestIntro(BACKTEST_HISTORY)}
          </Caption1>
          {years.map((y: PlainBacktestYear) => (
            <Table key={y.year} label={`${text.backtestHeading} ${y.year}`}>
              <thead>
                <tr>
                  <th style={{ ...head, textAlign: "left" }} scope="col">
                    {y.year}
                  </th>
                  <th style={head} scope="col">
                    {text.projected}
                  </th>
                  <th style={head} scope="col">
                    {text.actual}
                  </th>
                  <th style={head} scope="col">
                    {text.difference}
                  </th>
                </tr>
              </thead>
              <tbody>
                {BACKTEST_FIGURES.map((f) => {
                  const d = differencePercent(y.projected[f], y.actual[f])?.toNumber() ?? null;
                  const tolerance = y.tolerance[f];
                  const outside = d !== null && Math.abs(d) > tolerance;
                  return (
                    <tr
                      key={f}
                      data-testid={`evidence-backtest-${y.year}-${f}`}
                      data-difference={d ?? ""}
                    >
                      <th style={rowHead} scope="row">
                        {text.figure[f]}
                        {MONEY.has(f) && `, ${text.millions}`}
                      </th>
                      <td style={cell}>{show(f, Number(y.projected[f]))}</td>
                      <td style={cell}>{show(f, Number(y.actual[f]))}</td>
                      <td style={cell}>
                        {d === null ? "–" : signed(d)}
                        {Number.isFinite(tolerance) && (
                          <>
                            <br />
                            <Caption1>{text.tolerance(numberIn(language, 1)(tolerance))}</Caption1>
                          </>
                        )}
                        {outside && (
                          <>
                            <br />
                            <Caption1 style={{ fontWeight: 600 }}>{text.outside}</Caption1>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          ))}
        </>
      )}
    </div>
  );
}

function Comparison({ evidence, text, language }: PartProps) {
  const whole = numberIn(language);
  const two = numberIn(language, 2);
  const show = (figure: "perPersonYear" | "ratio10", v: number) =>
    figure === "perPersonYear" ? `${whole(v)} kr.` : two(v);
  return (
    <div data-testid="evidence-comparison">
      <Subtitle2 as="h3" block>
        {text.comparisonHeading}
      </Subtitle2>
      <Caption1 as="p" block>
        {text.comparisonIntro}
      </Caption1>
      {evidence.comparison.map((c) => (
        <div
          key={c.figure}
          data-testid={`evidence-${c.figure}`}
          data-own={c.own ?? ""}
          data-verdict={c.verdict}
        >
          <Caption1 as="p" style={{ fontWeight: 600 }}>
            {text.own[c.figure]}: {c.own === null ? text.none : show(c.figure, c.own)}
          </Caption1>
          <ul style={{ margin: "2px 0", paddingLeft: 18 }}>
            {c.published.map((e) => (
              <li key={e.id}>
                <Caption1>
                  {text.label(e)} ({e.source})
                </Caption1>
              </li>
            ))}
          </ul>
          <Caption1 as="p">{text.verdict(c.verdict, c.figure)}</Caption1>
        </div>
      ))}
      {evidence.drivers.length > 0 && (
        <Caption1 as="p" data-testid="evidence-drivers">
          {text.drivers(evidence.drivers.map((id) => `«${parameterById(id).name}»`).join(", "))}
        </Caption1>
      )}
    </div>
  );
}
