/**
 * A production build as a municipality's IT department makes it (docs/deploy.md):
 * `ADDIN_BASE_URL=https://…/refusion/ npm run build` into a folder of its own, checked for what
 * Office needs (every URL of the manifest and of the function metadata under the base, https, no
 * localhost, the same ids as the dev build, package.json's version, hashed chunk names), then
 * served by Debian's nginx with the shipped files of deploy/nginx/ (test/nginxSite.ts): the site
 * of a host of its own over TLS, and the sub-path location that ADDIN_BASE_URL's path needs,
 * where every URL of the manifest is fetched and the pane runs in Chromium. Each finding on the
 * web server of issue 25 is a test here. Skipped with the reason where nginx or openssl is not
 * installed (.ci/run installs them).
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { OfficeAddinManifest } from "office-addin-manifest";
import { contentSecurityPolicy } from "../build/csp";
import { METADATA_FILES, type Metadata } from "../build/functionsMetadata";
import { manifestVersion } from "../build/manifest";
import { version as packageVersion } from "../package.json";
import {
  SHOTS,
  cspViolations,
  launchBrowser,
  openDemo,
  runForecastInPage,
  type Browser,
} from "./browser/harness";
import { SITE_NAME, ask, startNginx, type NginxSite, type Question } from "./nginxSite";
import { describeIf, findProgram } from "./systemProgram";

const ROOT = path.resolve(__dirname, "..");
const BASE = "https://addins.kommune.example/refusion/";
/** A production build on a busy two-core machine takes one to two minutes. */
const BUILD_TIMEOUT = 600_000;

let work: string;
/** The build, in a folder named as BASE's path: the sub-path location's root is `work`. */
let dist: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "refusion-deploy-"));
  dist = path.join(work, "refusion");
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
      // The data-types flag (CustomFunctionsRuntime 1.4) that the generator writes is dropped.
      expect(m).not.toHaveProperty("allowCustomDataForDataTypeAny");
    }
  });

  it("lazy chunks and workers are in chunks/ under their content's hash; the entry bundles keep their names", () => {
    const top = readdirSync(dist).filter((f) => f.endsWith(".js"));
    expect(top.sort()).toEqual(["functions.js", "taskpane.js"]);
    const chunks = readdirSync(path.join(dist, "chunks")).filter((f) => f.endsWith(".js"));
    expect(chunks.length).toBeGreaterThanOrEqual(4); // the engine, calc and file workers, and lazy parts
    for (const name of ["engine", "calc", "file"])
      expect(chunks.some((c) => new RegExp(`^${name}\\.[0-9a-f]{16}\\.js$`).test(c))).toBe(true);
    expect(chunks.filter((c) => !/^[\w-]+\.[0-9a-f]{16}\.js$/.test(c))).toEqual([]);
  });

  it("no text file of the build names localhost except the bundles' own library code", () => {
    const text = readdirSync(dist).filter((f) => /\.(html|json|xml)$/.test(f));
    expect(text.length).toBeGreaterThanOrEqual(5);
    expect(text.filter((f) => read(f).includes("localhost"))).toEqual([]);
  });
});

const nginx = findProgram("nginx");
const openssl = findProgram("openssl");
/** BASE's path, where the sub-path location serves the build. */
const SUB = new URL(BASE).pathname;
/** In each file that must never be served. */
const SECRET = "hemmelig-7f3a";
/** A repository's and editors' leftovers in the web root (issue 25's findings). */
const LEFTOVERS = [".git/config", ".env", "taskpane.html~", "manifest.xml.bak", "help.html.swp"];

