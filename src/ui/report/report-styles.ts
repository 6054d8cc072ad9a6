/**
 * The report's styles, screen and print. Print: only the report itself, on one A4/Letter page
 * (controls, sharing and the status line hidden; charts two to a row; no dark backgrounds).
 */
import { css } from 'lit';

export const reportStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: flex-end;
    margin-bottom: 1rem;
  }
  .controls > * {
    min-width: 0;
    max-width: 100%;
  }
  label {
    display: block;
    font-weight: 600;
  }
  input,
  select {
    font: inherit;
    min-height: var(--u-target);
    background: var(--u-surface);
    color: var(--u-text);
    border: 2px solid var(--u-border);
    border-radius: 8px;
    padding: 0 0.5rem;
  }
  .share {
    margin-top: 1.5rem;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5rem;
    justify-items: start;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin: 0.5rem 0 1rem;
    font-size: 0.95rem;
  }
  caption {
    text-align: left;
    font-weight: 700;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.3rem 0.4rem;
    border-bottom: 1px solid var(--u-border);
    vertical-align: top;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(16rem, 100%), 1fr));
    gap: 1rem;
  }
  .notes,
  .flagged {
    list-style: none;
    padding: 0;
    margin: 0.25rem 0 1rem;
  }
  .notes li,
  .flagged li {
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .charts h2 {
    font-size: 1.05rem;
  }
  @media print {
    /* Light colours on paper even when the screen is dark (the tokens reach the chart's shadow root too). */
    :host {
      --u-text: #000;
      --u-muted: #333;
      --u-surface: #fff;
      --u-border: #999;
      --u-accent: #1f4e5f;
      --u-hold: #8a3b12;
      color: #000;
      font-size: 10.5pt;
    }
    .controls,
    .share,
    .status {
      display: none;
    }
    h1 {
      font-size: 15pt;
    }
    .charts {
      grid-template-columns: 1fr 1fr;
      break-inside: avoid;
    }
    section,
    table {
      break-inside: avoid;
    }
  }
`;
