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
    dist = build(['--mode', 'production'], {
      ADDIN_URL,
      CLIENT_ID,
      SITE_HOSTNAME: 'force.sharepoint.example.org',
    });
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

  it('is the same taskpane bundle the sandbox serves, where only the Office script differs', () => {
    const sandbox = build(['--mode', 'production', '--env', 'sandbox'], {
      ADDIN_URL,
      CLIENT_ID,
      SITE_HOSTNAME: 'force.sharepoint.example.org',
    });
    const bundle = (dir: string) => readdirSync(dir).find((f) => /^taskpane\..*\.js$/.test(f));
    expect(bundle(sandbox)).toBe(bundle(dist));
    const scripts = scriptsOf(readFileSync(join(sandbox, 'taskpane.html'), 'utf8'));
    expect(scripts).toEqual([
      'sandbox-config.js',
      expect.stringMatching(/^office-host\.[0-9a-f]{8}\.js$/),
      bundle(dist),
    ]);
  }, 120_000);

  it('refuses an ADDIN_URL that is not https', () => {
    expect(() => build(['--mode', 'production'], { ADDIN_URL: 'http://triage.example.org/' })).toThrow(
      /ADDIN_URL must be an https URL/,
    );
  });
});
