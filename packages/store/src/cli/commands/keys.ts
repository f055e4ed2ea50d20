import { isKeyScope, KEY_SCOPES } from '../../vocabulary/curation-terms.ts';
import { type Command, CommandFailure, requireArguments, UsageError } from '../command.ts';
import { withStore } from '../with-store.ts';

export const keysCreate: Command = {
  usage: `keys create --scope ${KEY_SCOPES.join('|')} [--label TEXT]`,
  summary: 'create an API key and print it once; only its hash is stored',
  options: { scope: { type: 'string' }, label: { type: 'string' } },
  async run(input) {
    const { positionals, options } = input;
    requireArguments(positionals);
    const scope = String(options.scope ?? '');
    if (!isKeyScope(scope)) throw new UsageError(`--scope must be one of ${KEY_SCOPES.join(', ')}`);
    const { key, secret } = await withStore(input, (store) =>
      store.createApiKey(scope, String(options.label ?? `${scope} key`)),
    );
    console.log(
      `created key ${key.id} (${key.scope}, "${key.label}"). Send it as "Authorization: Bearer <key>"; it cannot be shown again:\n${secret}`,
    );
  },
};

export const keysList: Command = {
  usage: 'keys list',
  summary: 'list API keys (never their secrets)',
  async run(input) {
    requireArguments(input.positionals);
    for (const key of await withStore(input, (store) => store.listApiKeys())) {
      console.log(`${key.id}\t${key.scope}\t${key.revokedAt ? `revoked ${key.revokedAt}` : 'active'}\t${key.label}`);
    }
  },
};

export const keysRevoke: Command = {
  usage: 'keys revoke ID',
  summary: 'revoke an API key at once; its past revisions keep naming it',
  async run(input) {
    const [id] = requireArguments(input.positionals, 'ID');
    if (!/^[1-9]\d*$/.test(id)) throw new UsageError('ID is the number `keys list` shows');
    if (!(await withStore(input, (store) => store.revokeApiKey(Number(id)))))
      throw new CommandFailure(`no active key has ID ${id}; see \`bilateral keys list\``);
    console.log(`revoked key ${id}`);
  },
};
