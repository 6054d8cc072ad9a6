/**
 * Styles every view shares: big targets, visible focus, cards. (Comments stay out of the css``
 * text: it ships as written.)
 * - Reflow (WCAG 1.4.10): nothing wider than the screen at 320 px or with 200 % text.
 *   `overflow-wrap: anywhere`, unlike break-word, also lets flex and grid items shrink; fields and
 *   file pickers are at most as wide as their box; a fieldset's min-width is 0, not its widest line.
 * - A view's loading placeholder (`p[aria-busy]`) fills the screen and sits where the view's
 *   heading will be: what comes after it starts below the fold, so the content replacing it
 *   moves nothing in sight (layout shift).
 */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    display: block;
  }
  :host {
    overflow-wrap: anywhere;
  }
  input,
  select,
  textarea {
    max-width: 100%;
    box-sizing: border-box;
  }
  fieldset {
    min-width: 0;
  }
  table {
    overflow-wrap: anywhere;
  }
  p[aria-busy='true'] {
    min-height: 100vh;
    margin-top: 0;
  }
  h1,
  h2,
  h3 {
    line-height: 1.2;
    margin: 0 0 0.5em;
  }
  a {
    color: var(--u-accent);
  }
  .button,
  button {
    font: inherit;
    min-height: var(--u-target);
    min-width: var(--u-target);
    padding: 0.5em 1.1em;
    border-radius: var(--u-radius);
    border: 2px solid var(--u-accent);
    background: var(--u-surface);
    color: var(--u-text);
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    text-decoration: none;
    box-sizing: border-box;
  }
  .button.primary,
  button.primary {
    background: var(--u-accent);
    color: var(--u-accent-text);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  select {
    font: inherit;
    min-height: var(--u-target);
    background: var(--u-surface);
    color: var(--u-text);
    border: 2px solid var(--u-border);
    border-radius: 8px;
  }
  :focus-visible {
    outline: 3px solid var(--u-focus);
    outline-offset: 2px;
  }
  .card {
    background: var(--u-surface);
    border: 1px solid var(--u-border);
    border-radius: var(--u-radius);
    padding: 1rem 1.25rem;
  }
  .muted {
    color: var(--u-muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
