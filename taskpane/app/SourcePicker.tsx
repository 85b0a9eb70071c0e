/** Where the stays are (a table or a sheet), and which column holds which field. */
import { Body1, Button, Field, Select } from "@fluentui/react-components";
import {
  FIELDS,
  REQUIRED_FIELDS,
  type ColumnMapping,
  type Field as StayField,
} from "../../src/sheets/stays/columns";
import type { StaysSource } from "../../src/sheets/forecast/forecastRun";
import { useTexts } from "../i18n";
import { columnLetters, type CellValue } from "../../src/workbook/workbook";

/** A stable key per source for the <select>. */
export const sourceKey = (s: StaysSource): string =>
  s.kind === "table" ? `table:${s.table}` : `sheet:${s.sheet}`;

export function SourcePicker(props: {
  sources: readonly StaysSource[];
  selected: StaysSource | undefined;
  disabled: boolean;
  onSelect: (source: StaysSource) => void;
  onRefresh: () => void;
}) {
  const text = useTexts();
  const { sources, selected, disabled, onSelect, onRefresh } = props;
  return (
    <div style={{ display: "flex", gap: 8, alignItems: "flex-end" }}>
      <Field label={text.source} style={{ flex: 1, minWidth: 0 }}>
        <Select
          value={selected ? sourceKey(selected) : ""}
          disabled={disabled || sources.length === 0}
          onChange={(_, data) => {
            const source = sources.find((s) => sourceKey(s) === data.value);
            if (source) onSelect(source);
          }}
        >
          {selected ? null : <option value="">–</option>}
          {sources.map((s) => (
            <option key={sourceKey(s)} value={sourceKey(s)}>
              {s.kind === "table" ? text.sourceTable(s.table, s.sheet) : text.sourceSheet(s.sheet)}
            </option>
          ))}
        </Select>
      </Field>
      <Button onClick={onRefresh} disabled={disabled}>
        {text.refresh}
      </Button>
    </div>
  );
}

export function MappingEditor(props: {
  header: readonly CellValue[];
  /** Sheet column of the block's first column, for the letters shown. */
  left: number;
  mapping: ColumnMapping;
  disabled: boolean;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const text = useTexts();
  const { header, left, mapping, disabled, onChange } = props;
  const set = (field: StayField, value: string) =>
    onChange({ ...mapping, [field]: value === "" ? null : Number(value) });
  return (
    <div style={{ display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: 8 }}>
      <Body1 style={{ gridColumn: "1 / -1" }}>{text.mappingHint}</Body1>
      {FIELDS.map((field) => {
        const required = REQUIRED_FIELDS.includes(field);
        const unmapped = mapping[field] === null;
        return (
          <Field
            key={field}
            label={text.fieldLabel(field)}
            required={required}
            validationState={required && unmapped ? "error" : "none"}
            validationMessage={required && unmapped ? text.required : undefined}
            style={{ minWidth: 0 }}
          >
            <Select
              root={{ style: { minWidth: 0 } }}
              data-field={field}
              value={mapping[field] === null ? "" : String(mapping[field])}
              disabled={disabled}
              onChange={(_, data) => set(field, data.value)}
            >
              <option value="">{text.notMapped}</option>
              {header.map((cell, i) => (
                <option key={i} value={String(i)}>
                  {text.columnOption(columnLetters(left + i), String(cell ?? "").trim())}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </div>
  );
}
