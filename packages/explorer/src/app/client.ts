// The one SDK client every view asks through: document IDs only (trusted documents), to this server.
import { createClient } from '@bilateral/sdk';

export const GRAPHQL_PATH = '/graphql';

export const bilateral = createClient({ url: new URL(GRAPHQL_PATH, location.href).href });
