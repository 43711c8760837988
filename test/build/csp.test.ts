// The Content-Security-Policy the sandbox serves (and the browser tests run under) is the one the
// deployment guide documents, and it is strict where it matters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../sandbox/server';

const DOC = readFileSync(join(__dirname, '../../docs/content-security-policy.md'), 'utf8');

describe('the Content-Security-Policy', () => {
  it('the sandbox serves is the one docs/content-security-policy.md shows for it', () => {
    expect(DOC).toContain(`\n${CONTENT_SECURITY_POLICY}\n`);
  });

  it('lets no page run inline or foreign script, plug-ins, or a changed base address', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...sources] = d.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    const production = /```\nContent-Security-Policy:\n([\s\S]*?)```/.exec(DOC)?.[1] ?? '';
    expect(production).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(production).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });
});
