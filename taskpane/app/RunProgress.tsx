/**
 * The forecast run's progress bar. A run reports progress a few dozen times (each block of rows
 * read or written); the reports go to this bar alone through a small store, so the pane and its
 * panels do not render again for each of them while the run holds the page.
 */
import { Field } from "@fluentui/react-components";
import { useSyncExternalStore } from "react";
import { useTexts, type Texts } from "../i18n";
import { StepProgress } from "./StepProgress";

export type Phase = keyof Texts["phase"];

export interface Progress {
  phase: Phase;
  /** 0..1 over the whole run. */
  fraction: number;
}

/** The latest progress of a run, for RunProgress to show. */
export class ProgressFeed {
  private current: Progress = { phase: "read", fraction: 0 };
  private readonly listeners = new Set<() => void>();

  readonly get = (): Progress => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(phase: Phase, fraction: number): void {
    if (phase === this.current.phase && fraction === this.current.fraction) return;
    this.current = { phase, fraction };
    for (const listener of this.listeners) listener();
  }
}

export function RunProgress({ feed }: { feed: ProgressFeed }) {
  const text = useTexts();
  const { phase, fraction } = useSyncExternalStore(feed.subscribe, feed.get);
  return (
    <Field label={text.progressLabel} hint={text.phase[phase]}>
      <StepProgress value={fraction} max={1} thickness="large" />
    </Field>
  );
}
