// Build of the add-in in the style of Microsoft's yo-office template "Excel Custom Functions
// using a Shared Runtime": one page (taskpane.html) hosts both the task pane and the custom
// functions, and functions.json is generated from the registered functions at build time.
//
// `ADDIN_BASE_URL=https://host/path/ npm run build` builds for hosting there: dist/manifest.xml
// and the functions' help URLs point under that base. Without it they point at the dev server.
// `ADDIN_ENV=test` builds the test environment (build/environment.ts): its own manifest Id, a
// name that says "test" and its own functions' namespace, to run beside production.

const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/**
 * The build's own modules, in TypeScript (they share the catalog and the sample data with
 * src/): compiled by tsx, or by jest's transform when a test reads this config.
 */
function buildModules() {
  try {
    return require("./build/index.ts");
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return require("tsx/cjs/api").require("./build/index.ts", __filename);
  }
}
const build = buildModules();

const DEV_HOST = "localhost";
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
/** The origin manifest.xml points at (Office only loads add-ins over https). */
const urlDev = `https://${DEV_HOST}:${DEV_PORT}/`;
if (urlDev !== build.DEV_BASE_URL)
  throw new Error(`The dev server (${urlDev}) must be manifest.xml's ${build.DEV_BASE_URL}`);

/** The functions Excel registers; functions.json is generated from this file alone. */
function functionFiles() {
  return ["./src/functions/registered.ts"];
}

/**
 * The assets that are not bundles: functions.json completed and translated (Danish) plus
 * functions-en.json, dist/manifest.xml for `baseUrl` and `environment`, and the sample workbook.
 */
class AddinAssetsPlugin {
  constructor(baseUrl, environment) {
    this.baseUrl = baseUrl;
    this.environment = environment;
  }

  apply(compiler) {
    const { RawSource } = webpack.sources;
    compiler.hooks.thisCompilation.tap("AddinAssetsPlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: "AddinAssetsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        async () => {
          const generated = compilation.getAsset(build.METADATA_FILES.da);
          if (!generated) return; // the metadata plugin reported its errors
          const metadata = JSON.parse(generated.source.source().toString());
          for (const [language, file] of Object.entries(build.METADATA_FILES)) {
            const json = JSON.stringify(
              build.localizeMetadata(metadata, language, this.baseUrl),
              null,
              2
            );
            if (compilation.getAsset(file)) compilation.updateAsset(file, new RawSource(json));
            else compilation.emitAsset(file, new RawSource(json));
          }
          const version = require("./package.json").version;
          const manifest = fs.readFileSync(path.join(__dirname, "manifest.xml"), "utf8");
          compilation.emitAsset(
            "manifest.xml",
            new RawSource(build.buildManifest(manifest, this.baseUrl, version, this.environment))
          );
          compilation.emitAsset(
            build.SAMPLE_WORKBOOK_FILE,
            new RawSource(await build.sampleWorkbookBytes(this.environment.namespace))
          );
        }
      );
    });
  }
}

/** https with office-addin-dev-certs' localhost certificate (installs it on first use). */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { type: "https", options: { ca, key, cert } };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const https = Boolean(env && env.https);
  const baseUrl = build.baseUrlFrom(process.env.ADDIN_BASE_URL);
  const environment = build.environmentFrom(process.env.ADDIN_ENV);
  // The pages' Content-Security-Policy (build/csp.ts), as a <meta> element so that the dev
  // server and the demo run under it too; the dev server's live reload needs its websocket.
  const csp = build.contentSecurityPolicy({
    connect: dev ? [`ws://${DEV_HOST}:${DEV_PORT}`, `wss://${DEV_HOST}:${DEV_PORT}`] : [],
  });
  const cspMeta = `<meta http-equiv="Content-Security-Policy" content="${csp}" />`;
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // workers.ts first: the worker-backed functions have their workers before Excel calls them.
      functions: ["./src/functions/workers.ts", "./src/functions/registered.ts"],
      taskpane: "./taskpane/index.tsx",
    },
    output: {
      path: path.join(__dirname, "dist"),
      filename: "[name].js",
      // Lazy chunks and web workers carry their content's hash, so a server may cache them for
      // a year (deploy/); the entry bundles keep their names, which the manifest and page name.
      chunkFilename: "chunks/[name].[contenthash:16].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `tsc --noEmit` (npm test); the build only transpiles.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    // The pane is served from localhost or the municipality's own server, not a slow network.
    performance: { hints: false },
    optimization: {
      // The web workers (taskpane/worker/engine.ts, src/demo/calc.ts, demo/
      // loadInWorker.ts, src/functions/workers.ts name them) are scripts of their own, loading no
      // chunks with importScripts: a Content-Security-Policy allows them with worker-src 'self'.
      // Only the page's lazy chunks share code.
      splitChunks: {
        chunks: (chunk) =>
          !chunk.canBeInitial() && !["engine", "calc", "file", "compute"].includes(chunk.name),
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: functionFiles(),
      }),
      new AddinAssetsPlugin(baseUrl, environment),
      // The functions' namespace in the formulas the pane writes (src/functions/namespace.ts).
      new webpack.DefinePlugin({
        ADDIN_FUNCTIONS_NAMESPACE: JSON.stringify(environment.namespace),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        // In the template before the first script (a <meta> policy governs what follows it).
        templateParameters: { cspMeta },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          // The help pages, under the pages' Content-Security-Policy.
          ...["help.html", "help-en.html"].map((page) => ({
            from: `taskpane/${page}`,
            to: page,
            transform: (content) =>
              content
                .toString()
                .replace(/(<meta charset="UTF-8" \/>)/, `$1\n    ${cspMeta}`)
                .replace(/\bDK(?=\.[A-Z]|<\/code>)/g, environment.namespace),
          })),
        ],
      }),
    ],
    devServer: {
      host: DEV_HOST,
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      // Plain http unless `--env https` (start:desktop/start:web), so `npm start` needs no
      // certificate and no root prompt.
      server: https ? await httpsOptions() : "http",
      static: false,
      client: { overlay: false },
      onListening: () => {
        const origin = `${https ? "https" : "http"}://${DEV_HOST}:${DEV_PORT}`;
        console.log(
          `\nTilføjelsesprogrammet kører på ${origin}/taskpane.html (funktionshjælp: ${origin}/help.html)\n`
        );
      },
    },
  };
};

module.exports.urlDev = urlDev;
module.exports.functionFiles = functionFiles;
