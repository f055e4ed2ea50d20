import { describe, expect, it } from 'vitest';
import { type CpuProfile, cpuByStage } from './cpu-stages.ts';

const file = (path: string) => `file:///repo/${path}`;
const AT = {
  listener: { functionName: '', url: file('packages/api/src/http/http-server.ts') },
  scope: { functionName: '', url: file('packages/api/src/observability/request-scope.ts') },
  alsRun: { functionName: 'run', url: 'node:async_hooks' },
  yoga: {
    functionName: 'handle',
    url: file('node_modules/.pnpm/graphql-yoga@5/node_modules/graphql-yoga/esm/server.js'),
  },
  resolver: { functionName: 'resolve', url: file('packages/api/src/schema/event.ts') },
  store: { functionName: 'eventById', url: file('packages/store/src/queries/events.ts') },
  // pnpm names a package's folder after its peers too: drizzle's holds "@opentelemetry+api".
  drizzle: {
    functionName: 'all',
    url: file(
      'node_modules/.pnpm/drizzle-orm@1_@opentelemetry+api@1.9.1/node_modules/drizzle-orm/sqlite-core/session.js',
    ),
  },
  sqlite: { functionName: 'get', url: '' },
  outcome: { functionName: 'onResponse', url: file('packages/api/src/observability/request-outcome.ts') },
  clone: {
    functionName: 'clone',
    url: file('node_modules/.pnpm/@whatwg-node+node-fetch/node_modules/@whatwg-node/node-fetch/cjs/Response.js'),
  },
  idle: { functionName: '(idle)', url: '' },
  gc: { functionName: '(garbage collector)', url: '' },
};
type Name = keyof typeof AT;

/** A profile with one sample, of `micros`, at the end of each stack (outermost frame first). */
function profileOf(stacks: [Name[], number][]): CpuProfile {
  const nodes: CpuProfile['nodes'] = [{ id: 1, callFrame: { functionName: '(root)', url: '' }, children: [] }];
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  for (const [stack, micros] of stacks) {
    let parent = nodes[0]!;
    for (const name of stack) {
      const node = { id: nodes.length + 1, callFrame: AT[name], children: [] as number[] };
      nodes.push(node);
      parent.children!.push(node.id);
      parent = node;
    }
    samples.push(parent.id);
    timeDeltas.push(micros);
  }
  return { startTime: 0, nodes, samples, timeDeltas };
}

describe('CPU by stage', () => {
  it('charges a sample to the innermost frame that names a stage, past the wrappers of a whole request', () => {
    const stages = cpuByStage(
      profileOf([
        [['listener', 'scope', 'alsRun', 'yoga', 'resolver', 'store', 'sqlite'], 200],
        [['listener', 'scope', 'alsRun', 'yoga', 'resolver', 'drizzle'], 100],
        [['listener', 'scope', 'alsRun', 'yoga', 'resolver'], 100],
        [['listener', 'scope', 'alsRun', 'yoga', 'outcome', 'clone'], 200],
        [['listener', 'scope', 'alsRun', 'yoga'], 200],
        [['gc'], 200],
        [['idle'], 5_000],
      ]),
    );
    expect(Object.fromEntries(stages.map(({ stage, share }) => [stage, share]))).toEqual({
      'store (SQL, rows)': 0.3,
      'execute (resolvers, DataLoader)': 0.1,
      metrics: 0.2,
      'Yoga and envelop (plugin hooks)': 0.2,
      'garbage collection': 0.2,
    });
  });

  it('counts only the samples taken from a given time on', () => {
    const profile = profileOf([
      [['yoga', 'resolver'], 1_000],
      [['yoga', 'resolver', 'store'], 500],
    ]);
    expect(cpuByStage(profile, 1_200).map(({ stage }) => stage)).toEqual(['store (SQL, rows)']);
  });
});
