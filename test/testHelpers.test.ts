/**
 * The tests' own helpers: waitFor (retry an assertion until the page catches up) and
 * findProgram/describeIf (skip, saying why, the tests that need a program npm cannot install).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, jest } from "@jest/globals";
import { describeIf, findProgram } from "./systemProgram";
import { waitFor } from "./waitFor";

describe("waitFor", () => {
  it("retries until the assertion passes and returns the check's value", async () => {
    let calls = 0;
    const value = await waitFor(
      () => {
        calls++;
        expect(calls).toBeGreaterThanOrEqual(3);
        return calls;
      },
      { interval: 1 }
    );
    expect(value).toBe(3);
  });

  it("after the timeout, throws the last failure with its own message", async () => {
    const started = Date.now();
    let calls = 0;
    await expect(
      waitFor(() => expect(++calls).toBe(0), { timeout: 200, interval: 20 })
    ).rejects.toThrow(/Expected: 0\s+Received: \d+/);
    expect(calls).toBeGreaterThan(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  });

  it("gives up on a check that hangs past the timeout", async () => {
    const never = new Promise<string>(() => {});
    await expect(waitFor(() => never, { timeout: 100 })).rejects.toThrow(
      "waitFor: the check did not finish within 100 ms"
    );
  });
});

describe("findProgram", () => {
  it("finds a program on PATH as an absolute path, and gives null for one that is not installed", () => {
    expect(findProgram("node")).toMatch(/^\/.*\/node$/);
    expect(findProgram("no-such-program-for-this-test")).toBeNull();
  });

  it("also looks in the sbin folders, where Debian puts daemons such as nginx", () => {
    const path = process.env.PATH;
    process.env.PATH = "/nowhere";
    try {
      expect(findProgram("sh")).toBeNull(); // /bin/sh: not in an sbin folder
      expect(findProgram("ldconfig")).toMatch(/^(\/usr)?\/sbin\/ldconfig$/); // glibc's, on every Debian
    } finally {
      process.env.PATH = path;
    }
  });
});

// describeIf, at collection time: a block whose program is missing is skipped with the reason
// printed (and its tests are reported as skipped); one whose program is there runs.
const warn = jest.spyOn(console, "warn");
describeIf(
  findProgram("no-such-program-for-this-test"),
  "no-such-program-for-this-test is not installed",
  "describeIf with a missing program",
  () => {
    it("is skipped, not run", () => {
      throw new Error("describeIf ran a block whose program is missing");
    });
  }
);
const warnings = warn.mock.calls.map((args) => args.join(" "));
warn.mockRestore();

let ranWithProgram = false;
describeIf(
  findProgram("node"),
  "node is not installed",
  "describeIf with a program that is there",
  () => {
    it("runs", () => {
      ranWithProgram = true;
      expect(findProgram("node")).not.toBeNull();
    });
  }
);

describe("describeIf", () => {
  it("printed why it skipped, and ran the block whose program is there", () => {
    expect(warnings).toEqual([
      'Skipped "describeIf with a missing program": no-such-program-for-this-test is not installed',
    ]);
    expect(ranWithProgram).toBe(true);
  });
});

describe("the browser harness outside jest", () => {
  it("imports nothing of jest's, so `npm run bench` (tsx, no jest) can load it", () => {
    const source = readFileSync(join(__dirname, "browser", "harness.ts"), "utf8");
    expect(source).not.toMatch(/from "@jest\/globals"/);
  });
});
