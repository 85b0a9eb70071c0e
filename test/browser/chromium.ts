/**
 * Which Chromium the browser tests and the bench drive through playwright-core, in one place:
 *
 * 1. `CHROMIUM_PATH=/path/to/chromium`: that binary.
 * 2. Debian's chromium at /usr/bin/chromium when it is installed (`.ci/run` installs it).
 * 3. Otherwise the headless Chromium that the npm package @sparticuz/chromium ships (a
 *    devDependency), so `npm ci && npm test` needs no browser from apt. `CHROMIUM_PATH=npm`
 *    picks it even where a system Chromium exists.
 *
 * The npm build comes brotli-compressed: the binary, its fonts, SwiftShader (software GL) and
 * the NSS/expat libraries it links to (built for Amazon Linux 2023 against glibc alone, except
 * NSS's key store module, which wants libsqlite3; the tests pass without it). The
 * package's own executablePath() unpacks into a shared /tmp/chromium, takes any file already
 * there as ready (even a half-written one, or another version's) and unpacks those libraries
 * only on AWS. So we unpack all four ourselves into a folder per package version, under a
 * temporary name first and then renamed into place, which is safe when several test files start
 * at once; and we launch it with the package's recommended flags.
 */
import {
  accessSync,
  constants,
  createReadStream,
  createWriteStream,
  existsSync,
  readFileSync,
} from "node:fs";
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress } from "node:zlib";
import sparticuz from "@sparticuz/chromium";
import { extract, type ExtractOptions } from "tar-fs";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";
/** The value of CHROMIUM_PATH that asks for the npm build. */
export const NPM_CHROMIUM = "npm";

export interface ChromiumChoice {
  executablePath: string;
  /** Command-line flags for playwright's launch `args`. */
  args: string[];
  /** Environment for the browser process (the npm build's libraries and fonts), if it needs one. */
  env?: Record<string, string>;
  /** Where it came from, for messages. */
  source: string;
}

/** What every launch gets: no sandbox (tests run as root in CI), and nothing that goes online. */
const BASE_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

let chosen: Promise<ChromiumChoice> | undefined;

/** The Chromium to launch (found once per process). */
export function findChromium(): Promise<ChromiumChoice> {
  chosen ??= choose();
  return chosen;
}

async function choose(): Promise<ChromiumChoice> {
  const override = process.env.CHROMIUM_PATH;
  if (override && override !== NPM_CHROMIUM) {
    if (!isExecutable(override))
      throw new Error(`CHROMIUM_PATH=${override} is not an executable file`);
    return {
      executablePath: override,
      args: [...BASE_ARGS, "--disable-gpu"],
      source: `CHROMIUM_PATH=${override}`,
    };
  }
  if (override !== NPM_CHROMIUM && isExecutable(SYSTEM_CHROMIUM)) {
    return {
      executablePath: SYSTEM_CHROMIUM,
      args: [...BASE_ARGS, "--disable-gpu"],
      source: SYSTEM_CHROMIUM,
    };
  }
  return npmChromium();
}

async function npmChromium(): Promise<ChromiumChoice> {
  // The CommonJS entry is build/cjs/index.cjs; the compressed files are in bin/ beside build/.
  const entry = require.resolve("@sparticuz/chromium");
  const packageDir = join(dirname(entry), "..", "..");
  const bin = join(packageDir, "bin");
  const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    version: string;
  };
  const dir = join(tmpdir(), `sparticuz-chromium-${version}`);
  if (!existsSync(join(dir, "chromium"))) await unpack(bin, dir);
  const args = [...new Set([...sparticuz.args, ...BASE_ARGS])];
  return {
    executablePath: join(dir, "chromium"),
    args,
    env: {
      ...(process.env as Record<string, string>),
      LD_LIBRARY_PATH: [join(dir, "lib"), process.env.LD_LIBRARY_PATH].filter(Boolean).join(":"),
      FONTCONFIG_PATH: join(dir, "fonts"),
    },
    source: `@sparticuz/chromium ${version} (unpacked in ${dir})`,
  };
}

/** Unpacks the package's bin/ into `dir`: chromium, SwiftShader beside it, lib/ and fonts/. */
async function unpack(bin: string, dir: string): Promise<void> {
  const staging = await mkdtemp(`${dir}.partial-`);
  try {
    const noChown: ExtractOptions & { chown: boolean } = { chown: false };
    const untar = (archive: string, into: string) =>
      pipeline(
        createReadStream(join(bin, archive)),
        createBrotliDecompress(),
        extract(into, noChown)
      );
    await Promise.all([
      pipeline(
        createReadStream(join(bin, "chromium.br")),
        createBrotliDecompress(),
        createWriteStream(join(staging, "chromium"), { mode: 0o755 })
      ),
      untar("swiftshader.tar.br", staging),
      untar("al2023.tar.br", staging), // lib/
      untar("fonts.tar.br", join(staging, "fonts")),
    ]);
    // The package's fonts.conf names /tmp/fonts; ours names this folder.
    await writeFile(
      join(staging, "fonts", "fonts.conf"),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, "fonts", "fonts")}</dir>\n  <cachedir>${join(dir, "fonts", "cache")}</cachedir>\n</fontconfig>\n`
    );
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another process unpacked it at the same time and renamed first: use theirs.
    if (existsSync(join(dir, "chromium"))) return;
    throw error;
  }
}
