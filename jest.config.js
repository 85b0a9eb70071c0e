// @ts-check
/**
 * The tests in test/, in three tiers (jest projects, `jest --selectProjects <name>`):
 * - unit: everything that needs neither a build nor a browser (`npm run test:unit`);
 * - build: what checks dist/ as `npm run build` writes it: the manifest, the function metadata,
 *   the sample workbook (`npm run test:build`);
 * - browser: the pages in headless Chromium and the web-server deployment
 *   (`npm run test:browser`; test/browser/chromium.ts picks the browser).
 * TypeScript is compiled by @swc/jest (no type checking here: `npm run check` runs tsc).
 */
/** Required by office-addin-manifest (also through office-addin-mock): its uuid, and strip-bom 5 via @microsoft/app-manifest. */
const ESM_ONLY = ["strip-bom", "uuid"];

/** The tests that read dist/ (the build tier) and the ones that start a browser or a server. */
const BUILD = ["manifest", "metadata", "sampleWorkbook"].map((f) => `<rootDir>/test/${f}.test.ts`);
const BROWSER = ["<rootDir>/test/browser/**/*.test.ts", "<rootDir>/test/deploy.test.ts"];
const ALL = ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"];

/** @type {import("jest").Config} */
const shared = {
  testEnvironment: "node",
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
};

/** @type {import("jest").Config} */
module.exports = {
  // 60 s a test, as under vitest. Jest has no separate hook timeout: slow hooks (browser start,
  // metadata generation) pass HOOK_TIMEOUT (180 s, test/timeouts.ts) themselves.
  testTimeout: 60_000,
  // `npm test -- --coverage`: V8's own coverage, so the functions that browser tests send to the
  // page with page.evaluate are not instrumented with counters the page does not have.
  coverageProvider: "v8",
  collectCoverageFrom: ["src/**/*.{ts,tsx}", "taskpane/**/*.{ts,tsx}", "demo/**/*.{ts,tsx}"],
  coverageDirectory: "coverage",
  // Workers: jest's default, one fewer than the cores (so one on a two-core machine, and the
  // browser files run one at a time there); `npm run test:unit` asks for two (its few clocks guard
  // against quadratic time with wide margins), so a two-core machine runs it in 104 s, not 181 s. A memory limit makes jest use a worker process even
  // then, recycled between files once it holds 300 MB: in one heap the files after the browser
  // tests grew it to ~500 MB, and timed tests slowed.
  workerIdleMemoryLimit: "300MB",
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ALL,
      testPathIgnorePatterns: [
        "/node_modules/",
        "/test/browser/",
        "/test/deploy\\.test\\.ts$",
        ...BUILD.map((b) => b.replace("<rootDir>", "").replace(/\./g, "\\.") + "$"),
      ],
    },
    { ...shared, displayName: "build", testMatch: BUILD },
    { ...shared, displayName: "browser", testMatch: BROWSER },
  ],
};
