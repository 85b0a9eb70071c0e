/** A Fluent button that opens the browser's file picker (the input itself stays hidden). */
import { Button } from "@fluentui/react-components";
import { useRef } from "react";

export function FilePickButton(props: {
  label: string;
  accept: string;
  testId: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button onClick={() => input.current?.click()} disabled={props.disabled}>
        {props.label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        aria-label={props.label}
        data-testid={props.testId}
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ""; // picking the same file again fires again
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}
