/**
 * A chart of the in-memory workbook drawn as plain SVG: clustered columns, clustered horizontal
 * bars (the first category on top, as the Excel adapter asks of Excel) or lines, from the
 * chart's spec and the values its ranges hold now (MemoryWorkbook.chartData). The SVG is an
 * image to assistive technology, with the values in its description.
 */
import { tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import { useTexts, type Language } from "../taskpane/i18n";
import type { ChartData } from "../src/demo/memoryWorkbook";

const WIDTH = 520;
const HEIGHT = 300;
const PLOT = { left: 76, right: 12, top: 16, bottom: 34 };
/** Office's first chart colours. */
const COLOURS = ["#4472c4", "#ed7d31", "#a5a5a5", "#ffc000", "#5b9bd5", "#70ad47"];

const figureStyle = {
  margin: 0,
  background: "#fff",
  border: `1px solid ${tokens.colorNeutralStroke2}`,
  padding: 8,
};
const captionStyle = { fontWeight: 600, fontSize: 14, marginBottom: 4 };

/** About five round steps (1, 2 or 5 × 10^k) covering [min, max], always including 0. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi === lo) return [0, 1];
  const raw = (hi - lo) / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  // Up to the first step at or above the highest value, so no bar rises above the axis.
  for (let t = Math.floor(lo / step) * step; ; t += step) {
    ticks.push(Number(t.toPrecision(12)));
    if (t >= hi - step * 1e-9) return ticks;
  }
}

const compact: Record<Language, Intl.NumberFormat> = {
  da: new Intl.NumberFormat("da-DK", { notation: "compact", maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 }),
};
/** A value axis formatted as a percentage (ChartSpec.valueFormat "0%"), as Excel shows it. */
const percent: Record<Language, Intl.NumberFormat> = {
  da: new Intl.NumberFormat("da-DK", { style: "percent", maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }),
};
const full: Record<Language, Intl.NumberFormat> = {
  da: new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }),
};

