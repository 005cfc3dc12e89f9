/**
 * A cache of stage results keyed by content hash. Each stage is a pure
 * function, so its result is determined by its input and by the code of the
 * core: the key hashes both. Change a document and only that document is
 * parsed again; change the core and every entry is stale at once.
 *
 * The cache lives in one folder (".palimpsest-cache" by default) that CI can
 * keep between runs. Entries are JSON files; a missing, truncated or foreign
 * file is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Cache {
  get<T>(stage: string, key: string): T | undefined;
  set(stage: string, key: string, value: unknown): void;
  /** Hits and misses since the cache was opened, by stage. */
  readonly stats: Record<string, { hits: number; misses: number }>;
}

/** SHA-256 of the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
export function contentKey(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

let fingerprint: string | null = null;

/**
 * The folder of the core's sources. Run directly, this module sits in it; bundled
 * (by Astro into dist/.prerender/chunks), it does not, so look upwards for a
 * folder holding src/lib/model.ts, then in the working folder.
 */
function coreSourceFolder(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  if (existsSync(join(here, 'model.ts')) && existsSync(join(here, 'cache.ts'))) return here;
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'src', 'lib', 'model.ts'))) return join(dir, 'src', 'lib');
    if (dirname(dir) === dir) break;
  }
  const cwd = join(process.cwd(), 'src', 'lib');
  return existsSync(join(cwd, 'model.ts')) ? cwd : null;
}

/**
 * A hash of every source file of the core (src/lib) and of the lock file of
 * its dependencies, so cached results never outlive the code that made them.
 * Where the sources cannot be found, a key of this process alone: the cache
 * then misses rather than ever serving a stale result.
 */
export function codeFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const root = coreSourceFolder();
  if (root === null) return (fingerprint = contentKey('no-sources', String(process.pid), String(performance.timeOrigin)));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(?:ts|json)$/.test(name)) files.push(path);
    }
  };
  walk(root);
  const lock = join(root, '..', '..', 'package-lock.json');
  if (existsSync(lock)) files.push(lock);
  fingerprint = contentKey(...files.flatMap((f) => [f.slice(root.length), readFileSync(f)]));
  return fingerprint;
}

function counter(stats: Cache['stats'], stage: string) {
  return (stats[stage] ??= { hits: 0, misses: 0 });
}

/** A cache in a folder: <dir>/<stage>/<key>.json. */
export function folderCache(dir: string): Cache {
  const stats: Cache['stats'] = {};
  return {
    stats,
    get<T>(stage: string, key: string): T | undefined {
      try {
        const value = JSON.parse(readFileSync(join(dir, stage, `${key}.json`), 'utf8')) as T;
        counter(stats, stage).hits++;
        return value;
      } catch {
        counter(stats, stage).misses++;
        return undefined;
      }
    },
    set(stage: string, key: string, value: unknown): void {
      const folder = join(dir, stage);
      mkdirSync(folder, { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const tmp = join(folder, `${key}.${process.pid}.tmp`);
      writeFileSync(tmp, JSON.stringify(value));
      renameSync(tmp, join(folder, `${key}.json`));
    },
  };
}

/** A cache that keeps nothing: every lookup is a miss. */
export function noCache(): Cache {
  const stats: Cache['stats'] = {};
  return {
    stats,
    get: (stage) => {
      counter(stats, stage).misses++;
      return undefined;
    },
    set: () => {},
  };
}

/** Look up a stage result, or compute and store it. */
export function cached<T>(cache: Cache, stage: string, key: string, compute: () => T): T {
  const hit = cache.get<T>(stage, key);
  if (hit !== undefined) return hit;
  const value = compute();
  cache.set(stage, key, value);
  return value;
}
