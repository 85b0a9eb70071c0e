/**
 * One sheet of the in-memory workbook as a grid with column letters and row numbers, like
 * Excel. Only the rows in view (plus a margin) are in the DOM, so a sheet of 50 000 rows scrolls
 * as lightly as one of 50. The selected range (a bad row picked in the pane) is highlighted and
 * scrolled into view.
 */
import { tokens } from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { a1, columnLetters, parseA1 } from "../../workbook/workbook";
import { useTexts } from "../../../taskpane/i18n";
import type { MemorySheet, MemoryWorkbook, Selection } from "../memoryWorkbook";
import { alignsRight, formatCell } from "./cellFormat";
import { CellInput } from "./cellInput";
import { canvasMeasure, columnWidthsPx } from "./columnFit";

const ROW_HEIGHT = 24;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 12;
const ROW_HEADER_WIDTH = 56;
/** Texts longer than this may be cut off in their cell: they get a tooltip with the whole text. */
const LONG_TEXT = 12;

/** Table header rows and table body rows, for Excel-like banding. */
function tableRoles(
  sheet: MemorySheet
): (row: number, col: number) => "header" | "band" | "plain" | undefined {
  return (row, col) => {
    for (const t of sheet.tables) {
      if (row < t.top || row > t.bottom || col < t.left || col > t.right) continue;
      if (row === t.top) return "header";
      return (row - t.top) % 2 === 0 ? "band" : "plain";
    }
    return undefined;
  };
}

