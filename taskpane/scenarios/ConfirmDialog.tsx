/** The scenario manager's question before something that cannot be undone (a Fluent dialog). */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from "@fluentui/react-components";

export interface Confirm {
  title: string;
  body: string;
  action: string;
  run: () => void;
}

/** Open while `confirm` is set; `onClose` after either answer. */
export function ConfirmDialog({
  confirm,
  cancel,
  onClose,
}: {
  confirm: Confirm | undefined;
  cancel: string;
  onClose: () => void;
}) {
  return (
    <Dialog open={confirm !== undefined} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface data-testid="scenario-confirm">
        <DialogBody>
          <DialogTitle>{confirm?.title}</DialogTitle>
          <DialogContent>{confirm?.body}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => {
                confirm?.run();
                onClose();
              }}
              data-testid="scenario-confirm-yes"
            >
              {confirm?.action}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary" data-testid="scenario-confirm-no">
                {cancel}
              </Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
