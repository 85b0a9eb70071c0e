/**
 * The scenario manager's two notices about the Scenarier sheet's safety: what is wrong with a
 * sheet a user has changed out of the layout (the manager's button then repairs it, never
 * creates it anew), and the hidden copy kept before a rewrite that left something out, with its
 * restore button. The manager asks and runs; these only show.
 */
import { Button, Caption1, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { BackupRecord } from "../../src/sheets/scenarios/scenarioBackup";
import type { SheetReading } from "../../src/sheets/scenarios/sheetReading";
import { saidIn, type Language } from "../i18n";
import type { ScenarioTexts } from "./texts";

/** The problems of a sheet the pane cannot read safely: at most the reading's hundred, and a count. */
export function RepairNotice({
  reading,
  text,
  language,
}: {
  reading: SheetReading;
  text: ScenarioTexts;
  language: Language;
}) {
  return (
    <MessageBar intent="warning" data-testid="scenario-broken">
      <MessageBarBody>
        {text.broken}
        <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
          {reading.problems.map((p, i) => (
            <li key={i}>{saidIn(language, p)}</li>
          ))}
        </ul>
        {reading.unlisted > 0 && text.moreProblems(reading.unlisted)}
      </MessageBarBody>
    </MessageBar>
  );
}

const taken = (iso: string, language: Language) =>
  new Date(iso).toLocaleString(language === "da" ? "da-DK" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });

/** The hidden copy of the Scenarier sheet: when and why it was taken, and a button to put it back. */
export function BackupNotice({
  record,
  text,
  language,
  disabled,
  onRestore,
}: {
  record: BackupRecord;
  text: ScenarioTexts;
  language: Language;
  disabled: boolean;
  onRestore: () => void;
}) {
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      <Caption1 data-testid="scenario-backup">
        {text.backupNote(taken(record.taken, language), record)}
      </Caption1>
      <div>
        <Button disabled={disabled} onClick={onRestore} data-testid="scenario-restore">
          {text.restore}
        </Button>
      </div>
    </div>
  );
}
