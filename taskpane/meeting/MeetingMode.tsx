/**
 * Meeting mode: the pane as the projector shows it. The key figures large (cost of doing nothing,
 * Housing First's budget effect, NPV, break-even) and sliders and switches for the main
 * parameters. A change is written into the active value cells of the Scenarier sheet (only
 * those, through scenarioStore.writeActiveValues) once the slider stands still, so Excel itself
 * recalculates the sheet's DK.HOUSINGFIRSTPROJECTION while the council watches; the pane's
 * figures are computed in the engine worker from the same parameters, so they equal the sheet's.
 * Edits typed into the sheet come back here too.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Slider,
  Subtitle2,
  Switch,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef, useState, type CSSProperties } from "react";
import { Decimal } from "../../src/engine/money";
import {
  formatParameterValue,
  parameterById,
  type ParameterError,
  type ParameterId,
  type ParameterRanges,
  type ParameterUnit,
  type ScenarioParameters,
} from "../../src/engine/parameters";
import type { StayInput } from "../../src/engine/shelter";
import type { Workbook } from "../../src/workbook/workbook";
import { allSaidIn, useTexts, type Language } from "../i18n";
import {
  activeLabel,
  checkRanges,
  checkValues,
  readModel,
  writeActiveValues,
} from "../../src/sheets/scenarios/scenarioStore";
import type { ParameterCells } from "../../src/sheets/scenarios/scenarioSheet";
import type { EngineRunner } from "../worker/engine";
import {
  MEETING_CONTROLS,
  MEETING_DRAWS,
  MEETING_TARGETS,
  sliderBounds,
  snapValue,
  type KeyFigures,
} from "../../src/sheets/meeting/meeting";
import { MEETING_TEXTS } from "./texts";

/** The sliders' units in English labels (Danish labels use the registry's units). */
const UNIT_EN: Partial<Record<ParameterUnit, string>> = {
  "kr./år": "kr./year",
  "boliger/år": "dwellings/year",
};

/** A slider writes once it has stood still this long (holding an arrow key writes once). */
const WRITE_DELAY_MS = 400;

type Sheet =
  | { status: "loading" }
  | { status: "none" }
  | {
      status: "read";
      sheet: string;
      name: string;
      values: ParameterCells;
      parameters?: ScenarioParameters;
      errors: ParameterError[];
      /** The sheet's own low–high values, or why they cannot be used. */
      ranges: { ok: true; ranges: ParameterRanges } | { ok: false; errors: ParameterError[] };
    };

/** The NPV's P10–P90 for the parameters (as JSON) it was computed from. */
type Spread = { key: string } & ({ p10: number; p90: number } | { failed: string });

/** The last figures computed, for the parameters (as JSON) they were computed from. */
type Figures = { key: string } & ({ figures: KeyFigures } | { failed: string });

type Draft = Partial<Record<ParameterId, number>>;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Whole kroner from exact decimal text, as the Scenarier sheet's cells show them. */
function kroner(amount: string, language: Language): string {
  const whole = new Decimal(amount).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return `${whole.toNumber().toLocaleString(language === "da" ? "da-DK" : "en-GB")} kr.`;
}

/** Sized to the card (a CSS container), so a 15-character amount stays on one line. */
const figureStyle: CSSProperties = {
  fontSize: "clamp(24px, 10cqi, 48px)",
  whiteSpace: "nowrap",
  lineHeight: 1.15,
  fontWeight: 700,
  fontVariantNumeric: "tabular-nums",
  overflowWrap: "anywhere",
};

function Figure(props: {
  label: string;
  value: string;
  hint: string;
  testId: string;
  exact?: string | number | null;
}) {
  const labelId = useId();
  return (
    <div
      role="group"
      aria-labelledby={labelId}
      data-testid={props.testId}
      data-value={props.exact ?? ""}
      style={{
        border: `1px solid ${tokens.colorNeutralStroke1}`,
        borderRadius: tokens.borderRadiusLarge,
        padding: "12px 14px",
        containerType: "inline-size",
        display: "flex",
        flexDirection: "column",
        gap: 4,
      }}
    >
      <Body1 id={labelId} style={{ fontSize: 18, lineHeight: 1.3 }}>
        {props.label}
      </Body1>
      <span style={figureStyle} data-figure-value="">
        {props.value}
      </span>
      <Caption1 style={{ fontSize: 14 }}>{props.hint}</Caption1>
    </div>
  );
}

