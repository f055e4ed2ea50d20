/**
 * A points budget per client, as GitHub and Shopify run theirs: each client may spend
 * `pointsPerMinute` points of operation cost (`cost-limit.ts`) a minute, refilled continuously;
 * past it, requests are answered `429 RATE_LIMITED` with `Retry-After`. A client is its API key
 * when the request carries a valid one, otherwise its IP address; `X-Forwarded-For` is believed
 * only for the number of proxies the operator says sit in front (`TRUST_PROXY`).
 *
 * Written here rather than taken from a library: @envelop/rate-limiter counts calls of fields
 * marked with a directive, not points from a computed cost, and GraphQL Armor has no rate limiter.
 * A token bucket per client is a few lines.
 *
 * Where the budgets live: a store that keeps them for every process on its database (PostgreSQL,
 * `sharedPointsBudget`) holds one budget per client however many processes and machines serve;
 * otherwise (SQLite, one machine) each process keeps its own in memory.
 *
 * A read replica (a hot standby, with or without READ_ONLY) cannot write the shared budget. Its
 * process then keeps the budgets in its own memory, and says so in its log, rather than serve
 * unlimited: a client gets at most one budget per replica process. Chosen over charging the primary
 * through a second connection because a replica is there to keep serving reads when the primary is
 * far or gone; a charge on the primary for every read would tie the replica's reads to it. A
 * process pointed at a standby without READ_ONLY tries the shared budget again every few seconds,
 * so once the standby is promoted its clients are back on the one shared budget.
 */
import type { BilateralStore, PointsBudget } from '@bilateral/store';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type Caller, callerOf } from '../execution/auth.ts';
import { costOf } from './cost-limit.ts';

export interface RateLimitOptions {
  /** Points a client may spend per minute; also the most it can save up. */
  pointsPerMinute: number;
  /** How many reverse proxies in front of the server append to `X-Forwarded-For`; 0 trusts none. */
  trustedProxies: number;
  /** The clock, in milliseconds; tests move it. */
  now?: () => number;
}

/** The rate limit as configured by `RATE_LIMIT_POINTS_PER_MINUTE` and `TRUST_PROXY`; undefined (off) when no budget is set. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitOptions | undefined {
  const points = Number(env.RATE_LIMIT_POINTS_PER_MINUTE ?? 0);
  if (!Number.isFinite(points) || points <= 0) return undefined;
  return { pointsPerMinute: points, trustedProxies: trustedProxiesFromEnv(env) };
}

/** `TRUST_PROXY`: how many reverse proxies' `X-Forwarded-For` entries to believe. */
export function trustedProxiesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const trust = env.TRUST_PROXY?.trim().toLowerCase();
  return trust === 'true' ? 1 : Math.max(0, Math.floor(Number(trust || 0)) || 0);
}

interface Bucket {
  points: number;
  updatedAt: number;
}

type Refusal = { retryAfter: number } | undefined;

/** Buckets refill continuously; one that is full again is forgotten, so memory follows the active clients. */
export function createPointsBudget(pointsPerMinute: number, now: () => number) {
  const buckets = new Map<string, Bucket>();
  const perMs = pointsPerMinute / 60_000;
  let sweptAt = now();
  const current = (client: string, at: number): Bucket => {
    const bucket = buckets.get(client) ?? { points: pointsPerMinute, updatedAt: at };
    bucket.points = Math.min(pointsPerMinute, bucket.points + (at - bucket.updatedAt) * perMs);
    bucket.updatedAt = at;
    return bucket;
  };
  const sweep = (at: number) => {
    if (at - sweptAt < 60_000) return;
    sweptAt = at;
    for (const client of buckets.keys()) if (current(client, at).points >= pointsPerMinute) buckets.delete(client);
  };
  return {
    /** Spends `points` if the client has them; otherwise the seconds until it will. */
    spend(client: string, points: number): Refusal {
      const at = now();
      sweep(at);
      const bucket = current(client, at);
      if (bucket.points < points) {
        buckets.set(client, bucket);
        return {
          retryAfter: Math.max(1, Math.ceil((Math.min(points, pointsPerMinute) - bucket.points) / perMs / 1000)),
        };
      }
      bucket.points -= points;
      buckets.set(client, bucket);
      return undefined;
    },
  };
}

