// ESLint as Microsoft's Office add-in templates run it: eslint-plugin-office-addins' React set
// (ESLint's recommended rules, loading and syncing Office.js objects correctly, React, prettier as
// a rule), then typescript-eslint's recommended rules and the React hooks rules; with type
// information, a promise nobody awaits; and a length limit for source files.
// `npm run lint`; `npm run check` and `npm test` run it.
import { defineConfig } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * Microsoft's configs bundle an older typescript-eslint; ESLint allows one instance of a plugin,
 * so theirs gives way to ours (same rule names) and their parser to ours.
 */
function withOurTypeScript(config) {
  const { "@typescript-eslint": _theirs, ...plugins } = config.plugins ?? {};
  const languageOptions = config.languageOptions?.parser
    ? { ...config.languageOptions, parser: tseslint.parser }
    : config.languageOptions;
  return {
    ...config,
    ...(config.plugins && { plugins }),
    ...(languageOptions && { languageOptions }),
  };
}

const office = officeAddins.configs.react.map(withOurTypeScript);

/** The TypeScript that tsconfig.json compiles: what the rules with type information can read. */
const TYPED = ["{src,taskpane,demo,test,bench,build}/**/*.{ts,tsx}"];

/** The add-in's and the demo's own source: one concept a module, so at most 500 lines of code. */
const SOURCE = ["{src,taskpane,demo}/**/*.{ts,tsx}"];
/** Data, not logic: the parameter registry, the functions' texts, the pane's texts, sample data. */
const DATA = ["**/registry.ts", "**/catalog.ts", "**/texts.ts", "**/*Texts.ts", "**/sampleData.ts"];
const officeRules = office.find((c) => c.rules?.["office-addins/load-object-before-read"]);
const react = office.find((c) => c.plugins?.react).plugins.react;

export default defineConfig(
  { ignores: ["dist/", "coverage/", "test-results/", "node_modules/", "bench/.out/"] },
  ...office,
  // Microsoft's set names only .js and .ts files: the same rules (Office.js, prettier) for .tsx.
  { ...officeRules, files: ["**/*.tsx"] },
  // After Microsoft's set, so that typescript-eslint's own overrides for TypeScript files win:
  // it turns off the core rules the compiler already checks and that misread TypeScript
  // (no-undef: types and globals come from tsconfig; no-redeclare: function overloads).
  ...tseslint.configs.recommended,
  {
    rules: {
      // A copy without some properties is written by destructuring them away.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  // A promise neither awaited, returned, caught nor marked `void` loses its rejection: an
  // Office.js error would vanish. The rule needs the types, which typescript-eslint's project
  // service reads from tsconfig.json (https://typescript-eslint.io/getting-started/typed-linting).
  {
    files: TYPED,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: { "@typescript-eslint/no-floating-promises": "error" },
  },
  // A file longer than this holds more than one concept (CONTRIBUTING.md); data files are exempt.
  {
    files: SOURCE,
    ignores: DATA,
    rules: {
      "max-lines": ["error", { max: 500, skipBlankLines: true, skipComments: true }],
    },
  },
  // The hooks rules (React Compiler's analysis, the slowest rules) only where React code lives.
  { ...reactHooks.configs.flat.recommended, files: ["taskpane/**", "demo/**"] },
  // React 17+ JSX transform: no React import in scope (eslint-plugin-react's own preset for it).
  react.configs.flat["jsx-runtime"],
  // Build and tool configuration is CommonJS, loaded by Node's require (webpack, jest, prettier).
  {
    files: ["*.js", "*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // Tests read the build's own settings from the CommonJS webpack configuration, which has no types.
  {
    files: ["test/**"],
    rules: {
      "@typescript-eslint/no-require-imports": ["error", { allow: ["/webpack\\.config\\.js$"] }],
    },
  }
);
