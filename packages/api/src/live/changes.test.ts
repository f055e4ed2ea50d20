// `eventChanged(after:)`: a subscriber that comes back with the cursor of the last change it received
// gets every event change committed since, then the live ones, each once, in commit order; on both
// databases, over Server-Sent Events. (The same across processes, over WebSocket: many-processes.test.ts.)
import { describe, expect, it } from 'vitest';
import { countedChangeBus } from '../testing/counted-change-bus.ts';
import { useFixtureApiOnEachDatabase } from '../testing/fixture-api.ts';
import { execute } from '../testing/graphql.ts';
import { createBilateralYoga } from '../yoga.ts';

const EVENT = '2014-russia-lifts-arms-embargo';
const SUBSCRIPTION =
  'subscription ($after: String) { eventChanged(after: $after) { slug version place changeCursor } }';

interface Delivered {
  slug: string;
  version: number;
  place: string;
  changeCursor: string;
}
interface StreamedResult {
  data?: { eventChanged: Delivered };
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
}

for (const [database, api] of useFixtureApiOnEachDatabase()) {
  describe(`eventChanged(after:) on ${database}`, () => {
    /** A handler over the test store whose bus counts subscribers; `resumeRevisions` bounds the replay. */
    const handler = (resumeRevisions?: number) => {
      const subscriptions = countedChangeBus(api.store, resumeRevisions ? { resumeRevisions } : {});
      const yoga = createBilateralYoga({ store: api.store, logging: false, changes: subscriptions.changes });
      return { yoga, subscriptions };
    };

    /** Opens the subscription over Server-Sent Events; `results` fills as events arrive. */
    const subscribe = async (yoga: ReturnType<typeof handler>['yoga'], after?: string) => {
      const controller = new AbortController();
      const response = await yoga.fetch('http://bilateral.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: SUBSCRIPTION, variables: { after } }),
        signal: controller.signal,
      });
      const results: StreamedResult[] = [];
      const reader = response.body!.getReader();
      let buffered = '';
      const reading = (async () => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          buffered += new TextDecoder().decode(value);
          const messages = buffered.split('\n\n');
          buffered = messages.pop()!;
          for (const message of messages) {
            const data = message.match(/^data: (.*)$/m)?.[1];
            if (data && message.includes('event: next')) results.push(JSON.parse(data));
          }
        }
      })();
      return {
        results,
        close: async () => {
          await reader.cancel();
          controller.abort();
          await reading;
        },
      };
    };

    const until = async (check: () => boolean) => {
      while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
    };

    const moveEvent = async (yoga: ReturnType<typeof handler>['yoga'], key: string, place: string) => {
      const { data } = await execute(yoga, `{ event(slug: "${EVENT}") { id } }`);
      const moved = await execute(
        yoga,
        'mutation ($id: ID!, $place: String!) { updateEvent(id: $id, patch: { place: $place }) { event { version } userErrors { message } } }',
        { id: data.event.id, place },
        { authorization: `Bearer ${key}` },
      );
      expect(moved.data.updateEvent.userErrors).toEqual([]);
      return moved.data.updateEvent.event.version as number;
    };

    it('sends every change committed after the cursor, then the live ones, each once, in commit order', async () => {
      const { yoga, subscriptions } = handler();
      const key = (await api.store.createApiKey('write', 'resume test')).secret;
      // A first subscriber hears one change, keeps its cursor and goes away.
      const first = await subscribe(yoga);
      await subscriptions.subscribed(1);
      await moveEvent(yoga, key, 'Moscow');
      await until(() => first.results.length === 1);
      await first.close();
      await subscriptions.subscribed(0);
      const cursor = first.results[0]!.data!.eventChanged.changeCursor;
      expect(cursor).toMatch(/^\d+$/);

      // Changes committed while nobody listened, and one more once the second subscriber is back.
      await moveEvent(yoga, key, 'Kazan');
      await moveEvent(yoga, key, 'Sochi');
      const second = await subscribe(yoga, cursor);
      await subscriptions.subscribed(1);
      const live = await moveEvent(yoga, key, 'Tver');
      await until(() => second.results.length >= 3);
      // Room for a duplicate.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await second.close();

      const delivered = second.results.map((result) => result.data!.eventChanged);
      expect(delivered).toHaveLength(3);
      // The event as it stands when sent (a replayed change may show a later version); the cursor of the change that sent it.
      expect(delivered.at(-1)).toMatchObject({ version: live, place: 'Tver' });
      const cursors = delivered.map((event) => Number(event.changeCursor));
      expect(cursors[0]).toBeGreaterThan(Number(cursor));
      expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
      const logged = await api.store.changesSince(Number(cursor), 100);
      expect(cursors).toEqual(logged.filter((row) => row.entityType === 'event').map((row) => row.id));
    });

    it('refuses a cursor further back than the replay reaches with RESUME_POINT_TOO_OLD, and a malformed one with INVALID_CURSOR', async () => {
      const { yoga } = handler(2);
      const key = (await api.store.createApiKey('write', 'resume bound test')).secret;
      const newest = (await api.store.changesSince(0, 100_000)).at(-1)!.id;
      for (const place of ['Omsk', 'Tomsk', 'Perm']) await moveEvent(yoga, key, place);
      const tooOld = await subscribe(yoga, String(newest));
      await until(() => tooOld.results.length === 1);
      await tooOld.close();
      expect(tooOld.results[0]!.errors?.[0]?.extensions).toEqual({ code: 'RESUME_POINT_TOO_OLD', argument: 'after' });
      expect(tooOld.results[0]!.errors?.[0]?.message).toMatch(/More than 2 changes/);

      const malformed = await subscribe(yoga, 'yesterday');
      await until(() => malformed.results.length === 1);
      await malformed.close();
      expect(malformed.results[0]!.errors?.[0]?.extensions).toEqual({ code: 'INVALID_CURSOR', argument: 'after' });

      // Within the bound, the same cursor replays.
      const { yoga: roomier } = handler(3);
      const replayed = await subscribe(roomier, String(newest));
      await until(() => replayed.results.length === 3);
      await replayed.close();
      expect(replayed.results.map((result) => result.data!.eventChanged.changeCursor)).toHaveLength(3);
    });

    it('leaves changeCursor null on an event read by a query', async () => {
      const { data } = await execute(api.yoga, `{ event(slug: "${EVENT}") { changeCursor } }`);
      expect(data.event).toEqual({ changeCursor: null });
    });
  });
}