const rateLimited = (retryAfter: number, pointsPerMinute: number) =>
  new GraphQLError(
    `This client has spent its ${pointsPerMinute} points for the minute (each operation costs its \`extensions.cost\`). Retry in ${retryAfter} s, or ask for less at once.`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfter,
        limit: pointsPerMinute,
        http: { status: 429, headers: { 'Retry-After': String(retryAfter) } },
      },
    },
  );

export interface NodeServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

/** The client a request is charged to: its API key when valid, else its address. */
export function clientOf(
  store: BilateralStore,
  request: Request,
  serverContext: NodeServerContext,
  trustedProxies: number,
): string | Promise<string> {
  const client = ({ key }: Caller) => {
    if (key) return `key:${key.id}`;
    const socketAddress = serverContext.req?.socket?.remoteAddress ?? 'unknown';
    if (trustedProxies === 0) return `ip:${socketAddress}`;
    const forwarded = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean);
    const chain = [...forwarded, socketAddress];
    return `ip:${chain[Math.max(0, chain.length - 1 - trustedProxies)]}`;
  };
  const caller = callerOf(store, request);
  return caller instanceof Promise ? caller.then(client) : client(caller);
}

/** How long a process whose database refused to keep the shared budget keeps it in memory before asking again. */
const SHARED_BUDGET_RETRY_MS = 5_000;

/**
 * The budget this process charges: the store's shared one, with this process's memory standing in
 * while the database takes no writes; memory alone when the store keeps none.
 */
function processBudget(
  store: BilateralStore,
  options: RateLimitOptions,
): PointsBudget | ReturnType<typeof createPointsBudget> {
  const now = options.now ?? Date.now;
  const local = createPointsBudget(options.pointsPerMinute, now);
  const shared = store.sharedPointsBudget(options.pointsPerMinute);
  if (!shared) {
    if (store.readOnly)
      console.log(
        'RATE_LIMIT_POINTS_PER_MINUTE: the database is served read-only, so each client has a budget in this process’s memory (one per read-only process, not one for all)',
      );
    return local;
  }
  /** Until when the memory budget stands in; 0 while the shared budget is charged. */
  let localUntil = 0;
  return {
    async spend(client, points) {
      if (localUntil > now()) return local.spend(client, points);
      try {
        const refused = await shared.spend(client, points);
        if (localUntil) {
          localUntil = 0;
          console.log(
            'RATE_LIMIT_POINTS_PER_MINUTE: the database takes writes again; budgets are shared by every process once more',
          );
        }
        return refused;
      } catch (error) {
        if (store.storageErrorOf(error)?.code !== 'STORAGE_READ_ONLY') throw error;
        if (!localUntil)
          console.warn(
            'RATE_LIMIT_POINTS_PER_MINUTE: the database takes no writes (a hot standby), so it cannot keep the shared budgets; each client has a budget in this process’s memory until it does',
          );
        localUntil = now() + SHARED_BUDGET_RETRY_MS;
        return local.spend(client, points);
      }
    },
  };
}

type ArrivalRefusal = GraphQLError | undefined;

/** What an operation that came over a WebSocket met when it arrived (a RATE_LIMITED error, or none). */
const arrivals = new WeakMap<Request, ArrivalRefusal | Promise<ArrivalRefusal>>();

/**
 * The RATE_LIMITED error an operation sent over a WebSocket met on arrival, if its client had no point
 * left (without the HTTP status, which a WebSocket message has not): the WebSocket server answers it
 * instead of parsing the message. Undefined without a rate limit.
 */
export async function arrivalRefusal(request: Request): Promise<ArrivalRefusal> {
  const refused = await arrivals.get(request);
  if (!refused) return undefined;
  const { http: _http, ...extensions } = refused.extensions;
  return new GraphQLError(refused.message, { extensions });
}

