/**
 * The web-server recipes of deploy/ agree with each other and with the build, checked as files
 * (test/deploy.test.ts runs the nginx ones): deploy/iis/web.config is well-formed XML (saxes, a
 * conforming parser) and sends the headers the nginx site sends, with build/csp.ts's policy; the
 * Azure Static Web Apps file the same; the nginx site pins TLS 1.2/1.3 on every TLS server and
 * never builds a URL from the request's Host. Only a real IIS or Azure can run their files.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { SaxesParser } from "saxes";
import { contentSecurityPolicy } from "../build/csp";
import { METADATA_FILES } from "../build/functionsMetadata";

const DEPLOY = path.resolve(__dirname, "..", "deploy");
const read = (file: string) => readFileSync(path.join(DEPLOY, file), "utf8");

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

/** The document's root element; throws at the first well-formedness error. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack = [root];
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attrs: Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)])),
      children: [],
    };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => stack.pop());
  parser.write(xml).close();
  return root.children[0];
}

const childrenNamed = (e: XmlElement | undefined, name: string) =>
  e?.children.filter((c) => c.name === name) ?? [];
function at(e: XmlElement, ...names: string[]): XmlElement {
  let here = e;
  for (const name of names) {
    const next = childrenNamed(here, name)[0];
    if (!next) throw new Error(`<${name}> missing under <${here.name}>`);
    here = next;
  }
  return here;
}

/** The headers the nginx snippet sends with a fixed value (not from a map). */
function nginxFixedHeaders(): Record<string, string> {
  const snippet = read("nginx/snippets/refusion-files.conf");
  return Object.fromEntries(
    [...snippet.matchAll(/^add_header ([\w-]+) (?:"([^"]*)"|([^$\s][^\s;]*)) always;$/gm)].map(
      (m) => [m[1], m[2] ?? m[3]]
    )
  );
}

