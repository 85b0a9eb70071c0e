/**
 * The pane's scenario manager: create or update the live Scenarier sheet from the stays found
 * above, save the active parameters as a named scenario, make a saved one active, delete one,
 * and compare them (with a tornado of the active NPV) in the Sammenligning sheet. While the pane
 * is open it follows edits of the sheet: parameter and range problems are listed here (the cells
 * show only the error code, and a bad low or high no code at all), and a new horizon rewrites the
 * sheet so its charts cover the new years. The comparison and its tornado use the sheet's ranges.
 * A sheet a user has changed out of the layout is read as far as it can be and offered for repair,
 * never created anew over it; a copy kept before a rewrite that left something out can be put back.
 */
import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Subtitle2,
} from "@fluentui/react-components";
import { StepProgress } from "../app/StepProgress";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { StayInput } from "../../src/engine/shelter";
import { maskedNotice } from "../../src/privacy/personalData";
import { saidIn, useTexts, type Said } from "../i18n";
import type { Workbook } from "../../src/workbook/workbook";
import type { EngineRunner } from "../worker/engine";
import { useComparisonIdleWork } from "./comparisonIdleWork";
import { parameterCell, type StaysRef } from "../../src/sheets/scenarios/scenarioSheet";
import { findBackup, type BackupRecord } from "../../src/sheets/scenarios/scenarioBackup";
import { repairScenarioSheet, restoreBackup } from "../../src/sheets/scenarios/scenarioRepair";
import {
  activeLabel,
  comparedScenarios,
  boundHorizon,
  checkRanges,
  checkValues,
  createOrUpdate,
  inspectModel,
  isUnsaved,
  onModelWritten,
  removeScenario,
  sameName,
  saveActiveAs,
  savedScenario,
  switchTo,
  writeComparison,
  writeModel,
  type InspectedSheet,
  type StoredModel,
} from "../../src/sheets/scenarios/scenarioStore";
import { ConfirmDialog, type Confirm } from "./ConfirmDialog";
import { BackupNotice, RepairNotice } from "./SheetRepair";
import { SCENARIO_TEXTS } from "./texts";

export interface ScenarioManagerProps {
  workbook: Workbook;
  /** Where the stays found above are, for DK.HOUSINGFIRSTPROJECTION; undefined until mapped. */
  stays: StaysRef | undefined;
  /** The good rows of the stays, for the comparison and the tornado. */
  rows: readonly StayInput[] | undefined;
  /** Runs the comparison off the UI thread (taskpane/worker). */
  engine: EngineRunner;
  disabled?: boolean;
}

type Status =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "comparing"; done: number; total: number }
  /**
   * `sheetOk`: whether the sheet was the layout when it was said; the line is shown while it
   * still is (a "saved as" is no answer once an edit asks for a repair, nor a restore's after one).
   */
  | { kind: "done"; message: string; sheetOk?: boolean }
  | { kind: "failed"; message: string };

const errorsOf = <E,>(checked: { ok: true } | { ok: false; errors: E[] }): E[] =>
  checked.ok ? [] : checked.errors;

/** An error's message in the pane's language, when it has an English one (ScenarioSheetError). */
const messageOf = (error: unknown, language: "da" | "en"): string =>
  error instanceof Error
    ? saidIn(language, {
        message: error.message,
        ...("en" in error && typeof error.en === "string" && { en: error.en }),
      })
    : String(error);

