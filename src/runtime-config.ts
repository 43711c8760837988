// Where the taskpane finds Graph, SharePoint and its identity provider. Production values are
// set at build time (webpack DefinePlugin); the sandbox page injects its own before the bundle.

/** What a bundle is built for. */
export type BuildMode = 'production' | 'sandbox';

declare global {
  /**
   * The mode of this bundle, a compile-time constant (webpack DefinePlugin), so that code only the
   * sandbox needs is compiled out of a build for Outlook: test it as
   * `typeof __CST_MODE__ === 'undefined' ? … : __CST_MODE__ === 'sandbox'`, which webpack folds.
   * Undefined outside webpack (jest, tsx), where the runtime configuration decides.
   */
  const __CST_MODE__: BuildMode | undefined;
}
export interface RuntimeConfig {
  mode: BuildMode;
  /** e.g. https://graph.microsoft.com/v1.0, or the emulator's https://localhost:PORT/v1.0 */
  graphBaseUrl: string;
  /** SharePoint site holding the lists: hostname and server-relative path. */
  siteHostname: string;
  sitePath: string;
  /** Entra app (client) id and authority for MSAL; unused in the sandbox (dev tokens). */
  clientId: string;
  authority: string;
  /**
   * The organisation granted the app this one site (Sites.Selected, docs/deploy.md §1): the lists
   * are reached with `Sites.Selected` instead of `Sites.ReadWrite.All`. Build variable SITES_SELECTED.
   */
  sitesSelected?: boolean;
}