/** The Scenarier sheet's active values, checked with the registry. */
async function readSheet(workbook: Workbook): Promise<Sheet> {
  const stored = await readModel(workbook);
  if (!stored) return { status: "none" };
  const checked = checkValues(stored.model.active.values);
  return {
    status: "read",
    sheet: stored.sheet,
    name: activeLabel(stored.model),
    values: stored.model.active.values,
    ranges: checkRanges(stored.model.ranges),
    ...(checked.ok ? { parameters: checked.parameters, errors: [] } : { errors: checked.errors }),
  };
}

export interface MeetingModeProps {
  workbook: Workbook;
  /** The good rows of the stays found in the pane; undefined until found. */
  rows: readonly StayInput[] | undefined;
  engine: EngineRunner;
  onClose: () => void;
}

export function MeetingMode({ workbook, rows, engine, onClose }: MeetingModeProps) {
  const { language } = useTexts();
  const text = MEETING_TEXTS[language];
  const headingId = useId();
  const controlsId = useId();
  const [sheet, setSheet] = useState<Sheet>({ status: "loading" });
  const [draft, setDraft] = useState<Draft>({});
  const [figures, setFigures] = useState<Figures>();
  const [writeError, setWriteError] = useState<string>();
  /** Writes run one after another, in the order the sliders stood still. */
  const writing = useRef<Promise<void>>(Promise.resolve());

  const read = useCallback(() => readSheet(workbook).then(setSheet), [workbook]);

  useEffect(() => {
    void readSheet(workbook).then(setSheet);
  }, [workbook]);

  // Edits of the sheet (typed in Excel, or written here) come back into the pane.
  const sheetName = sheet.status === "read" ? sheet.sheet : undefined;
  useEffect(() => {
    if (!sheetName) return;
    let stop: (() => Promise<void>) | undefined;
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void workbook
      .onSheetChanged(sheetName, () => {
        clearTimeout(timer);
        timer = setTimeout(() => void read(), 100);
      })
      .then((unsubscribe) => (closed ? void unsubscribe() : (stop = unsubscribe)));
    return () => {
      closed = true;
      clearTimeout(timer);
      void stop?.();
    };
  }, [workbook, sheetName, read]);

  // Write the draft into the sheet once the sliders stand still.
  useEffect(() => {
    if (Object.keys(draft).length === 0) return;
    const timer = setTimeout(() => {
      const changes = { ...draft };
      writing.current = writing.current.then(async () => {
        try {
          const result = await writeActiveValues(workbook, changes);
          if (!result.ok) {
            setWriteError(allSaidIn(language, result.errors));
          } else setWriteError(undefined);
        } catch (error) {
          setWriteError(messageOf(error));
        }
        await read();
        // What was written now shows from the sheet; newer slider moves stay in the draft.
        setDraft((d) => {
          const rest = { ...d };
          for (const [id, v] of Object.entries(changes))
            if (rest[id as ParameterId] === v) delete rest[id as ParameterId];
          return rest;
        });
      });
    }, WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, workbook, read, language]);

  // The key figures, from the parameters the sheet's formula reads with the sliders' draft over
  // them: the figures follow a slider at once, not after the write's pause (issue 23), and once
  // the draft is written the sheet's parameters are the same, so nothing computes again (they
  // compare as JSON). A write that fails clears the draft, and the figures are the sheet's again.
  const parameters =
    sheet.status === "read" && sheet.parameters ? { ...sheet.parameters, ...draft } : undefined;
  const key = parameters ? JSON.stringify(parameters) : undefined;
  useEffect(() => {
    if (!key || !rows || rows.length === 0) return;
    const controller = new AbortController();
    const parameters = JSON.parse(key) as ScenarioParameters;
    engine.run("keyFigures", { stays: rows, parameters }, { signal: controller.signal }).then(
      (result) =>
        setFigures("code" in result ? { key, failed: result.message } : { key, figures: result }),
      (error: unknown) => {
        if (!(error instanceof Error && error.name === "AbortError"))
          setFigures({ key, failed: messageOf(error) });
      }
    );
    return () => controller.abort();
  }, [key, rows, engine]);
  const computing = key !== undefined && rows !== undefined && figures?.key !== key;

  // The NPV's range, once the figures for these parameters are there (a slider moved on aborts it).
  const [spread, setSpread] = useState<Spread>();
  const rangesKey = sheet.status === "read" ? JSON.stringify(sheet.ranges) : undefined;
  const figuresKey = figures && "figures" in figures ? figures.key : undefined;
  useEffect(() => {
    if (!figuresKey || !rows || rows.length === 0 || !rangesKey) return;
    const ranges = JSON.parse(rangesKey) as Extract<Sheet, { status: "read" }>["ranges"];
    if (!ranges.ok) return;
    const controller = new AbortController();
    const scenario = {
      name: "",
      parameters: JSON.parse(figuresKey) as ScenarioParameters,
      ranges: ranges.ranges,
    };
    engine.run("band", { stays: rows, scenario }, { signal: controller.signal }).then(
      (monteCarlo) =>
        setSpread({ key: figuresKey, p10: monteCarlo.npv.p10, p90: monteCarlo.npv.p90 }),
      (error: unknown) => {
        if (!(error instanceof Error && error.name === "AbortError"))
          setSpread({ key: figuresKey, failed: messageOf(error) });
      }
    );
    return () => controller.abort();
  }, [figuresKey, rows, rangesKey, engine]);
  const rangeProblem =
    sheet.status === "read" && !sheet.ranges.ok
      ? allSaidIn(language, sheet.ranges.errors)
      : undefined;
  const shownSpread: Spread | undefined =
    rangeProblem !== undefined && figuresKey
      ? { key: figuresKey, failed: rangeProblem }
      : spread && spread.key === figuresKey
        ? spread
        : undefined;

  const current = (id: ParameterId): number | undefined => {
    if (draft[id] !== undefined) return draft[id];
    if (sheet.status !== "read") return undefined;
    const v = sheet.values[id];
    return typeof v === "number" ? v : undefined;
  };
  const change = (id: ParameterId, value: number) => setDraft((d) => ({ ...d, [id]: value }));

  const shown = figures && "figures" in figures ? figures.figures : undefined;

  return (
    <section
      aria-labelledby={headingId}
      data-testid="meeting"
      style={{ padding: "12px 16px", display: "flex", flexDirection: "column", gap: 14 }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 8, flexWrap: "wrap" }}>
        <Title2 as="h1" id={headingId} style={{ flex: "1 1 auto" }}>
          {text.heading}
        </Title2>
        <Button onClick={onClose} data-testid="meeting-close">
          {text.close}
        </Button>
      </div>
      <Body1 style={{ fontSize: 16 }}>{text.intro}</Body1>

      {sheet.status === "none" && (
        <MessageBar intent="warning" data-testid="meeting-no-sheet">
          <MessageBarBody>{text.noSheet}</MessageBarBody>
        </MessageBar>
      )}
      {sheet.status === "read" && !rows && (
        <MessageBar intent="warning">
          <MessageBarBody>{text.noStays}</MessageBarBody>
        </MessageBar>
      )}
      {sheet.status === "read" && sheet.errors.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            {text.invalid} {allSaidIn(language, sheet.errors)}
          </MessageBarBody>
        </MessageBar>
      )}
      {writeError && (
        <MessageBar intent="error" data-testid="meeting-write-failed">
          <MessageBarBody>{text.writeFailed(writeError)}</MessageBarBody>
        </MessageBar>
      )}
      {figures && "failed" in figures && !computing && (
        <MessageBar intent="error">
          <MessageBarBody>{figures.failed}</MessageBarBody>
        </MessageBar>
      )}

      {shown && (
        <div
          style={{
            display: "grid",
            gridTemplateColumns: "repeat(auto-fit, minmax(300px, 1fr))",
            gap: 12,
            opacity: computing ? 0.6 : 1,
          }}
        >
          <Figure
            testId="meeting-no-action"
            label={text.noActionCost(shown.firstYear, shown.lastYear)}
            value={kroner(shown.noActionCost, language)}
            exact={shown.noActionCost}
            hint={text.noActionHint}
          />
          <Figure
            testId="meeting-effect"
            label={text.effect(shown.firstYear, shown.lastYear)}
            value={kroner(shown.effect, language)}
            exact={shown.effect}
            hint={text.effectHint}
          />
          <Figure
            testId="meeting-npv"
            label={text.npv}
            value={kroner(shown.npv, language)}
            exact={shown.npv}
            hint={
              !shownSpread
                ? text.npvRangeComputing
                : "failed" in shownSpread
                  ? text.npvRangeFailed(shownSpread.failed)
                  : text.npvRange(
                      kroner(String(shownSpread.p10), language),
                      kroner(String(shownSpread.p90), language),
                      MEETING_DRAWS
                    )
            }
          />
          <Figure
            testId="meeting-public-npv"
            label={text.publicNpv}
            value={kroner(shown.publicNpv, language)}
            exact={shown.publicNpv}
            hint={text.publicNpvHint}
          />
          <Figure
            testId="meeting-break-even"
            label={text.breakEven}
            value={
              shown.breakEvenYear === null
                ? text.breakEvenNone(shown.lastYear)
                : String(shown.breakEvenYear)
            }
            exact={shown.breakEvenYear}
            hint={text.breakEvenHint(shown.baseYear)}
          />
        </div>
      )}
      <Caption1 role="status" data-testid="meeting-status" style={{ fontSize: 14 }}>
        {computing && text.computing}
        {!computing && shown && sheet.status === "read" && text.updated(sheet.name)}
      </Caption1>

      {sheet.status === "read" && (
        <section
          aria-labelledby={controlsId}
          style={{ display: "flex", flexDirection: "column", gap: 12 }}
        >
          <Subtitle2 as="h2" id={controlsId} style={{ fontSize: 20 }}>
            {text.controlsHeading}
          </Subtitle2>
          <Caption1 style={{ fontSize: 14 }}>{text.controlsHint(sheet.sheet)}</Caption1>
          {MEETING_CONTROLS.map((control) => {
            const def = parameterById(control.id);
            const value = current(control.id);
            if (value === undefined) return null;
            const { min, max } = sliderBounds(control, value);
            const valueText = formatParameterValue(def, value, language);
            const unit = language === "en" ? (UNIT_EN[def.unit] ?? def.unit) : def.unit;
            const label = language === "en" ? def.label.en : def.name;
            return (
              <Field
                key={control.id}
                label={{
                  children: (
                    <span style={{ fontSize: 18 }}>
                      {label}
                      {unit && ` (${unit})`}
                      {/* Shown for the room; the slider says its value itself (aria-valuetext). */}
                      <span
                        aria-hidden="true"
                        style={{ display: "block", fontSize: 24, fontWeight: 700 }}
                      >
                        {valueText}
                      </span>
                    </span>
                  ),
                }}
              >
                <Slider
                  data-testid={`meeting-${control.id}`}
                  min={min}
                  max={max}
                  step={control.step}
                  value={value}
                  aria-valuetext={valueText}
                  onChange={(_, data) => change(control.id, snapValue(control, data.value))}
                  size="medium"
                  style={{ width: "100%" }}
                />
              </Field>
            );
          })}
          <fieldset style={{ border: "none", margin: 0, padding: 0 }}>
            <legend>
              <Subtitle2 style={{ fontSize: 18 }}>{text.targetsHeading}</Subtitle2>
            </legend>
            <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
              {MEETING_TARGETS.map((id) => {
                const def = parameterById(id);
                return (
                  <Switch
                    key={id}
                    data-testid={`meeting-${id}`}
                    checked={current(id) === 1}
                    onChange={(_, data) => change(id, data.checked ? 1 : 0)}
                    label={{
                      children: (
                        <span style={{ fontSize: 18 }}>
                          {language === "en" ? def.short.en : def.short.da}
                        </span>
                      ),
                    }}
                  />
                );
              })}
            </div>
          </fieldset>
        </section>
      )}
    </section>
  );
}
