// Offline checks for the Outlook add-in XML manifest: the essentials of Microsoft's schema that
// break sideloading or store validation, without the network (`office-addin-manifest validate`
// posts the file to an online service). Used by test/manifest and by the build for dist/.
//   npx tsx scripts/check-manifest.ts [manifest.xml] [--base-url https://localhost:3000/] [--root .]
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import {
  children,
  descendants,
  ownDescendants,
  pathOf,
  resourcesIn,
  text,
  xsiType,
  type Report,
} from './check-manifest-dom';
import { checkLaunchEvents } from './check-manifest-events';
import { compareVersions } from '../src/office/versions';

export { compareVersions };

export interface ManifestProblem {
  /** Where, as a slash path of element names (e.g. `OfficeApp/IconUrl`). */
  where: string;
  message: string;
}

export interface CheckOptions {
  /** The URL the manifest's hosted files live under; files below it are looked up in `rootDir`. */
  baseUrl?: string;
  /** The folder holding what `baseUrl` serves (`assets/…`). Icons outside it are not opened. */
  rootDir?: string;
  /** The Mailbox requirement set the add-in's code needs (categories: 1.8). */
  requiredMailbox?: string;
}

export const DEV_BASE_URL = 'https://localhost:3000/';
const NS_OFFICEAPP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const NS_BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const NS_VO_1_0 = 'http://schemas.microsoft.com/office/mailappversionoverrides';
const NS_VO_1_1 = 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1';
/** The newest generally available Mailbox requirement set we know of. */
export const NEWEST_MAILBOX = '1.15';

/** Children of a MailApp `OfficeApp`, in schema order; `required` ones must be present. */
const OFFICEAPP_SEQUENCE: ReadonlyArray<{ name: string; required: boolean }> = [
  { name: 'Id', required: true },
  { name: 'AlternateId', required: false },
  { name: 'Version', required: true },
  { name: 'ProviderName', required: true },
  { name: 'DefaultLocale', required: true },
  { name: 'DisplayName', required: true },
  { name: 'Description', required: true },
  { name: 'IconUrl', required: true },
  { name: 'HighResolutionIconUrl', required: true },
  { name: 'SupportUrl', required: true },
  { name: 'AppDomains', required: true },
  { name: 'Hosts', required: true },
  { name: 'Requirements', required: true },
  { name: 'FormSettings', required: true },
  { name: 'Permissions', required: true },
  { name: 'Rule', required: true },
  { name: 'DisableEntityHighlighting', required: false },
  { name: 'VersionOverrides', required: true },
];

const PERMISSIONS = ['Restricted', 'ReadItem', 'ReadWriteItem', 'ReadWriteMailbox'];
/** Which resource collection each kind of `resid` reference points into. */
const RESID_COLLECTION: Record<string, string> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  // Event-based activation: the runtime's page and, for classic Outlook on Windows, its script.
  Runtime: 'Urls',
  Override: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};
const STRING_LIMITS: Record<string, number> = { ShortStrings: 125, LongStrings: 250 };
const BUTTON_ICON_SIZES = [16, 32, 80];

export function checkManifest(xml: string, options: CheckOptions = {}): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const report = (where: string, message: string): void => {
    problems.push({ where, message });
  };
  const doc = parseXml(xml, report);
  const root = doc?.documentElement;
  if (!root) return problems;

  if (root.localName !== 'OfficeApp' || root.namespaceURI !== NS_OFFICEAPP) {
    report(root.localName ?? '?', `root element must be OfficeApp in ${NS_OFFICEAPP}`);
    return problems;
  }
  if (xsiType(root) !== 'MailApp') report('OfficeApp', 'xsi:type must be MailApp for an Outlook add-in');

  checkSequence(root, report);
  checkGeneral(root, report);
  checkUrls(root, report);
  checkIcons(root, options, report);
  const baseMailbox = checkBaseRequirements(root, options, report);
  checkVersionOverrides(root, baseMailbox, options, report);
  return problems;
}

// ---- parsing and small DOM helpers ------------------------------------------------------------

