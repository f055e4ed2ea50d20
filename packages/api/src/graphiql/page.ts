/**
 * The GraphiQL page, given to Yoga as `renderGraphiQL`. Yoga's own page loads GraphiQL from a public
 * CDN; this one loads the same bundle from this server (`assets.ts`), so it works offline and behind
 * a firewall, and requests nothing from any other origin (not even a favicon).
 */
import type { IntrospectionQuery } from 'graphql';
import type { GraphiQLOptions } from 'graphql-yoga';
import { graphiqlAssetUrl } from './assets.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** JSON that is safe inside a <script> element: no `</script>` or `<!--` can end or bend it. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * `schema`, when given, is handed to GraphiQL instead of the introspection it would otherwise send:
 * a server that runs only trusted documents refuses that introspection, yet GraphiQL needs the schema
 * before it shows its tabs.
 */
export function renderGraphiQLPage(options: GraphiQLOptions, schema?: IntrospectionQuery): string {
  const title = options.title ?? 'GraphiQL';
  const workers = {
    editorWorkerService: graphiqlAssetUrl('editor.worker.js'),
    json: graphiqlAssetUrl('json.worker.js'),
    graphql: graphiqlAssetUrl('graphql.worker.js'),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${graphiqlAssetUrl('graphiql.css')}">
</head>
<body>
<div id="root">Loading ${escapeHtml(title)}…</div>
<script>
  // Monaco starts its editor workers from these same-origin URLs.
  const workers = ${scriptJson(workers)};
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => workers[label] ?? workers.editorWorkerService };
</script>
<script type="module">
  import { renderYogaGraphiQL } from ${scriptJson(graphiqlAssetUrl('yoga-graphiql.js'))};
  // GraphiQL opens a tab with the URL's \`query\` itself; its \`variables\` go with it (the explorer's "this view as a GraphQL query" links).
  const variables = new URL(location.href).searchParams.get('variables');
  renderYogaGraphiQL(document.getElementById('root'), { ...${scriptJson(schema ? { ...options, schema } : options)}, ...(variables ? { variables } : {}) });
</script>
</body>
</html>
`;
}