describe("the nginx site", () => {
  it("sends build/csp.ts's policy, nosniff, a referrer policy and HSTS on every file", () => {
    expect(nginxFixedHeaders()).toEqual({
      "Content-Security-Policy": contentSecurityPolicy({ header: true }),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Strict-Transport-Security": "max-age=31536000",
    });
  });

  it("every TLS server pins TLS 1.2 and 1.3 (a port's protocols are its default server's)", () => {
    const site = read("nginx/sites-available/refusion.conf");
    const servers = site.split(/^server \{$/m).slice(1);
    const tlsServers = servers.filter((s) => /listen 443 ssl/.test(s));
    expect(tlsServers.length).toBe(2);
    for (const s of tlsServers) expect(s).toMatch(/^\s*ssl_protocols TLSv1\.2 TLSv1\.3;$/m);
  });

  it("never builds a URL from the request: no $host or $http_host, the redirect to the site's name", () => {
    for (const file of [
      "nginx/sites-available/refusion.conf",
      "nginx/snippets/refusion-files.conf",
      "nginx/snippets/refusion-subpath.conf",
      "nginx/conf.d/refusion-maps.conf",
    ])
      expect([file, /\$(host|http_host|server_name)\b/.test(read(file))]).toEqual([file, false]);
    const site = read("nginx/sites-available/refusion.conf");
    const names = [...site.matchAll(/^\s*server_name ([^;]+);$/gm)].map((m) => m[1]);
    expect(names).toEqual(["_", "_", "refusion.kommune.dk", "refusion.kommune.dk"]);
    expect(site).toMatch(/return 301 https:\/\/refusion\.kommune\.dk\$request_uri;/);
  });
});

describe("deploy/iis/web.config (IIS, Azure App Service on Windows)", () => {
  const config = () => parseXml(read("iis/web.config"));
  const webServer = () => at(config(), "system.webServer");
  const location = (p: string) =>
    childrenNamed(config(), "location").find((l) => l.attrs.path === p);
  const addedHeaders = (e: XmlElement | undefined) =>
    Object.fromEntries(
      childrenNamed(e, "add").map((a): [string, string] => [a.attrs.name, a.attrs.value])
    );

  it("is well-formed XML, and the parser refuses a file that is not", () => {
    expect(config().name).toBe("configuration");
    // "--" inside a comment is not XML: IIS would answer 500.19 for the whole folder.
    const broken = read("iis/web.config").replace(
      "<configuration>",
      "<!-- a -- b --><configuration>"
    );
    expect(() => parseXml(broken)).toThrow(/malformed comment/);
    expect(() => parseXml("<configuration><a></configuration>")).toThrow();
  });

  it("sends the nginx site's headers on every file, removes X-Frame-Options and X-Powered-By", () => {
    const headers = at(webServer(), "httpProtocol", "customHeaders");
    expect(addedHeaders(headers)).toEqual(nginxFixedHeaders());
    expect(addedHeaders(headers)["Content-Security-Policy"]).toBe(
      contentSecurityPolicy({ header: true })
    );
    const removed = childrenNamed(headers, "remove").map((r) => r.attrs.name);
    expect(removed).toEqual(expect.arrayContaining(["X-Frame-Options", "X-Powered-By"]));
    // Each added header is removed first, so a server-wide one of the same name cannot clash (500.19).
    for (const name of Object.keys(addedHeaders(headers))) expect(removed).toContain(name);
  });

  it("caches as nginx does: no-cache, hashed chunks a year, icons without Cache-Control", () => {
    const cache = (e: XmlElement) => at(e, "staticContent", "clientCache").attrs;
    expect(cache(webServer())).toEqual({ cacheControlMode: "DisableCache" });
    expect(cache(at(location("chunks")!, "system.webServer"))).toEqual({
      cacheControlMode: "UseMaxAge",
      cacheControlMaxAge: "365.00:00:00",
      cacheControlCustom: "public, immutable",
    });
    expect(cache(at(location("assets")!, "system.webServer"))).toEqual({
      cacheControlMode: "NoControl",
    });
    expect(at(webServer(), "urlCompression").attrs.doStaticCompression).toBe("true");
  });

  it("serves JSON as application/json with CORS on exactly the metadata files", () => {
    const types = Object.fromEntries(
      childrenNamed(at(webServer(), "staticContent"), "mimeMap").map((m) => [
        m.attrs.fileExtension,
        m.attrs.mimeType,
      ])
    );
    expect(types[".json"]).toBe("application/json");
    expect(types[".js"]).toBe("application/javascript");
    const cors = childrenNamed(config(), "location").filter((l) =>
      JSON.stringify(l).includes("Access-Control-Allow-Origin")
    );
    expect(cors.map((l) => l.attrs.path).sort()).toEqual(Object.values(METADATA_FILES).sort());
    for (const l of cors)
      expect(addedHeaders(at(l, "system.webServer", "httpProtocol", "customHeaders"))).toEqual({
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
        "Access-Control-Allow-Headers": "*",
        "Access-Control-Max-Age": "86400",
      });
  });

  it("refuses dotfiles, backup copies and methods other than GET, HEAD and OPTIONS", () => {
    const filtering = at(webServer(), "security", "requestFiltering");
    expect(filtering.attrs.removeServerHeader).toBe("true");
    expect(
      childrenNamed(at(filtering, "denyUrlSequences"), "add").map((a) => a.attrs.sequence)
    ).toEqual(["/.", "~"]);
    const denied = childrenNamed(at(filtering, "fileExtensions"), "add");
    expect(denied.every((a) => a.attrs.allowed === "false")).toBe(true);
    expect(denied.map((a) => a.attrs.fileExtension)).toEqual(
      expect.arrayContaining([".bak", ".old", ".orig", ".swp", ".tmp"])
    );
    const verbs = at(filtering, "verbs");
    expect(verbs.attrs.allowUnlisted).toBe("false");
    expect(childrenNamed(verbs, "add").map((v) => v.attrs.verb)).toEqual([
      "GET",
      "HEAD",
      "OPTIONS",
    ]);
  });
});

describe("deploy/azure-static-web-apps/staticwebapp.config.json", () => {
  const swa = () =>
    JSON.parse(read("azure-static-web-apps/staticwebapp.config.json")) as {
      globalHeaders: Record<string, string>;
      routes: { route: string; headers: Record<string, string> }[];
      mimeTypes: Record<string, string>;
    };

  it("sends the nginx site's headers, revalidated by default", () => {
    expect(swa().globalHeaders).toEqual({ ...nginxFixedHeaders(), "Cache-Control": "no-cache" });
  });

  it("hashed chunks a year, icons without Cache-Control, CORS on exactly the metadata files", () => {
    const route = (r: string) => swa().routes.find((x) => x.route === r)?.headers;
    expect(route("/chunks/*")).toEqual({ "Cache-Control": "public, max-age=31536000, immutable" });
    // An empty value removes the header (learn.microsoft.com/azure/static-web-apps/configuration).
    expect(route("/assets/*")).toEqual({ "Cache-Control": "" });
    const cors = swa().routes.filter((r) => r.headers["Access-Control-Allow-Origin"] === "*");
    expect(cors.map((r) => r.route).sort()).toEqual(
      Object.values(METADATA_FILES)
        .map((f) => `/${f}`)
        .sort()
    );
    expect(swa().mimeTypes[".json"]).toBe("application/json");
  });
});