function parseXml(xml: string, report: Report): ReturnType<DOMParser['parseFromString']> | null {
  let failed = false;
  const parser = new DOMParser({
    onError: (level, message) => {
      // Warnings (e.g. unknown entities) still make a document a client may reject: report all.
      failed = true;
      report('document', `XML ${level}: ${String(message).split('\n')[0]}`);
    },
  });
  try {
    const doc = parser.parseFromString(xml, 'text/xml');
    return failed ? null : doc;
  } catch (err) {
    if (!failed)
      report('document', `XML is not well-formed: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

// ---- the base manifest ----------------------------------------------------------------------

function checkSequence(root: XmlElement, report: Report): void {
  const names = children(root).map((c) => c.localName ?? '');
  const order = OFFICEAPP_SEQUENCE.map((s) => s.name);
  let last = -1;
  for (const name of names) {
    const at = order.indexOf(name);
    if (at < 0) report(`OfficeApp/${name}`, `unexpected element ${name} in a MailApp manifest`);
    else if (at <= last)
      report(`OfficeApp/${name}`, `${name} is out of order (expected order: ${order.join(', ')})`);
    else last = at;
  }
  for (const { name, required } of OFFICEAPP_SEQUENCE) {
    const count = names.filter((n) => n === name).length;
    if (required && count === 0) report('OfficeApp', `missing required element ${name}`);
    if (count > 1) report(`OfficeApp/${name}`, `${name} appears ${count} times`);
  }
}

function checkGeneral(root: XmlElement, report: Report): void {
  const one = (name: string): XmlElement | undefined => children(root, name)[0];
  const id = text(one('Id'));
  if (one('Id') && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    report('OfficeApp/Id', `Id must be a GUID, got "${id}"`);
  }
  const version = text(one('Version'));
  if (one('Version') && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) {
    report('OfficeApp/Version', `Version must be n[.n[.n[.n]]], got "${version}"`);
  }
  const locale = text(one('DefaultLocale'));
  if (one('DefaultLocale') && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) {
    report('OfficeApp/DefaultLocale', `DefaultLocale must be a language tag such as en-GB, got "${locale}"`);
  }
  if (one('ProviderName') && !text(one('ProviderName')))
    report('OfficeApp/ProviderName', 'ProviderName is empty');
  for (const [name, max] of [
    ['DisplayName', 125],
    ['Description', 250],
  ] as const) {
    const el = one(name);
    if (!el) continue;
    const value = el.getAttribute('DefaultValue') ?? '';
    if (!value.trim()) report(`OfficeApp/${name}`, `${name} needs a DefaultValue`);
    if (value.length > max)
      report(`OfficeApp/${name}`, `${name} is ${value.length} characters (at most ${max})`);
  }
  const permissions = text(one('Permissions'));
  if (one('Permissions') && !PERMISSIONS.includes(permissions)) {
    report(
      'OfficeApp/Permissions',
      `Permissions must be one of ${PERMISSIONS.join(', ')}, got "${permissions}"`,
    );
  }
  const hosts = one('Hosts');
  if (hosts && !children(hosts, 'Host').some((h) => h.getAttribute('Name') === 'Mailbox')) {
    report('OfficeApp/Hosts', 'Hosts must contain <Host Name="Mailbox"/>');
  }
  const rule = one('Rule');
  if (
    rule &&
    !descendants(root, 'Rule').some((r) => xsiType(r) === 'ItemIs' && r.getAttribute('FormType') === 'Read')
  ) {
    report('OfficeApp/Rule', 'no ItemIs rule activates the add-in on read items');
  }
  const form = one('FormSettings');
  if (form && !children(form, 'Form').some((f) => xsiType(f) === 'ItemRead')) {
    report('OfficeApp/FormSettings', 'FormSettings needs an ItemRead form');
  }
}

/** Every URL the manifest names, with where it was found. */
function urlsOf(root: XmlElement): Array<{ el: XmlElement; url: string }> {
  const out: Array<{ el: XmlElement; url: string }> = [];
  for (const el of descendants(root)) {
    const name = el.localName;
    if (name === 'AppDomain') out.push({ el, url: text(el) });
    else if (
      (name === 'Image' || name === 'Url') &&
      el.namespaceURI === NS_BT &&
      el.parentNode &&
      ['Images', 'Urls'].includes((el.parentNode as XmlElement).localName ?? '')
    ) {
      out.push({ el, url: el.getAttribute('DefaultValue') ?? '' });
    } else if (['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation'].includes(name ?? '')) {
      if (el.hasAttribute('DefaultValue')) out.push({ el, url: el.getAttribute('DefaultValue') ?? '' });
    }
  }
  return out;
}

function checkUrls(root: XmlElement, report: Report): void {
  for (const { el, url } of urlsOf(root)) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      report(pathOf(el), `not a valid absolute URL: "${url}"`);
      continue;
    }
    if (parsed.protocol !== 'https:') report(pathOf(el), `URL must use https: "${url}"`);
  }
}

// ---- icons --------------------------------------------------------------------------------

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Sizes an icon may have, by where the manifest uses it: the add-in icons accept either listed
 * size; a button image must match every `<bt:Image size=…>` that points at it.
 */
function sizeProblem(el: XmlElement, width: number, resourceSizes: Map<XmlElement, number[]>): string | null {
  const anyOf =
    el.localName === 'IconUrl' ? [32, 64] : el.localName === 'HighResolutionIconUrl' ? [64, 128] : null;
  if (anyOf) return anyOf.includes(width) ? null : `expected ${anyOf.map((s) => `${s}x${s}`).join(' or ')}`;
  const wanted = [...new Set(resourceSizes.get(el) ?? [])].filter((s) => s !== width);
  return wanted.length ? `expected ${wanted.map((s) => `${s}x${s}`).join(' and ')}` : null;
}

function checkIcons(root: XmlElement, options: CheckOptions, report: Report): void {
  const baseUrl = options.baseUrl ?? DEV_BASE_URL;
  const rootDir = options.rootDir;
  // A bt:Image resource gets its expected size from the <bt:Image size=…> references to it.
  const resourceSizes = new Map<XmlElement, number[]>();
  for (const vo of descendants(root, 'VersionOverrides')) {
    const images = resourcesIn(vo, 'Images');
    for (const ref of ownDescendants(vo, 'Image').filter((e) => e.hasAttribute('resid'))) {
      const target = images.get(ref.getAttribute('resid') ?? '');
      if (!target) continue;
      const size = Number(ref.getAttribute('size'));
      resourceSizes.set(target, [...(resourceSizes.get(target) ?? []), size]);
    }
  }
  const icons = urlsOf(root).filter(
    ({ el }) => ['IconUrl', 'HighResolutionIconUrl'].includes(el.localName ?? '') || resourceSizes.has(el),
  );
  for (const { el, url } of icons) {
    if (!/\.png$/i.test(url)) report(pathOf(el), `icon should be a PNG: "${url}"`);
    if (rootDir === undefined || !url.startsWith(baseUrl)) continue;
    const file = join(rootDir, decodeURIComponent(url.slice(baseUrl.length).split(/[?#]/)[0] ?? ''));
    if (!existsSync(file)) {
      report(pathOf(el), `icon file not found: ${file}`);
      continue;
    }
    const size = pngSize(readFileSync(file));
    if (!size) {
      report(pathOf(el), `icon is not a PNG file: ${file}`);
      continue;
    }
    if (size.width !== size.height) report(pathOf(el), `icon is not square: ${size.width}x${size.height}`);
    const wrong = sizeProblem(el, size.width, resourceSizes);
    if (wrong) report(pathOf(el), `icon ${file} is ${size.width}x${size.height}, ${wrong}`);
  }
}

// ---- requirement sets -------------------------------------------------------------------

function checkBaseRequirements(root: XmlElement, options: CheckOptions, report: Report): string {
  const requirements = children(root, 'Requirements')[0];
  const sets = requirements ? descendants(requirements, 'Set') : [];
  const mailbox = sets.find((s) => (s.getAttribute('Name') ?? '').toLowerCase() === 'mailbox');
  if (requirements && !mailbox) {
    report('OfficeApp/Requirements', 'base Requirements must name the Mailbox requirement set');
    return '1.1';
  }
  const min = mailbox?.getAttribute('MinVersion') ?? '1.1';
  checkMailboxVersion('OfficeApp/Requirements', min, report);
  if (options.requiredMailbox && compareVersions(min, options.requiredMailbox) > 0) {
    report(
      'OfficeApp/Requirements',
      `base Mailbox ${min} is above what the add-in needs (${options.requiredMailbox})`,
    );
  }
  return min;
}

function checkMailboxVersion(where: string, version: string, report: Report): boolean {
  if (!/^1\.\d{1,2}$/.test(version)) {
    report(where, `Mailbox version must look like 1.N, got "${version}"`);
    return false;
  }
  if (compareVersions(version, NEWEST_MAILBOX) > 0) {
    report(where, `Mailbox ${version} is newer than any released requirement set (${NEWEST_MAILBOX})`);
    return false;
  }
  return true;
}

// ---- VersionOverrides ------------------------------------------------------------------------

function checkVersionOverrides(
  root: XmlElement,
  baseMailbox: string,
  options: CheckOptions,
  report: Report,
): void {
  const outer = children(root, 'VersionOverrides');
  if (outer.length === 0) return;
  const v10 = outer[0] as XmlElement;
  if (v10.namespaceURI !== NS_VO_1_0 || xsiType(v10) !== 'VersionOverridesV1_0') {
    report(pathOf(v10), `outer VersionOverrides must be VersionOverridesV1_0 in ${NS_VO_1_0}`);
  }
  const nested = children(v10, 'VersionOverrides');
  const v11 = nested[0];
  if (!v11 || v11.namespaceURI !== NS_VO_1_1 || xsiType(v11) !== 'VersionOverridesV1_1') {
    report(
      pathOf(v10),
      `VersionOverridesV1_0 must wrap a VersionOverridesV1_1 (${NS_VO_1_1}): pinning needs it`,
    );
  }
  // Within VersionOverrides the children come in this order.
  const scopes = v11 ? [v10, v11] : [v10];
  for (const vo of scopes) {
    const order = ['Description', 'Requirements', 'Hosts', 'Resources', 'VersionOverrides'];
    let last = -1;
    for (const c of children(vo)) {
      const at = order.indexOf(c.localName ?? '');
      if (at < 0 && vo === v11 && ['WebApplicationInfo', 'ExtendedPermissions'].includes(c.localName ?? ''))
        continue;
      if (at < 0) report(pathOf(c), `unexpected element ${c.localName} in VersionOverrides`);
      else if (at <= last) report(pathOf(c), `${c.localName} is out of order in VersionOverrides`);
      else last = at;
    }
    if (children(vo, 'Hosts').length === 0) report(pathOf(vo), 'VersionOverrides needs Hosts');
    checkOverrideRequirements(vo, vo === v11 ? '1.5' : '1.3', baseMailbox, options, report);
    checkResids(vo, report);
    checkIds(vo, report);
    checkButtons(vo, report);
  }
  for (const pin of descendants(v10, 'SupportsPinning')) {
    if (!v11 || !descendants(v11, 'SupportsPinning').includes(pin)) {
      report(pathOf(pin), 'SupportsPinning is only valid inside VersionOverridesV1_1');
    }
  }
  if (v11) checkPinning(v11, report);
  for (const launch of descendants(v10, 'ExtensionPoint').filter((e) => xsiType(e) === 'LaunchEvent'))
    if (!v11 || !descendants(v11, 'ExtensionPoint').includes(launch))
      report(pathOf(launch), 'a LaunchEvent extension point is only valid inside VersionOverridesV1_1');
  if (v11) checkLaunchEvents(v11, report);
}

function checkOverrideRequirements(
  vo: XmlElement,
  schemaMinimum: string,
  baseMailbox: string,
  options: CheckOptions,
  report: Report,
): void {
  const requirements = children(vo, 'Requirements')[0];
  const where = pathOf(vo);
  const sets = requirements ? descendants(requirements, 'Sets')[0] : undefined;
  const mailbox = sets ? children(sets, 'Set').find((s) => s.getAttribute('Name') === 'Mailbox') : undefined;
  if (!sets || !mailbox) {
    report(where, 'VersionOverrides must state the Mailbox requirement set it needs');
    return;
  }
  const version = mailbox.getAttribute('MinVersion') ?? sets.getAttribute('DefaultMinVersion') ?? '';
  if (!checkMailboxVersion(where, version, report)) return;
  if (compareVersions(version, schemaMinimum) < 0) {
    report(where, `${xsiType(vo)} needs at least Mailbox ${schemaMinimum}, the manifest asks for ${version}`);
  }
  if (compareVersions(version, baseMailbox) < 0) {
    report(where, `VersionOverrides asks for Mailbox ${version}, below the base manifest's ${baseMailbox}`);
  }
  if (options.requiredMailbox && compareVersions(version, options.requiredMailbox) < 0) {
    report(
      where,
      `the add-in's commands need Mailbox ${options.requiredMailbox}, the manifest asks for ${version}`,
    );
  }
}

function checkResids(vo: XmlElement, report: Report): void {
  const used = new Set<string>();
  const refs = collectResidRefs(vo);
  for (const ref of refs) {
    const resid = ref.getAttribute('resid') ?? '';
    const collection = RESID_COLLECTION[ref.localName ?? ''];
    if (resid.length > 32) report(pathOf(ref), `resid "${resid}" is longer than 32 characters`);
    if (!collection) continue;
    const target = resourcesIn(vo, collection).get(resid);
    if (!target) report(pathOf(ref), `resid "${resid}" does not resolve to a ${collection} resource`);
    else used.add(`${collection}/${resid}`);
  }
  for (const collection of ['Images', 'Urls', 'ShortStrings', 'LongStrings']) {
    for (const [id, item] of resourcesIn(vo, collection)) {
      if (!used.has(`${collection}/${id}`)) report(pathOf(item), `resource "${id}" is never used`);
      const limit = STRING_LIMITS[collection];
      const value = item.getAttribute('DefaultValue') ?? '';
      if (limit !== undefined && value.length > limit) {
        report(pathOf(item), `string "${id}" is ${value.length} characters (at most ${limit})`);
      }
      if (!value.trim()) report(pathOf(item), `resource "${id}" has no DefaultValue`);
    }
  }
}

function collectResidRefs(vo: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement): void => {
    for (const c of children(el)) {
      if (c.localName === 'VersionOverrides' || c.localName === 'Resources') continue;
      if (c.hasAttribute('resid')) out.push(c);
      walk(c);
    }
  };
  walk(vo);
  return out;
}

