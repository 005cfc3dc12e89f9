// @ts-check
import { defineConfig } from 'astro/config';

// A fork that publishes to GitHub Pages sets, for example,
//   PALIMPSEST_SITE=https://<user>.github.io  PALIMPSEST_BASE=/palimpsest
// Unset, the site is built for the root of http://localhost:4321.
const site = process.env.PALIMPSEST_SITE || 'http://localhost:4321';
const base = process.env.PALIMPSEST_BASE || '/';

// PALIMPSEST_OUT builds elsewhere than dist/ (the reproducibility and hostile-input tests use it).
const outDir = process.env.PALIMPSEST_OUT || './dist';
// An incremental build (scripts/build.ts, scripts/site-state.ts) renders over the output of the build before.
const keepOut = process.env.PALIMPSEST_KEEP_OUT === '1';

export default defineConfig({
  output: 'static',
  outDir,
  site,
  base,
  trailingSlash: 'ignore',
  // The dev server reloads on content/ (our loader watches it); generated folders are not sources.
  vite: { server: { watch: { ignored: ['**/bench/tmp/**', '**/.palimpsest-cache/**', '**/test-results/**'] } }, build: { emptyOutDir: !keepOut } },
});
