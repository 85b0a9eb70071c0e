// ESLint as Microsoft's Office add-in templates run it (eslint-plugin-office-addins: loading and
// syncing Office.js objects correctly, prettier as a rule), with typescript-eslint's recommended
// rules and React's for the pane. `npm run lint`; `npm test` runs it.
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

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "test-results/", "node_modules/"] },
  ...tseslint.configs.recommended,
  ...office,
  // The office-addins rules for .tsx too (Microsoft's set names only .js and .ts files).
  { ...officeRules, files: ["**/*.tsx"] },
  {
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
    settings: { react: { version: "detect" } },
  },
  {
    rules: {
      // React 17+ JSX transform: no React import in scope.
      "react/react-in-jsx-scope": "off",
    },
  },
  // Build and test configuration files run in Node.
  {
    files: ["*.js", "*.mjs", "bench/**", "schema/**", "test/**"],
    languageOptions: { globals: globals.node },
  }
);
