/**
 * `BilateralStore.withStatementScope`, once for both databases: a view of a store whose every method
 * runs under a scope (the request it serves), so that each SQL statement it runs is reported with
 * that scope. Each database says how a call runs under a scope (`ScopeRunner`): SQLite sets it for
 * the synchronous call, PostgreSQL carries it through the awaits. The view's methods are built once
 * per store; a view per request is one object holding its scope.
 */
import type { BilateralStore } from './bilateral-store.ts';

/** Runs `call` so that the statements it runs are reported under `scope`. */
export type ScopeRunner = <T>(scope: object, call: () => T) => T;

/** Methods whose answer has parts read later (when a client asks for them): those parts run under the scope too. */
const DEFERRED_PARTS: ReadonlySet<string> = new Set(['search', 'readActorNetwork'] satisfies (keyof BilateralStore)[]);

const SCOPE = Symbol('statement scope');
type ScopedView = { [SCOPE]: object };

const prototypes = new WeakMap<object, object>();

/** The answer's function-valued properties, each run under `scope` when called. */
function withScopedParts(answer: unknown, scope: object, run: ScopeRunner): unknown {
  if (typeof answer !== 'object' || answer === null) return answer;
  const scoped: Record<string, unknown> = { ...answer };
  for (const [name, value] of Object.entries(scoped))
    if (typeof value === 'function')
      scoped[name] = (...args: unknown[]) => run(scope, () => (value as (...a: unknown[]) => unknown)(...args));
  return scoped;
}

/** The methods of `store`'s class and its ancestors (not Object's). */
function methodNamesOf(store: object): string[] {
  const names = new Set<string>();
  for (
    let proto = Object.getPrototypeOf(store);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  )
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
      if (name !== 'constructor' && typeof descriptor.value === 'function') names.add(name);
    }
  return [...names];
}

function viewPrototype(store: BilateralStore, run: ScopeRunner): object {
  // Inherits the store's fields and getters (`readOnly`); overrides each method.
  const prototype = Object.create(store) as Record<string, unknown>;
  for (const name of methodNamesOf(store)) {
    const method = (store as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
    prototype[name] = DEFERRED_PARTS.has(name)
      ? function (this: ScopedView, ...args: unknown[]) {
          const scope = this[SCOPE];
          return (run(scope, () => method.apply(store, args)) as Promise<unknown>).then((answer) =>
            withScopedParts(answer, scope, run),
          );
        }
      : function (this: ScopedView, ...args: unknown[]) {
          return run(this[SCOPE], () => method.apply(store, args));
        };
  }
  return prototype;
}

/** `store`, with every statement its methods run reported under `scope`. */
export function scopedView(store: BilateralStore, run: ScopeRunner, scope: object): BilateralStore {
  let prototype = prototypes.get(store);
  if (!prototype) {
    prototype = viewPrototype(store, run);
    prototypes.set(store, prototype);
  }
  const view = Object.create(prototype) as ScopedView;
  view[SCOPE] = scope;
  return view as unknown as BilateralStore;
}
