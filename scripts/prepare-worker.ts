/**
 * One worker of the build's prepare step (src/lib/prepare.ts):
 *
 *   node scripts/prepare-worker.ts JOB_FILE
 *
 * JOB_FILE holds a PrepareJob (v8-serialized). The worker fills the cache
 * folder the job names and prints its result as one line of JSON.
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { runPrepareJob, type PrepareJob } from '../src/lib/prepare.ts';

const jobFile = process.argv[2];
if (!jobFile) {
  process.stderr.write('usage: node scripts/prepare-worker.ts JOB_FILE\n');
  process.exit(2);
}
const result = runPrepareJob(deserialize(readFileSync(jobFile)) as PrepareJob);
process.stdout.write(`${JSON.stringify(result)}\n`);