export function ChartView({ data }: { data: ChartData }) {
  const text = useTexts();
  const id = useId();
  const { spec, categories, series, empty } = data;
  if (empty) {
    const why =
      empty.kind === "busy"
        ? text.chartBusy(empty.cell)
        : empty.kind === "error"
          ? text.chartError(empty.code, empty.cell)
          : text.chartBlank(empty.ranges.join(", "));
    return (
      <figure style={figureStyle} data-chart={spec.name} data-empty={empty.kind}>
        <figcaption style={captionStyle}>{spec.title}</figcaption>
        <p
          role="status"
          style={{
            width: WIDTH,
            maxWidth: "100%",
            minHeight: 120,
            margin: 0,
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            textAlign: "center",
            color: tokens.colorNeutralForeground2,
            border: `1px dashed ${tokens.colorNeutralStroke2}`,
            padding: 16,
            boxSizing: "border-box",
          }}
        >
          {why}
        </p>
      </figure>
    );
  }
  const values = series.flatMap((s) => s.values);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const percentAxis = spec.valueFormat?.includes("%") === true;
  const tickFormat = (percentAxis ? percent : compact)[text.language];
  const valueFormat = (percentAxis ? percent : full)[text.language];
  const description = categories
    .map(
      (c, i) =>
        `${c}: ${series.map((s) => `${s.name} ${valueFormat.format(s.values[i] ?? 0)}`).join(", ")}`
    )
    .join("; ");
  const figure = (svg: ReactNode) => (
    <figure style={figureStyle} data-chart={spec.name}>
      <figcaption id={`${id}-title`} style={captionStyle}>
        {spec.title}
      </figcaption>
      {svg}
      <ul
        style={{
          display: "flex",
          gap: 16,
          listStyle: "none",
          margin: "4px 0 0",
          padding: 0,
          fontSize: 12,
        }}
      >
        {series.map((s, k) => (
          <li key={s.name} style={{ display: "flex", alignItems: "center", gap: 6 }}>
            <span
              aria-hidden="true"
              style={{
                width: 12,
                height: 12,
                background: COLOURS[k % COLOURS.length],
                display: "inline-block",
              }}
            />
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
  if (spec.type === "barClustered")
    return figure(
      <HorizontalBars
        id={id}
        categories={categories}
        series={series}
        ticks={ticks}
        description={description}
        format={tickFormat}
      />
    );
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const plotW = WIDTH - PLOT.left - PLOT.right;
  const plotH = HEIGHT - PLOT.top - PLOT.bottom;
  const y = (v: number) => PLOT.top + plotH * (1 - (v - lo) / (hi - lo));
  const band = plotW / Math.max(1, categories.length);
  const barW = (band * 0.7) / Math.max(1, series.length);

  return figure(
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      style={{ maxWidth: "100%", height: "auto", fontFamily: "inherit" }}
    >
      <desc id={`${id}-desc`}>{description}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={PLOT.left}
            x2={WIDTH - PLOT.right}
            y1={y(t)}
            y2={y(t)}
            stroke={t === 0 ? "#8a8a8a" : "#e0e0e0"}
          />
          <text x={PLOT.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="#424242">
            {tickFormat.format(t)}
          </text>
        </g>
      ))}
      {categories.map((c, i) => (
        <text
          key={c + i}
          x={PLOT.left + band * (i + 0.5)}
          y={HEIGHT - PLOT.bottom + 16}
          textAnchor="middle"
          fontSize={11}
          fill="#424242"
        >
          {c}
        </text>
      ))}
      {spec.type === "columnClustered"
        ? series.map((s, k) =>
            s.values.map((v, i) => {
              const x = PLOT.left + band * i + band * 0.15 + barW * k;
              return (
                <rect
                  key={`${k}-${i}`}
                  x={x}
                  width={Math.max(1, barW - 1)}
                  y={Math.min(y(v), y(0))}
                  height={Math.abs(y(v) - y(0))}
                  fill={COLOURS[k % COLOURS.length]}
                />
              );
            })
          )
        : series.map((s, k) => (
            <g key={k} stroke={COLOURS[k % COLOURS.length]} fill={COLOURS[k % COLOURS.length]}>
              <polyline
                fill="none"
                strokeWidth={2}
                points={s.values.map((v, i) => `${PLOT.left + band * (i + 0.5)},${y(v)}`).join(" ")}
              />
              {s.values.map((v, i) => (
                <circle key={i} cx={PLOT.left + band * (i + 0.5)} cy={y(v)} r={3} />
              ))}
            </g>
          ))}
    </svg>
  );
}

/** Horizontal bars: categories down the left, the first on top; values along the bottom. */
function HorizontalBars({
  id,
  categories,
  series,
  ticks,
  description,
  format,
}: {
  id: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  ticks: number[];
  description: string;
  format: Intl.NumberFormat;
}) {
  const plot = { left: 130, right: 16, top: 8, bottom: 24 };
  const band = 30;
  const height = plot.top + plot.bottom + band * Math.max(1, categories.length);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const x = (v: number) => plot.left + (WIDTH - plot.left - plot.right) * ((v - lo) / (hi - lo));
  const barH = (band * 0.7) / Math.max(1, series.length);
  return (
    <svg
      width={WIDTH}
      height={height}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      style={{ maxWidth: "100%", height: "auto", fontFamily: "inherit" }}
    >
      <desc id={`${id}-desc`}>{description}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={x(t)}
            x2={x(t)}
            y1={plot.top}
            y2={height - plot.bottom}
            stroke={t === 0 ? "#8a8a8a" : "#e0e0e0"}
          />
          <text
            x={x(t)}
            y={height - plot.bottom + 14}
            textAnchor="middle"
            fontSize={11}
            fill="#424242"
          >
            {format.format(t)}
          </text>
        </g>
      ))}
      {categories.map((c, i) => (
        <text
          key={c + i}
          x={plot.left - 6}
          y={plot.top + band * (i + 0.5) + 4}
          textAnchor="end"
          fontSize={11}
          fill="#424242"
        >
          {c}
        </text>
      ))}
      {series.map((s, k) =>
        s.values.map((v, i) => (
          <rect
            key={`${k}-${i}`}
            x={Math.min(x(v), x(0))}
            width={Math.abs(x(v) - x(0))}
            y={plot.top + band * i + band * 0.15 + barH * k}
            height={Math.max(1, barH - 1)}
            fill={COLOURS[k % COLOURS.length]}
          />
        ))
      )}
    </svg>
  );
}
