/**
 * What keeps the user's work in the demo, above the workbook: undo and redo of cell edits,
 * «Download som .xlsx» of the whole workbook (written by exceljs in the file worker, so the
 * page's bundle carries none of it), «Start forfra» (asks first), and where the work is kept.
 */
import { Button, Caption1, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { a1 } from "../src/workbook/workbook";
import type { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { snapshotOf } from "../src/demo/snapshot";
import { useTexts } from "../taskpane/i18n";
import { ConfirmDialog } from "./ConfirmDialog";
import type { EditHistory } from "./editHistory";
import { xlsxInWorker } from "./loadInWorker";
import { DEMO_TEXTS } from "./texts";
import type { SaveState } from "./useSaving";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Saves bytes as a file through the browser's download (an <a download> on an object URL). */
function saveFile(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function WorkActions(props: {
  workbook: MemoryWorkbook;
  history: EditHistory;
  onUndo: () => void;
  onRedo: () => void;
  saveState: SaveState;
  /** A line about where the workbook came from (read from the browser, or not readable). */
  origin?: string;
  onStartOver: () => Promise<void>;
}) {
  const { language } = useTexts();
  const text = DEMO_TEXTS[language];
  const [asking, setAsking] = useState(false);
  const [writing, setWriting] = useState(false);
  const [failed, setFailed] = useState<string>();
  const last = props.history.last;

  const download = async () => {
    setWriting(true);
    setFailed(undefined);
    try {
      saveFile(await xlsxInWorker(snapshotOf(props.workbook)), text.downloadName);
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    } finally {
      setWriting(false);
    }
  };

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
        <Button
          size="small"
          data-testid="undo"
          disabled={!last}
          title={last ? text.undoWhat(a1(last.row, last.col), last.sheet) : text.nothingToUndo}
          onClick={props.onUndo}
        >
          {text.undo}
        </Button>
        <Button
          size="small"
          data-testid="redo"
          disabled={!props.history.canRedo}
          onClick={props.onRedo}
        >
          {text.redo}
        </Button>
        <Button
          size="small"
          data-testid="download"
          disabled={writing}
          onClick={() => void download()}
        >
          {writing ? text.downloading : text.download}
        </Button>
        <Button size="small" data-testid="start-over" onClick={() => setAsking(true)}>
          {text.startOver}
        </Button>
        <Caption1
          data-testid="save-state"
          data-state={props.saveState}
          aria-live="polite"
          style={{
            color:
              props.saveState === "failed" || props.saveState === "unavailable"
                ? tokens.colorPaletteRedForeground1
                : tokens.colorNeutralForeground2,
          }}
        >
          {text.saveState[props.saveState]}
        </Caption1>
      </div>
      <Caption1 data-testid="saved-here">
        {props.origin && <>{props.origin} </>}
        {text.savedHere}
      </Caption1>
      {failed && (
        <MessageBar intent="error" data-testid="download-failed">
          <MessageBarBody>{text.downloadFailed(failed)}</MessageBarBody>
        </MessageBar>
      )}
      <ConfirmDialog
        open={asking}
        title={text.startOverTitle}
        body={text.startOverBody}
        onDismiss={() => setAsking(false)}
        choices={[
          {
            label: text.startOverConfirm,
            testId: "start-over-confirm",
            onClick: () => void props.onStartOver(),
          },
          {
            label: text.cancel,
            primary: true,
            testId: "start-over-cancel",
            onClick: () => setAsking(false),
          },
        ]}
      />
    </div>
  );
}
