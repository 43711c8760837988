// The production build's initial JavaScript and what it is made of, for the browser bench and on
// its own (`npx tsx bench/bundle.ts` prints the composition; a quick check while cutting bytes).
//   initial      the scripts taskpane.html loads before the pane can show a verdict: the ones in
//                its <script> tags and the chunks it preloads (MSAL is needed for the first token)
//   composition  each package's share of those gzipped bytes: the build's source maps say which
//                package each minified byte came from; each package's bytes are gzipped alone and
//                the real gzipped total is shared out in those proportions (gzip works across
//                package boundaries, so a package's figure is an estimate; the total is exact).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack, { type Configuration } from 'webpack';
import { ROOT } from '../sandbox/build';

type ConfigFactory = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Configuration>;

/** Settings a production build must have (#9 §4); the bench's own, pointing nowhere real. */
export const BENCH_BUILD_ENV = {
  CLIENT_ID: '00000000-0000-4000-8000-0000000be9c4',
  SITE_HOSTNAME: 'contoso.sharepoint.example.com',
  SITE_PATH: '/sites/pss',
} as const;

export interface Composition {
  package: string;
  modules: number;
  minifiedBytes: number;
  /** This package's share of the initial gzipped bytes (see the header). */
  gzippedBytes: number;
}

export interface InitialJavaScript {
  files: Array<{ file: string; minifiedBytes: number; gzippedBytes: number }>;
  gzippedBytes: number;
  minifiedBytes: number;
  composition: Composition[];
}

/** Script and preload sources of an HTML page in order (minified HTML may drop attribute quotes). */
export function initialScripts(html: string): string[] {
  const attr = (tag: string, name: string): string | null => {
    const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`).exec(tag);
    return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
  };
  const out: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const src = tag.startsWith('<script') ? attr(tag, 'src') : preloadHref(tag, attr);
    if (src && !/^https?:/.test(src) && !out.includes(src)) out.push(src);
  }
  return out;
}

function preloadHref(tag: string, attr: (tag: string, name: string) => string | null): string | null {
  const rel = attr(tag, 'rel') ?? '';
  return /(^|\s)(modulepreload|preload)(\s|$)/.test(rel) && /\.js$/.test(attr(tag, 'href') ?? '')
    ? attr(tag, 'href')
    : null;
}

/** The package a module path belongs to: node_modules/<pkg> or node_modules/@scope/pkg, else ours. */
export function packageOf(name: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name.split('!').pop() ?? name);
  if (m) return m[1] as string;
  const own = /\.\/(src\/[^/]+(?:\/[^/]+)?)/.exec(name);
  return own ? `(ours) ${(own[1] as string).replace(/\.[jt]sx?$/, '')}` : '(webpack runtime)';
}

/**
 * Builds production into `outputPath`, with source maps kept beside the files (hidden: the
 * scripts do not name them, so the bytes measured are the ones shipped).
 */
export async function buildProduction(outputPath: string, env: Record<string, string> = {}): Promise<void> {
  const saved = { ...process.env };
  Object.assign(process.env, BENCH_BUILD_ENV, env);
  try {
    const factory = createRequire(__filename)(join(ROOT, 'webpack.config.js')) as ConfigFactory;
    const config = await factory({ outputPath, quiet: true }, { mode: 'production' });
    // Its own cache: one without maps would hand back files without them.
    const cache = typeof config.cache === 'object' ? { ...config.cache, name: 'production-maps' } : false;
    const compiler = webpack({ ...config, devtool: 'hidden-source-map', cache } as Configuration);
    if (!compiler) throw new Error('webpack did not start');
    return await new Promise((resolve, reject) =>
      compiler.run((err, stats) =>
        compiler.close(() => {
          if (err || !stats) reject(err ?? new Error('webpack gave no result'));
          else if (stats.hasErrors()) reject(new Error(stats.toString('errors-only')));
          else resolve();
        }),
      ),
    );
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The generated code of each source file, from a source map's mappings: each segment owns the
 * bytes up to the next segment on its line (a line's bytes before its first segment, and the
 * newlines, are the bundler's own). Decodes the base64 VLQ of the source-map v3 format.
 */
export function codePerSource(
  code: string,
  map: { sources: string[]; mappings: string },
): Map<string, string[]> {
  const lines = code.split('\n');
  const out = new Map<string, string[]>();
  let text = '';
  const add = (key: string, from: number, to: number) => {
    const pieces = out.get(key) ?? [];
    pieces.push(text.slice(from, to));
    out.set(key, pieces);
  };
  let source = 0;
  map.mappings.split(';').forEach((line, row) => {
    text = `${lines[row] ?? ''}\n`;
    let column = 0;
    let owner: string | null = null;
    let from = 0;
    for (const segment of line ? line.split(',') : []) {
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0] ?? 0;
      add(owner ?? '(webpack runtime)', from, column);
      if (fields.length >= 4) {
        source += fields[1] ?? 0;
        owner = map.sources[source] ?? '(webpack runtime)';
      } else owner = null;
      from = column;
    }
    add(owner ?? '(webpack runtime)', from, text.length);
  });
  return out;
}

/** The initial JavaScript of a production build in `dir`, with its composition. */
export function initialJavaScript(dir: string): InitialJavaScript {
  const initial = initialScripts(readFileSync(join(dir, 'taskpane.html'), 'utf8'));
  const files = initial.map((file) => {
    const bytes = readFileSync(join(dir, file));
    return { file, minifiedBytes: bytes.length, gzippedBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const gzippedBytes = files.reduce((n, f) => n + f.gzippedBytes, 0);
  const byPackage = new Map<string, { modules: number; code: string[] }>();
  for (const { file } of files) {
    const map = JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')) as {
      sources: string[];
      mappings: string;
    };
    for (const [source, pieces] of codePerSource(readFileSync(join(dir, file), 'utf8'), map)) {
      const key = packageOf(source);
      const entry = byPackage.get(key) ?? { modules: 0, code: [] };
      entry.modules += 1;
      entry.code.push(...pieces);
      byPackage.set(key, entry);
    }
  }
  const each = [...byPackage.entries()].map(([pkg, e]) => {
    const code = e.code.join('');
    return {
      pkg,
      modules: e.modules,
      minified: Buffer.byteLength(code),
      alone: gzipSync(code, { level: 9 }).length,
    };
  });
  const totalAlone = each.reduce((n, e) => n + e.alone, 0) || 1;
  const composition = each
    .map((e) => ({
      package: e.pkg,
      modules: e.modules,
      minifiedBytes: e.minified,
      gzippedBytes: Math.round((gzippedBytes * e.alone) / totalAlone),
    }))
    .sort((a, b) => b.gzippedBytes - a.gzippedBytes);
  return {
    files,
    gzippedBytes,
    minifiedBytes: files.reduce((n, f) => n + f.minifiedBytes, 0),
    composition,
  };
}

if (require.main === module) {
  void (async () => {
    const dir = process.argv[2] ?? '/tmp/cst-bundle';
    await buildProduction(dir);
    const report = initialJavaScript(dir);
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  })();
}
