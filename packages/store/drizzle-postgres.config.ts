import { defineConfig } from 'drizzle-kit';

// PostgreSQL's migrations: `npx -y pnpm@10 db:generate:postgres` after a change to src/postgres/schema.ts.
// Triggers, the text-search configuration and the search vectors are hand-written migrations in the
// same folder (`drizzle-kit generate --custom`), as on SQLite.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/postgres/schema.ts',
  out: './drizzle-postgres',
});