function checkIds(vo: XmlElement, report: Report): void {
  const seen = new Map<string, XmlElement>();
  for (const el of [...ownDescendants(vo, 'Group'), ...ownDescendants(vo, 'Control')]) {
    const id = el.getAttribute('id') ?? '';
    if (!id) report(pathOf(el), `${el.localName} needs an id`);
    else if (id.length > 125) report(pathOf(el), `id "${id}" is longer than 125 characters`);
    else if (seen.has(id)) report(pathOf(el), `id "${id}" is used more than once`);
    else seen.set(id, el);
  }
  for (const resources of children(vo, 'Resources')) {
    for (const coll of children(resources)) {
      const ids = new Set<string>();
      for (const item of children(coll)) {
        const id = item.getAttribute('id') ?? '';
        if (ids.has(id))
          report(pathOf(item), `resource id "${id}" is used more than once in ${coll.localName}`);
        ids.add(id);
      }
    }
  }
}

function checkButtons(vo: XmlElement, report: Report): void {
  for (const control of ownDescendants(vo, 'Control')) {
    const icon = children(control, 'Icon')[0];
    if (!icon) {
      report(pathOf(control), 'a button needs an Icon');
      continue;
    }
    const sizes = children(icon, 'Image').map((i) => Number(i.getAttribute('size')));
    for (const size of BUTTON_ICON_SIZES) {
      if (!sizes.includes(size)) report(pathOf(icon), `button icon needs a ${size}px image`);
    }
  }
}

