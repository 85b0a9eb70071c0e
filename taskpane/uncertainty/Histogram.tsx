/** The uncertainty panel's histogram of the budget case's NPV over the draws, with a table for screen readers. */
import { Caption1, tokens } from "@fluentui/react-components";
import type { UncertaintyResult } from "../../src/sheets/uncertainty/uncertaintyRun";
import { formatCount, type Language } from "../i18n";
import { HIGH_COLOUR, LOW_COLOUR, WIDTH, visuallyHidden } from "./charts";
import type { UncertaintyTexts } from "./texts";

export function Histogram({
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
