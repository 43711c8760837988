// Builds the taskpane (src/taskpane/index.tsx) and the sign-in dialog (src/auth/dialog.ts).
//   npm run build          production: minified, no source maps, manifest with ADDIN_URL
//   npm run dev-server     https://localhost:3000 (self-signed certificate) for sideloading
//   env.sandbox            the taskpane built for the sandbox: the local Office host instead of the
//                          CDN office.js, the sandbox page, dev tokens and the page's configuration
//                          (used by `npm start`)
// The mode is a compile-time constant (__CST_MODE__): a build for Outlook has no sandbox code and
// reads no configuration from the page. Its RuntimeConfig comes from the environment and the build
// fails without it: CLIENT_ID, SITE_HOSTNAME, SITE_PATH (required), GRAPH_BASE_URL, AUTHORITY;
// ADDIN_URL is where dist/ will be hosted (https, ending in /).
const { readFileSync } = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { devCertificate } = require('./scripts/dev-cert.cjs');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_CDN_TAG =
  /<script[^>]*src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"[^>]*><\/script>/;
/** Webpack's own warning level, the budget for a taskpane entry point. */
const BUDGET = 244 * 1024;

function addinUrl(env, production) {
  const url = process.env.ADDIN_URL || DEV_URL;
  if (!/^https:\/\/[^/]+\/(.*\/)?$/.test(url)) {
    throw new Error(`ADDIN_URL must be an https URL ending in "/", got "${url}"`);
  }
  if (production && url === DEV_URL && !env.sandbox && !env.quiet) {
    console.warn(`ADDIN_URL is not set: dist/manifest.xml will point at ${DEV_URL}`);
  }
  return url;
}

/** Settings a build for Outlook cannot work without: a pane built without them fails on every open. */
const REQUIRED = {
  CLIENT_ID: "the app registration's Application (client) id",
  SITE_HOSTNAME: 'the SharePoint host of the lists, e.g. contoso.sharepoint.com',
  SITE_PATH: 'the site of the lists, e.g. /sites/complaints',
};

/** The RuntimeConfig of a build for Outlook, baked in; throws naming every missing setting. */
function buildConfig() {
  const missing = Object.keys(REQUIRED).filter((name) => !(process.env[name] || '').trim());
  if (missing.length) {
    throw new Error(
      `A build for Outlook needs ${missing.join(', ')} (docs/deploy.md, section 3):\n` +
        missing.map((name) => `  ${name}: ${REQUIRED[name]}`).join('\n') +
        '\nThe sandbox (npm start) needs none of them.',
    );
  }
  return {
    mode: 'production',
    graphBaseUrl: process.env.GRAPH_BASE_URL || 'https://graph.microsoft.com/v1.0',
    siteHostname: process.env.SITE_HOSTNAME.trim(),
    sitePath: process.env.SITE_PATH.trim(),
    clientId: process.env.CLIENT_ID.trim(),
    authority: process.env.AUTHORITY || 'https://login.microsoftonline.com/organizations',
    // Least privilege once an administrator has granted the app the site (docs/deploy.md §1).
    sitesSelected: process.env.SITES_SELECTED === 'true',
  };
}

/** sandbox-config.js is served by the sandbox server (it knows the emulator's address). */
const SANDBOX_CONFIG_TAG = '<script src="sandbox-config.js"></script>';

/** A page with the CDN office.js tag swapped for the sandbox's (its Office host is a chunk). */
function sandboxHtml(template, replacement) {
  const html = readFileSync(template, 'utf8');
  if (!OFFICE_CDN_TAG.test(html))
    throw new Error(`${template} no longer loads ${OFFICE_CDN}: update the sandbox swap`);
  return html.replace(OFFICE_CDN_TAG, replacement);
}

/**
 * Lazy chunks the first verdict waits for: fetched from the page's <head> in parallel with the main
 * bundle instead of after it. MSAL signs the pane in (only outside the sandbox); the pane's own code
 * (React, Fluent, its state) runs once the first token is asked for (src/taskpane/index.tsx); the
 * shipped term lists' prebuilt matcher is needed by the first evaluation.
 */
const PRELOAD = ['msal', 'pane', 'shipped-terms'];

/**
 * Adds <link rel=preload as=script> for every file of the named chunk groups to one page. A
 * stand-in taskpane entry (tests of the build and of the sandbox) has none of them.
 */
