/**
 * The validation report before computing: how many rows are fine, and each bad row with its
 * reason. A bad row is a link that selects that row in the sheet. All the report's row links
 * are one Tab stop, with the arrow keys moving between them (Fluent's arrow navigation group,
 * tabster's mover: a roving focus that Tab leaves at once), so the keyboard passes a report of
 * dozens of rows in one step on its way to «Beregn». One Tab stop with the arrow keys inside
 * is WAI-ARIA's composite-widget rule (https://www.w3.org/WAI/ARIA/apg/practices/keyboard-interface/,
 * «Keyboard Navigation Inside Components»); Fluent gives it with
 * https://npmjs.com/package/@fluentui/react-tabster's useArrowNavigationGroup.
 */
import {
  Body1,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { useId } from "react";
import type { BadRow, ValidationReport } from "../../src/sheets/stays/columns";
import { useTexts } from "../i18n";

/** Enough to work through by hand; the rest is a count (a sheet can have thousands). */
const SHOWN_BAD_ROWS = 50;

/** Rows linked per data warning; the rest are counted. */
const SHOWN_WARNING_ROWS = 12;

export function ValidationList(props: {
  report: ValidationReport;
  onSelectRow: (row: BadRow) => void;
  /** Selects a whole sheet row (1-based), for the rows a data warning names. */
  onSelectSheetRow: (sheetRow: number) => void;
}) {
  const text = useTexts();
  const { report, onSelectRow, onSelectSheetRow } = props;
  // Up/Down and Left/Right between the links, in reading order; Tab goes on past them.
  const rowKeys = useArrowNavigationGroup({ axis: "grid-linear", memorizeCurrent: true });
  const hintId = useId();
  const rowLinks = (rows: readonly number[]) => (
    <>
      {rows.slice(0, SHOWN_WARNING_ROWS).map((row, i) => (
        <span key={row}>
          {i > 0 && ", "}
          <Link
            as="button"
            aria-label={text.showInSheet(row)}
            onClick={() => onSelectSheetRow(row)}
          >
            {row}
          </Link>
        </span>
      ))}
      {rows.length > SHOWN_WARNING_ROWS && ` ${text.moreRows(rows.length - SHOWN_WARNING_ROWS)}`}
    </>
  );
  if (report.missing.length > 0) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          {text.missingFields(report.missing.map(text.fieldLabel).join(", "))}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const shown = report.bad.slice(0, SHOWN_BAD_ROWS);
  const links = report.bad.length > 0 || report.warnings.some((w) => w.rows.length > 0);
  return (
    <div
      data-testid="validation-report"
      {...rowKeys}
      role={links ? "group" : undefined}
      aria-describedby={links ? hintId : undefined}
      style={{ display: "flex", flexDirection: "column", gap: 4 }}
    >
      <Body1 data-testid="rows-ok">{text.rowsOk(report.ok, report.total)}</Body1>
      {report.bad.length > 0 && (
        <>
          <Body1>{text.rowsBad(report.bad.length)}</Body1>
          <ul
            data-testid="bad-rows"
            style={{ margin: 0, paddingInlineStart: 20, maxHeight: 200, overflowY: "auto" }}
          >
            {shown.map((bad) => (
              <li key={bad.index} data-row={bad.sheetRow}>
                <Link
                  as="button"
                  aria-label={text.showInSheet(bad.sheetRow)}
                  onClick={() => onSelectRow(bad)}
                >
                  {text.badRow(bad.sheetRow)}
                </Link>
                :{" "}
                <Caption1>
                  {text.language === "en" ? (bad.error.en ?? bad.error.message) : bad.error.message}
                </Caption1>
              </li>
            ))}
          </ul>
          {report.bad.length > shown.length && (
            <Caption1>{text.moreBadRows(report.bad.length - shown.length)}</Caption1>
          )}
        </>
      )}
      {report.totalRows.length > 0 && (
        <Caption1 data-testid="total-rows">
          {text.totalRowsSkipped(
            report.totalRows.slice(0, SHOWN_WARNING_ROWS).join(", "),
            report.totalRows.length
          )}
        </Caption1>
      )}
      {links && (
        <Caption1 id={hintId} data-testid="row-links-hint">
          {text.rowLinksHint}
        </Caption1>
      )}
      {report.warnings.length > 0 && (
        <MessageBar intent="warning" data-testid="data-warnings">
          <MessageBarBody>
            <Body1 block>{text.warningsHeading}</Body1>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {report.warnings.map((w) => (
                <li key={w.kind} data-kind={w.kind}>
                  {text.dataWarning[w.kind]}: {text.rowsLabel} {rowLinks(w.rows)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
