// ESLint as Microsoft's Office add-in templates run it: eslint-plugin-office-addins' React set
// (ESLint's recommended rules, loading and syncing Office.js objects correctly, React, prettier as
// a rule), then typescript-eslint's recommended rules and the React hooks rules.
// `npm run lint`; `npm test` runs it.
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
const officeRules = office.find((c) => c.rules?.["office-addins/load-object-before-read"]);
const react = office.find((c) => c.plugins?.react).plugins.react;

export default defineConfig(
  { ignores: ["dist/", "coverage/", "test-results/", "node_modules/"] },
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
