#!/usr/bin/env -S node --max-semi-space-size=16
// Entry point of the `palimpsest` command. Plain JavaScript so that it starts on
// any Node >= 22.12; the CLI itself is TypeScript, run by Node's type stripping.
// The first line gives V8 a young generation of 16 MB semi-spaces (Node's
// default is smaller): a check builds tens of megabytes of index that would
// otherwise be copied by many more scavenges (about 0.1 s of a 1 s check).
// `node bin/palimpsest.js` works the same, with Node's default heap.
import { spawnSync } from 'node:child_process';
// A namespace import: a named one of enableCompileCache would fail to link on a Node that lacks it (before 22.1),
// before this script could hand over to a newer Node.
import * as nodeModule from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REEXEC_MARK = 'PALIMPSEST_STRIP_TYPES_REEXEC';
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

if (major < 22 || (major === 22 && minor < 12)) {
  // The Node 24 that `bash .ci/run` (provision_node) installs, when it is there: run with it.
  const home = process.env.HOME ?? '';
  const prefix = process.env.PALIMPSEST_NODE24_PREFIX ?? `${home}/.cache/palimpsest/node24`;
  const provisioned = `${prefix}/node_modules/.bin/node`;
  if (home && !process.env[REEXEC_MARK] && existsSync(provisioned)) {
    const result = spawnSync(provisioned, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, [REEXEC_MARK]: '1' } });
    if (result.signal) process.kill(process.pid, result.signal);
    process.exit(result.status ?? 1);
  }
  console.error(
    `palimpsest: needs Node >= 22.12 (this is ${process.version}); ` +
      'in bash, `source .ci/run && provision_node` gets Node 24 from the npm registry.',
  );
  process.exit(1);
}

if (!process.features.typescript && !process.env[REEXEC_MARK]) {
  // Before Node 22.18 (and 23.0-23.5), type stripping is off by default: run this script again
  // with the flag that turns it on, and pass its exit status through.
  const result = spawnSync(
    process.execPath,
    [
      '--experimental-strip-types',
      '--no-warnings=ExperimentalWarning',
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, [REEXEC_MARK]: '1' } },
  );
  if (result.error) {
    console.error(`palimpsest: could not start node: ${result.error.message}`);
    process.exit(1);
  }
  if (result.signal) process.kill(process.pid, result.signal);
  process.exit(result.status ?? 1);
} else {
  // Node keeps the compiled (and type-stripped) modules in its on-disk cache (in the system's temporary folder),
  // so that each later run starts in about half the time.
  nodeModule.enableCompileCache?.();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
