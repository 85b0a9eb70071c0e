/**
 * The per-file demo of the browser tests, with jest's hooks: kept out of harness.ts, which the
 * bench (outside jest) imports too.
 */
import { afterAll, beforeAll } from "@jest/globals";
import { startDemo, stopDemo, type Browser, type StaticServer } from "./harness";
import { HOOK_TIMEOUT } from "../timeouts";

/** The demo of one test file: its server and its browser, there from beforeAll to afterAll. */
export interface Demo {
  server: StaticServer;
  browser: Browser;
}

/**
 * Serves the built demo and starts a browser before the calling file's tests (jest's beforeAll),
 * and closes both after them. Read `demo.server` and `demo.browser` inside the tests.
 */
export function demoPerFile(): Demo {
  const demo = {} as Demo;
  beforeAll(async () => Object.assign(demo, await startDemo()), HOOK_TIMEOUT);
  afterAll(() => stopDemo(demo), HOOK_TIMEOUT);
  return demo;
}
