/**
 * How much more work two cores do than one on this machine right now, with no server involved: the
 * ceiling any WORKERS=2 figure is measured against. A virtual machine's two cores may be two
 * hyperthreads of one physical core, and other work on a shared machine takes its share, so this is
 * measured in the same run, not assumed to be 2.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

// JSON round trips of a page-sized object: allocation and garbage collection, as a GraphQL answer makes.
const WORK = `
const page = { edges: Array.from({ length: 20 }, (_, index) => ({ cursor: 'Y3Vyc29y' + index,
  node: { id: 'RXZlbnQ6' + index, title: 'A visit to Moscow by the foreign minister '.repeat(2), kind: 'VISIT',
    participants: [{ role: 'INITIATOR', actor: { id: 'QWN0b3I6MQ', name: 'Pakistan' } }] } })) };
const end = performance.now() + Number(process.argv[1]);
let rounds = 0;
while (performance.now() < end) { JSON.parse(JSON.stringify(page)); rounds++; }
console.log(rounds);`;

async function workOn(cpu: number, ms: number): Promise<number> {
  const { stdout } = await promisify(execFile)('taskset', [
    '-c',
    String(cpu),
    process.execPath,
    '-e',
    WORK,
    String(ms),
  ]);
  return Number(stdout);
}

/** Work done by one process on core 0 against two at once on cores 0 and 1, each for `ms`: about 2 for two full cores. */
export async function twoCoreScaling(ms: number): Promise<number> {
  const alone = await workOn(0, ms);
  const together = await Promise.all([workOn(0, ms), workOn(1, ms)]);
  return (together[0] + together[1]) / alone;
}
