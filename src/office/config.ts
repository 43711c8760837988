// Where the running taskpane gets its RuntimeConfig. A build for Outlook has it baked in (webpack
// DefinePlugin → __CST_BUILD_CONFIG__, from GRAPH_BASE_URL, SITE_HOSTNAME, SITE_PATH, CLIENT_ID,
// AUTHORITY) and reads nothing from the page: the reader of window.__CST_CONFIG__, which the
// sandbox page sets before the bundle runs, is compiled out of it (__CST_MODE__), so no script on
// the page can point the pane's tokens at another address.
import type { RuntimeConfig } from '../runtime-config';

declare const __CST_BUILD_CONFIG__: RuntimeConfig | undefined;

declare global {
  interface Window {
    __CST_CONFIG__?: RuntimeConfig;
  }
}

const FIELDS = ['graphBaseUrl', 'siteHostname', 'sitePath', 'clientId', 'authority'] as const;

/** The configuration this page runs with; throws a clear message if it is missing or malformed. */
export function readRuntimeConfig(scope: { __CST_CONFIG__?: unknown } = globalThis as never): RuntimeConfig {
  if (typeof __CST_MODE__ === 'undefined' || __CST_MODE__ === 'sandbox') {
    const injected = scope.__CST_CONFIG__;
    if (injected !== undefined) return validateConfig(injected, 'window.__CST_CONFIG__');
  }
  const built = typeof __CST_BUILD_CONFIG__ !== 'undefined' ? __CST_BUILD_CONFIG__ : undefined;
  if (built === undefined) {
    throw new Error(
      'No runtime configuration: build with webpack (npm run build) or open the sandbox (npm start).',
    );
  }
  return validateConfig(built, 'the build configuration');
}

export function validateConfig(value: unknown, source: string): RuntimeConfig {
  if (typeof value !== 'object' || value === null) throw new Error(`${source} is not an object`);
  const v = value as Record<string, unknown>;
  if (v.mode !== 'production' && v.mode !== 'sandbox') {
    throw new Error(`${source}.mode must be "production" or "sandbox", got ${JSON.stringify(v.mode)}`);
  }
  for (const field of FIELDS) {
    if (typeof v[field] !== 'string') throw new Error(`${source}.${field} must be a string`);
  }
  let graph: URL;
  try {
    graph = new URL(v.graphBaseUrl as string);
  } catch {
    throw new Error(`${source}.graphBaseUrl is not a URL: ${JSON.stringify(v.graphBaseUrl)}`);
  }
  // The Graph SDK only attaches the token to https URLs; an http base would fail later, obscurely.
  if (graph.protocol !== 'https:') throw new Error(`${source}.graphBaseUrl must be https, got ${graph.href}`);
  return {
    mode: v.mode,
    graphBaseUrl: (v.graphBaseUrl as string).replace(/\/+$/, ''),
    siteHostname: v.siteHostname as string,
    sitePath: v.sitePath as string,
    clientId: v.clientId as string,
    authority: v.authority as string,
  };
}
