import { css } from 'lit';

/** The big session controls, the same on the phone player and the watch session. */
export const sessionControlStyles = css`
  .controls {
    display: grid;
    grid-template-columns: repeat(2, 1fr);
    gap: 0.75rem;
    margin-top: 1.5rem;
  }
  .stop {
    border-color: var(--u-danger);
  }
`;
