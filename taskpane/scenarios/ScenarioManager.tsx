/**
 * The pane's scenario manager: create or update the live Scenarier sheet from the stays found
 * above, save the active parameters as a named scenario, make a saved one active, delete one,
 * and compare them (with a tornado of the active NPV) in the Sammenligning sheet. While the pane
 * is open it follows edits of the sheet: parameter problems are listed here (the cells show only
 * the error code), and a new horizon rewrites the sheet so its charts cover the new years.
 */
import {
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
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { StayInput } from "../../src/engine/shelter";
import { useTexts } from "../i18n";
import type { Workbook } from "../../src/workbook/workbook";
import { comparisonSheet, runScenarios, tornado } from "./compare";
import { parameterCell } from "./scenarioSheet";
import {
  boundHorizon,
  checkValues,
  createOrUpdate,
  onModelWritten,
  readModel,
  removeScenario,
  saveActiveAs,
  switchTo,
  validScenarios,
  writeModel,
  type StoredModel,
} from "./scenarioStore";
import { SCENARIO_TEXTS } from "./texts";

export interface ScenarioManagerProps {
  workbook: Workbook;
  /** DK.HOUSINGFIRSTPROJECTION's stays arguments for the stays found above; undefined until mapped. */
  staysArgs: string[] | undefined;
  /** The good rows of the stays, for the comparison and the tornado. */
  stays: readonly StayInput[] | undefined;
  disabled?: boolean;
}

type Status =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; message: string }
  | { kind: "failed"; message: string };

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export function ScenarioManager({
  workbook,
  staysArgs,
  stays,
  disabled = false,
}: ScenarioManagerProps) {
  const text = SCENARIO_TEXTS[useTexts().language];
  const headingId = useId();
  const [stored, setStored] = useState<StoredModel | undefined>();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [name, setName] = useState("");
  const [picked, setPicked] = useState<string | undefined>();
  /** The horizon the sheet's charts were last drawn for. */
  const drawnFor = useRef<number | undefined>();

  const refresh = useCallback(async () => {
    const next = await readModel(workbook);
    setStored(next);
    return next;
  }, [workbook]);

  // Read the sheet now and after every rewrite (also the template panel's imports).
  useEffect(() => {
    const reread = () =>
      void refresh().then((s) => (drawnFor.current = s && boundHorizon(s.model)));
    reread();
    return onModelWritten(workbook, reread);
  }, [workbook, refresh]);

  // Follow the sheet's edits; a new horizon needs the charts bound to the new years.
  const sheet = stored?.sheet;
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

  const run = async (work: () => Promise<string>) => {
    setStatus({ kind: "busy" });
    try {
      const message = await work();
      const s = await refresh();
      drawnFor.current = s && boundHorizon(s.model);
      setStatus({ kind: "done", message });
    } catch (error) {
      setStatus({ kind: "failed", message: messageOf(error) });
    }
  };

  const create = () =>
    run(async () => {
      const written = await createOrUpdate(workbook, staysArgs ?? null);
      await workbook.selectRange(written, parameterCell("horizon"));
      return text.created(written);
    });

  const save = () =>
    run(async () => {
      const result = await saveActiveAs(workbook, name);
      if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("; "));
      const saved = name.trim();
      setName("");
      setPicked(saved);
      return text.savedAs(saved);
    });

  const compare = () =>
    run(async () => {
      const s = await refresh();
      if (!s || !stays) throw new Error(text.needStays);
      const active = checkValues(s.model.active.values);
      if (!active.ok) throw new Error(active.errors.map((e) => e.message).join("; "));
      const others = validScenarios(s.model).filter(
        (x) =>
          x.name.trim().toLocaleLowerCase("da") !==
          s.model.active.name.trim().toLocaleLowerCase("da")
      );
      const results = runScenarios(stays, [
        { name: s.model.active.name, parameters: active.parameters },
        ...others.map((o) => ({ name: o.name, parameters: o.values })),
      ]);
      const npv = results[0].projection.npv.toNumber();
      const bars = tornado(stays, active.parameters, npv);
      const { spec, charts } = comparisonSheet(results, { name: s.model.active.name, npv, bars });
      const written = await workbook.writeOwnSheet(spec);
      for (const chart of charts(written.name)) await workbook.addChart(chart);
      await workbook.selectRange(written.name, "A4");
      return text.compared(written.name);
    });

  const busy = status.kind === "busy";
  const locked = disabled || busy;
  const model = stored?.model;
  const problems = model ? checkValues(model.active.values) : undefined;
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
      {!staysArgs && <Caption1>{text.needStays}</Caption1>}
      <div>
        <Button
          appearance={model ? "secondary" : "primary"}
          disabled={locked || !staysArgs}
          onClick={() => void create()}
          data-testid="scenario-sheet"
        >
          {model ? text.update : text.create}
        </Button>
      </div>

      {model && (
        <>
          <Caption1 data-testid="scenario-active">{text.active(model.active.name)}</Caption1>
          {problems && !problems.ok && (
            <MessageBar intent="warning" data-testid="scenario-problems">
              <MessageBarBody>
                {text.problems}
                <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
                  {problems.errors.map((e, i) => (
                    <li key={i}>{e.message}</li>
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
              onClick={() => void save()}
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
                  onClick={() =>
                    void run(
                      async () => (await switchTo(workbook, choice!), text.switched(choice!))
                    )
                  }
                  data-testid="scenario-switch"
                >
                  {text.switchTo}
                </Button>
                <Button
                  disabled={locked || !choice}
                  onClick={() =>
                    void run(
                      async () => (await removeScenario(workbook, choice!), text.removed(choice!))
                    )
                  }
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

      <div aria-live="polite">
        {busy && <Spinner size="tiny" label={text.working} />}
        {status.kind === "done" && (
          <Caption1 data-testid="scenario-status">{status.message}</Caption1>
        )}
      </div>
      {status.kind === "failed" && (
        <MessageBar intent="error" data-testid="scenario-failed">
          <MessageBarBody>{text.failed(status.message)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
