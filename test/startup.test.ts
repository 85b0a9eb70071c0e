/**
 * How the page starts (taskpane/startup): inside Office with office.js blocked it explains what
 * IT must allow and never starts the demo; an Excel without the requirement sets is told so in
 * plain words; in the shared runtime the pane waits until it is shown, and meanwhile the custom
 * functions answer and nothing reads the workbook (Excel is office-addin-mock's, and its
 * Excel.run is counted). The page itself, with office.js blocked, is test/browser/officeJs.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { OfficeMockObject } from "office-addin-mock";
import * as registered from "../src/functions/registered";
import { ExcelWorkbook } from "../src/office/excelWorkbook";
import type { Language } from "../taskpane/language";
import { officeHostOf, type PageSignals } from "../taskpane/startup/officeHost";
import { whenPaneShown, type PageView } from "../taskpane/startup/paneShown";
import { OFFICE_JS_HOST, type Problem } from "../taskpane/startup/problems";
import { REQUIREMENTS, missingRequirements } from "../taskpane/startup/requirements";
import { start, type OfficeLike } from "../taskpane/startup/start";

const IN_EXCEL = "?_host_Info=Excel$Win32$16.01$da-DK$$$$0";
const signals = (over: Partial<PageSignals> = {}): PageSignals => ({
  search: "",
  windowName: "",
  storedHostInfo: null,
  ...over,
});

describe("inside Office or not, without office.js (officeHost.ts)", () => {
  it.each<[string, Partial<PageSignals>, { app: string; locale: string } | undefined]>([
    ["Office's query parameter", { search: IN_EXCEL }, { app: "excel", locale: "da-DK" }],
    [
      "the parameter URI-encoded, after the add-in's own",
      { search: "?lang=x&_host_Info=Excel%24Mac%2416.01%24en-GB%24%24%24%240" },
      { app: "excel", locale: "en-GB" },
    ],
    [
      "in another case",
      { search: "?_HOST_INFO=Excel|Web|16.00|en-US" },
      { app: "excel", locale: "en-US" },
    ],
    [
      "window.name's hostInfo",
      { windowName: JSON.stringify({ hostInfo: "Excel$Web$16.00$da-DK" }) },
      { app: "excel", locale: "da-DK" },
    ],
    [
      "office.js's copy in sessionStorage",
      { storedHostInfo: "Excel$Win32$16.01$en-US" },
      { app: "excel", locale: "en-US" },
    ],
    [
      "the host's GetHostInfo",
      { hostGetHostInfo: () => "https://x/?_host_Info=Excel$Win32$16.01$da-DK" },
      { app: "excel", locale: "da-DK" },
    ],
    ["a plain browser", { search: "?lang=en", windowName: "something" }, undefined],
    ["a demo link with an empty parameter", { search: "?_host_Info=" }, undefined],
  ])("%s", (_, page, expected) => {
    expect(officeHostOf(signals(page))).toEqual(expected);
  });
});

/** A fake page: hidden or shown, with a way to change it. */
function fakeView(shown: boolean): PageView & { show(): void } {
  const listeners = new Set<() => void>();
  return {
    shown: () => shown,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    show() {
      shown = true;
      for (const l of [...listeners]) l();
    },
  };
}

/** Office as office.js gives it in Excel: a fake of the common API (no load/sync there). */
function fakeOffice(
  options: { host?: string | null; language?: string; missing?: string[]; ready?: boolean } = {}
) {
  const handlers: ((m: { visibilityMode: string }) => void)[] = [];
  let removed = 0;
  let ready: ((info: { host: unknown }) => void) | undefined;
  const office: OfficeLike = {
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage: options.language ?? "da-DK",
      requirements: {
        isSetSupported: (name, version) => !(options.missing ?? []).includes(`${name} ${version}`),
      },
    },
    addin: {
      onVisibilityModeChanged: async (handler) => {
        handlers.push(handler);
        return async () => void removed++;
      },
    },
    onReady(callback) {
      ready = callback;
      if (options.ready !== false)
        callback({ host: options.host === undefined ? "Excel" : options.host });
    },
  };
  return {
    office,
    visibility: (mode: string) => handlers.forEach((h) => h({ visibilityMode: mode })),
    removed: () => removed,
    answer: (host: string) => ready?.({ host }),
  };
}

