// `npx -y pnpm@10 schema:check`: schema.graphql against the last release (schema-changes.ts); exits 1 on a problem.
import { checkRepositorySchema, describeReport } from './schema-changes.ts';

const report = await checkRepositorySchema();
for (const line of describeReport(report)) console.log(line);
process.exitCode = report.problems.length ? 1 : 0;
