/**
 * The demo workbook kept in this browser's IndexedDB, so a reload loses nothing: every sheet
 * (the user's, the loaded files', the add-in's own with the Scenarier sheet and its saved
 * scenarios), the defined names and the active sheet.
 *
 * A save is written as a new generation, sheet by sheet in blocks of rows (each block its own
 * transaction, so a large workbook never holds the page's thread for long), and becomes the
 * saved workbook only when its last transaction points the record `current` at it and deletes
 * the generation before: a reload during a save finds the previous workbook whole. The saved
 * data carries its format's number; a workbook saved in another format is not read.
 */
import type { WorkbookSnapshot, SheetShape } from "../src/demo/snapshot";
import { packCells, sheetShape } from "../src/demo/snapshot";
import type { LoadedCells } from "../src/files/loadedFile";
import type { MemoryName, MemoryWorkbook } from "../src/demo/memoryWorkbook";

const DATABASE = "refusion-demo";
/** The database's structure (object stores); the data's own format is FORMAT. */
const DATABASE_VERSION = 1;
/** The saved workbook's format: a save of another format is not read. */
export const FORMAT = 1;
const META = "meta";
const BLOCKS = "blocks";
/** Rows per stored block: small enough that cloning one into IndexedDB is a short task. */
const BLOCK_ROWS = 5_000;

interface Current {
  format: number;
  generation: number;
  savedAt: string;
  sheets: (SheetShape & { blocks: number })[];
  names: MemoryName[];
  active?: string;
}

/** What a load finds: a workbook, one in another format (not read), or nothing. */
export type Loaded =
  | { kind: "saved"; snapshot: WorkbookSnapshot; savedAt: string }
  | { kind: "otherFormat" }
  | { kind: "none" };

const done = (request: IDBRequest) =>
  new Promise<unknown>((ok, fail) => {
    request.onsuccess = () => ok(request.result);
    request.onerror = () => fail(request.error);
  });

const committed = (tx: IDBTransaction) =>
  new Promise<void>((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
    tx.onabort = () => fail(tx.error ?? new Error("IndexedDB transaction aborted"));
  });

function open(): Promise<IDBDatabase> {
  const request = indexedDB.open(DATABASE, DATABASE_VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    if (!db.objectStoreNames.contains(BLOCKS)) db.createObjectStore(BLOCKS);
  };
  return done(request) as Promise<IDBDatabase>;
}

/** A block's key: generation, sheet, block; a generation's blocks are one key range. */
const blockKey = (generation: number, sheet: number, block: number) => [generation, sheet, block];

const yieldToPage = () => new Promise<void>((ok) => setTimeout(ok, 0));

export class SavedWorkbook {
  private constructor(private readonly db: IDBDatabase) {}

  /** The store, or undefined where the browser keeps no IndexedDB (a private window may not). */
  static async open(): Promise<SavedWorkbook | undefined> {
    try {
      const db = await open();
      // Another page deletes or upgrades the database: let it (this page's saves fail after).
      db.onversionchange = () => db.close();
      return new SavedWorkbook(db);
    } catch {
      return undefined;
    }
  }

  async load(): Promise<Loaded> {
    const tx = this.db.transaction([META, BLOCKS], "readonly");
    const current = (await done(tx.objectStore(META).get("current"))) as Current | undefined;
    if (!current) return { kind: "none" };
    if (current.format !== FORMAT) return { kind: "otherFormat" };
    const blocks = tx.objectStore(BLOCKS);
    const sheets = await Promise.all(
      current.sheets.map(async ({ blocks: count, ...shape }, s) => {
        const parts = (await Promise.all(
          Array.from({ length: count }, (_, b) =>
            done(blocks.get(blockKey(current.generation, s, b)))
          )
        )) as LoadedCells[];
        const cells: LoadedCells = {
          rows: parts.flatMap((p) => p.rows),
          cols: parts.flatMap((p) => p.cols),
          values: parts.flatMap((p) => p.values),
        };
        return { ...shape, cells };
      })
    );
    return {
      kind: "saved",
      snapshot: {
        sheets,
        names: current.names,
        ...(current.active !== undefined && { active: current.active }),
      },
      savedAt: current.savedAt,
    };
  }

  /**
   * Saves the workbook as it is now, in steps. `stale()` is asked between the steps: when the
   * workbook changed meanwhile the save stops (false) without becoming the saved one, and the
   * caller saves again.
   */
  async save(workbook: MemoryWorkbook, stale: () => boolean): Promise<boolean> {
    const read = this.db.transaction(META, "readonly");
    const previous = (await done(read.objectStore(META).get("current"))) as Current | undefined;
    const generation = (previous?.generation ?? 0) + 1;
    // The sheets' shapes and rows now; an edit while saving makes the save stale.
    const sheets = workbook.sheets.map((sheet) => ({
      shape: sheetShape(sheet),
      values: sheet.values,
    }));
    const current: Current = {
      format: FORMAT,
      generation,
      savedAt: new Date().toISOString(),
      sheets: [],
      names: [...workbook.names.values()].map((n) => ({ ...n })),
      ...(workbook.activeSheet !== undefined && { active: workbook.activeSheet }),
    };
    for (const [s, { shape, values }] of sheets.entries()) {
      const count = Math.max(1, Math.ceil(values.length / BLOCK_ROWS));
      for (let b = 0; b < count; b++) {
        if (stale()) return false;
        const cells = packCells(values, b * BLOCK_ROWS, (b + 1) * BLOCK_ROWS);
        const tx = this.db.transaction(BLOCKS, "readwrite");
        tx.objectStore(BLOCKS).put(cells, blockKey(generation, s, b));
        await committed(tx);
        await yieldToPage();
      }
      current.sheets.push({ ...shape, blocks: count });
    }
    if (stale()) return false;
    const tx = this.db.transaction([META, BLOCKS], "readwrite");
    tx.objectStore(META).put(current, "current");
    // Every other generation goes: the previous one, and what a save stopped halfway left.
    tx.objectStore(BLOCKS).delete(IDBKeyRange.upperBound([generation], true));
    tx.objectStore(BLOCKS).delete(IDBKeyRange.lowerBound([generation + 1]));
    await committed(tx);
    return true;
  }

  /** Forgets the saved workbook («Start forfra»). */
  async clear(): Promise<void> {
    const tx = this.db.transaction([META, BLOCKS], "readwrite");
    tx.objectStore(META).clear();
    tx.objectStore(BLOCKS).clear();
    await committed(tx);
  }
}

/** The database's name, for the browser tests that start each page as a new visitor. */
export const SAVED_DATABASE = DATABASE;
