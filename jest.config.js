// @ts-check
/**
 * One jest config for all tests in test/. TypeScript is compiled by @swc/jest (no type checking
 * here: `npm test` runs `tsc --noEmit` first). Browser test files (test/browser/) start their own
 * Chromium (test/browser/chromium.ts picks which).
 */
/** Required by office-addin-manifest (also through office-addin-mock): its uuid, and strip-bom 5 via @microsoft/app-manifest. */
const ESM_ONLY = ["strip-bom", "uuid"];

/** @type {import("jest").Config} */
module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
        },
      },
    ],
    // ES-module-only packages that a CommonJS dependency requires (Node 20's require(esm), which
    // vitest relied on, does not reach jest's module loader): compiled to CommonJS too.
    [`/node_modules/(${ESM_ONLY.join("|")})/.+\\.js$`]: ["@swc/jest", {}],
  },
  // Not transformed: files of any other package (the innermost node_modules/ decides).
  transformIgnorePatterns: [`^.*/node_modules/(?!(?:${ESM_ONLY.join("|")})/)(?!.*/node_modules/)`],
  // 60 s a test, as under vitest. Jest has no separate hook timeout: slow hooks (browser start,
  // metadata generation) pass HOOK_TIMEOUT (180 s, test/timeouts.ts) themselves.
  testTimeout: 60_000,
  // Workers: jest's default, one fewer than the cores (so one on a two-core machine, and the
  // browser files run one at a time there). Setting a memory limit makes jest use a worker process
  // even then, recycled between files once it holds 300 MB: in one heap the files after the
  // browser tests grew it to ~500 MB, and timed tests (50 000 citizen ids in under a second) slowed.
  workerIdleMemoryLimit: "300MB",
  // `npm test -- --coverage`: V8's own coverage, so the functions that browser tests send to the
  // page with page.evaluate are not instrumented with counters the page does not have.
  coverageProvider: "v8",
  collectCoverageFrom: ["src/**/*.{ts,tsx}", "taskpane/**/*.{ts,tsx}"],
  coverageDirectory: "coverage",
};
