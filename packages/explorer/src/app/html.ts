// htm bound to preact's h: templates read like HTML, with no JSX compile step.
export { html } from 'htm/preact';
