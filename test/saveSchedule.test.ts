/**
 * When the demo saves (demo/saveSchedule.ts): a moment after the last change, never while the
 * pane runs a forecast (held), and what changed during the run is saved after it. Fake timers
 * and a fake store that records each save and can be held open between its blocks.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { SAVE_AFTER_MS, SaveSchedule, type SaveState } from "../demo/saveSchedule";

function fakeStore() {
  const saves: { stale: () => boolean; finish: (whole: boolean) => void }[] = [];
  const save = (stale: () => boolean) =>
    new Promise<boolean>((ok) => saves.push({ stale, finish: ok }));
  return { saves, save };
}

function scheduled() {
  const store = fakeStore();
  let state: SaveState = "saved";
  const schedule = new SaveSchedule(store.save, (update) => (state = update(state)));
  return { store, schedule, state: () => state };
}

/** Lets the awaited saves' continuations run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  jest.useFakeTimers();
});
afterEach(() => {
  jest.useRealTimers();
});

describe("the demo's save schedule", () => {
  it("saves a moment after the last change, once for a burst of changes", async () => {
    const { store, schedule, state } = scheduled();
    schedule.changed();
    jest.advanceTimersByTime(SAVE_AFTER_MS - 1);
    schedule.changed();
    jest.advanceTimersByTime(SAVE_AFTER_MS - 1);
    expect(store.saves).toHaveLength(0);
    expect(state()).toBe("unsaved");
    jest.advanceTimersByTime(1);
    expect(store.saves).toHaveLength(1);
    expect(state()).toBe("saving");
    store.saves[0].finish(true);
    await settle();
    expect(state()).toBe("saved");
    expect(schedule.pending).toBe(false);
  });

  it("saves nothing while held (a forecast run), and what the run wrote a moment after it", async () => {
    const { store, schedule, state } = scheduled();
    schedule.hold(true);
    schedule.changed();
    schedule.changed();
    jest.advanceTimersByTime(10 * SAVE_AFTER_MS);
    expect(store.saves).toHaveLength(0);
    expect(state()).toBe("unsaved");
    expect(schedule.pending).toBe(true);
    schedule.hold(false);
    jest.advanceTimersByTime(SAVE_AFTER_MS);
    expect(store.saves).toHaveLength(1);
    store.saves[0].finish(true);
    await settle();
    expect(state()).toBe("saved");
    expect(schedule.pending).toBe(false);
  });

  it("a save under way when the run starts stops at its next block and is done again after the run", async () => {
    const { store, schedule, state } = scheduled();
    schedule.changed();
    jest.advanceTimersByTime(SAVE_AFTER_MS);
    expect(store.saves).toHaveLength(1);
    expect(store.saves[0].stale()).toBe(false);
    schedule.hold(true);
    expect(store.saves[0].stale()).toBe(true);
    store.saves[0].finish(false);
    await settle();
    expect(state()).toBe("unsaved");
    expect(schedule.pending).toBe(true);
    schedule.changed(); // the run writes its sheets
    jest.advanceTimersByTime(10 * SAVE_AFTER_MS);
    expect(store.saves).toHaveLength(1);
    schedule.hold(false);
    jest.advanceTimersByTime(SAVE_AFTER_MS);
    expect(store.saves).toHaveLength(2);
    store.saves[1].finish(true);
    await settle();
    expect(state()).toBe("saved");
  });

  it("a run with nothing to save saves nothing; stop() ends every save", async () => {
    const { store, schedule } = scheduled();
    schedule.hold(true);
    schedule.hold(false);
    jest.advanceTimersByTime(10 * SAVE_AFTER_MS);
    expect(store.saves).toHaveLength(0);
    schedule.changed();
    schedule.stop();
    jest.advanceTimersByTime(10 * SAVE_AFTER_MS);
    expect(store.saves).toHaveLength(0);
    expect(schedule.pending).toBe(false);
  });
});
