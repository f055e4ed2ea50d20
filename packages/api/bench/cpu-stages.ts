/**
 * Where a request's CPU goes, by stage, from a V8 CPU profile (.cpuprofile: `node --cpu-prof`, or
 * bench/profile.ts). Each sample is charged to the innermost frame on its stack that belongs to a
 * stage (the SQL a resolver runs is the store's, not execution's; the clone of a response that the
 * metrics read is the metrics', not the HTTP adapter's); a stack with no such frame is charged to
 * the package of its innermost frame with a script (Yoga, @whatwg-node, Node). `(idle)` is left out.
 * Frames are recognised by file path (a dependency by its own package, not by the peers pnpm writes
 * into its folder's name), so the profiled server must run from its sources (tsx), not
 * from the bundle, where every frame has the same file.
 * Run on a saved profile: npx tsx bench/cpu-stages.ts <file.cpuprofile>
 */
import { readFileSync } from 'node:fs';

export interface CpuProfile {
  /** Microseconds on the system's monotonic clock (as `process.hrtime`), which every process shares. */
  startTime: number;
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Stages in the order the table lists them; the first pattern a frame's file matches names its stage. */
const STAGES: [stage: string, file: RegExp][] = [
  [
    'metrics',
    /prom-client|@envelop\/prometheus|plugin-prometheus|src\/observability\/(metrics|request-outcome|request-scope|cluster-metrics|operation-names)/,
  ],
  ['tracing', /@opentelemetry|@envelop\/opentelemetry|src\/observability\/tracing/],
  ['logging', /src\/observability\/request-log|src\/logging/],
  ['pricing', /src\/limits\/(cost-limit|pricing|costly-admission)|@pothos\/plugin-complexity/],
  ['limits (text, depth, aliases, rate)', /src\/limits\/|graphql-armor/],
  ['our HTTP plugins (CORS, body limit, ETag, trusted documents)', /src\/http\/|src\/execution\/trusted-documents/],
  ['parse', /graphql\/language\/(parser|lexer|source|blockString|characterClasses)/],
  ['validate', /graphql\/validation\//],
  ['store (SQL, rows)', /packages\/store\/|drizzle|better-sqlite3/],
  [
    'execute (resolvers, DataLoader)',
    /graphql-jit|graphql\/(execution|type|jsutils)|src\/schema\/|src\/execution\/|@pothos|dataloader/,
  ],
  ['serialise (JSON)', /result-processor/],
  ['read the body', /request-parser/],
];

const FALLBACK: [stage: string, file: RegExp][] = [
  ['Yoga and envelop (plugin hooks)', /graphql-yoga|@envelop/],
  ['HTTP adapter (@whatwg-node)', /@whatwg-node/],
  ['Node (http, streams, promises)', /^node:/],
];

/**
 * Frames that wrap a whole request (the HTTP listener, the statement-counting scope, a benchmark's
 * loop): everything runs under them, so they name no stage; the scope's own cost shows in Node's.
 */
const WRAPPERS = /src\/http\/http-server\.ts|\/bench\/profile\.ts/;
type Frame = { functionName: string; url: string };
const isWrapper = (frame: Frame, callee: Frame | undefined) =>
  WRAPPERS.test(frame.url) ||
  (frame.url.includes('src/observability/request-scope') && callee?.url === 'node:async_hooks');

const GC = 'garbage collection';
const OTHER = 'other';

/** The path within the package a file belongs to (`graphql/language/parser.js`), or the whole URL of a workspace file. */
const packagePath = (url: string) => {
  const at = url.lastIndexOf('node_modules/');
  return at === -1 ? url : url.slice(at + 'node_modules/'.length);
};

function stageOfStack(frames: Frame[]): string | undefined {
  const leaf = frames[0]!;
  if (leaf.functionName === '(idle)') return undefined;
  if (leaf.functionName === '(garbage collector)') return GC;
  if (leaf.functionName === 'stringify' && !leaf.url && frames[1] && /result-processor/.test(frames[1].url))
    return 'serialise (JSON)';
  for (const [index, frame] of frames.entries()) {
    if (!frame.url || isWrapper(frame, frames[index - 1])) continue;
    const found = STAGES.find(([, file]) => file.test(packagePath(frame.url)));
    if (found) return found[0];
  }
  const innermost = frames.find((frame, index) => frame.url && !isWrapper(frame, frames[index - 1]));
  return innermost ? (FALLBACK.find(([, file]) => file.test(packagePath(innermost.url)))?.[0] ?? OTHER) : OTHER;
}

/**
 * Each stage's share of the profile's CPU time (idle excluded), largest first, and that time in ms;
 * only the samples taken from `sinceMicroseconds` on (`process.hrtime` time), when given.
 */
export function cpuByStage(profile: CpuProfile, sinceMicroseconds = 0): { stage: string; share: number; ms: number }[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const stageOfNode = new Map<number, string | undefined>();
  const stageOf = (id: number) => {
    if (!stageOfNode.has(id)) {
      const frames = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) frames.push(byId.get(at)!.callFrame);
      stageOfNode.set(id, stageOfStack(frames));
    }
    return stageOfNode.get(id);
  };
  const totals = new Map<string, number>();
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    time += profile.timeDeltas[index] ?? 0;
    if (time < sinceMicroseconds) return;
    const stage = stageOf(id);
    if (stage) totals.set(stage, (totals.get(stage) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const all = [...totals.values()].reduce((sum, time) => sum + time, 0);
  return [...totals]
    .map(([stage, time]) => ({ stage, share: time / all, ms: time / 1000 }))
    .sort((a, b) => b.share - a.share);
}

/** The table as Markdown rows, with each stage's CPU per request when `requests` is given. */
export function stageTable(profile: CpuProfile, cpuMsPerRequest?: number, sinceMicroseconds = 0): string {
  const rows = cpuByStage(profile, sinceMicroseconds).map(
    ({ stage, share }) =>
      `| ${stage} | ${(100 * share).toFixed(1)}% |${cpuMsPerRequest === undefined ? '' : ` ${(share * cpuMsPerRequest * 1000).toFixed(0)} µs |`}`,
  );
  const head =
    cpuMsPerRequest === undefined
      ? '| stage | share |\n| --- | --- |'
      : '| stage | share | CPU per request |\n| --- | --- | --- |';
  return [head, ...rows].join('\n');
}

if (process.argv[1] === import.meta.filename) {
  const [file] = process.argv.slice(2);
  if (!file) {
    console.error('usage: cpu-stages.ts <file.cpuprofile>');
    process.exit(2);
  }
  console.log(stageTable(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile));
}
