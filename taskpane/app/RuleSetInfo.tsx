/** The active rule set with its day limits and their legal sources, and the function help. */
import { Body1, Caption1, Link, Subtitle2 } from "@fluentui/react-components";
import { danishFromSerial } from "../../src/engine/calendar";
import { RULE_SETS } from "../../src/engine/rules";
import { useTexts } from "../i18n";

export function RuleSetInfo() {
  const text = useTexts();
  const rules = RULE_SETS.NY;
  return (
    <section aria-labelledby="ruleset-heading" style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      <Subtitle2 as="h2" id="ruleset-heading">
        {text.activeRuleSet}: {rules.name}
      </Subtitle2>
      <Body1>{rules.title}</Body1>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {rules.shelter.dayLimits.map((limit) => (
          <li key={limit.from}>
            <Body1>{text.dayLimit(limit.days, danishFromSerial(limit.from))}</Body1>
            <br />
            <Caption1>{limit.source}</Caption1>
          </li>
        ))}
      </ul>
      <Link href="help.html" target="_blank">
        {text.help}
      </Link>
    </section>
  );
}
