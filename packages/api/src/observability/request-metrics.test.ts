import { AggregatorRegistry, Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { RequestCounter, RequestHistogram } from './request-metrics.ts';

const BUCKETS = [0.001, 0.01, 0.1, 1];
const OBSERVATIONS: [labels: { operation: string; statusCode: number }, value: number][] = [
  [{ operation: 'Events', statusCode: 200 }, 0.0004],
  [{ operation: 'Events', statusCode: 200 }, 0.001],
  [{ operation: 'Events', statusCode: 200 }, 0.05],
  [{ operation: 'other', statusCode: 400 }, 3],
  [{ operation: 'Events', statusCode: 500 }, 0.2],
  [{ operation: 'other', statusCode: 400 }, 0.01],
];

function both() {
  const ours = new Registry();
  const theirs = new Registry();
  const options = { name: 'request_seconds', help: 'Time.', labelNames: ['operation', 'statusCode'] as const };
  const counterOptions = {
    name: 'requests_total',
    help: 'Requests.',
    labelNames: ['operation', 'statusCode'] as const,
  };
  const counter = new RequestCounter({ ...counterOptions, registers: [ours] });
  const referenceCounter = new Counter({
    ...counterOptions,
    labelNames: [...counterOptions.labelNames],
    registers: [theirs],
  });
  const histogram = new RequestHistogram({ ...options, buckets: BUCKETS, registers: [ours] });
  const reference = new Histogram({
    ...options,
    labelNames: [...options.labelNames],
    buckets: BUCKETS,
    registers: [theirs],
  });
  for (const [labels, value] of OBSERVATIONS) {
    histogram.observe(labels, value);
    reference.observe(labels, value);
    counter.inc(labels);
    referenceCounter.inc(labels);
  }
  return { ours, theirs, histogram, counter };
}

describe('RequestHistogram and RequestCounter', () => {
  it("write the same Prometheus text as prom-client's Histogram and Counter for the same observations", async () => {
    const { ours, theirs } = both();
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it("sum across workers as prom-client's metrics do", async () => {
    const { ours, theirs } = both();
    const twice = async (registry: Registry) =>
      AggregatorRegistry.aggregate([await registry.getMetricsAsJSON(), await registry.getMetricsAsJSON()]).metrics();
    expect(await twice(ours)).toBe(await twice(theirs));
  });

  it('start again empty when reset', async () => {
    const { ours, histogram, counter } = both();
    histogram.reset();
    counter.reset();
    expect(await ours.metrics()).toBe(
      '# HELP requests_total Requests.\n# TYPE requests_total counter\n\n# HELP request_seconds Time.\n# TYPE request_seconds histogram\n',
    );
  });
});
