/**
 * Waits until the task pane is on screen. In the shared runtime the page starts hidden when
 * Excel only needs the functions ("a browser-type runtime starts when the custom function
 * calculates", https://learn.microsoft.com/office/dev/add-ins/testing/runtimes), and the pane's
 * workbook work (finding and checking the stays) must wait until the user opens it.
 *
 * Office announces the pane's showing with Office.addin.onVisibilityModeChanged ("Taskpane";
 * https://learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in#handle-the-visibility-changed-event)
 * but has no call that says whether it is shown now, and Microsoft's own example counts the
 * page's start as the first opening ("updateCount(); // Update count on first open", then the
 * event for "subsequent opens": https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime). So a page that is visible and has a size when it starts is
 * shown; any later sign counts too (the event, the page becoming visible, a size from none), so
 * that a shown pane never stays blank.
 */

export interface AddinLike {
  onVisibilityModeChanged(
    handler: (message: { visibilityMode: string }) => void
  ): Promise<() => Promise<void>>;
}

export interface PageView {
  /** On screen now: the document visible and with a size. */
  shown(): boolean;
  /** Calls `listener` when the page may have become shown; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

/** Office.VisibilityMode.taskpane's value. */
const TASKPANE = "Taskpane";

export function whenPaneShown(addin: AddinLike | undefined, page: PageView): Promise<void> {
  if (!addin || page.shown()) return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    let removeEvent: (() => Promise<void>) | undefined;
    const shown = () => {
      if (done) return;
      done = true;
      stopPage();
      void removeEvent?.();
      resolve();
    };
    const stopPage = page.onChange(() => {
      if (page.shown()) shown();
    });
    addin
      .onVisibilityModeChanged((message) => {
        if (message.visibilityMode === TASKPANE) shown();
      })
      .then(
        (remove) => {
          removeEvent = remove;
          if (done) void remove();
        },
        // No event in this client: the page's own signs remain.
        () => undefined
      );
  });
}

/** The page's view in the browser. */
export function pageView(w: Window): PageView {
  return {
    shown: () => w.document.visibilityState === "visible" && w.innerWidth > 0 && w.innerHeight > 0,
    onChange(listener) {
      w.document.addEventListener("visibilitychange", listener);
      w.addEventListener("resize", listener);
      return () => {
        w.document.removeEventListener("visibilitychange", listener);
        w.removeEventListener("resize", listener);
      };
    },
  };
}
