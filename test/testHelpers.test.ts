/**
 * The tests' own helpers: waitFor (retry an assertion until the page catches up).
 */
import { describe, expect, it } from "@jest/globals";
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
      { interval: 1 },
    );
    expect(value).toBe(3);
  });

  it("after the timeout, throws the last failure with its own message", async () => {
    const started = Date.now();
    let calls = 0;
    await expect(waitFor(() => expect(++calls).toBe(0), { timeout: 200, interval: 20 })).rejects.toThrow(/Expected: 0\s+Received: \d+/);
    expect(calls).toBeGreaterThan(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  });

  it("gives up on a check that hangs past the timeout", async () => {
    const never = new Promise<string>(() => {});
    await expect(waitFor(() => never, { timeout: 100 })).rejects.toThrow("waitFor: the check did not finish within 100 ms");
  });
});
