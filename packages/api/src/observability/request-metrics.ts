/**
 * The Prometheus histograms and counter updated on every request. Hand-written because prom-client's
 * `Histogram.observe` and `Counter.inc` check and hash their label object on every call (and the
 * histogram looks its bucket up by the bound turned into a string): about 3 µs each, and a request
 * makes eight (over 1% of a page's CPU, several percent of a lookup's). Here an update is a map
 * lookup on the label values. They are prom-client metrics all the same: registered in a prom-client
 * `Registry`, which writes their text, and read by prom-client's `AggregatorRegistry`, which sums
 * them across workers, through the same `get()` prom-client's answer.
 */
import type { Counter, Histogram, Registry } from 'prom-client';

type LabelValues<Label extends string> = Readonly<Record<Label, string | number>>;

/** One map key per combination of label values, in the order the labels are declared. */
function seriesKey<Label extends string>(labelNames: readonly Label[], labels: LabelValues<Label>): string {
  let key = '';
  for (const name of labelNames) key += `${labels[name]}\u0000`;
  return key;
}

export interface MetricOptions<Label extends string> {
  name: string;
  help: string;
  labelNames: readonly Label[];
  registers: readonly Registry[];
}

/** A metric's series by label values, and what every prom-client metric tells its registry. */
abstract class RequestMetric<Label extends string, Entry> {
  readonly name: string;
  readonly help: string;
  readonly aggregator = 'sum';
  abstract readonly type: 'counter' | 'histogram';
  private readonly labelNames: readonly Label[];
  protected series = new Map<string, Entry>();

  constructor({ name, help, labelNames, registers }: MetricOptions<Label>) {
    this.name = name;
    this.help = help;
    this.labelNames = labelNames;
    // The registry's type names prom-client's own classes; it reads only name, help, type, aggregator and get().
    for (const registry of registers) registry.registerMetric(this as unknown as Counter<Label> | Histogram<Label>);
  }

  /** The entry of `labels`' series, made by `create` the first time. */
  protected entryOf(labels: LabelValues<Label>, create: () => Entry): Entry {
    const key = seriesKey(this.labelNames, labels);
    let entry = this.series.get(key);
    if (!entry) {
      entry = create();
      this.series.set(key, entry);
    }
    return entry;
  }

  reset(): void {
    this.series = new Map();
  }
}

export class RequestCounter<Label extends string> extends RequestMetric<
  Label,
  { labels: LabelValues<Label>; value: number }
> {
  readonly type = 'counter';

  inc(labels: LabelValues<Label>): void {
    this.entryOf(labels, () => ({ labels: { ...labels }, value: 0 })).value++;
  }

  async get() {
    const values = [...this.series.values()].map(({ labels, value }) => ({ labels: { ...labels }, value }));
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }
}

interface Series<Label extends string> {
  labels: LabelValues<Label>;
  /** Observations in each bucket alone (not cumulative), the last one over every bound. */
  counts: number[];
  sum: number;
  count: number;
}

export interface HistogramOptions<Label extends string> extends MetricOptions<Label> {
  /** Upper bounds, increasing. */
  buckets: readonly number[];
}

export class RequestHistogram<Label extends string> extends RequestMetric<Label, Series<Label>> {
  readonly type = 'histogram';
  private readonly bounds: readonly number[];

  constructor(options: HistogramOptions<Label>) {
    super(options);
    this.bounds = options.buckets;
  }

  observe(labels: LabelValues<Label>, value: number): void {
    const series = this.entryOf(labels, () => ({
      labels: { ...labels },
      counts: new Array(this.bounds.length + 1).fill(0),
      sum: 0,
      count: 0,
    }));
    let bucket = 0;
    while (bucket < this.bounds.length && value > this.bounds[bucket]!) bucket++;
    series.counts[bucket]!++;
    series.sum += value;
    series.count++;
  }

  /** What prom-client's histogram answers: cumulative buckets, `+Inf`, sum and count per series. */
  async get() {
    const values: { labels: Record<string, string | number>; value: number; metricName: string }[] = [];
    for (const { labels, counts, sum, count } of this.series.values()) {
      let cumulative = 0;
      this.bounds.forEach((bound, index) => {
        cumulative += counts[index]!;
        values.push({ labels: { le: bound, ...labels }, value: cumulative, metricName: `${this.name}_bucket` });
      });
      values.push({ labels: { le: '+Inf', ...labels }, value: count, metricName: `${this.name}_bucket` });
      values.push({ labels: { ...labels }, value: sum, metricName: `${this.name}_sum` });
      values.push({ labels: { ...labels }, value: count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }
}
