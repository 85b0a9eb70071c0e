/**
 * Offline checks of manifest.xml against what the build emits. `office-addin-manifest validate`
 * needs Microsoft's online service (npm run validate, for users); here we check what we can
 * without it: the manifest parses, and its ids, URLs, namespace and element order agree with
 * webpack.config.js and dist/ (npm test builds dist/ first).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { OfficeAddinManifest } from "office-addin-manifest";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { DRAWN_SIZES, iconScanlines } from "../build/icons";
import { METADATA_FILES } from "../build/functionsMetadata";
import { buildManifest, manifestVersion } from "../build/manifest";
import { ENGLISH_LOCALES, languageOf } from "../taskpane/language";
import { REQUIREMENTS } from "../taskpane/startup/requirements";
import { version as packageVersion } from "../package.json";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const MANIFEST = path.join(ROOT, "manifest.xml");
const webpackConfig = require("../webpack.config.js") as {
  (
    env: Record<string, unknown>,
    options: { mode: string }
  ): Promise<{ devServer: { host: string; port: number } }>;
  urlDev: string;
};

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]);

/** A small XML reader that keeps element order (the manifest has no CDATA or DTD). */
function parseXml(xml: string): XmlElement {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const doc: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack = [doc];
  for (const m of body.matchAll(
    /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g
  )) {
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) {
      top.text += decode(m[5].trim());
    } else if (m[1]) {
      const closed = stack.pop();
      if (closed?.name !== m[2]) throw new Error(`</${m[2]}> closes <${closed?.name}>`);
    } else {
      const attrs = Object.fromEntries(
        [...m[3].matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1], decode(a[2])])
      );
      const element: XmlElement = { name: m[2], attrs, children: [], text: "" };
      top.children.push(element);
      if (!m[4]) stack.push(element);
    }
  }
  if (stack.length !== 1 || doc.children.length !== 1)
    throw new Error("manifest.xml is not one balanced element");
  return doc.children[0];
}

const localName = (name: string) => name.replace(/^.*:/, "");
const all = (e: XmlElement): XmlElement[] => [e, ...e.children.flatMap(all)];
const child = (e: XmlElement, name: string) => e.children.find((c) => localName(c.name) === name);
function el(e: XmlElement, ...names: string[]): XmlElement {
  let at = e;
  for (const name of names) {
    const next = child(at, name);
    if (!next) throw new Error(`<${name}> missing under <${at.name}>`);
    at = next;
  }
  return at;
}

/** OfficeApp (TaskPaneApp) children in the order of the schema's sequence (OfficeAppManifestv1.1.xsd). */
const SCHEMA_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];
const REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
];

let root: XmlElement;
let resources: {
  urls: Map<string, string>;
  strings: Map<string, string>;
  images: Map<string, string>;
};

beforeAll(() => {
  if (!existsSync(path.join(DIST, "functions.json"))) {
    throw new Error("dist/ is missing: run `npm run build` first (`npm test` does it)");
  }
  root = parseXml(readFileSync(MANIFEST, "utf8"));
  const res = el(root, "VersionOverrides", "Resources");
  const byId = (group: string) =>
    new Map(
      el(res, group).children.map((e): [string, string] => [e.attrs.id, e.attrs.DefaultValue])
    );
  resources = {
    urls: byId("Urls"),
    images: byId("Images"),
    strings: new Map([...byId("ShortStrings"), ...byId("LongStrings")]),
  };
});

/** The resource URL a `resid` names. */
function url(resid: string | undefined): string {
  const value = resid === undefined ? undefined : resources.urls.get(resid);
  if (!value) throw new Error(`no bt:Url with id ${resid}`);
  return value;
}

