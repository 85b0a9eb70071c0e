/**
 * One sheet of the in-memory workbook as a grid with column letters and row numbers, like
 * Excel. Only the rows and columns in view (plus a margin) are in the DOM, virtualised in both
 * directions by @tanstack/react-virtual: a sheet of 200 000 rows or 16 384 columns scrolls as
 * lightly as one of 50. Each column keeps its own width (fitted to its content as Excel's
 * autofit, columnFit.ts), and the column virtualizer measures again when the widths change. The selected range (a bad
 * row picked in the pane) is highlighted and scrolled into view. The keyboard works as in
 * Excel (gridKeys.ts): arrows move the active cell, F2, Enter or typing edits it, Delete clears.
 */
import { tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from "react";
import { a1, columnLetters, parseA1, type CellValue } from "../src/workbook/workbook";
import { useTexts } from "../taskpane/i18n";
import type { MemorySheet, MemoryWorkbook, Selection } from "../src/demo/memoryWorkbook";
import { alignsRight, formatCell } from "./cellFormat";
import { CellInput } from "./cellInput";
import { canvasMeasure, columnWidthsPx } from "./columnFit";
import { gridKey, useCursor, type Move } from "./gridKeys";
import { DEMO_TEXTS } from "./texts";

const ROW_HEIGHT = 24;
/** Rows and columns rendered beyond the visible ones, so fast scrolling shows no gaps. */
const ROW_OVERSCAN = 12;
const COLUMN_OVERSCAN = 3;
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
  /** Changes when the sheet's cells may have changed in place (MemoryWorkbook.revision). */
  version: number;
  /** A value typed into a cell (the demo keeps it for undo). */
  onEdit: (row: number, col: number, value: CellValue) => void;
}) {
  const { workbook, sheet, selection, version, onEdit } = props;
  const text = useTexts();
  const scroller = useRef<HTMLDivElement>(null);
  /** The cell being edited, and what typing it started with (a character replaces the value). */
  const [editing, setEditing] = useState<{ row: number; col: number; initial?: string }>();

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
  const cursor = useCursor(sheet.name, selected, rowCount, columnCount);

  // Rows start below the header row of column letters, columns right of the row numbers.
  // The pane is not built with React Compiler, which is what that rule guards: the virtualizers
  // re-render the grid themselves when it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: ROW_OVERSCAN,
    scrollMargin: ROW_HEIGHT,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: columnCount,
    getScrollElement: () => scroller.current,
    estimateSize: (c) => widths[c],
    overscan: COLUMN_OVERSCAN,
    scrollMargin: ROW_HEADER_WIDTH,
  });
  // New widths (another sheet, or columns sized again): measure the columns again.
  useEffect(() => columns.measure(), [columns, widths]);

  // A new sheet starts at the top left; a selection scrolls its first row to a third of the
  // view and its first column into view.
  const selectedSheet = selection?.sheet;
  const selectedAddress = selection?.address;
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const at =
      selectedAddress && selectedSheet === sheet.name ? parseA1(selectedAddress) : undefined;
    el.scrollTop = at ? Math.max(0, at.top * ROW_HEIGHT - el.clientHeight / 3) : 0;
    if (at) columns.scrollToIndex(at.left, { align: "auto" });
    else el.scrollLeft = 0;
  }, [columns, sheet.name, selectedSheet, selectedAddress]);

  /** Moves the active cell and scrolls it into view, clear of the sticky headers. */
  const moveTo = (row: number, col: number) => {
    const at = cursor.set(row, col);
    const el = scroller.current;
    if (!el) return;
    const cellTop = ROW_HEIGHT * (at.row + 1);
    if (cellTop < el.scrollTop + ROW_HEIGHT) el.scrollTop = cellTop - ROW_HEIGHT;
    else if (cellTop + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = cellTop + ROW_HEIGHT - el.clientHeight;
    let cellLeft = ROW_HEADER_WIDTH;
    for (let c = 0; c < at.col; c++) cellLeft += widths[c];
    if (cellLeft < el.scrollLeft + ROW_HEADER_WIDTH) el.scrollLeft = cellLeft - ROW_HEADER_WIDTH;
    else if (cellLeft + widths[at.col] > el.scrollLeft + el.clientWidth)
      el.scrollLeft = cellLeft + widths[at.col] - el.clientWidth;
  };
  const startEdit = (initial?: string) =>
    setEditing({ row: cursor.row, col: cursor.col, ...(initial !== undefined && { initial }) });
  /** Keys on the grid, as Excel's (Enter edits, as a browser spreadsheet does): see gridKey. */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || e.target !== scroller.current) return;
    const action = gridKey(e);
    if (!action) return;
    e.preventDefault();
    if (action.kind === "move") moveTo(cursor.row + action.rows, cursor.col + action.cols);
    else if (action.kind === "edit") startEdit(action.initial);
    else if ((sheet.values[cursor.row]?.[cursor.col] ?? "") !== "")
      onEdit(cursor.row, cursor.col, "");
  };
  /** An edit ended: keep the value, then move as the key that ended it says. */
  const finishEdit = (row: number, col: number, value: CellValue | undefined, move?: Move) => {
    setEditing(undefined);
    if (value !== undefined) onEdit(row, col, value);
    if (move === undefined) return;
    moveTo(row + move.rows, col + move.cols);
    scroller.current?.focus({ preventScroll: true });
  };
  const cursorValue = formatCell(
    sheet.values[cursor.row]?.[cursor.col],
    workbook.numberFormat(sheet.name, cursor.row, cursor.col),
    text.language
  );

  const visibleRows = rows.getVirtualItems();
  const visibleColumns = columns.getVirtualItems();
  const top = (visibleRows[0]?.start ?? ROW_HEIGHT) - ROW_HEIGHT;
  const bottom =
    rows.getTotalSize() - ((visibleRows[visibleRows.length - 1]?.end ?? ROW_HEIGHT) - ROW_HEIGHT);
  const left = (visibleColumns[0]?.start ?? ROW_HEADER_WIDTH) - ROW_HEADER_WIDTH;
  const right =
    columns.getTotalSize() -
    ((visibleColumns[visibleColumns.length - 1]?.end ?? ROW_HEADER_WIDTH) - ROW_HEADER_WIDTH);
  const spanned = visibleColumns.length + (left > 0 ? 1 : 0) + (right > 0 ? 1 : 0) + 1;

  // The rows wholly in view, for the "rows x–y of n" line.
  const scrollTop = rows.scrollOffset ?? 0;
  const viewHeight = scroller.current?.clientHeight ?? 480;
  const visibleFirst = Math.min(rowCount, Math.floor(scrollTop / ROW_HEIGHT) + 1);
  const visibleLast = Math.min(
    rowCount,
    Math.floor((scrollTop + viewHeight - ROW_HEIGHT) / ROW_HEIGHT)
  );

  const body = visibleRows.map(({ index: r }) => {
    const values = sheet.values[r] ?? [];
    const rowSelected = selected !== undefined && r >= selected.top && r <= selected.bottom;
    return (
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
        {left > 0 && <td aria-hidden style={spacerStyle} />}
        {visibleColumns.map(({ index: c }) => {
          const value = values[c];
          const kind = role(r, c);
          // Text runs on over empty cells to its right, as in Excel.
          const next = values[c + 1];
          const overflows =
            typeof value === "string" &&
            value !== "" &&
            (next === undefined || next === "" || next === null);
          const inSelection = rowSelected && c >= selected!.left && c <= selected!.right;
          const isCursor = cursor.row === r && cursor.col === c;
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
              aria-colindex={c + 2}
              onClick={() => cursor.set(r, c)}
              onDoubleClick={() => {
                cursor.set(r, c);
                setEditing({ row: r, col: c });
              }}
              title={!overflows && shown.length > LONG_TEXT ? shown : undefined}
              style={{
                ...cellStyle,
                ...(overflows
                  ? { overflow: "visible", textOverflow: "clip", position: "relative", zIndex: 1 }
                  : {}),
                textAlign: alignsRight(value) ? "right" : "left",
                fontWeight: kind === "header" || workbook.isBold(sheet.name, r, c) ? 600 : 400,
                background,
                outline: isCursor
                  ? `2px solid ${CURSOR}`
                  : inSelection
                    ? `1px solid ${tokens.colorBrandStroke1}`
                    : undefined,
                outlineOffset: isCursor ? -2 : undefined,
              }}
              data-cursor={isCursor || undefined}
            >
              {editing?.row === r && editing.col === c ? (
                <CellInput
                  value={value ?? ""}
                  initial={editing.initial}
                  format={workbook.numberFormat(sheet.name, r, c)}
                  language={text.language}
                  label={`${text.language === "da" ? "Rediger" : "Edit"} ${a1(r, c)}`}
                  onDone={(v, move) =>
                    finishEdit(r, c, v !== undefined && v !== (value ?? "") ? v : undefined, move)
                  }
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
        {right > 0 && <td aria-hidden style={spacerStyle} />}
      </tr>
    );
  });

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      {rowCount > 0 && (
        <div
          data-testid="cell-box"
          aria-live="polite"
          aria-label={DEMO_TEXTS[text.language].cellBox}
          style={{ display: "flex", gap: 8, fontSize: 12, minHeight: 18, alignItems: "center" }}
        >
          <span style={nameBoxStyle}>{a1(cursor.row, cursor.col)}</span>
          <span style={{ whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }}>
            {cursorValue}
          </span>
        </div>
      )}
      <div
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={text.gridLabel(sheet.name)}
        aria-describedby={rowCount > 0 ? "grid-keys" : undefined}
        onKeyDown={onKeyDown}
        data-testid="sheet-grid"
        data-sheet={sheet.name}
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
            aria-colcount={columnCount + 1}
            style={{
              borderCollapse: "separate",
              borderSpacing: 0,
              tableLayout: "fixed",
              width: ROW_HEADER_WIDTH + columns.getTotalSize(),
              fontSize: 12,
            }}
          >
            <colgroup>
              <col style={{ width: ROW_HEADER_WIDTH }} />
              {left > 0 && <col style={{ width: left }} />}
              {visibleColumns.map(({ index: c, size }) => (
                <col key={c} style={{ width: size }} />
              ))}
              {right > 0 && <col style={{ width: right }} />}
            </colgroup>
            <thead>
              <tr aria-rowindex={1} style={{ height: ROW_HEIGHT }}>
                <td style={{ ...columnHeaderStyle, left: 0, zIndex: 3 }} />
                {left > 0 && <td aria-hidden style={{ ...columnHeaderStyle, ...spacerStyle }} />}
                {visibleColumns.map(({ index: c }) => (
                  <th key={c} scope="col" aria-colindex={c + 2} style={columnHeaderStyle}>
                    {columnLetters(c)}
                  </th>
                ))}
                {right > 0 && <td aria-hidden style={{ ...columnHeaderStyle, ...spacerStyle }} />}
              </tr>
            </thead>
            <tbody>
              {top > 0 && (
                <tr role="presentation" style={{ height: top }}>
                  <td colSpan={spanned} style={{ padding: 0, border: 0 }} />
                </tr>
              )}
              {body}
              {bottom > 0 && (
                <tr role="presentation" style={{ height: bottom }}>
                  <td colSpan={spanned} style={{ padding: 0, border: 0 }} />
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
      <span id="grid-keys" style={{ fontSize: 12, color: tokens.colorNeutralForeground2 }}>
        {DEMO_TEXTS[text.language].gridKeys}
      </span>
    </div>
  );
}

/** Excel's green for the active cell. */
const CURSOR = "#217346";

const nameBoxStyle: CSSProperties = {
  minWidth: 56,
  padding: "0 6px",
  border: "1px solid #c8c8c8",
  background: "#fff",
  fontVariantNumeric: "tabular-nums",
};

/** The cells that stand for the columns scrolled out of view on either side. */
const spacerStyle: CSSProperties = { padding: 0, border: 0 };

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