interface Seen {
  demo: number;
  problems: Problem[];
  panes: Language[];
}

function run(office: OfficeLike | undefined, page: Partial<PageSignals>, view = fakeView(true)) {
  const seen: Seen = { demo: 0, problems: [], panes: [] };
  start({
    office,
    signals: signals(page),
    view,
    startDemo: () => void seen.demo++,
    showProblem: (p) => void seen.problems.push(p),
    startPane: (language) => void seen.panes.push(language),
    readyTimeoutMs: 20,
  });
  return seen;
}

const flush = () => new Promise((ok) => setTimeout(ok, 0));

describe("the pane never pretends (start.ts)", () => {
  it("office.js blocked inside Excel: the error says what is blocked and what IT must allow, never the demo", () => {
    const seen = run(undefined, { search: IN_EXCEL });
    expect(seen.demo).toBe(0);
    expect(seen.panes).toEqual([]);
    expect(seen.problems).toHaveLength(1);
    const [problem] = seen.problems;
    expect(problem).toMatchObject({ kind: "office-js-blocked", language: "da" });
    const text = [problem.title, ...problem.paragraphs].join(" ");
    expect(text).toContain("office.js");
    expect(text).toContain(`Bed IT om at tillade ${OFFICE_JS_HOST}`);
    expect(text).toContain("Demoen vises ikke");
  });

  it("in English where Excel's locale is English, or with ?lang=en", () => {
    const english = run(undefined, { search: "?_host_Info=Excel$Win32$16.01$en-GB$$$$0" });
    expect(english.problems[0]).toMatchObject({ kind: "office-js-blocked", language: "en" });
    expect(english.problems[0].paragraphs.join(" ")).toContain(`Ask IT to allow ${OFFICE_JS_HOST}`);
    expect(run(undefined, { search: `${IN_EXCEL}&lang=en` }).problems[0].language).toBe("en");
  });

  it("no office.js in a plain browser, or office.js with no Office host: the demo", () => {
    expect(run(undefined, {})).toEqual({ demo: 1, problems: [], panes: [] });
    expect(run(fakeOffice({ host: null }).office, {})).toEqual({
      demo: 1,
      problems: [],
      panes: [],
    });
  });

  it("office.js loaded inside Office that never connects: an error after the wait, never the demo", async () => {
    const silent = fakeOffice({ ready: false });
    const seen = run(silent.office, { search: IN_EXCEL });
    expect(seen.problems).toEqual([]);
    await new Promise((ok) => setTimeout(ok, 40));
    expect(seen.problems.map((p) => p.kind)).toEqual(["office-not-answering"]);
    const wrongHost = run(fakeOffice({ host: null }).office, { search: IN_EXCEL });
    expect(wrongHost).toMatchObject({ demo: 0, panes: [] });
    expect(wrongHost.problems.map((p) => p.kind)).toEqual(["office-not-answering"]);
  });

  it("Excel that answers in time gets its pane, and no late error", async () => {
    const late = fakeOffice({ ready: false });
    const seen = run(late.office, { search: IN_EXCEL });
    late.answer("Excel");
    await new Promise((ok) => setTimeout(ok, 40));
    expect(seen).toEqual({ demo: 0, problems: [], panes: ["da"] });
  });
});

