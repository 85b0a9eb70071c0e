/**
 * A production build as a municipality's IT department makes it (docs/deploy.md):
 * `ADDIN_BASE_URL=https://… npm run build` into a folder of its own, checked for what Office
 * needs (every URL of the manifest and of the function metadata under the base, https, no
 * localhost, the same ids as the dev build, package.json's version), then served by Debian's
 * nginx with the shipped site file deploy/nginx/refusion.conf (its own prefix and a free port;
 * plain http here, https in real hosting) and checked for its headers, and the pane loaded
 * through it in Chromium. Skipped with the reason where nginx is not installed (.ci/run
 * installs it).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { OfficeAddinManifest } from "office-addin-manifest";
import { contentSecurityPolicy } from "../build/csp";
import { METADATA_FILES, type Metadata } from "../build/functionsMetadata";
import { manifestVersion } from "../build/manifest";
import { version as packageVersion } from "../package.json";
import { SHOTS, cspViolations, launchBrowser, openDemo, type Browser } from "./browser/harness";
import { describeIf, findProgram } from "./systemProgram";

const ROOT = path.resolve(__dirname, "..");
const BASE = "https://addins.kommune.example/refusion/";
/** A production build on a busy two-core machine takes one to two minutes. */
const BUILD_TIMEOUT = 600_000;

let work: string;
let dist: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "refusion-deploy-"));
  dist = path.join(work, "dist");
  const webpack = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const run = spawnSync(
    process.execPath,
    [webpack, "--mode", "production", "--output-path", dist],
    { cwd: ROOT, env: { ...process.env, ADDIN_BASE_URL: BASE }, encoding: "utf8" }
  );
  if (run.status !== 0) throw new Error(`The production build failed:\n${run.stdout}${run.stderr}`);
}, BUILD_TIMEOUT);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(dist, file), "utf8");
const metadata = (file: string) => JSON.parse(read(file)) as Metadata;

/** Every absolute URL in an XML attribute or element text of the manifest. */
const manifestUrls = (xml: string) =>
  [
    ...xml
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/\sxmlns(?::\w+)?="[^"]*"/g, "")
      .matchAll(/(?:"|>)(\w+:\/\/[^"<\s]+)/g),
  ].map((m) => m[1]);