describeIf(
  nginx && openssl,
  "nginx or openssl is not installed (apt-get install nginx openssl)",
  "nginx with the shipped site files over the production build",
  () => {
    let site: NginxSite;
    let browser: Browser | undefined;

    beforeAll(async () => {
      for (const file of LEFTOVERS) {
        mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
        writeFileSync(path.join(dist, file), `${SECRET}\n`);
      }
      // nginx's workers run as an unprivileged user: they must be able to read the files.
      for (const dir of [
        work,
        dist,
        ...["assets", "chunks", ".git"].map((d) => path.join(dist, d)),
      ])
        chmodSync(dir, 0o755);
      site = await startNginx(nginx!, openssl!, path.join(work, "nginx"), dist, work);
      mkdirSync(SHOTS, { recursive: true });
    }, BUILD_TIMEOUT);

    afterAll(async () => {
      await browser?.close();
      await site?.stop();
    }, 60_000);

    /** The own host's TLS port, asked for SITE_NAME (SNI and Host). */
    const own = (file: string, more: Partial<Question> = {}) =>
      ask({
        port: site.tlsPort,
        path: `/${file}`,
        host: SITE_NAME,
        ...more,
        tls: { servername: SITE_NAME, ca: site.ca, ...more.tls },
      });
    /** The sub-path location, over plain http. */
    const sub = (file: string, more: Partial<Question> = {}) =>
      ask({ port: site.subpathPort, path: `${SUB}${file}`, ...more });
    const both = [
      ["the own host over TLS", own],
      ["the sub-path", sub],
    ] as const;

    describe("a web server that tells nothing (issue 25)", () => {
      it("nginx -t passes without a warning (no duplicate MIME type)", () => {
        expect(site.checkOutput).toMatch(/syntax is ok/);
        expect(site.checkOutput).not.toMatch(/\[(warn|emerg|alert|crit)\]/);
      });

      it.each(both)("dotfiles and backup copies are not found on %s", async (_, get) => {
        for (const file of [...LEFTOVERS, ".git/", ".git"]) {
          const res = await get(file);
          expect([file, res.status]).toEqual([file, 404]);
          expect(res.body.toString()).not.toContain(SECRET);
        }
        expect((await get("taskpane.html")).status).toBe(200);
      });

      it("the Server header names no version, on a page, an error and the redirect", async () => {
        const answers = [
          await own("taskpane.html"),
          await own("nothing-here.html"),
          await sub("nothing-here.html"),
          await ask({ port: site.httpPort, path: "/", host: SITE_NAME }),
        ];
        expect(answers.map((a) => a.status)).toEqual([200, 404, 404, 301]);
        for (const a of answers) {
          expect(a.headers.server).toBe("nginx");
          expect(a.body.toString()).not.toMatch(/nginx\/\d/);
        }
      });

      it("another host name gets no answer, over http and TLS", async () => {
        const evil = "evil.example";
        // http: the connection is closed without a response (return 444).
        await expect(ask({ port: site.httpPort, path: "/", host: evil })).rejects.toThrow(
          /socket hang up|ECONNRESET/
        );
        // TLS with another name: the handshake is refused.
        await expect(
          own("taskpane.html", { host: evil, tls: { servername: evil, ca: site.ca } })
        ).rejects.toThrow(/unrecognized name/i);
        // TLS without a name (an IP address): refused too.
        await expect(
          ask({ port: site.tlsPort, path: "/", tls: { ca: site.ca, servername: "" } })
        ).rejects.toThrow(/unrecognized name/i);
        // The right name in the handshake, another in the Host header: no response.
        await expect(own("taskpane.html", { host: evil })).rejects.toThrow(
          /socket hang up|ECONNRESET/
        );
        // Another host in an absolute request line, the right one in Host: no response.
        const raw = await new Promise<string>((ok, fail) => {
          let got = "";
          const socket = connect(site.httpPort, "127.0.0.1", () =>
            socket.write(`GET http://${evil}/ HTTP/1.1\r\nHost: ${SITE_NAME}\r\n\r\n`)
          );
          socket.on("data", (d) => (got += d));
          socket.on("end", () => ok(got));
          socket.on("error", fail);
        });
        expect(raw).toBe("");
      });

      it("http redirects to https on the configured name, never on the request's Host", async () => {
        for (const host of [SITE_NAME, `${SITE_NAME}:8080`, SITE_NAME.toUpperCase()]) {
          const res = await ask({ port: site.httpPort, path: "/taskpane.html?x=1", host });
          expect(res.status).toBe(301);
          expect(res.headers.location).toBe(`https://${SITE_NAME}/taskpane.html?x=1`);
        }
        // Under the sub-path the redirects are relative: no host name at all.
        const bare = await ask({ port: site.subpathPort, path: SUB.replace(/\/$/, "") });
        expect([bare.status, bare.headers.location]).toEqual([301, SUB]);
        const folder = await sub("assets", { host: "evil.example" });
        expect([folder.status, folder.headers.location]).toEqual([301, `${SUB}assets/`]);
      });

      it.each(both)(
        "a CORS preflight for the function metadata gets 204 and its Access-Control headers on %s",
        async (_, get) => {
          for (const file of Object.values(METADATA_FILES)) {
            const res = await get(file, {
              method: "OPTIONS",
              headers: {
                origin: "https://excel.officeapps.live.com",
                "access-control-request-method": "GET",
                "access-control-request-headers": "x-office-test",
              },
            });
            expect(res.status).toBe(204);
            expect(res.headers["access-control-allow-origin"]).toBe("*");
            expect(res.headers["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
            expect(res.headers["access-control-allow-headers"]).toBe("x-office-test");
            expect(res.headers["access-control-max-age"]).toBe("86400");
          }
          // The pages have no CORS: OPTIONS is not allowed there.
          const page = await get("taskpane.html", { method: "OPTIONS" });
          expect(page.status).toBe(405);
          expect(page.headers["access-control-allow-origin"]).toBeUndefined();
        }
      );

      it("TLS 1.2 and 1.3 are spoken, TLS 1.1 is refused", async () => {
        const at = (version: "TLSv1.1" | "TLSv1.2" | "TLSv1.3") =>
          own("taskpane.html", {
            tls: { servername: SITE_NAME, ca: site.ca, minVersion: version, maxVersion: version },
          });
        expect((await at("TLSv1.3")).status).toBe(200);
        expect((await at("TLSv1.2")).status).toBe(200);
        await expect(at("TLSv1.1")).rejects.toThrow(/protocol version/i);
      });
    });

    describe("the add-in under ADDIN_BASE_URL's path (issue 21)", () => {
      it("every URL of dist/manifest.xml answers from the sub-path location", async () => {
        const urls = manifestUrls(read("manifest.xml")).filter((u) => u.startsWith(BASE));
        expect(urls.length).toBeGreaterThan(12);
        const type: Record<string, RegExp> = {
          html: /^text\/html/,
          js: /^(application|text)\/javascript/,
          json: /^application\/json/,
          png: /^image\/png$/,
        };
        for (const url of urls) {
          const res = await sub(url.slice(BASE.length));
          const ext = url.replace(/^.*\./, "");
          expect([url, res.status]).toEqual([url, 200]);
          expect(res.headers["content-type"]).toMatch(type[ext]);
        }
      });

      it.each(both)(
        "the pane on %s: build/csp.ts's policy as a header, no X-Frame-Options, HSTS, revalidated",
        async (_, get) => {
          const res = await get("taskpane.html");
          expect(res.status).toBe(200);
          expect(res.headers["content-type"]).toMatch(/^text\/html; charset=utf-8/);
          expect(res.headers["content-security-policy"]).toBe(
            contentSecurityPolicy({ header: true })
          );
          expect(res.headers["x-frame-options"]).toBeUndefined();
          expect(res.headers["x-content-type-options"]).toBe("nosniff");
          expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
          expect(res.headers["strict-transport-security"]).toBe("max-age=31536000");
          expect(res.headers["cache-control"]).toBe("no-cache");
          expect(res.headers["access-control-allow-origin"]).toBeUndefined();
        }
      );

      it.each(both)(
        "scripts, metadata and pages are sent compressed on %s, and unpack to the files",
        async (_, get) => {
          // (taskpane.html is under gzip_min_length: 1 KB is not worth compressing.) The pane's
          // entry is a small loader; its weight is in the largest hashed chunk.
          const largest = readdirSync(path.join(dist, "chunks"))
            .filter((f) => f.endsWith(".js"))
            .map((f) => `chunks/${f}`)
            .sort(
              (a, b) => statSync(path.join(dist, b)).size - statSync(path.join(dist, a)).size
            )[0];
          for (const file of [
            "taskpane.js",
            largest,
            "functions.js",
            "functions.json",
            "help.html",
          ]) {
            const bytes = readFileSync(path.join(dist, file));
            const res = await get(file, { headers: { "accept-encoding": "gzip" } });
            expect([file, res.headers["content-encoding"]]).toEqual([file, "gzip"]);
            expect(res.headers.vary).toMatch(/Accept-Encoding/);
            expect(gunzipSync(res.body).equals(bytes)).toBe(true);
            if (file === largest) {
              console.log(
                `${file}: ${bytes.length} bytes, ${res.body.length} compressed (${Math.round((100 * res.body.length) / bytes.length)} %)`
              );
              expect(res.body.length).toBeLessThan(bytes.length * 0.4);
            }
          }
          // Also through a proxy (a Via header), and never to a client that did not ask.
          const proxied = await get("taskpane.js", {
            headers: { "accept-encoding": "gzip", via: "1.1 proxy.kommune.dk" },
          });
          expect(proxied.headers["content-encoding"]).toBe("gzip");
          expect((await get("taskpane.js")).headers["content-encoding"]).toBeUndefined();
        }
      );

      it("caching: hashed chunks a year, icons without Cache-Control, all else revalidated", async () => {
        const chunks = readdirSync(path.join(dist, "chunks")).filter((f) => f.endsWith(".js"));
        for (const chunk of chunks)
          expect((await sub(`chunks/${chunk}`)).headers["cache-control"]).toBe(
            "public, max-age=31536000, immutable"
          );
        for (const icon of readdirSync(path.join(dist, "assets"))) {
          const res = await sub(`assets/${icon}`);
          expect([icon, res.status, res.headers["cache-control"]]).toEqual([icon, 200, undefined]);
          expect(res.headers.etag).toBeDefined();
        }
        for (const file of [
          "taskpane.html",
          "help.html",
          "manifest.xml",
          "functions.js",
          "taskpane.js",
          ...Object.values(METADATA_FILES),
          "eksempel-refusion.xlsx",
        ])
          expect([file, (await sub(file)).headers["cache-control"]]).toEqual([file, "no-cache"]);
        expect((await sub("eksempel-refusion.xlsx")).headers["content-type"]).toBe(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
      });

      it("Chromium runs the pane from the sub-path under its policy, its workers from chunks/", async () => {
        browser = await launchBrowser();
        const chunks: string[] = [];
        const page = await openDemo(
          browser,
          `${site.subpathOrigin}${SUB.replace(/\/$/, "")}`,
          "",
          async (p) => {
            p.on("response", (r) => {
              if (r.url().includes(`${SUB}chunks/`)) chunks.push(`${r.status()} ${r.url()}`);
            });
          }
        );
        await runForecastInPage(page);
        await page.screenshot({ path: path.join(SHOTS, "nginx-subpath-pane.png") });
        expect(await page.getByTestId("validation-report").isVisible()).toBe(true);
        expect(await cspViolations(page)).toEqual([]);
        expect(chunks.length).toBeGreaterThan(0);
        expect(chunks.filter((c) => !c.startsWith("200 "))).toEqual([]);
      });
    });
  }
);
