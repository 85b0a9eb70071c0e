/**
 * The active rule set with its day limits and their legal sources, the choice between the two
 * readings of the phase-in (rules "NY" and "NY-VINDUE", SPEC 1.1), what that choice means for the
 * user's own stays, and the function help.
 */
import {
  Body1,
  Button,
  Caption1,
  Link,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
} from "@fluentui/react-components";
import { useState } from "react";
import { danishFromSerial } from "../../src/engine/calendar";
import { dec } from "../../src/engine/money";
import { RULE_SETS } from "../../src/engine/rules";
import type { StayInput } from "../../src/engine/shelter";
import { formatMoney, useTexts } from "../i18n";
import type { ReadingDifference } from "../../src/sheets/forecast/readings";
import type { EngineRunner } from "../worker/engine";

/** The current-law rule sets the pane can run: the two readings of the phase-in. */
export type Reading = "NY" | "NY-VINDUE";

export interface RuleSetInfoProps {
  reading: Reading;
  onReadingChange: (reading: Reading) => void;
  /** The stays that validated, for the difference between the readings; undefined before. */
  stays?: readonly StayInput[];
  /** Computes the difference off the UI thread (taskpane/worker). */
  engine: EngineRunner;
  disabled?: boolean;
}

export function RuleSetInfo({
  reading,
  onReadingChange,
  stays,
  engine,
  disabled = false,
}: RuleSetInfoProps) {
  const text = useTexts();
  const rules = RULE_SETS[reading];
  const [compared, setCompared] = useState<{
    stays: readonly StayInput[];
    rows?: ReadingDifference[];
  }>();
  const rows = compared && compared.stays === stays ? compared.rows : undefined;
  const comparing = compared !== undefined && compared.stays === stays && !compared.rows;
  const compare = (all: readonly StayInput[]) => {
    setCompared({ stays: all });
    engine.run("readings", { stays: all }).then(
      (result) => setCompared((c) => (c?.stays === all ? { stays: all, rows: result } : c)),
      () => setCompared(undefined)
    );
  };
  return (
    <section
      aria-labelledby="ruleset-heading"
      style={{ display: "flex", flexDirection: "column", gap: 4 }}
    >
      <Subtitle2 as="h2" id="ruleset-heading">
        {text.activeRuleSet}: {rules.name}
      </Subtitle2>
      <Body1 data-testid="ruleset-title">{text.ruleSetTitle(rules.name, rules.title)}</Body1>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {rules.shelter.dayLimits.map((limit) => (
          <li key={limit.from}>
            <Body1>{text.dayLimit(limit.days, danishFromSerial(limit.from))}</Body1>
            <br />
            <Caption1>{text.legalSource(limit.source)}</Caption1>
          </li>
        ))}
      </ul>
      <RadioGroup
        aria-labelledby="reading-label"
        value={reading}
        disabled={disabled}
        onChange={(_, data) => onReadingChange(data.value as Reading)}
        data-testid="reading"
      >
        <Body1 id="reading-label">{text.readingLabel}</Body1>
        <Radio value="NY" label={text.readings.NY} />
        <Radio value="NY-VINDUE" label={text.readings["NY-VINDUE"]} />
      </RadioGroup>
      <Caption1>
        {text.readingHint} {text.legalSource(rules.shelter.phaseInBasis.source)}
      </Caption1>
      {stays && stays.length > 0 && (
        <div>
          <Button
            size="small"
            disabled={disabled || comparing}
            onClick={() => compare(stays)}
            data-testid="compare-readings"
          >
            {text.compareReadings}
          </Button>
        </div>
      )}
      {comparing && <Spinner size="tiny" label={text.computing} />}
      {rows && rows.length === 0 && (
        <Caption1 data-testid="reading-difference">{text.noReadingDifference}</Caption1>
      )}
      {rows && rows.length > 0 && (
        <table
          data-testid="reading-difference"
          style={{
            borderCollapse: "collapse",
            fontVariantNumeric: "tabular-nums",
            whiteSpace: "nowrap",
          }}
        >
          <thead>
            <tr>
              <th style={{ textAlign: "left" }}>{text.readingYear}</th>
              <th style={{ textAlign: "right" }}>NY</th>
              <th style={{ textAlign: "right" }}>NY-VINDUE</th>
              <th style={{ textAlign: "right" }}>{text.readingDifference}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.year}>
                <td>{r.year}</td>
                <td style={{ textAlign: "right", paddingInlineStart: 8 }}>
                  {formatMoney(dec(r.day), text.language)}
                </td>
                <td style={{ textAlign: "right", paddingInlineStart: 8 }}>
                  {formatMoney(dec(r.window), text.language)}
                </td>
                <td style={{ textAlign: "right", paddingInlineStart: 8 }}>
                  {formatMoney(dec(r.window).minus(dec(r.day)), text.language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Link href={text.helpPage} target="_blank" data-testid="help-link">
        {text.help}
      </Link>
    </section>
  );
}
