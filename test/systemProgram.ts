/**
 * For tests that need a program npm cannot install (e.g. nginx, to check a deployment
 * configuration): find it, and where it is missing skip those tests with the reason printed,
 * instead of failing on a newcomer's machine. `.ci/run` installs such programs, so CI runs them.
 *
 *   const nginx = findProgram("nginx");
 *   describeIf(nginx, "nginx is not installed (apt-get install nginx)", "the nginx configuration", () => { … nginx! … });
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { describe } from "@jest/globals";

/** Also searched: where Debian puts daemons (nginx is /usr/sbin/nginx), often not on a user's PATH. */
const SBIN = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

/** The absolute path of an executable `name` on PATH (or in an sbin folder), or null. */
export function findProgram(name: string): string | null {
  const dirs = [...(process.env.PATH ?? "").split(delimiter).filter(Boolean), ...SBIN];
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * `describe(name, fn)` when `condition` holds (e.g. the path findProgram returned); otherwise the
 * block is skipped (its tests show as skipped, named with the reason) and the reason is printed.
 */
export function describeIf(
  condition: unknown,
  reasonToSkip: string,
  name: string,
  fn: () => void
): void {
  if (condition) {
    describe(name, fn);
    return;
  }
  console.warn(`Skipped "${name}": ${reasonToSkip}`);
  describe.skip(`${name} [skipped: ${reasonToSkip}]`, fn);
}
