/**
 * When the demo saves its workbook (useSaving.ts keeps it in React): a moment after the last
 * change, one save at a time, again when the workbook changed while it saved. While held (the
 * pane runs a forecast) nothing is saved, so the save's blocks never take the page's thread
 * from the run: a save under way stops at its next block, and the save starts a moment after
 * the hold ends. Whatever was not saved yet stays "unsaved", so leaving the page asks first.
 */
export type SaveState = "saved" | "unsaved" | "saving" | "unavailable" | "failed";

/** Quiet time after a change before it is saved: typing a few cells is one save. */
export const SAVE_AFTER_MS = 300;

/** Saves the workbook as it is now; false when `stale()` said to stop before it was whole. */
export type Save = (stale: () => boolean) => Promise<boolean>;

export class SaveSchedule {
  private made = 0;
  private saved = 0;
  private saving = false;
  private stopped = false;
  private held = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly save: Save,
    private readonly show: (update: (state: SaveState) => SaveState) => void
  ) {}

  /** Whether a change is not saved yet (and saving was not stopped). */
  get pending(): boolean {
    return !this.stopped && this.saved !== this.made;
  }

  /** The workbook changed: save it a moment after the last change. */
  changed(): void {
    this.made++;
    this.show((s) => (s === "failed" ? s : "unsaved"));
    this.later();
  }

  /** Holds the saves while a run writes (true); saves what changed meanwhile after it (false). */
  hold(held: boolean): void {
    this.held = held;
    if (!held && this.saved !== this.made) this.later();
  }

  /** No more saves («Start forfra», or the page's workbook went). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private later(): void {
    clearTimeout(this.timer);
    if (!this.held && !this.stopped)
      this.timer = setTimeout(() => void this.saveAll(), SAVE_AFTER_MS);
  }

  private async saveAll(): Promise<void> {
    if (this.saving || this.stopped || this.held) return;
    this.saving = true;
    this.show(() => "saving");
    try {
      while (this.saved !== this.made && !this.stopped && !this.held) {
        const made = this.made;
        if (await this.save(() => this.made !== made || this.stopped || this.held))
          this.saved = made;
      }
      this.show(() => (this.saved === this.made ? "saved" : "unsaved"));
    } catch {
      this.show(() => "failed");
    } finally {
      this.saving = false;
    }
  }
}
