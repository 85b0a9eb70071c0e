/**
 * Whether the page runs inside an Office application, without office.js: the pane must know it
 * when office.js could not load (a proxy, an offline laptop), to say so instead of starting the
 * demo in the user's Excel.
 *
 * Office tells the page through the host info that office.js itself reads first, in this order
 * (office.js's OSF._OfficeAppFactory _retrieveHostInfo, @microsoft/office-js office.debug.js):
 * the host's own GetHostInfo, the `_host_Info` query parameter Office adds to the add-in's URL,
 * a `hostInfo` in window.name, and the copy office.js keeps in sessionStorage (`hostInfoValue`).
 * Microsoft documents the parameter ("Office automatically adds a query parameter named
 * `_host_info` to the URL… The same value is added to the dialog box's session storage",
 * https://learn.microsoft.com/office/dev/add-ins/develop/dialog-best-practices) and warns that
 * its content may change, so only its presence and, where it has one, the application's name and
 * the locale (`Excel$Win32$16.01$da-DK$…`) are read, and no decision but "inside Office" hangs
 * on them.
 */

/** What a page knows of its surroundings, read without office.js. */
export interface PageSignals {
  /** location.search */
  search: string;
  /** window.name (Office puts JSON with `hostInfo` there on some platforms). */
  windowName: string;
  /** sessionStorage's `hostInfoValue`, kept by office.js when it last loaded in this session. */
  storedHostInfo: string | null;
  /** The host's own GetHostInfo(), where the host provides it. */
  hostGetHostInfo?: () => string;
}

export interface OfficeHost {
  /** "excel", "word", … as the host info names it (lowercase), or "" if it names none. */
  app: string;
  /** The host's locale ("da-DK"), or "" if it names none. */
  locale: string;
}

const PARAMETER = "_host_info";

function rawHostInfo(page: PageSignals): string | undefined {
  try {
    const fromHost = page.hostGetHostInfo?.();
    if (fromHost) return fromHost.split(/_host_Info=/i)[1] ?? fromHost;
  } catch {
    // No host object: a browser, or a host that passes the info otherwise.
  }
  for (const [key, value] of new URLSearchParams(page.search))
    if (key.toLowerCase() === PARAMETER && value) return value;
  try {
    const fromName = (JSON.parse(page.windowName) as { hostInfo?: unknown } | null)?.hostInfo;
    if (typeof fromName === "string" && fromName) return fromName;
  } catch {
    // window.name is not Office's JSON.
  }
  return page.storedHostInfo || undefined;
}

/** The Office application the page runs in, or undefined in a plain browser. */
export function officeHostOf(page: PageSignals): OfficeHost | undefined {
  const raw = rawHostInfo(page);
  if (!raw) return undefined;
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    // Not URI-encoded: read it as it is.
  }
  const parts = value.split(value.includes("$") ? "$" : "|");
  return { app: (parts[0] ?? "").toLowerCase(), locale: parts[3] ?? "" };
}

/** The page's signals in the browser. */
export function pageSignals(w: Window): PageSignals {
  let storedHostInfo: string | null = null;
  try {
    storedHostInfo = w.sessionStorage.getItem("hostInfoValue");
  } catch {
    // Storage blocked (a privacy setting): no stored value.
  }
  const external = (w as unknown as { external?: { GetHostInfo?: () => string } }).external;
  return {
    search: w.location.search,
    windowName: w.name,
    storedHostInfo,
    hostGetHostInfo:
      typeof external?.GetHostInfo === "function" ? () => external.GetHostInfo!() : undefined,
  };
}
