// `npm ci` on a clean clone refuses a lockfile that names an optional dependency (a platform
// binary such as @swc/core-darwin-arm64) without recording it. That happens when the registry
// this machine reaches lacks that platform build at the pinned version: `npm install` skips it
// quietly here, and CI then fails before any test runs. Catch it in the suite instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(join(__dirname, '../../package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

/** Node's resolution: the nearest node_modules folder up from the dependant. */
function resolves(from: string, dep: string): boolean {
  let base = from;
  for (;;) {
    if (lock.packages[`${base ? `${base}/` : ''}node_modules/${dep}`]) return true;
    const cut = base.lastIndexOf('/node_modules/');
    if (cut < 0) return base !== '' ? !!lock.packages[`node_modules/${dep}`] : false;
    base = base.slice(0, cut);
  }
}

describe('package-lock.json', () => {
  it('records every optional dependency it names, so npm ci accepts it on a clean clone', () => {
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((dep) => !resolves(path, dep))
        .map((dep) => `${path || '(root)'} → ${dep}`),
    );
    expect(missing).toEqual([]);
  });

  it('records no registry address (the machine keeps them out; never write one in)', () => {
    const text = readFileSync(join(__dirname, '../../package-lock.json'), 'utf8');
    expect(text).not.toMatch(/"resolved":\s*"https?:/);
  });
});
