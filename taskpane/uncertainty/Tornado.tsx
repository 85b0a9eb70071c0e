/**
 * The uncertainty panel's tornado of the budget case's NPV over each range, widest swing first,
 * with the switching values; the council's own choices (the registry's decisions) in a table of
 * their own below the uncertain assumptions (issue 20).
 */
import { Caption1 } from "@fluentui/react-components";
import { formatParameterValue, parameterById } from "../../src/engine/parameters";
import {
  noSwitchingValue,
  shownSwitchingValue,
  type SensitivityBar,
} from "../../src/sheets/scenarios/compare";
import type { Language } from "../i18n";
import { HIGH_COLOUR, LOW_COLOUR, WIDTH, krFormat } from "./charts";
import type { UncertaintyTexts } from "./texts";

const cell = { padding: "2px 4px", verticalAlign: "top" as const };

/** A table's header row: each column's name, aligned as its figures are. */
function Head({ columns }: { columns: [string, "left" | "right"][] }) {
  return (
    <thead>
      <tr>
        {columns.map(([name, align]) => (
          <th key={name} scope="col" style={{ ...cell, textAlign: align }}>
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function Tornado({
  npv,
  bars: all,
  text,
  language,
}: {
  npv: number;
  bars: SensitivityBar[];
  text: UncertaintyTexts;
  language: Language;
}) {
  const kr = krFormat(language);
  const decisions = all.filter((b) => parameterById(b.id).decision);
  const bars = all.filter((b) => !parameterById(b.id).decision);
  // Each bar under its parameter's short name on a line of its own: the names say what they
  // are in a few words ("Tilbage efter pause, kroniske"), too long for a column beside the bars.
  const rowH = 28;
  const height = rowH * bars.length + 4;
  const changes = bars.flatMap((b) => [b.npvLow - npv, b.npvHigh - npv]);
  const reach = Math.max(1, ...changes.map(Math.abs));
  const mid = WIDTH / 2;
  const x = (change: number) => mid + ((WIDTH - 8) / 2) * (change / reach);
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
              y={top + 12 + half * 7}
              height={6}
              fill={colour}
            />
          );
          return (
            <g key={b.id}>
              <text x={2} y={top + 9} fontSize={10} textAnchor="start" fill="#424242">
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
        <Head
          columns={[
            [text.parameter, "left"],
            [text.lowHigh, "left"],
            [text.npvLowHigh, "right"],
            [text.switching, "left"],
          ]}
        />
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
      <Caption1 block style={{ fontWeight: 600, marginTop: 8 }}>
        {text.decisionsHeading}
      </Caption1>
      <Caption1 block style={{ margin: "2px 0 4px" }}>
        {text.decisionsIntro}
      </Caption1>
      <table
        style={{ borderCollapse: "collapse", fontSize: 11 }}
        data-testid="uncertainty-decisions"
      >
        <Head
          columns={[
            [text.parameter, "left"],
            [text.now, "left"],
            [text.alternatives, "right"],
          ]}
        />
        <tbody>
          {decisions.map((b) => {
            const def = parameterById(b.id);
            const shown = (v: number) => formatParameterValue(def, v, language);
            return (
              <tr key={b.id} data-parameter={b.id}>
                <th scope="row" style={{ ...cell, textAlign: "left", fontWeight: 400 }}>
                  {language === "da" ? def.name : def.alias}
                </th>
                <td style={cell}>{shown(b.value)}</td>
                <td style={{ ...cell, textAlign: "right" }}>
                  {shown(b.low)}: {kr(b.npvLow)}
                  <br />
                  {shown(b.high)}: {kr(b.npvHigh)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
