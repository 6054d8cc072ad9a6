import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { POSE_TEXT, isPoseId, loadPoseArt, type PoseArt, type PoseId } from '../../poses/index';

/**
 * One picture of the pose set, with its text alternative (role="img" + aria-label). The box has
 * its size before the drawing arrives (loaded on first use), so nothing moves when it does. A new
 * pose fades in; not under prefers-reduced-motion.
 *
 * Colours: the figure in currentColor (the far side fainter), the moving part in the accent
 * (`--pose-accent`, by default the app's hold colour), the bed or floor faint. Print: black and a
 * dark accent on a white tile, in either theme.
 */
@customElement('unknot-pose')
export class UnknotPose extends LitElement {
  static override styles = css`
    :host {
      --pose-accent: var(--u-hold, #8a3b12);
      display: inline-block;
      inline-size: var(--pose-size, 8rem);
      aspect-ratio: 1;
      vertical-align: middle;
    }
    :host([hidden]) {
      display: none;
    }
    svg {
      display: block;
      inline-size: 100%;
      block-size: 100%;
      overflow: visible;
    }
    .fig {
      animation: pose-in 0.35s ease-out;
      transform-origin: 60px 60px;
    }
    @keyframes pose-in {
      from {
        opacity: 0;
        transform: scale(0.94);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .fig {
        animation: none;
      }
    }
    path {
      fill: none;
      stroke: currentColor;
      stroke-width: 8;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .t,
    .A {
      stroke-width: 16;
    }
    .g {
      stroke-width: 3;
      opacity: 0.45;
    }
    .f,
    .F {
      opacity: 0.5;
    }
    .a,
    .A,
    .F,
    .r {
      stroke: var(--pose-accent);
    }
    .r {
      stroke-width: 4;
    }
    .n {
      stroke-width: 6;
    }
    /* A gap: parts a limb from the one behind it when both are in the same tone. */
    .o {
      stroke: var(--u-bg, #fff);
      stroke-width: 14;
    }
    .head {
      fill: currentColor;
      stroke: var(--u-bg, #fff);
      stroke-width: 3;
    }
    .eye {
      fill: var(--u-bg, #fff);
    }
    .tag circle {
      fill: var(--pose-accent);
    }
    .tag text {
      fill: var(--u-bg, #fff);
      font: 700 15px system-ui, sans-serif;
      text-anchor: middle;
      dominant-baseline: central;
    }
    /* Paper: black and a dark accent on its own white tile, whatever the theme on screen. */
    @media print {
      :host {
        color: #000;
        background: #fff;
        --pose-accent: #8a3b12;
      }
      .head {
        stroke: #fff;
      }
      .eye {
        fill: #fff;
      }
      .o {
        stroke: #fff;
      }
      .tag text {
        fill: #fff;
      }
    }
  `;

  /** Which picture (an id of the pose set); an unknown id shows nothing. */
  @property({ reflect: true }) pose = '';

  @state() private _art: Record<PoseId, PoseArt> | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Failing to load (offline before the first visit finished) leaves the text alternative.
    loadPoseArt().then(
      (art) => (this._art = art),
      () => undefined,
    );
  }

  override updated(changed: PropertyValues<this>): void {
    // A new pose in the same element (the player's next step): play the fade-in again. Under
    // reduced motion there is no animation to play.
    if (changed.get('pose')) {
      for (const animation of this.renderRoot.querySelector('.fig')?.getAnimations() ?? []) {
        animation.cancel();
        animation.play();
      }
    }
  }

  override render() {
    if (!isPoseId(this.pose)) return nothing;
    const art = this._art?.[this.pose];
    const side = this.pose.endsWith('-right') ? 'R' : this.pose.endsWith('-left') ? 'L' : '';
    return html`<svg viewBox="0 0 120 120" role="img" aria-label=${POSE_TEXT[this.pose]} data-pose=${this.pose}>
      ${art ? this._figure(art, side) : nothing}
    </svg>`;
  }

  private _figure(art: PoseArt, side: string) {
    const tag = art.tag && side ? [art.mirror ? 120 - art.tag[0] : art.tag[0], art.tag[1]] : null;
    return svg`<g class="fig">
      <g transform=${art.mirror ? 'matrix(-1 0 0 1 120 0)' : nothing}>
        ${art.s.map(([role, d]) => svg`<path class=${role} d=${d}></path>`)}
        <circle class="head" cx=${art.h[0]} cy=${art.h[1]} r="9"></circle>
        ${art.n ? svg`<path class="n" d=${art.n}></path>` : nothing}
        ${(art.e ?? []).map(([x, y]) => svg`<circle class="eye" cx=${x} cy=${y} r="1.8"></circle>`)}
      </g>
      ${tag ? svg`<g class="tag"><circle cx=${tag[0]} cy=${tag[1]} r="11"></circle><text x=${tag[0]} y=${tag[1]}>${side}</text></g>` : nothing}
    </g>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-pose': UnknotPose;
  }
}
