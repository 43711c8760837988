// Builds the sandbox variant of the web files with the project's own webpack config: the same
// taskpane bundle as production, but taskpane.html loads the local Office host and the sandbox's
// config instead of office.js from the CDN, plus the sandbox page. Development mode: no minifying,
// so a fresh build takes seconds, and webpack's filesystem cache makes the next one faster still.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import webpack, { type Configuration } from 'webpack';

type ConfigFactory = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Configuration>;

export const ROOT = join(__dirname, '..');

export interface SandboxBuildOptions {
  mode?: 'development' | 'production';
  /** Another taskpane entry (tests of the sandbox itself use a stand-in). */
  taskpaneEntry?: string;
}

export async function buildSandboxWeb(outputPath: string, options: SandboxBuildOptions = {}): Promise<void> {
  const factory = createRequire(__filename)(join(ROOT, 'webpack.config.js')) as ConfigFactory;
  const env: Record<string, unknown> = { sandbox: true, outputPath };
  if (options.taskpaneEntry) env.taskpaneEntry = options.taskpaneEntry;
  const config = await factory(env, { mode: options.mode ?? 'development' });
  const compiler = webpack(config);
  if (!compiler) throw new Error('webpack did not start');
  await new Promise<void>((resolve, reject) => {
    compiler.run((err, stats) => {
      compiler.close(() => {
        if (err) reject(err);
        else if (stats?.hasErrors())
          reject(new Error(`The sandbox build failed:\n${stats.toString('errors-only')}`));
        else resolve();
      });
    });
  });
}
