// `bench:fixed-cost`: the fixed-cost comparison of fixed-cost.ts alone, at one size.
// Settings: BENCH_DURATION (3), BENCH_WARMUP (2), BENCH_ROUNDS (4), BENCH_CONNECTIONS, BENCH_SEED,
// BENCH_PORT (4270, five ports), FIXED_COST_EVENTS (100000).
import { runFixedCost } from './fixed-cost.ts';
import { benchSettings } from './timing.ts';

const settings = benchSettings({ sizes: '', port: 4270, seconds: 3, warmupSeconds: 2, rounds: 4 });
await runFixedCost({ ...settings, events: Number(process.env.FIXED_COST_EVENTS ?? 100_000) });
