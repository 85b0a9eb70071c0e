/**
 * Keeps the demo workbook saved in the browser (savedWorkbook.ts): every change is saved a
 * moment after the last one, never while the pane runs a forecast (saveSchedule.ts), and
 * leaving the page while a change is not yet saved asks first (the browser's own «Leave site?»
 * question, from beforeunload). Where the browser keeps no IndexedDB, leaving after any change
 * asks.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import type { SavedWorkbook } from "./savedWorkbook";
import { SaveSchedule, type SaveState } from "./saveSchedule";

export type { SaveState } from "./saveSchedule";

export function useSaving(
  workbook: MemoryWorkbook,
  store: SavedWorkbook | undefined
): { state: SaveState; forget: () => Promise<void>; hold: (held: boolean) => void } {
  const [state, setState] = useState<SaveState>(store ? "saved" : "unavailable");
  /** The schedule of the current workbook and store (set by the effect below). */
  const schedule = useRef<SaveSchedule | undefined>();
  /** Without a store nothing is saved: every change stays unsaved. */
  const changes = useRef({ made: 0 });

  useEffect(() => {
    const current = store
      ? new SaveSchedule((stale) => store.save(workbook, stale), setState)
      : undefined;
    schedule.current = current;
    const unsubscribe = workbook.subscribe(() => {
      changes.current.made++;
      current?.changed();
    });
    // https://developer.mozilla.org/docs/Web/API/Window/beforeunload_event: preventDefault
    // (and returnValue for older browsers) makes the browser ask before the page goes.
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (current ? !current.pending : changes.current.made === 0) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      unsubscribe();
      current?.stop();
      window.removeEventListener("beforeunload", beforeUnload);
    };
  }, [workbook, store]);

  /** Stops saving and deletes the saved workbook («Start forfra»); the page reloads next. */
  const forget = useCallback(async () => {
    schedule.current?.stop();
    await store?.clear();
  }, [store]);

  /** Holds the saves while a forecast run writes (true); saves after it (false). */
  const hold = useCallback((held: boolean) => schedule.current?.hold(held), []);

  return { state, forget, hold };
}