export function SheetGrid(props: {
  workbook: MemoryWorkbook;
  sheet: MemorySheet;
  selection: Selection | undefined;
  version: number;
}) {
  const { workbook, sheet, selection, version } = props;
  const text = useTexts();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(480);
  /** The cell being edited (double-click), as in Excel. */
  const [editing, setEditing] = useState<{ row: number; col: number }>();

  const rowCount = sheet.values.length;
  // The widest row fixes the grid's columns; recounted only when the sheet changes.
  const columnCount = useMemo(() => {
    let n = sheet.columnWidths.length;
    for (const row of sheet.values) if (row.length > n) n = row.length;
    return Math.max(1, n);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version counts in-place edits of the sheet
  }, [sheet, version]);
  const role = useMemo(() => tableRoles(sheet), [sheet]);
  const measureText = useMemo(() => canvasMeasure(), []);
  const widths = useMemo(
    () =>
      columnWidthsPx(
        sheet,
        columnCount,
        {
          text: (r, c) =>
            formatCell(
              sheet.values[r]?.[c],
              workbook.numberFormat(sheet.name, r, c),
              text.language
            ),
          bold: (r, c) => workbook.isBold(sheet.name, r, c) || role(r, c) === "header",
        },
        measureText
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version counts in-place edits of the sheet
    [workbook, sheet, columnCount, role, measureText, text.language, version]
  );
  const selected =
    selection && selection.sheet === sheet.name ? parseA1(selection.address) : undefined;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewHeight(el.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new sheet starts at the top; a selection scrolls its first row to a third of the view.
  const selectedSheet = selection?.sheet;
  const selectedAddress = selection?.address;
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const row =
      selectedAddress && selectedSheet === sheet.name ? parseA1(selectedAddress).top : undefined;
    const top = row === undefined ? 0 : Math.max(0, row * ROW_HEIGHT - el.clientHeight / 3);
    el.scrollTop = top;
    setScrollTop(top);
  }, [sheet.name, selectedSheet, selectedAddress]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const visibleFirst = Math.min(rowCount, Math.floor(scrollTop / ROW_HEIGHT) + 1);
  const visibleLast = Math.min(
    rowCount,
    Math.floor((scrollTop + viewHeight - ROW_HEIGHT) / ROW_HEIGHT)
  );
  const totalWidth = ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0);

  const rows = [];
  for (let r = first; r < last; r++) {
    const values = sheet.values[r] ?? [];
    const rowSelected = selected !== undefined && r >= selected.top && r <= selected.bottom;
    rows.push(
      <tr key={r} data-row={r} aria-rowindex={r + 2} style={{ height: ROW_HEIGHT }}>
        <th
          scope="row"
          style={{
            ...rowHeaderStyle,
            background: rowSelected ? tokens.colorBrandBackground2 : rowHeaderStyle.background,
          }}
        >
          {r + 1}
        </th>
        {widths.map((_, c) => {
          const value = values[c];
          const kind = role(r, c);
          // Text runs on over empty cells to its right, as in Excel.
          const next = values[c + 1];
          const overflows =
            typeof value === "string" &&
            value !== "" &&
            (next === undefined || next === "" || next === null);
          const inSelection = rowSelected && c >= selected!.left && c <= selected!.right;
          const shown = formatCell(value, workbook.numberFormat(sheet.name, r, c), text.language);
          const background = inSelection
            ? tokens.colorBrandBackground2
            : kind === "header"
              ? "#dbe7f6"
              : kind === "band"
                ? "#f3f7fc"
                : undefined;
          return (
            <td
              key={c}
              data-col={c}
              onDoubleClick={() => setEditing({ row: r, col: c })}
              title={!overflows && shown.length > LONG_TEXT ? shown : undefined}
              style={{
                ...cellStyle,
                ...(overflows
                  ? { overflow: "visible", textOverflow: "clip", position: "relative", zIndex: 1 }
                  : {}),
                textAlign: alignsRight(value) ? "right" : "left",
                fontWeight: kind === "header" || workbook.isBold(sheet.name, r, c) ? 600 : 400,
                background,
                outline: inSelection ? `1px solid ${tokens.colorBrandStroke1}` : undefined,
              }}
            >
              {editing?.row === r && editing.col === c ? (
                <CellInput
                  value={value ?? ""}
                  format={workbook.numberFormat(sheet.name, r, c)}
                  language={text.language}
                  label={`${text.language === "da" ? "Rediger" : "Edit"} ${a1(r, c)}`}
                  onDone={(v) => {
                    setEditing(undefined);
                    if (v !== undefined && v !== (value ?? ""))
                      workbook.setCell(sheet.name, r, c, v);
                  }}
                />
              ) : overflows ? (
                // Overflowing text covers the grid lines of the empty cells it runs over.
                <span style={{ background: background ?? "#fff", paddingRight: 2 }}>{shown}</span>
              ) : (
                shown
              )}
            </td>
          );
        })}
      </tr>
    );
  }

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      <div
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={text.gridLabel(sheet.name)}
        data-testid="sheet-grid"
        data-sheet={sheet.name}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        style={{
          overflow: "auto",
          flexShrink: 0,
          height: `min(${(rowCount + 1) * ROW_HEIGHT + 2}px, 62vh)`,
          border: `1px solid ${tokens.colorNeutralStroke1}`,
          background: "#fff",
        }}
      >
        {rowCount === 0 ? (
          <p style={{ padding: 12 }}>{text.emptySheet}</p>
        ) : (
          <table
            aria-label={text.gridLabel(sheet.name)}
            aria-rowcount={rowCount + 1}
            style={{
              borderCollapse: "separate",
              borderSpacing: 0,
              tableLayout: "fixed",
              width: totalWidth,
              fontSize: 12,
            }}
          >
            <colgroup>
              <col style={{ width: ROW_HEADER_WIDTH }} />
              {widths.map((w, c) => (
                <col key={c} style={{ width: w }} />
              ))}
            </colgroup>
            <thead>
              <tr aria-rowindex={1} style={{ height: ROW_HEIGHT }}>
                <td style={{ ...columnHeaderStyle, left: 0, zIndex: 3 }} />
                {widths.map((_, c) => (
                  <th key={c} scope="col" style={columnHeaderStyle}>
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {first > 0 && (
                <tr role="presentation" style={{ height: first * ROW_HEIGHT }}>
                  <td colSpan={widths.length + 1} style={{ padding: 0, border: 0 }} />
                </tr>
              )}
              {rows}
              {last < rowCount && (
                <tr role="presentation" style={{ height: (rowCount - last) * ROW_HEIGHT }}>
                  <td colSpan={widths.length + 1} style={{ padding: 0, border: 0 }} />
                </tr>
              )}
            </tbody>
          </table>
        )}
      </div>
      {rowCount > 0 && (
        <span
          aria-live="off"
          style={{ fontSize: 12, color: tokens.colorNeutralForeground2 }}
          data-testid="rows-shown"
        >
          {text.rowsShown(visibleFirst, Math.max(visibleFirst, visibleLast), rowCount)}
        </span>
      )}
    </div>
  );
}

const GRID_LINE = "#e1e1e1";

const cellStyle: CSSProperties = {
  padding: "0 6px",
  borderRight: `1px solid ${GRID_LINE}`,
  borderBottom: `1px solid ${GRID_LINE}`,
  whiteSpace: "nowrap",
  overflow: "hidden",
  textOverflow: "ellipsis",
  color: "#242424",
};

const columnHeaderStyle: CSSProperties = {
  position: "sticky",
  top: 0,
  zIndex: 2,
  background: "#f0f0f0",
  borderRight: "1px solid #c8c8c8",
  borderBottom: "1px solid #c8c8c8",
  fontWeight: 400,
  color: "#424242",
  textAlign: "center",
};

const rowHeaderStyle: CSSProperties = {
  position: "sticky",
  left: 0,
  zIndex: 1,
  background: "#f0f0f0",
  borderRight: "1px solid #c8c8c8",
  borderBottom: "1px solid #c8c8c8",
  fontWeight: 400,
  color: "#424242",
  textAlign: "right",
  padding: "0 6px",
};