describe("requirement sets (requirements.ts)", () => {
  it("lists the sets this Excel lacks, none when it has them all", () => {
    const supported = (missing: string[]) => ({
      isSetSupported: (name: string, version?: string) => !missing.includes(`${name} ${version}`),
    });
    expect(missingRequirements(supported([]))).toEqual([]);
    expect(missingRequirements(supported(["ExcelApi 1.12"])).map((r) => r.set)).toEqual([
      "ExcelApi",
    ]);
    expect(missingRequirements(undefined)).toEqual(REQUIREMENTS);
    const throwing = {
      isSetSupported: () => {
        throw new Error("not in this client");
      },
    };
    expect(missingRequirements(throwing)).toEqual(REQUIREMENTS);
  });

  it("an Excel without ExcelApi 1.12 is told in plain words what it lacks and what to do; no pane", () => {
    const { office } = fakeOffice({ missing: ["ExcelApi 1.12"] });
    const seen = run(office, { search: IN_EXCEL });
    expect(seen.panes).toEqual([]);
    expect(seen.demo).toBe(0);
    expect(seen.problems[0]).toMatchObject({
      kind: "unsupported-client",
      language: "da",
      title: "Denne version af Excel kan ikke køre tilføjelsesprogrammet",
    });
    expect(seen.problems[0].paragraphs[0]).toContain("Excel 2021 eller nyere");
    expect(seen.problems[0].list).toEqual([
      "at kende tilføjelsesprogrammets egne ark fra jeres, så det aldrig skriver i jeres ark (ExcelApi 1.12)",
      "Opdater Office (Filer > Konto > Opdateringsindstillinger), eller brug Excel på nettet. Styrer IT jeres Office, så spørg dem.",
    ]);
  });

  it("in English Excel in English, each missing set named", () => {
    const { office } = fakeOffice({
      language: "en-GB",
      missing: ["SharedRuntime 1.1", "CustomFunctionsRuntime 1.2"],
    });
    const [problem] = run(office, { search: IN_EXCEL }).problems;
    expect(problem.title).toBe("This version of Excel cannot run the add-in");
    expect(problem.list).toEqual([
      "to run the task pane and the DK. functions together (SharedRuntime 1.1)",
      "to let the DK. functions explain an error (CustomFunctionsRuntime 1.2)",
      "Update Office (File > Account > Update Options), or use Excel on the web. If IT manages Office, ask them.",
    ]);
  });
});

describe("functions first: the hidden runtime does no workbook work (paneShown.ts)", () => {
  let excelRuns: number;
  beforeEach(() => {
    excelRuns = 0;
    const excel: OfficeMockObject = new OfficeMockObject({
      context: {
        workbook: {
          tables: {
            load() {
              excel.context.workbook.tables.items = [];
            },
          },
        },
      },
      run: async (batch: (context: unknown) => Promise<unknown>) => {
        excelRuns++;
        return batch(excel.context);
      },
    });
    (globalThis as { Excel?: unknown }).Excel = excel;
  });
  afterEach(() => {
    delete (globalThis as { Excel?: unknown }).Excel;
  });

  it("the functions answer while the pane is hidden; the pane reads the workbook once shown", async () => {
    const office = fakeOffice({ language: "en-US" });
    const view = fakeView(false);
    const panes: Promise<unknown>[] = [];
    start({
      office: office.office,
      signals: signals({ search: IN_EXCEL }),
      view,
      startDemo: () => {
        throw new Error("no demo in Excel");
      },
      showProblem: (p) => {
        throw new Error(p.title);
      },
      // The pane's first act: look for the stays' table through Excel.run.
      startPane: () => void panes.push(new ExcelWorkbook().listTables()),
    });
    await flush();
    const stay = ["A", 46143, 46174, 1200] as unknown as [never, never, never, never];
    expect(await registered.refusion110(...stay, [[200]])).toEqual([[15500]]);
    expect(
      registered.housingFirstNpv(0.1, [[10000], [0], [0], [0]], [[0], [3000], [4200], [6800]])
    ).toBe(1188.44);
    const table = await registered.refusionPrognose(...stay);
    expect(table[1][0]).toBe(2026);
    office.visibility("Hidden");
    await flush();
    expect(panes).toHaveLength(0);
    expect(excelRuns).toBe(0);
    office.visibility("Taskpane");
    await Promise.all(panes);
    expect(panes).toHaveLength(1);
    expect(excelRuns).toBe(1);
    // The handler is removed once the pane is shown; a second showing starts nothing new.
    expect(office.removed()).toBe(1);
    office.visibility("Taskpane");
    expect(panes).toHaveLength(1);
  });

  it("a pane already on screen when the page starts starts at once", async () => {
    const seen = run(fakeOffice().office, { search: IN_EXCEL }, fakeView(true));
    await flush();
    expect(seen.panes).toEqual(["da"]);
  });

  it("the page becoming visible (or getting a size) also shows the pane, without Office's event", async () => {
    const view = fakeView(false);
    const seen = run(fakeOffice().office, { search: IN_EXCEL }, view);
    await flush();
    expect(seen.panes).toEqual([]);
    view.show();
    await flush();
    expect(seen.panes).toEqual(["da"]);
  });

  it("without Office.addin the pane starts as before", async () => {
    await expect(whenPaneShown(undefined, fakeView(false))).resolves.toBeUndefined();
  });
});
