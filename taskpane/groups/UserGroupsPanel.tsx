/**
 * The user groups after a forecast run: a table (the figures and their shares, group by group, so
 * it fits the pane's 390 px) and a compact bar chart of each group's share of citizens, nights
 * and gross cost. The chart is an SVG image whose
 * title and description say what it shows; the table beside it holds the same figures for
 * screen readers and for reading out.
 */
import {
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { dec } from "../../src/engine/money";
import { formatCount, formatMoney, useTexts, type Language } from "../i18n";
import { GROUP_TEXTS } from "./texts";
import {
  shareOf,
  type GroupRow,
  type ShareMeasure,
  type UserGroupSummary,
} from "../../src/sheets/forecast/userGroups";

const CHART_MEASURES = ["citizens", "nights", "gross"] as const satisfies readonly ShareMeasure[];
const COLOURS: Record<(typeof CHART_MEASURES)[number], string> = {
  citizens: tokens.colorBrandBackground,
  nights: tokens.colorPaletteDarkOrangeBorderActive,
  gross: tokens.colorPaletteTealBorderActive,
};

const percent = (share: number | null, language: Language) =>
  share === null
    ? "–"
    : share.toLocaleString(language === "da" ? "da-DK" : "en-GB", {
        style: "percent",
        maximumFractionDigits: 0,
      });

export function UserGroupsPanel({ summary }: { summary: UserGroupSummary }) {
  const { language } = useTexts();
  const text = GROUP_TEXTS[language];
  const headingId = useId();
  const titleId = useId();
  const descId = useId();
  const { rules, scenario } = summary.choice;
  const share = (g: GroupRow, m: ShareMeasure) => percent(shareOf(summary, g, m), language);
  // Bars: one band per group, one bar per measure; the longest possible bar is 100 %.
  const band = 3 * 14 + 10;
  const labelWidth = 96;
  const barMax = 220;
  const height = summary.groups.length * band;
  const description = text.chartDescription(
    summary.groups.map((g) =>
      text.chartLine(
        text.groupLabel[g.group],
        CHART_MEASURES.map((m) => `${share(g, m)} ${text.share[m]}`)
      )
    )
  );

  return (
    <section
      aria-labelledby={headingId}
      data-testid="user-groups"
      style={{ display: "flex", flexDirection: "column", gap: 6 }}
    >
      <Subtitle2 as="h3" id={headingId}>
        {text.heading}
      </Subtitle2>
      <Caption1>{text.intro(summary.window.first, summary.window.last)}</Caption1>
      <Table size="extra-small" aria-labelledby={headingId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{text.group}</TableHeaderCell>
            <TableHeaderCell scope="col" style={{ justifyContent: "flex-end" }}>
              {text.value}
            </TableHeaderCell>
            <TableHeaderCell scope="col" style={{ justifyContent: "flex-end" }}>
              {text.shareColumn}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        {[...summary.groups, undefined].map((g) => {
          const row = g ?? summary.total;
          const name = g ? text.groupLabel[g.group] : text.total;
          const lines: [string, string, ShareMeasure | null][] = [
            [text.citizens, formatCount(row.citizens, language), "citizens"],
            [text.stays, formatCount(row.stays, language), null],
            [text.nights, formatCount(row.nights, language), "nights"],
            [text.gross, formatMoney(dec(row.gross), language), "gross"],
            [text.refundLost, formatMoney(dec(row.refundLost), language), "refundLost"],
          ];
          return (
            <TableBody key={g?.group ?? "total"} data-group={g?.group ?? "total"}>
              <TableRow>
                <TableHeaderCell scope="colgroup" colSpan={3}>
                  <strong>{name}</strong>
                </TableHeaderCell>
              </TableRow>
              {lines.map(([label, value, measure]) => (
                <TableRow key={label}>
                  <TableCell>{label}</TableCell>
                  <TableCell
                    style={{ textAlign: "end", whiteSpace: "nowrap" }}
                    data-measure={measure ?? "stays"}
                  >
                    {value}
                  </TableCell>
                  <TableCell style={{ textAlign: "end" }}>
                    {g && measure ? share(g, measure) : ""}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          );
        })}
      </Table>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${labelWidth + barMax + 50} ${height}`}
        style={{ width: "100%", maxWidth: 420, height: "auto" }}
        data-testid="user-groups-chart"
      >
        <title id={titleId}>{text.chartTitle}</title>
        <desc id={descId}>{description}</desc>
        {summary.groups.map((g, i) => (
          <g key={g.group} transform={`translate(0 ${i * band})`}>
            <text x={0} y={24} fontSize={12} fill={tokens.colorNeutralForeground1}>
              {text.groupLabel[g.group]}
            </text>
            {CHART_MEASURES.map((m, k) => {
              const value = shareOf(summary, g, m) ?? 0;
              return (
                <g key={m} transform={`translate(${labelWidth} ${k * 14 + 2})`}>
                  <rect width={Math.max(1, value * barMax)} height={11} fill={COLOURS[m]} />
                  <text
                    x={Math.max(1, value * barMax) + 4}
                    y={10}
                    fontSize={10}
                    fill={tokens.colorNeutralForeground1}
                  >
                    {share(g, m)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <ul
        aria-label={text.chartTitle}
        style={{
          margin: 0,
          padding: 0,
          listStyle: "none",
          display: "flex",
          gap: 12,
          flexWrap: "wrap",
        }}
      >
        {CHART_MEASURES.map((m) => (
          <li key={m} style={{ display: "flex", alignItems: "center", gap: 4 }}>
            <span
              aria-hidden="true"
              style={{ width: 10, height: 10, background: COLOURS[m], display: "inline-block" }}
            />
            <Caption1>{text.share[m]}</Caption1>
          </li>
        ))}
      </ul>
      <Caption1>
        {text.rules(rules.chronicNights, rules.episodicEpisodes, rules.episodeGapDays, rules.years)}{" "}
        {scenario === null ? text.fromDefaults : text.fromScenario(scenario)}
      </Caption1>
    </section>
  );
}
