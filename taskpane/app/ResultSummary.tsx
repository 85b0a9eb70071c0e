/** What a run computed (totals under both rule sets) and what it wrote (own sheets, renames, charts). */
import {
  Body1,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { dec } from "../../src/engine/money";
import type { RunResult } from "../../src/sheets/forecast/forecastRun";
import { formatCount, formatMoney, formatSeconds, useTexts } from "../i18n";
import type { WrittenSheet } from "../../src/workbook/workbook";
import { UserGroupsPanel } from "../groups/UserGroupsPanel";

const MONEY_LINES = [
  "gross",
  "selfPayment",
  "refundNy",
  "refundGammel",
  "difference",
  "netCost",
] as const;

export function ResultSummary({ result, elapsedMs }: { result: RunResult; elapsedMs: number }) {
  const text = useTexts();
  const { total, years } = result.summary;
  const written: WrittenSheet[] = [result.sheets.forecast, result.sheets.audit];
  const tables = written.flatMap((s) => s.tables);
  return (
    <section
      aria-labelledby="result-heading"
      data-testid="run-result"
      style={{ display: "flex", flexDirection: "column", gap: 6 }}
    >
      <Subtitle2 as="h2" id="result-heading">
        {text.resultHeading}
      </Subtitle2>
      <Body1>{text.resultIntro(result.report.ok, years[0], years[years.length - 1])}</Body1>
      <Table size="small" aria-labelledby="result-heading">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{text.itemColumn}</TableHeaderCell>
            <TableHeaderCell scope="col" button={{ style: { justifyContent: "flex-end" } }}>
              {text.amountColumn}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>{text.totals.stayDays}</TableCell>
            <TableCell style={{ textAlign: "end" }} data-total="stayDays">
              {formatCount(total.stayDays, text.language)}
            </TableCell>
          </TableRow>
          {MONEY_LINES.map((key) => (
            <TableRow key={key}>
              <TableCell>{text.totals[key]}</TableCell>
              <TableCell style={{ textAlign: "end", whiteSpace: "nowrap" }} data-total={key}>
                {formatMoney(dec(total[key]), text.language)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {result.summary.groups && <UserGroupsPanel summary={result.summary.groups} />}
      <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="written-sheets">
        {written.map((s) => (
          <li key={s.wanted}>
            <Body1>
              {s.renamed ? text.renamedSheet(s.wanted, s.name) : text.wroteSheet(s.name)}
            </Body1>
          </li>
        ))}
        {tables.length > 0 && (
          <li>
            <Body1>{text.tablesWritten(tables.join(", "))}</Body1>
          </li>
        )}
        {result.charts.length > 0 && (
          <li>
            <Body1>{text.chartsWritten(result.charts.join(", "))}</Body1>
          </li>
        )}
      </ul>
      <Caption1 role="status">
        {text.userSheetsUntouched} {text.elapsed(formatSeconds(elapsedMs, text.language))}
      </Caption1>
    </section>
  );
}