describe("office-addin-manifest reads the manifest offline", () => {
  it("`office-addin-manifest info manifest.xml` succeeds and reports the id", () => {
    const cli = path.join(ROOT, "node_modules", "office-addin-manifest", "cli.js");
    const run = spawnSync(process.execPath, [cli, "info", MANIFEST], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Id: ${el(root, "Id").text}`);
  });

  it("the package's reader agrees: an Excel task pane add-in, Danish by default", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.defaultLocale).toBe("da-DK");
    expect(info.displayName).toBe("Refusion og Housing First");
    expect(info.id).toBe(el(root, "Id").text);
  });
});

describe("manifest identity and texts", () => {
  it("the id is a GUID of its own (not a template's)", () => {
    const id = el(root, "Id").text;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([
      "ca968be6-628b-4f14-ba3c-3e614effa9bd",
      "00d559b8-5760-4756-ab89-dee3a8ef4cf2",
    ]).not.toContain(id);
  });

  it("display name and description are Danish with one English override per English locale", () => {
    for (const name of ["DisplayName", "Description"]) {
      const e = el(root, name);
      expect(e.attrs.DefaultValue).toMatch(/[æøå]|\bog\b/);
      const overrides = e.children.filter((c) => c.name === "Override");
      expect(overrides.map((o) => o.attrs.Locale)).toEqual([...ENGLISH_LOCALES]);
      expect(new Set(overrides.map((o) => o.attrs.Value)).size).toBe(1);
      expect(overrides[0].attrs.Value).toMatch(/\band\b/);
    }
  });

  it("every localized text and URL has the pane's English locales, one English value each", () => {
    const localized = all(root).filter((e) =>
      e.children.some((c) => localName(c.name) === "Override")
    );
    expect(localized.length).toBe(8);
    for (const e of localized) {
      const overrides = e.children.filter((c) => localName(c.name) === "Override");
      expect(overrides.map((o) => o.attrs.Locale)).toEqual([...ENGLISH_LOCALES]);
      expect(new Set(overrides.map((o) => o.attrs.Value)).size).toBe(1);
    }
  });

  it("has package.json's version (x.y.z.0), here and in dist/manifest.xml", () => {
    expect(el(root, "Version").text).toBe(manifestVersion(packageVersion));
    expect(readFileSync(path.join(DIST, "manifest.xml"), "utf8")).toContain(
      `<Version>${manifestVersion(packageVersion)}</Version>`
    );
  });

  it("requires the sets the pane checks at start (shared runtime, ExcelApi 1.12, error messages), and read/write access", () => {
    const sets = el(root, "Requirements", "Sets").children.map((s) => [
      s.attrs.Name,
      s.attrs.MinVersion,
    ]);
    expect(sets).toEqual([
      ["SharedRuntime", "1.1"],
      ["ExcelApi", "1.12"],
      ["CustomFunctionsRuntime", "1.2"],
    ]);
    expect(new Set(sets.map(([set, version]) => `${set} ${version}`))).toEqual(
      new Set(REQUIREMENTS.map((r) => `${r.set} ${r.version}`))
    );
    expect(el(root, "Permissions").text).toBe("ReadWriteDocument");
  });
});

describe("element order follows the schema", () => {
  it("OfficeApp's children appear in the schema's sequence, required ones present", () => {
    const names = root.children.map((c) => localName(c.name));
    for (const name of names) expect(SCHEMA_ORDER).toContain(name);
    const positions = names.map((n) => SCHEMA_ORDER.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const name of REQUIRED) expect(names).toContain(name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("the workbook host declares Runtimes, then AllFormFactors, then DesktopFormFactor", () => {
    const host = el(root, "VersionOverrides", "Hosts", "Host");
    expect(host.attrs["xsi:type"]).toBe("Workbook");
    expect(host.children.map((c) => c.name)).toEqual([
      "Runtimes",
      "AllFormFactors",
      "DesktopFormFactor",
    ]);
  });

  it("the CustomFunctions extension point has Script, Page, Metadata, Namespace in that order", () => {
    const ext = el(root, "VersionOverrides", "Hosts", "Host", "AllFormFactors", "ExtensionPoint");
    expect(ext.attrs["xsi:type"]).toBe("CustomFunctions");
    expect(ext.children.map((c) => c.name)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
  });
});

describe("shared runtime and custom functions", () => {
  const host = () => el(root, "VersionOverrides", "Hosts", "Host");
  const functions = () => el(host(), "AllFormFactors", "ExtensionPoint");

  it("the long-lived Runtime is the task pane page, which is also the functions' Page", () => {
    const runtime = el(host(), "Runtimes", "Runtime");
    expect(runtime.attrs.lifetime).toBe("long");
    const page = el(functions(), "Page", "SourceLocation").attrs.resid;
    expect(page).toBe(runtime.attrs.resid);
    expect(new URL(url(page)).pathname).toBe("/taskpane.html");
  });

  it("the ribbon button, the function file and the default source all open that same page", () => {
    const desktop = el(host(), "DesktopFormFactor");
    const action = all(desktop).find((e) => e.name === "Action");
    expect(action?.attrs["xsi:type"]).toBe("ShowTaskpane");
    const runtimeUrl = url(el(host(), "Runtimes", "Runtime").attrs.resid);
    expect(url(el(action as XmlElement, "SourceLocation").attrs.resid)).toBe(runtimeUrl);
    expect(url(el(desktop, "FunctionFile").attrs.resid)).toBe(runtimeUrl);
    expect(el(root, "DefaultSettings", "SourceLocation").attrs.DefaultValue).toBe(runtimeUrl);
    expect(el(desktop, "ExtensionPoint", "OfficeTab").attrs.id).toBe("TabHome");
  });

  it("no <TaskpaneId> under the long-lived runtime (the shared-runtime page advises against it)", () => {
    expect(all(host()).filter((e) => localName(e.name) === "TaskpaneId")).toEqual([]);
  });

  const metadataUrl = () => {
    const resid = el(functions(), "Metadata", "SourceLocation").attrs.resid;
    return el(root, "VersionOverrides", "Resources", "Urls").children.find(
      (u) => u.attrs.id === resid
    ) as XmlElement;
  };

  it("the function metadata is Danish by default, with an override for each English locale", () => {
    expect(new URL(metadataUrl().attrs.DefaultValue).pathname).toBe("/functions.json");
    const overrides = metadataUrl().children.filter((c) => localName(c.name) === "Override");
    expect(overrides.map((o) => [o.attrs.Locale, new URL(o.attrs.Value).pathname])).toEqual(
      ENGLISH_LOCALES.map((locale) => [locale, "/functions-en.json"])
    );
  });

  it.each(["en-US", "en-GB", "en-AU", "en-NZ", "EN-gb", "da-DK", "de-DE", "en-ZW", "en", ""])(
    "in display language %p the pane and the function help speak the same language",
    (displayLanguage) => {
      // As Office picks an Override: the one whose locale is the display language, else the default.
      const override = metadataUrl().children.find(
        (o) =>
          localName(o.name) === "Override" &&
          o.attrs.Locale.toLowerCase() === displayLanguage.toLowerCase()
      );
      const file = new URL(override?.attrs.Value ?? metadataUrl().attrs.DefaultValue).pathname;
      const metadataLanguage = file === "/functions-en.json" ? "en" : "da";
      // A bare "en" is the demo's ?lang=en: Office always reports a locale, and has no functions there.
      if (displayLanguage !== "en") expect(languageOf(displayLanguage)).toBe(metadataLanguage);
      expect(METADATA_FILES[metadataLanguage]).toBe(file.slice(1));
    }
  );

  it("Script is functions.js and Metadata is functions.json", () => {
    expect(new URL(url(el(functions(), "Script", "SourceLocation").attrs.resid)).pathname).toBe(
      "/functions.js"
    );
    expect(new URL(url(el(functions(), "Metadata", "SourceLocation").attrs.resid)).pathname).toBe(
      "/functions.json"
    );
  });

  it("the namespace is DK and no function id repeats it (Excel would show DK.DK.)", () => {
    const resid = el(functions(), "Namespace").attrs.resid;
    expect(resources.strings.get(resid)).toBe("DK");
    const metadata = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const f of metadata.functions) expect(f.id).not.toMatch(/^DK\./i);
  });

  it("every resid names a resource, and none is longer than the schema's 32 characters", () => {
    const known = new Set([
      ...resources.urls.keys(),
      ...resources.strings.keys(),
      ...resources.images.keys(),
    ]);
    const resids = all(root).flatMap((e) => (e.attrs.resid ? [e.attrs.resid] : []));
    expect(resids.length).toBeGreaterThan(10);
    expect(resids.filter((resid) => !known.has(resid))).toEqual([]);
    expect(resids.filter((resid) => resid.length > 32)).toEqual([]);
  });
});

describe("every URL points at the dev server and at a file the build emits", () => {
  const urls = () =>
    all(root).flatMap((e) => {
      const values = [
        e.attrs.DefaultValue,
        e.attrs.Value,
        e.name === "AppDomain" ? e.text : undefined,
      ];
      return values.filter((v): v is string => v !== undefined && /^https?:/.test(v));
    });

  it("the origin is the one webpack.config.js serves (https, localhost, its dev-server port)", async () => {
    const config = await webpackConfig({}, { mode: "development" });
    const origin = new URL(webpackConfig.urlDev);
    expect(origin.protocol).toBe("https:");
    expect(origin.hostname).toBe(config.devServer.host);
    expect(Number(origin.port)).toBe(config.devServer.port);
    expect(urls().length).toBeGreaterThan(10);
    expect(urls().filter((u) => new URL(u).origin !== origin.origin)).toEqual([]);
  });

  it("each URL's path is a file in dist/", () => {
    const files = urls()
      .map((u) => new URL(u).pathname.replace(/^\//, ""))
      .filter((file) => file !== ""); // an AppDomain is an origin, not a file
    expect(
      files.filter((file) => !existsSync(path.join(DIST, file))).map((file) => `dist/${file}`)
    ).toEqual([]);
  });

  it("the icons are PNGs of the sizes the manifest declares", () => {
    const pngSize = (file: string) => {
      const buf = readFileSync(path.join(DIST, file));
      expect(buf.subarray(1, 4).toString("ascii")).toBe("PNG");
      return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
    };
    const file = (u: string) => new URL(u).pathname.slice(1);
    for (const image of el(root, "VersionOverrides", "Resources", "Images").children) {
      const size = Number(image.attrs.id.match(/(\d+)x\1$/)?.[1]);
      expect(pngSize(file(image.attrs.DefaultValue))).toEqual([size, size]);
    }
    expect(pngSize(file(el(root, "IconUrl").attrs.DefaultValue))).toEqual([32, 32]);
    expect(pngSize(file(el(root, "HighResolutionIconUrl").attrs.DefaultValue))).toEqual([64, 64]);
  });

  it("the ribbon group and its button list all eight icon sizes Microsoft lists for add-in commands", () => {
    // 16, 32 and 80 required; 20, 24, 40, 48 and 64 supported (learn.microsoft.com/javascript/api/manifest/icon).
    const lists = all(el(root, "VersionOverrides")).filter((e) => e.name === "Icon");
    expect(lists.length).toBe(2);
    for (const list of lists)
      expect(list.children.map((i) => [i.attrs.size, i.attrs.resid])).toEqual(
        [16, 20, 24, 32, 40, 48, 64, 80].map((n) => [String(n), `Icon.${n}x${n}`])
      );
  });

  it("the 20, 24, 40 and 48 px icons are what build/icons.ts draws (npx tsx build/icons.ts)", () => {
    for (const size of DRAWN_SIZES) {
      const png = readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
      // The file's pixels: its IDAT chunk, unpacked (the drawing writes one, unfiltered).
      const idat = png.indexOf("IDAT", 8, "ascii");
      const pixels = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
      expect([size, pixels.equals(iconScanlines(size))]).toEqual([size, true]);
    }
  });
});

describe("dist/manifest.xml", () => {
  it("is manifest.xml with the dev server's URLs (no ADDIN_BASE_URL) and package.json's version", () => {
    expect(readFileSync(path.join(DIST, "manifest.xml"), "utf8")).toBe(
      buildManifest(readFileSync(MANIFEST, "utf8"), webpackConfig.urlDev, packageVersion)
    );
  });
});

describe("the built page", () => {
  it("registers the functions from functions.js alone: no other bundle calls associate", () => {
    const bundles = readdirSync(DIST).filter((f) => f.endsWith(".js"));
    const associating = bundles.filter((f) =>
      /CustomFunctions\.associate\(/.test(readFileSync(path.join(DIST, f), "utf8"))
    );
    expect(associating).toEqual(["functions.js"]);
  });

  it("loads office.js from Microsoft's CDN as its only remote script, then both bundles", () => {
    const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    // The production build minifies the page, so attribute values may be unquoted.
    const value = String.raw`=["']?([^"'\s>]+)`;
    const scripts = [
      ...html.matchAll(new RegExp(String.raw`<script\b[^>]*?\bsrc${value}`, "g")),
    ].map((m) => m[1]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "taskpane.js",
    ]);
    const remote = [...html.matchAll(new RegExp(String.raw`\b(?:src|href)${value}`, "g"))]
      .map((m) => m[1])
      .filter((v) => /^(https?:)?\/\//.test(v));
    expect(remote).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });
});
