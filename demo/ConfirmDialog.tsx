/** A question before something is lost: Fluent's alert dialog, with the safe choice last. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

export interface Choice {
  label: string;
  primary?: boolean;
  testId: string;
  onClick: () => void;
}

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body: string;
  choices: readonly Choice[];
  /** Escape or a click outside: the safe choice. */
  onDismiss: () => void;
}) {
  return (
    <Dialog
      open={props.open}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) props.onDismiss();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.body}</DialogContent>
          <DialogActions fluid>
            {props.choices.map((c) => (
              <Button
                key={c.testId}
                data-testid={c.testId}
                appearance={c.primary ? "primary" : "secondary"}
                onClick={c.onClick}
              >
                {c.label}
              </Button>
            ))}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