export function ScenarioManager({
  workbook,
  stays: staysRef,
  rows: stays,
  engine,
  disabled = false,
}: ScenarioManagerProps) {
  const { language } = useTexts();
  const text = SCENARIO_TEXTS[language];
  /** A parameter problem in the pane's language. */
  const said = (e: Said) => saidIn(language, e);
  const headingId = useId();
  /** The sheet as read; `stored` when it is the layout, else it needs repair. */
  const [inspected, setInspected] = useState<InspectedSheet | undefined>();
  const [backup, setBackup] = useState<BackupRecord | undefined>();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [name, setName] = useState("");
  const [picked, setPicked] = useState<string | undefined>();
  const [confirm, setConfirm] = useState<Confirm>();
  /** The horizon the sheet's charts were last drawn for. */
  const drawnFor = useRef<number | undefined>();
  const stopCompare = useRef<AbortController>();

  // The pane's stays stand in for a sheet made before the add-in kept its own record of them.
  const latestStays = useRef(staysRef);
  useEffect(() => {
    latestStays.current = staysRef;
  }, [staysRef]);
  const refresh = useCallback(async (): Promise<StoredModel | undefined> => {
    const next = await inspectModel(workbook, latestStays.current ?? null);
    setInspected(next);
    setBackup((await findBackup(workbook))?.record);
    return next && next.reading.problems.length === 0
      ? { sheet: next.sheet, model: next.reading.model }
      : undefined;
  }, [workbook]);
  const stored: StoredModel | undefined =
    inspected && inspected.reading.problems.length === 0
      ? { sheet: inspected.sheet, model: inspected.reading.model }
      : undefined;
  const broken = inspected && !stored ? inspected.reading : undefined;

  // Read the sheet now and after every rewrite (also the template panel's imports).
  useEffect(() => {
    const reread = () =>
      void refresh().then((s) => (drawnFor.current = s && boundHorizon(s.model)));
    reread();
    return onModelWritten(workbook, reread);
  }, [workbook, refresh]);

  // Follow the sheet's edits (also of a sheet to repair: an undone edit makes it the layout
  // again); a new horizon needs the charts bound to the new years.
  const sheet = inspected?.sheet;
  useEffect(() => {
    if (!sheet) return;
    let stop: (() => Promise<void>) | undefined;
    let closed = false;
    void workbook
      .onSheetChanged(sheet, () => {
        void refresh().then(async (s) => {
          if (!s || boundHorizon(s.model) === drawnFor.current) return;
          drawnFor.current = boundHorizon(s.model);
          await writeModel(workbook, s.model);
        });
      })
      .then((unsubscribe) => (closed ? void unsubscribe() : (stop = unsubscribe)));
    return () => {
      closed = true;
      void stop?.();
    };
  }, [workbook, sheet, refresh]);

  // What a comparison needs, worked out while the pane waits for the user.
  useComparisonIdleWork(engine, stays, stored?.model);

  const run = async (work: () => Promise<string>) => {
    setStatus({ kind: "busy" });
    try {
      const message = await work();
      const s = await refresh();
      drawnFor.current = s && boundHorizon(s.model);
      setStatus({ kind: "done", message, sheetOk: s !== undefined });
    } catch (error) {
      setStatus(
        error instanceof Error && error.name === "AbortError"
          ? { kind: "done", message: text.compareStopped }
          : { kind: "failed", message: messageOf(error, language) }
      );
    }
  };

  const ask = (c: Confirm) => setConfirm(c);

  const create = () =>
    run(async () => {
      const written = await createOrUpdate(workbook, staysRef ?? null);
      await workbook.selectRange(written, parameterCell("horizon"));
      return text.created(written);
    });

  const repair = () => {
    const doRepair = (confirmed: boolean) =>
      run(async () => {
        const result = await repairScenarioSheet(workbook, staysRef ?? null, { confirmed });
        if (!result.ok) throw new Error(text.repairChanged);
        return text.repaired(result.sheet, result.saved.length, result.backup);
      });
    if (broken?.drops)
      ask({
        title: text.repairTitle,
        body: text.repairBody(broken.problems.filter((p) => p.drops).map(said)),
        action: text.repairConfirm,
        run: () => void doRepair(true),
      });
    else void doRepair(false);
  };

  const restore = () =>
    ask({
      title: text.restoreTitle,
      body: text.restoreBody,
      action: text.restoreConfirm,
      run: () =>
        void run(async () => text.restored(await restoreBackup(workbook, staysRef ?? null))),
    });

  const save = () => {
    const saved = name.trim();
    const doSave = () =>
      run(async () => {
        const result = await saveActiveAs(workbook, saved, staysRef ?? null);
        if (!result.ok) throw new Error(result.errors.map(said).join("; "));
        setName("");
        setPicked(saved);
        return text.savedAs(saved);
      });
    const existing = stored && savedScenario(stored.model, saved);
    if (existing)
      ask({
        title: text.overwriteTitle(existing.name),
        body: text.overwriteBody(existing.name),
        action: text.overwrite,
        run: () => void doSave(),
      });
    else void doSave();
  };

  const makeActive = (next: string) => {
    const doSwitch = () =>
      run(async () => (await switchTo(workbook, next, staysRef ?? null), text.switched(next)));
    if (stored && isUnsaved(stored.model))
      ask({
        title: text.switchTitle,
        body: text.switchBody(activeLabel(stored.model), next),
        action: text.switchConfirm,
        run: () => void doSwitch(),
      });
    else void doSwitch();
  };

  const remove = (target: string) =>
    ask({
      title: text.deleteTitle(target),
      body: text.deleteBody(!!stored && sameName(stored.model.active.name, target)),
      action: text.deleteConfirm,
      run: () =>
        void run(
          async () => (
            await removeScenario(workbook, target, staysRef ?? null),
            text.removed(target)
          )
        ),
    });

  const compare = () =>
    run(async () => {
      const s = await refresh();
      if (!s || !stays) throw new Error(text.needStays);
      const compared = comparedScenarios(s.model);
      if (!compared.ok) throw new Error(compared.errors.map(said).join("; "));
      const controller = new AbortController();
      stopCompare.current = controller;
      try {
        const comparison = await engine.run(
          "compare",
          { stays, scenarios: compared.scenarios },
          {
            signal: controller.signal,
            onProgress: (p) => setStatus({ kind: "comparing", ...p }),
          }
        );
        const { sheet, masked } = await writeComparison(
          workbook,
          comparison,
          [],
          stays.map((s) => s.citizen)
        );
        await workbook.selectRange(sheet, "A4");
        // The sheet shows XXXXXX-XXXX where a name or a source held personal data: say why.
        const notice = masked.length > 0 ? ` ${maskedNotice(masked)[language]}` : "";
        return `${text.compared(sheet)}${notice}`;
      } finally {
        stopCompare.current = undefined;
      }
    });

  const busy = status.kind === "busy" || status.kind === "comparing";
  const locked = disabled || busy;
  const model = stored?.model;
  const problems = model && [
    ...errorsOf(checkValues(model.active.values)),
    ...errorsOf(checkRanges(model.ranges)),
  ];
  const unsaved = model ? isUnsaved(model) : false;
  const savedNames = model?.saved.map((s) => s.name) ?? [];
  const choice = picked && savedNames.includes(picked) ? picked : savedNames[0];

  return (
    <section
      aria-labelledby={headingId}
      style={{ display: "flex", flexDirection: "column", gap: 8 }}
      data-testid="scenarios"
    >
      <Subtitle2 as="h2" id={headingId}>
        {text.heading}
      </Subtitle2>
      <Caption1>{text.intro}</Caption1>
      {!staysRef && <Caption1>{text.needStays}</Caption1>}
      {broken && <RepairNotice reading={broken} text={text} language={language} />}
      <div>
        {broken ? (
          <Button
            appearance="primary"
            disabled={locked}
            onClick={repair}
            data-testid="scenario-repair"
          >
            {text.repair}
          </Button>
        ) : (
          <Button
            appearance={model ? "secondary" : "primary"}
            disabled={locked || !staysRef}
            onClick={() => void create()}
            data-testid="scenario-sheet"
          >
            {model ? text.update : text.create}
          </Button>
        )}
      </div>

      {model && (
        <>
          <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
            <Caption1 data-testid="scenario-active">
              {model.active.name.trim() === "" ? text.noActive : text.active(model.active.name)}
            </Caption1>
            {unsaved && (
              <Badge
                appearance="tint"
                color="warning"
                title={text.unsavedHint}
                data-testid="scenario-unsaved"
              >
                {text.unsaved}
              </Badge>
            )}
          </div>
          {problems && problems.length > 0 && (
            <MessageBar intent="warning" data-testid="scenario-problems">
              <MessageBarBody>
                {text.problems}
                <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
                  {problems.map((e, i) => (
                    <li key={i}>{said(e)}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}

          <div style={{ display: "flex", gap: 8, alignItems: "flex-end" }}>
            <Field label={text.nameLabel} style={{ flex: 1 }}>
              <Input
                value={name}
                onChange={(_, d) => setName(d.value)}
                disabled={locked}
                data-testid="scenario-name"
              />
            </Field>
            <Button
              disabled={locked || name.trim() === ""}
              onClick={save}
              data-testid="scenario-save"
            >
              {text.save}
            </Button>
          </div>

          {savedNames.length === 0 ? (
            <Caption1>{text.noSaved}</Caption1>
          ) : (
            <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
              <Field label={text.savedLabel}>
                <Dropdown
                  value={choice ?? ""}
                  selectedOptions={choice ? [choice] : []}
                  onOptionSelect={(_, d) => setPicked(d.optionValue)}
                  disabled={locked}
                  data-testid="scenario-pick"
                >
                  {savedNames.map((n) => (
                    <Option key={n} value={n}>
                      {n}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <div style={{ display: "flex", gap: 8 }}>
                <Button
                  disabled={locked || !choice}
                  onClick={() => makeActive(choice!)}
                  data-testid="scenario-switch"
                >
                  {text.switchTo}
                </Button>
                <Button
                  disabled={locked || !choice}
                  onClick={() => remove(choice!)}
                  data-testid="scenario-remove"
                >
                  {text.remove}
                </Button>
              </div>
            </div>
          )}

          <div>
            <Button
              disabled={locked || !stays}
              onClick={() => void compare()}
              data-testid="scenario-compare"
            >
              {text.compare}
            </Button>
          </div>
          <Caption1>{text.compareHint}</Caption1>
        </>
      )}

      {backup && (
        <BackupNotice
          record={backup}
          text={text}
          language={language}
          disabled={locked}
          onRestore={restore}
        />
      )}

      {status.kind === "comparing" && (
        <div style={{ display: "flex", gap: 8, alignItems: "flex-end" }}>
          <Field
            label={text.comparing(status.done, status.total)}
            style={{ flex: 1 }}
            data-testid="scenario-progress"
          >
            <StepProgress value={status.done} max={status.total} thickness="large" />
          </Field>
          <Button onClick={() => stopCompare.current?.abort()} data-testid="scenario-stop">
            {text.stop}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {status.kind === "busy" && <Spinner size="tiny" label={text.working} />}
        {status.kind === "done" &&
          (status.sheetOk === undefined || status.sheetOk === (stored !== undefined)) && (
            <Caption1 data-testid="scenario-status">{status.message}</Caption1>
          )}
      </div>
      {status.kind === "failed" && (
        <MessageBar intent="error" data-testid="scenario-failed">
          <MessageBarBody>{text.failed(status.message)}</MessageBarBody>
        </MessageBar>
      )}
      <ConfirmDialog confirm={confirm} cancel={text.cancel} onClose={() => setConfirm(undefined)} />
    </section>
  );
}
