/**
 * The shipped nginx files (deploy/nginx/) run by Debian's nginx for test/deploy.test.ts, laid out
 * as in /etc/nginx: conf.d/refusion-maps.conf and snippets/ as they are, the own-host site
 * sites-available/refusion.conf on two free ports of 127.0.0.1 (http and TLS with a certificate
 * openssl makes for its name), and the sub-path snippet inside a plain-http server on a third
 * port, as a host that serves other things includes it. Only ports, certificate paths and roots
 * are replaced, each a counted number of times, so a changed file fails here rather than being
 * tested half. Also a small HTTP(S) client that keeps what nginx sends (no decompression) and
 * can send any Host header and SNI name.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import path from "node:path";
import type { SecureVersion } from "node:tls";

const DEPLOY = path.resolve(__dirname, "..", "deploy", "nginx");
/** The host name sites-available/refusion.conf serves. */
export const SITE_NAME = "refusion.kommune.dk";

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

/** `text` with `pattern` replaced, which must match exactly `times` times. */
function replaceCounted(file: string, text: string, pattern: RegExp, by: string, times: number) {
  const found = text.match(pattern)?.length ?? 0;
  if (found !== times)
    throw new Error(`${file}: ${pattern} matches ${found} times, the test expects ${times}`);
  return text.replace(pattern, by);
}

export interface NginxSite {
  /** The own-host site: http (redirect and default server) and TLS ports. */
  httpPort: number;
  tlsPort: number;
  /** The plain-http server that includes snippets/refusion-subpath.conf. */
  subpathPort: number;
  subpathOrigin: string;
  /** The certificate (PEM) the TLS port presents for SITE_NAME. */
  ca: string;
  /** What `nginx -t` wrote (warnings included). */
  checkOutput: string;
  stop(): Promise<void>;
}

/**
 * Starts nginx in `prefix` over `siteRoot` (the own host's root: the build) and `subpathRoot`
 * (the folder that holds the sub-path's folder, as the snippet's root).
 */
export async function startNginx(
  nginx: string,
  openssl: string,
  prefix: string,
  siteRoot: string,
  subpathRoot: string
): Promise<NginxSite> {
  for (const dir of ["conf.d", "snippets", "sites-enabled", "temp"])
    mkdirSync(path.join(prefix, dir), { recursive: true });
  const [httpPort, tlsPort, subpathPort] = [await freePort(), await freePort(), await freePort()];
  const cert = path.join(prefix, "site.pem");
  const key = path.join(prefix, "site.key");
  const made = spawnSync(
    openssl,
    [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
      ...["-keyout", key, "-out", cert, "-days", "2", "-subj", `/CN=${SITE_NAME}`],
      ...["-addext", `subjectAltName=DNS:${SITE_NAME}`],
    ],
    { encoding: "utf8" }
  );
  if (made.status !== 0) throw new Error(`openssl could not make a certificate:\n${made.stderr}`);

  const shipped = (file: string) => readFileSync(path.join(DEPLOY, file), "utf8");
  const copy = (file: string, to = file, edit = (text: string) => text) =>
    writeFileSync(path.join(prefix, to), edit(shipped(file)));
  copy("conf.d/refusion-maps.conf");
  copy("snippets/refusion-files.conf");
  copy("snippets/refusion-subpath.conf", undefined, (text) =>
    replaceCounted("refusion-subpath.conf", text, /root \/var\/www;/g, `root ${subpathRoot};`, 1)
  );
  copy("sites-available/refusion.conf", "sites-enabled/refusion.conf", (text) => {
    const file = "sites-available/refusion.conf";
    let t = replaceCounted(file, text, /^\s*listen \[::\].*\n/gm, "", 4);
    t = replaceCounted(file, t, /listen 80\b/g, `listen 127.0.0.1:${httpPort}`, 2);
    t = replaceCounted(file, t, /listen 443 ssl\b/g, `listen 127.0.0.1:${tlsPort} ssl`, 2);
    t = replaceCounted(file, t, /\/etc\/ssl\/certs\/refusion\.kommune\.dk\.pem/g, cert, 1);
    t = replaceCounted(file, t, /\/etc\/ssl\/private\/refusion\.kommune\.dk\.key/g, key, 1);
    return replaceCounted(file, t, /root \/var\/www\/refusion;/g, `root ${siteRoot};`, 1);
  });
  const temp = (name: string) => path.join(prefix, "temp", name);
  // Debian's nginx.conf, as far as the site needs it.
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
      "  include conf.d/*.conf;",
      "  include sites-enabled/*;",
      // A host that serves other things and includes the add-in under its path.
      `  server { listen 127.0.0.1:${subpathPort}; server_name localhost; include snippets/refusion-subpath.conf; }`,
      "}",
      "",
    ].join("\n")
  );
  const args = [
    "-p",
    prefix,
    "-c",
    path.join(prefix, "nginx.conf"),
    "-e",
    path.join(prefix, "error.log"),
  ];
  const check = spawnSync(nginx, ["-t", ...args], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  const server: ChildProcess = spawn(nginx, args, { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stderr?.on("data", (d) => (log += d));
  const subpathOrigin = `http://127.0.0.1:${subpathPort}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      if ((await ask({ port: subpathPort, path: "/refusion/taskpane.html" })).status === 200) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`nginx did not answer: ${log}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return {
    httpPort,
    tlsPort,
    subpathPort,
    subpathOrigin,
    ca: readFileSync(cert, "utf8"),
    checkOutput: check.stderr,
    stop: async () => {
      if (server.exitCode !== null) return;
      server.kill("SIGQUIT");
      await new Promise((ok) => server.once("exit", ok));
    },
  };
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent (still compressed if it was). */
  body: Buffer;
}

export interface Question {
  port: number;
  path: string;
  method?: string;
  /** The Host header (default: 127.0.0.1:port). */
  host?: string;
  headers?: Record<string, string>;
  /** Over TLS: the SNI name, the certificate to trust and the protocol versions to offer. */
  tls?: { servername?: string; ca: string; minVersion?: SecureVersion; maxVersion?: SecureVersion };
}

/** One request to 127.0.0.1, on a connection of its own. */
export function ask(q: Question): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const options = {
      host: "127.0.0.1",
      port: q.port,
      path: q.path,
      method: q.method ?? "GET",
      agent: false,
      headers: { host: q.host ?? `127.0.0.1:${q.port}`, ...q.headers },
    };
    const req = q.tls
      ? httpsRequest({
          ...options,
          servername: q.tls.servername,
          ca: q.tls.ca,
          minVersion: q.tls.minVersion,
          maxVersion: q.tls.maxVersion,
          // Lets the client offer what the server must refuse (TLS 1.1).
          ciphers: "DEFAULT@SECLEVEL=0",
        })
      : httpRequest(options);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
      );
    });
    req.on("error", reject);
    req.end();
  });
}
