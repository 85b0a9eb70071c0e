/**
 * Where the stays are (a table or a sheet), and which column holds which field. A mapping that
 * found every required column is shown folded, as a line per field and one button that unfolds
 * the choices, so the keyboard reaches «Beregn» in a few Tab stops; a missing one is unfolded.
 */
import { Body1, Button, Field, Select } from "@fluentui/react-components";
import { useId, useState } from "react";
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
  const sourceLabel = (s: StaysSource) =>
    s.kind === "table" ? text.sourceTable(s.table, s.sheet) : text.sourceSheet(s.sheet);
  return (
    <div style={{ display: "flex", gap: 8, alignItems: "flex-end" }}>
      <Field label={text.source} style={{ flex: "1 1 0", minWidth: 0 }}>
        <Select
          data-testid="source"
          root={{ style: { minWidth: 0 } }}
          title={selected ? sourceLabel(selected) : undefined}
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
              {sourceLabel(s)}
            </option>
          ))}
        </Select>
      </Field>
      <Button onClick={onRefresh} disabled={disabled} style={{ flexShrink: 0 }}>
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
  const column = (i: number) =>
    text.columnOption(columnLetters(left + i), String(header[i] ?? "").trim());
  const [open, setOpen] = useState(() => REQUIRED_FIELDS.some((f) => mapping[f] === null));
  const editorId = useId();
  if (!open)
    return (
      <div
        style={{ display: "flex", flexDirection: "column", gap: 6 }}
        data-testid="mapping-folded"
      >
        <Body1>{text.mappingFound}</Body1>
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {FIELDS.filter((f) => mapping[f] !== null).map((field) => (
            <li key={field} data-field={field}>
              {text.fieldLabel(field)}: {column(mapping[field]!)}
            </li>
          ))}
        </ul>
        <div>
          <Button
            size="small"
            aria-expanded={false}
            aria-controls={editorId}
            data-testid="mapping-edit"
            onClick={() => setOpen(true)}
          >
            {text.editMapping}
          </Button>
        </div>
      </div>
    );
  return (
    <div
      id={editorId}
      style={{ display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: 8 }}
    >
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
              {header.map((_, i) => (
                <option key={i} value={String(i)}>
                  {column(i)}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </div>
  );
}