class PreloadChunks {
  constructor(page, names, strict) {
    this.page = page;
    this.names = names;
    this.strict = strict;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap('PreloadChunks', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadChunks', (data) => {
        if (data.outputName !== this.page) return data;
        const files = this.names.flatMap((name) => {
          const group = compilation.namedChunkGroups.get(name);
          if (!group && this.strict)
            throw new Error(`No chunk named "${name}" to preload: was its import renamed?`);
          return (group ? group.chunks : [])
            .flatMap((chunk) => [...chunk.files])
            .filter((f) => f.endsWith('.js'));
        });
        const links = files.map((file) =>
          HtmlWebpackPlugin.createHtmlTagObject('link', {
            rel: 'preload',
            as: 'script',
            href: `${data.publicPath}${file}`,
          }),
        );
        return { ...data, headTags: [...links, ...data.headTags] };
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const production = mode === 'production';
  const sandbox = Boolean(env.sandbox);
  const url = addinUrl(env, production);
  const root = __dirname;
  const taskpaneTemplate = path.join(root, 'src/taskpane/taskpane.html');
  const sendGuardTemplate = path.join(root, 'src/send-guard/send-guard.html');
  const registerTemplate = path.join(root, 'src/register/dialog/register.html');

  const entry = {
    taskpane: env.taskpaneEntry || './src/taskpane/index.tsx',
    // The OnMessageSend handler (src/send-guard): one self-contained file, see below.
    'send-guard': './src/send-guard/index.ts',
    // The supervisors' register, opened by the pane with displayDialogAsync.
    register: './src/register/dialog/index.tsx',
  };
  if (sandbox) {
    entry['office-host'] = './sandbox/office-host/index.ts';
    entry['compose-host'] = './sandbox/compose/event-host.ts';
    entry['dialog-host'] = './sandbox/office-host/dialog-entry.ts';
    entry.sandbox = './sandbox/page/index.ts';
  } else {
    entry['auth-dialog'] = './src/auth/dialog.ts';
  }

  const html = sandbox
    ? [
        new HtmlWebpackPlugin({
          filename: 'taskpane.html',
          templateContent: sandboxHtml(taskpaneTemplate, SANDBOX_CONFIG_TAG),
          // The Office host must run before the app, as office.js does.
          chunks: ['office-host', 'taskpane'],
          chunksSortMode: 'manual',
        }),
        new HtmlWebpackPlugin({
          filename: 'register.html',
          templateContent: sandboxHtml(registerTemplate, ''),
          chunks: ['dialog-host', 'register'],
          chunksSortMode: 'manual',
        }),
        new HtmlWebpackPlugin({
          filename: 'index.html',
          template: './sandbox/page/index.html',
          chunks: ['sandbox'],
        }),
        new HtmlWebpackPlugin({
          filename: 'send-guard.html',
          templateContent: sandboxHtml(sendGuardTemplate, SANDBOX_CONFIG_TAG),
          chunks: ['compose-host', 'send-guard'],
          chunksSortMode: 'manual',
        }),
      ]
    : [
        new HtmlWebpackPlugin({
          filename: 'taskpane.html',
          template: taskpaneTemplate,
          chunks: ['taskpane'],
        }),
        new HtmlWebpackPlugin({
          filename: 'send-guard.html',
          template: sendGuardTemplate,
          chunks: ['send-guard'],
        }),
        new HtmlWebpackPlugin({
          filename: 'register.html',
          template: registerTemplate,
          chunks: ['register'],
        }),
        new HtmlWebpackPlugin({
          filename: 'auth-dialog.html',
          template: './src/auth/dialog.html',
          chunks: ['auth-dialog'],
        }),
      ];

  const config = {
    mode,
    context: root,
    target: ['web', 'es2020'],
    entry,
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.join(root, 'dist'),
      // send-guard.js keeps its name: the manifest names it for classic Outlook on Windows.
      filename: (data) =>
        production && data.chunk?.name !== 'send-guard' ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js'] },
    module: {
      rules: [
        {
          test: /\.[cm]?[jt]sx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          // es2020: WebView2, new Outlook, current Safari. No IE11, so no core-js or regenerator.
          options: { target: 'es2020' },
        },
        { test: /\.(png|svg)$/, type: 'asset/resource' },
      ],
    },
    devtool: production ? false : 'cheap-module-source-map',
    plugins: [
      new webpack.DefinePlugin({
        __CST_MODE__: JSON.stringify(sandbox ? 'sandbox' : 'production'),
        // The sandbox's configuration comes from its page (the emulator's address is chosen at start).
        ...(sandbox ? {} : { __CST_BUILD_CONFIG__: JSON.stringify(buildConfig()) }),
      }),
      ...html,
      new PreloadChunks(
        'taskpane.html',
        sandbox ? PRELOAD.filter((c) => c !== 'msal') : PRELOAD,
        !env.taskpaneEntry,
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/support.html', to: 'assets/support.html' },
          ...(sandbox
            ? []
            : [
                {
                  from: 'manifest.xml',
                  to: 'manifest.xml',
                  transform: (content) =>
                    production ? content.toString().split(DEV_URL).join(url) : content,
                },
              ]),
        ],
      }),
    ],
    performance: {
      hints: production && !sandbox ? 'warning' : false,
      maxEntrypointSize: BUDGET,
      maxAssetSize: BUDGET,
      // The dialog carries MSAL by design; the budget is for what the taskpane loads at start.
      // The send guard runs in its own event runtime, never in the pane.
      // The register dialog is opened on demand by supervisors.
      assetFilter: (file) =>
        file.endsWith('.js') &&
        !file.startsWith('auth-dialog') &&
        !file.startsWith('send-guard') &&
        !file.startsWith('register'),
    },
    optimization: { minimize: production },
    cache: {
      type: 'filesystem',
      // One cache per kind of build. A stand-in entry (the build and sandbox tests) gets its own:
      // its builds run from the webpack CLI, while the browser tests build the real pane inside
      // jest, and a pack one of them wrote could not be read back by the other ("No deserializer
      // registered"), a megabyte of warnings per build.
      name: `${mode}-${sandbox ? 'sandbox' : 'addin'}${env.taskpaneEntry ? '-stand-in' : ''}`,
      // A change to this file or the certificate helper invalidates the cache.
      buildDependencies: { config: [__filename, path.join(root, 'scripts/dev-cert.cjs')] },
    },
    stats: 'errors-warnings',
  };

  if (env.WEBPACK_SERVE) {
    const { key, cert } = await devCertificate('localhost', root);
    config.devServer = {
      // Local only: the dev server is for sideloading on this machine.
      host: 'localhost',
      port: Number(new URL(url).port || 3000),
      server: { type: 'https', options: { key, cert } },
      headers: { 'Access-Control-Allow-Origin': '*' },
      hot: false,
      static: false,
    };
  }
  return config;
};