/**
 * Every GraphQL request costs at least a point when it arrives (refusals included, so refused
 * requests cannot be sent for free), by HTTP when Yoga receives it, over a WebSocket when the
 * message gets its plugin chain (`onEnveloped`, before it is parsed); an operation that runs costs
 * the rest of its price before it runs.
 */
export function useRateLimit(store: BilateralStore, options: RateLimitOptions): Plugin {
  const budget = processBudget(store, options);
  /** Runs `then` on the budget's answer, at once when it answers at once (in memory). */
  const spend = <T>(client: string, points: number, then: (refused: Refusal) => T): T | Promise<T> => {
    const refused = budget.spend(client, points);
    return refused instanceof Promise ? refused.then(then) : then(refused);
  };
  const clients = new WeakMap<Request, string>();
  /** Charges the point of arrival; the refusal when the client has none left. */
  const chargeArrival = (request: Request, client: string): ArrivalRefusal | Promise<ArrivalRefusal> => {
    clients.set(request, client);
    return spend(client, 1, (refused) => refused && rateLimited(refused.retryAfter, options.pointsPerMinute));
  };
  // A key that cannot be checked because the database does not answer: the request goes on
  // uncharged and meets the same fault in its resolvers, answered STORAGE_UNAVAILABLE there.
  const unlessStorageFault = (error: unknown): undefined => {
    if (!store.storageErrorOf(error)) throw error;
    return undefined;
  };
  const spendRest = (contextValue: unknown, refuse: (result: { errors: GraphQLError[] }) => void) => {
    const context = contextValue as NodeServerContext & { request?: Request };
    const request = context.request;
    if (!request) return;
    const rest = (refusedOnArrival: ArrivalRefusal) => {
      if (refusedOnArrival) return refuse({ errors: [refusedOnArrival] });
      const client = clients.get(request);
      // An operation that came by neither route (none does today) was not charged on arrival: the whole price is due.
      const arrived = client !== undefined;
      const due = (costOf(request) ?? 0) - (arrived ? 1 : 0);
      if (due <= 0) return;
      const charge = (payer: string) =>
        spend(payer, due, (refused) => {
          if (refused) refuse({ errors: [rateLimited(refused.retryAfter, options.pointsPerMinute)] });
        });
      const payer = client ?? clientOf(store, request, context, options.trustedProxies);
      return payer instanceof Promise ? payer.then(charge) : charge(payer);
    };
    const arrival = arrivals.get(request);
    return arrival instanceof Promise ? arrival.then(rest) : rest(arrival);
  };
  return {
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== '/graphql') return;
      const answer = (error: ArrivalRefusal) => {
        if (!error) return;
        const { http: _http, ...extensions } = error.extensions as { http?: unknown; retryAfter: number };
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({ errors: [{ message: error.message, extensions }], extensions: { cost: 0 } }),
            {
              status: 429,
              headers: {
                'content-type': 'application/json; charset=utf-8',
                'retry-after': String(extensions.retryAfter),
              },
            },
          ),
        );
      };
      const charge = (client: string) => {
        const refused = chargeArrival(request, client);
        return refused instanceof Promise ? refused.then(answer) : answer(refused);
      };
      const client = clientOf(store, request, serverContext as NodeServerContext, options.trustedProxies);
      return client instanceof Promise ? client.then(charge, unlessStorageFault) : charge(client);
    },
    onEnveloped({ context }) {
      const message = context as (NodeServerContext & { request?: Request; transport?: string }) | undefined;
      if (message?.transport !== 'websocket' || !message.request) return;
      const request = message.request;
      const client = clientOf(store, request, message, options.trustedProxies);
      arrivals.set(
        request,
        client instanceof Promise
          ? client.then((payer) => chargeArrival(request, payer), unlessStorageFault)
          : chargeArrival(request, client),
      );
    },
    onExecute({ args, setResultAndStopExecution }) {
      return spendRest(args.contextValue, setResultAndStopExecution);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      return spendRest(args.contextValue, setResultAndStopExecution);
    },
  };
}
