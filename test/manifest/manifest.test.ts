import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkManifest, compareVersions, pngSize, type CheckOptions } from '../../scripts/check-manifest';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const OPTIONS: CheckOptions = { rootDir: ROOT, requiredMailbox: '1.8' };

function problemsOf(xml: string, options: CheckOptions = OPTIONS): string[] {
  return checkManifest(xml, options).map((p) => `${p.where}: ${p.message}`);
}

/** Replaces exactly one occurrence, so a mutation that silently does nothing fails the test. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === 'string' ? xml.split(from).length - 1 : (xml.match(new RegExp(from, 'g')) ?? []).length;
  if (count === 0) throw new Error(`mutation target not found: ${String(from)}`);
  return xml.replace(from, to);
}

function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

describe('the shipped manifest', () => {
  it('passes every offline check, icons included', () => {
    expect(problemsOf(MANIFEST)).toEqual([]);
  });

  it('asks for least privilege that still allows categories', () => {
    expect(MANIFEST).toMatch(/<Permissions>ReadWriteItem<\/Permissions>/);
  });

  it('passes once the build has replaced the development host', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cst-manifest-'));
    mkdirSync(join(dir, 'assets'));
    for (const size of [16, 32, 64, 80, 128]) {
      copyFileSync(join(ROOT, 'assets', `icon-${size}.png`), join(dir, 'assets', `icon-${size}.png`));
    }
    const built = MANIFEST.replaceAll('https://localhost:3000/', 'https://triage.example.org/addin/');
    expect(
      problemsOf(built, { ...OPTIONS, baseUrl: 'https://triage.example.org/addin/', rootDir: dir }),
    ).toEqual([]);
  });
});

describe('the manifest checker catches what would break sideloading', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['malformed XML', mutate(MANIFEST, '</Hosts>', '</Host>'), /XML/],
    [
      'a missing required element',
      mutate(MANIFEST, /<SupportUrl [^>]*\/>/, ''),
      /missing required element SupportUrl/,
    ],
    [
      'elements out of schema order',
      mutate(
        MANIFEST,
        '<DefaultLocale>en-GB</DefaultLocale>\n  <DisplayName DefaultValue="Contact Strategy Triage"/>',
        '<DisplayName DefaultValue="Contact Strategy Triage"/>\n  <DefaultLocale>en-GB</DefaultLocale>',
      ),
      /DefaultLocale is out of order/,
    ],
    ['an Id that is not a GUID', mutate(MANIFEST, /<Id>[^<]*<\/Id>/, '<Id>triage</Id>'), /Id must be a GUID/],
    [
      'a plain-http URL',
      mutate(
        MANIFEST,
        'https://localhost:3000/taskpane.html"/>\n      </bt:Urls>',
        'http://localhost:3000/taskpane.html"/>\n      </bt:Urls>',
      ),
      /must use https/,
    ],
    [
      'an unresolved resid',
      mutate(
        MANIFEST,
        '<SourceLocation resid="Taskpane.Url"/>\n                      <!--',
        '<SourceLocation resid="Taskpane.Uri"/>\n                      <!--',
      ),
      /"Taskpane.Uri" does not resolve/,
    ],
    [
      'a string resid pointing at the wrong collection',
      mutate(MANIFEST, '<Description resid="OpenPane.Tooltip"/>', '<Description resid="OpenPane.Label"/>'),
      /"OpenPane.Label" does not resolve to a LongStrings/,
    ],
    [
      'a duplicated control id',
      mutate(MANIFEST, 'id="cstReadGroup"', 'id="cstOpenPane"'),
      /id "cstOpenPane" is used more than once/,
    ],
    [
      'a duplicated resource id',
      mutate(
        MANIFEST,
        '<bt:String id="OpenPane.Label" DefaultValue="Triage"/>\n        </bt:ShortStrings>',
        '<bt:String id="GroupLabel" DefaultValue="Triage"/>\n        </bt:ShortStrings>',
      ),
      /resource id "GroupLabel" is used more than once/,
    ],
    [
      'a taskpane that cannot be pinned',
      mutate(MANIFEST, '<SupportsPinning>true</SupportsPinning>', ''),
      /SupportsPinning/,
    ],
    [
      'pinning in the V1_0 schema',
      mutate(
        MANIFEST,
        '<SourceLocation resid="Taskpane.Url"/>\n                  </Action>',
        '<SourceLocation resid="Taskpane.Url"/>\n<SupportsPinning>true</SupportsPinning>\n                  </Action>',
      ),
      /only valid inside VersionOverridesV1_1/,
    ],
    [
      'no V1_1 overrides',
      mutate(
        MANIFEST,
        /<VersionOverrides xmlns="http:\/\/schemas.microsoft.com\/office\/mailappversionoverrides\/1.1"[\s\S]*?<\/VersionOverrides>\n {2}<\/VersionOverrides>/,
        '</VersionOverrides>',
      ),
      /must wrap a VersionOverridesV1_1/,
    ],
    [
      'commands below the Mailbox set categories need',
      MANIFEST.replaceAll('DefaultMinVersion="1.8"', 'DefaultMinVersion="1.5"'),
      /need Mailbox 1.8/,
    ],
    [
      'a requirement set that does not exist',
      MANIFEST.replaceAll('DefaultMinVersion="1.8"', 'DefaultMinVersion="1.99"'),
      /newer than any released/,
    ],
    [
      'overrides asking for less than the base',
      mutate(MANIFEST, 'MinVersion="1.1"', 'MinVersion="1.8"').replaceAll(
        'DefaultMinVersion="1.8"',
        'DefaultMinVersion="1.6"',
      ),
      /below the base manifest/,
    ],
    [
      'an unknown permission',
      mutate(MANIFEST, '<Permissions>ReadWriteItem</Permissions>', '<Permissions>Everything</Permissions>'),
      /Permissions must be one of/,
    ],
    [
      'an icon that does not exist',
      mutate(MANIFEST, 'assets/icon-64.png', 'assets/icon-65.png'),
      /icon file not found/,
    ],
    [
      'a button image of the wrong size',
      MANIFEST.replaceAll(
        '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>',
        '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
      ),
      /is 64x64, expected 80x80/,
    ],
    [
      'a button without its 80px image',
      MANIFEST.replaceAll('<bt:Image size="80" resid="Icon.80x80"/>', ''),
      /needs a 80px image/,
    ],
    [
      'a display name over the limit',
      mutate(
        MANIFEST,
        '<DisplayName DefaultValue="Contact Strategy Triage"/>',
        `<DisplayName DefaultValue="${'x'.repeat(126)}"/>`,
      ),
      /at most 125/,
    ],
  ];

  it.each(cases)('%s', (_name, xml, expected) => {
    const problems = problemsOf(xml);
    expect(problems.some((p) => expected.test(p))).toBe(true);
  });

  it('reports an icon file that is not a PNG, and one of the wrong size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cst-icons-'));
    mkdirSync(join(dir, 'assets'));
    for (const size of [16, 32, 64, 80, 128])
      writeFileSync(join(dir, 'assets', `icon-${size}.png`), pngHeader(size, size));
    writeFileSync(join(dir, 'assets', 'icon-128.png'), pngHeader(100, 100));
    writeFileSync(join(dir, 'assets', 'icon-16.png'), 'not a png');
    const problems = problemsOf(MANIFEST, { ...OPTIONS, rootDir: dir });
    expect(problems.some((p) => /icon-16.png/.test(p) && /not a PNG/.test(p))).toBe(true);
    expect(problems.some((p) => /HighResolutionIconUrl/.test(p) && /100x100/.test(p))).toBe(true);
  });
});

describe('pngSize', () => {
  it('reads back the size written into any PNG header', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (w, h) => {
          expect(pngSize(pngHeader(w, h))).toEqual({ width: w, height: h });
        },
      ),
    );
  });

  it('refuses bytes that are not a PNG', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        fc.pre(bytes[0] !== 0x89);
        expect(pngSize(bytes)).toBeNull();
      }),
    );
  });
});

describe('compareVersions', () => {
  it('orders requirement set versions numerically, not as text', () => {
    expect(compareVersions('1.10', '1.9')).toBe(1);
    expect(compareVersions('1.8', '1.8')).toBe(0);
    expect(compareVersions('1.3', '1.15')).toBe(-1);
  });
});
