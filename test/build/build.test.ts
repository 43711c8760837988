// Builds with the real webpack config (a stand-in taskpane entry) and checks what ships.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkManifest } from '../../scripts/check-manifest';

const ROOT = join(__dirname, '..', '..');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const ADDIN_URL = 'https://triage.example.org/addin/';
const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
/** The settings a build for Outlook must have. */
const SETTINGS = { CLIENT_ID, SITE_HOSTNAME: 'force.sharepoint.example.org', SITE_PATH: '/sites/psd' };
/** What only the sandbox may contain: the page-config reader and the dev-token provider. */
const SANDBOX_ONLY = [/__CST_CONFIG__/, /["'`]dev:/, /sandbox has no signed-in user/];
/** The sandbox's own Office dialog (sandbox/office-host/dialog.ts): never in a build for Outlook. */
const SANDBOX_DIALOG = /cst-sandbox-dialog-connect/;

const outputs: string[] = [];
afterAll(() => {
  for (const dir of outputs) rmSync(dir, { recursive: true, force: true });
});

function build(args: string[], env: Record<string, string> = {}): string {
  const out = mkdtempSync(join(tmpdir(), 'cst-build-'));
  outputs.push(out);
  execFileSync(
    join(ROOT, 'node_modules/.bin/webpack'),
    [
      ...args,
      '--env',
      `outputPath=${out}`,
      '--env',
      'taskpaneEntry=./test/build/fixture-entry.ts',
      '--env',
      'quiet',
    ],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' },
  );
  return out;
}

/** Script sources in order; minified HTML drops the quotes round attribute values. */
const scriptsOf = (html: string): string[] =>
  [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );

describe('the production build', () => {
  let dist = '';
  beforeAll(() => {
    dist = build(['--mode', 'production'], { ADDIN_URL, ...SETTINGS });
  }, 120_000);

  it('loads office.js from Microsoft’s CDN and no local copy, in the taskpane and the sign-in dialog', () => {
    for (const page of ['taskpane.html', 'auth-dialog.html']) {
      const scripts = scriptsOf(readFileSync(join(dist, page), 'utf8'));
      expect(scripts[0]).toBe(CDN);
      expect(
        scripts.filter((s) => /office(\.debug)?\.js$|office-host|sandbox-config/.test(s) && s !== CDN),
      ).toEqual([]);
    }
    const taskpane = scriptsOf(readFileSync(join(dist, 'taskpane.html'), 'utf8'));
    expect(taskpane.slice(1)).toEqual([expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/)]);
    // MSAL, needed for the first token, is fetched beside the main bundle, not after it.
    expect(readFileSync(join(dist, 'taskpane.html'), 'utf8')).toMatch(
      /<link rel="?preload"? as="?script"? href="?msal\.[0-9a-f]{8}\.js"?>/,
    );
  });

  it('ships the register dialog page: office.js from the CDN, then its own bundle and nothing of the sandbox', () => {
    const scripts = scriptsOf(readFileSync(join(dist, 'register.html'), 'utf8'));
    expect(scripts).toEqual([CDN, expect.stringMatching(/^register\.[0-9a-f]{8}\.js$/)]);
    for (const file of readdirSync(dist).filter((f) => f.endsWith('.js')))
      expect({ file, sandboxDialog: SANDBOX_DIALOG.test(readFileSync(join(dist, file), 'utf8')) }).toEqual({
        file,
        sandboxDialog: false,
      });
  });

  it('ships the manifest pointing at ADDIN_URL, with its icons, passing the offline checks', () => {
    const manifest = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('localhost:3000');
    expect(manifest).toContain(`${ADDIN_URL}taskpane.html`);
    expect(existsSync(join(dist, 'assets', 'support.html'))).toBe(true);
    expect(checkManifest(manifest, { baseUrl: ADDIN_URL, rootDir: dist, requiredMailbox: '1.8' })).toEqual(
      [],
    );
  });

  it('bakes the production configuration in, with no source maps and no IE11 polyfills', () => {
    const files = readdirSync(dist);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const bundle = files.find((f) => /^taskpane\..*\.js$/.test(f)) ?? '';
    const js = readFileSync(join(dist, bundle), 'utf8');
    expect(js).toContain(CLIENT_ID);
    expect(js).toContain('https://graph.microsoft.com/v1.0');
    expect(js).not.toMatch(/core-js|regeneratorRuntime/);
    expect(js).not.toContain('sourceMappingURL');
  });

  it('contains no sandbox code: no reader of the page’s configuration, no dev tokens', () => {
    const js = readdirSync(dist).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(2);
    for (const file of js) {
      const text = readFileSync(join(dist, file), 'utf8');
      expect({ file, found: SANDBOX_ONLY.filter((marker) => marker.test(text)) }).toEqual({
        file,
        found: [],
      });
    }
  });

  it('differs from the sandbox’s build in its mode: the sandbox’s has the sandbox code', () => {
    const sandbox = build(['--mode', 'production', '--env', 'sandbox']);
    const bundle = readdirSync(sandbox).find((f) => /^taskpane\..*\.js$/.test(f)) ?? '';
    const text = readFileSync(join(sandbox, bundle), 'utf8');
    // The markers do find sandbox code where it is, so their absence above means something.
    expect(SANDBOX_ONLY.filter((marker) => !marker.test(text))).toEqual([]);
    const scripts = scriptsOf(readFileSync(join(sandbox, 'taskpane.html'), 'utf8'));
    expect(scripts).toEqual([
      'sandbox-config.js',
      expect.stringMatching(/^office-host\.[0-9a-f]{8}\.js$/),
      bundle,
    ]);
    // The sandbox's register page gets the sandbox's dialog host where Outlook's gets office.js.
    const register = scriptsOf(readFileSync(join(sandbox, 'register.html'), 'utf8'));
    expect(register).toEqual([
      expect.stringMatching(/^dialog-host\.[0-9a-f]{8}\.js$/),
      expect.stringMatching(/^register\.[0-9a-f]{8}\.js$/),
    ]);
    expect(SANDBOX_DIALOG.test(readFileSync(join(sandbox, register[0] ?? ''), 'utf8'))).toBe(true);
  }, 120_000);

  it('fails with what to set when the client id or the site is missing', () => {
    expect(() =>
      build(['--mode', 'production'], { ADDIN_URL, CLIENT_ID: '', SITE_HOSTNAME: ' ', SITE_PATH: '' }),
    ).toThrow(
      /A build for Outlook needs CLIENT_ID, SITE_HOSTNAME, SITE_PATH[\s\S]*CLIENT_ID: the app registration/,
    );
    expect(() => build(['--mode', 'production'], { ADDIN_URL, ...SETTINGS, SITE_PATH: '' })).toThrow(
      /needs SITE_PATH \(/,
    );
  }, 120_000);

  it('refuses an ADDIN_URL that is not https', () => {
    expect(() => build(['--mode', 'production'], { ADDIN_URL: 'http://triage.example.org/' })).toThrow(
      /ADDIN_URL must be an https URL/,
    );
  });
});
