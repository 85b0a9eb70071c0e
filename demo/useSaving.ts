/**
 * Keeps the demo workbook saved in the browser (savedWorkbook.ts): every change is saved a
 * moment after the last one, and leaving the page while a change is not yet saved asks first
 * (the browser's own «Leave site?» question, from beforeunload). Where the browser keeps no
 * IndexedDB, leaving after any change asks.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import type { SavedWorkbook } from "./savedWorkbook";

export type SaveState = "saved" | "unsaved" | "saving" | "unavailable" | "failed";

/** Quiet time after a change before it is saved: typing a few cells is one save. */
const SAVE_AFTER_MS = 300;

export function useSaving(
  workbook: MemoryWorkbook,
  store: SavedWorkbook | undefined
): { state: SaveState; forget: () => Promise<void> } {
  const [state, setState] = useState<SaveState>(store ? "saved" : "unavailable");
  const changes = useRef({ made: 0, saved: 0, saving: false, stopped: false });

  useEffect(() => {
    const c = changes.current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const saveAll = async () => {
      if (!store || c.saving || c.stopped) return;
      c.saving = true;
      setState("saving");
      try {
        while (c.saved !== c.made && !c.stopped) {
          const made = c.made;
          if (await store.save(workbook, () => c.made !== made || c.stopped)) c.saved = made;
        }
        setState(c.saved === c.made ? "saved" : "unsaved");
      } catch {
        setState("failed");
      } finally {
        c.saving = false;
      }
    };
    const unsubscribe = workbook.subscribe(() => {
      c.made++;
      if (!store) return;
      setState((s) => (s === "failed" ? s : "unsaved"));
      clearTimeout(timer);
      timer = setTimeout(() => void saveAll(), SAVE_AFTER_MS);
    });
    // https://developer.mozilla.org/docs/Web/API/Window/beforeunload_event: preventDefault
    // (and returnValue for older browsers) makes the browser ask before the page goes.
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (c.stopped || c.saved === c.made) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      window.removeEventListener("beforeunload", beforeUnload);
    };
  }, [workbook, store]);

  /** Stops saving and deletes the saved workbook («Start forfra»); the page reloads next. */
  const forget = useCallback(async () => {
    changes.current.stopped = true;
    await store?.clear();
  }, [store]);

  return { state, forget };
}
