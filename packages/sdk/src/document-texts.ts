// Document ID → text, from the trusted-documents manifest. Its own module so that a bundler can
// split it off: the client loads it only when it has to send a document's full text.
import manifest from './generated/persisted-documents.json' with { type: 'json' };

export const documentTexts: Readonly<Record<string, string>> = manifest;