describe("a production build (ADDIN_BASE_URL set)", () => {
  it("dist/manifest.xml has every URL under the base, over https, and no localhost", () => {
    const xml = read("manifest.xml");
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThan(12);
    const origin = new URL(BASE).origin;
    expect(urls.filter((u) => !(u.startsWith(BASE) || u === origin))).toEqual([]);
    expect(urls).toContain(`${BASE}functions-en.json`);
    expect(urls).toContain(origin); // the AppDomain
    expect(xml).not.toMatch(/localhost/);
    // Each URL's file is in the build.
    const files = urls
      .filter((u) => u !== origin)
      .map((u) => new URL(u).pathname.slice(new URL(BASE).pathname.length));
    expect(files.filter((f) => !existsSync(path.join(dist, f)))).toEqual([]);
  });

  it("dist/manifest.xml has package.json's version and the repository manifest's id", () => {
    const xml = read("manifest.xml");
    expect(xml).toContain(`<Version>${manifestVersion(packageVersion)}</Version>`);
    const id = /<Id>([^<]+)<\/Id>/.exec(readFileSync(path.join(ROOT, "manifest.xml"), "utf8"))?.[1];
    expect(xml).toContain(`<Id>${id}</Id>`);
  });

  it("office-addin-manifest reads the built manifest offline", async () => {
    const cli = path.join(ROOT, "node_modules", "office-addin-manifest", "cli.js");
    const run = spawnSync(process.execPath, [cli, "info", path.join(dist, "manifest.xml")], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const info = await OfficeAddinManifest.readManifestFile(path.join(dist, "manifest.xml"));
    expect(info.defaultLocale).toBe("da-DK");
    expect(info.hosts).toEqual(["Workbook"]);
  });

  it("both metadata files have every help URL under the base, and the dev build's ids", () => {
    const devIds = (
      JSON.parse(readFileSync(path.join(ROOT, "dist", "functions.json"), "utf8")) as Metadata
    ).functions.map((f) => f.id);
    for (const [language, file] of Object.entries(METADATA_FILES)) {
      const m = metadata(file);
      expect(m.functions.map((f) => f.id)).toEqual(devIds);
      const page = language === "en" ? "help-en.html" : "help.html";
      expect(m.functions.map((f) => f.helpUrl)).toEqual(
        m.functions.map((f) => `${BASE}${page}#${f.id.toLowerCase()}`)
      );
      expect(m.allowErrorForDataTypeAny).toBe(true);
    }
  });

  it("no text file of the build names localhost except the bundles' own library code", () => {
    const text = readdirSync(dist).filter((f) => /\.(html|json|xml)$/.test(f));
    expect(text.length).toBeGreaterThanOrEqual(5);
    expect(text.filter((f) => read(f).includes("localhost"))).toEqual([]);
  });
});

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

/**
 * deploy/nginx/refusion.conf for the test: the http→https block left out, and the lines marked
 * "test replaces" (listen, server_name, certificates, HSTS, root) set for plain http on `port`.
 */
function siteForTest(port: number, root: string): string {
  const site = readFileSync(path.join(ROOT, "deploy", "nginx", "refusion.conf"), "utf8");
  const redirect = /# http only redirects to https[^\n]*\nserver \{[\s\S]*?\n\}\n/;
  if (!redirect.test(site)) throw new Error("refusion.conf: the http→https block is not found");
  let replaced = 0;
  const lines = site
    .replace(redirect, "")
    .split("\n")
    .flatMap((line) => {
      if (!line.includes("# test replaces")) return [line];
      replaced++;
      const directive = line.trim().split(/\s+/)[0];
      if (directive === "root") return [`    root ${root};`];
      if (directive === "server_name") return ["    server_name localhost;"];
      if (directive === "listen" && !line.includes("[::]"))
        return [`    listen 127.0.0.1:${port};`];
      return [];
    });
  if (replaced !== 7)
    throw new Error(`refusion.conf: ${replaced} lines marked "test replaces", not 7`);
  return lines.join("\n");
}

const nginx = findProgram("nginx");

describeIf(
  nginx,
  "nginx is not installed (apt-get install nginx)",
  "the nginx site over the production build",
  () => {
    let prefix: string;
    let origin: string;
    let server: ChildProcess | undefined;
    let browser: Browser | undefined;
    let log = "";

    beforeAll(async () => {
      prefix = path.join(work, "nginx");
      for (const dir of ["", "temp"]) mkdirSync(path.join(prefix, dir), { recursive: true });
      // nginx's workers run as an unprivileged user: they must be able to read the files.
      for (const dir of [work, dist, path.join(dist, "assets")]) chmodSync(dir, 0o755);
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      const temp = (name: string) => path.join(prefix, "temp", name);
      writeFileSync(path.join(prefix, "site.conf"), siteForTest(port, dist));
      writeFileSync(
        path.join(prefix, "nginx.conf"),
        [
          "daemon off;",
          "worker_processes 1;",
          `pid ${path.join(prefix, "nginx.pid")};`,
          `error_log ${path.join(prefix, "error.log")} warn;`,
          "events { worker_connections 64; }",
          "http {",
          "  include /etc/nginx/mime.types;",
          "  default_type application/octet-stream;",
          "  access_log off;",
          ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
            (t) => `  ${t}_temp_path ${temp(t)};`
          ),
          `  include ${path.join(prefix, "site.conf")};`,
          "}",
          "",
        ].join("\n")
      );
      const check = spawnSync(
        nginx!,
        [
          "-t",
          "-p",
          prefix,
          "-c",
          path.join(prefix, "nginx.conf"),
          "-e",
          path.join(prefix, "error.log"),
        ],
        { encoding: "utf8" }
      );
      if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
      server = spawn(
        nginx!,
        ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-e", path.join(prefix, "error.log")],
        {
          stdio: ["ignore", "pipe", "pipe"],
        }
      );
      server.stderr?.on("data", (d) => (log += d));
      const deadline = Date.now() + 15_000;
      for (;;) {
        try {
          if ((await fetch(`${origin}/taskpane.html`)).ok) break;
        } catch {
          // not up yet
        }
        if (Date.now() > deadline) throw new Error(`nginx did not answer: ${log}`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
      mkdirSync(SHOTS, { recursive: true });
    }, BUILD_TIMEOUT);

    afterAll(async () => {
      await browser?.close();
      if (server && server.exitCode === null) {
        server.kill("SIGQUIT");
        await new Promise((ok) => server!.once("exit", ok));
      }
    }, 60_000);

    const get = (file: string) => fetch(`${origin}/${file}`);

    it("functions.json and functions-en.json: JSON, CORS for Office, revalidated on every load", async () => {
      for (const file of Object.values(METADATA_FILES)) {
        const res = await get(file);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toMatch(/^application\/json/);
        expect(res.headers.get("access-control-allow-origin")).toBe("*");
        expect(res.headers.get("cache-control")).toBe("no-cache");
        expect(((await res.json()) as Metadata).functions.length).toBeGreaterThan(0);
      }
    });

    it("the pane: html with the Content-Security-Policy as a header (frame-ancestors, office.js as the only remote script), no X-Frame-Options", async () => {
      const res = await get("taskpane.html");
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toBe(contentSecurityPolicy({ header: true }));
      expect(csp).toMatch(/frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com/);
      expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
      expect(res.headers.get("x-frame-options")).toBeNull();
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    });

    it("scripts revalidate; icons and the sample workbook are cached for a week", async () => {
      const js = await get("functions.js");
      expect(js.headers.get("content-type")).toMatch(/^application\/javascript/);
      expect(js.headers.get("cache-control")).toBe("no-cache");
      const png = await get("assets/icon-32.png");
      expect(png.headers.get("content-type")).toBe("image/png");
      expect(png.headers.get("cache-control")).toBe("max-age=604800");
      const xlsx = await get("eksempel-refusion.xlsx");
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get("content-type")).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      );
      expect((await get("nothing-here.html")).status).toBe(404);
    });

    it("serves the pane, which runs in Chromium under the policy without a violation", async () => {
      browser = await launchBrowser();
      const page = await openDemo(browser, origin);
      await page.screenshot({ path: path.join(SHOTS, "nginx-pane.png") });
      expect(await page.getByTestId("validation-report").isVisible()).toBe(true);
      expect(await cspViolations(page)).toEqual([]);
    });
  }
);
