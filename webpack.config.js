// Build of the add-in in the style of Microsoft's yo-office template "Excel Custom Functions
// using a Shared Runtime": one page (taskpane.html) hosts both the task pane and the custom
// functions, and functions.json is generated from the functions' JSDoc at build time.

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_HOST = "localhost";
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
/** The origin manifest.xml points at (Office only loads add-ins over https). */
const urlDev = `https://${DEV_HOST}:${DEV_PORT}/`;

/** Every file that declares custom functions; functions.json is generated from all of them. */
function functionFiles() {
  const dir = path.join(__dirname, "src", "functions");
  return fs
    .readdirSync(dir)
    .filter((name) => /Functions\.ts$/.test(name))
    .sort()
    .map((name) => `./src/functions/${name}`);
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
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./taskpane/index.tsx",
    },
    output: {
      path: path.join(__dirname, "dist"),
      filename: "[name].js",
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
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: functionFiles(),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "taskpane/help.html", to: "help.html" },
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