function checkPinning(v11: XmlElement, report: Report): void {
  const readSurfaces = descendants(v11, 'ExtensionPoint').filter(
    (e) => xsiType(e) === 'MessageReadCommandSurface',
  );
  if (readSurfaces.length === 0) {
    report(pathOf(v11), 'no MessageReadCommandSurface: the taskpane would not open on a read message');
    return;
  }
  const taskpanes = readSurfaces.flatMap((s) =>
    descendants(s, 'Action').filter((a) => xsiType(a) === 'ShowTaskpane'),
  );
  if (taskpanes.length === 0) report(pathOf(v11), 'no ShowTaskpane action on the read surface');
  for (const action of taskpanes) {
    const pin = children(action, 'SupportsPinning')[0];
    if (text(pin) !== 'true') {
      report(pathOf(action), 'read-mode taskpane must have <SupportsPinning>true</SupportsPinning>');
    }
    const order = children(action).map((c) => c.localName);
    if (pin && order.indexOf('SupportsPinning') < order.indexOf('SourceLocation')) {
      report(pathOf(pin), 'SupportsPinning must come after SourceLocation');
    }
  }
}

// ---- command line -----------------------------------------------------------------------------

function main(argv: string[]): number {
  const args = [...argv];
  const flag = (name: string): string | undefined => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const value = args[at + 1];
    args.splice(at, 2);
    return value;
  };
  const baseUrl = flag('--base-url') ?? DEV_BASE_URL;
  const rootDir = resolve(flag('--root') ?? '.');
  const file = args[0] ?? 'manifest.xml';
  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(
      `check-manifest: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 2;
  }
  const problems = checkManifest(xml, { baseUrl, rootDir, requiredMailbox: '1.8' });
  for (const p of problems) process.stderr.write(`${file}: ${p.where}: ${p.message}\n`);
  if (problems.length === 0) process.stdout.write(`${file}: manifest OK\n`);
  return problems.length === 0 ? 0 : 1;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
