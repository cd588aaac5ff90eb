import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/**
 * Training loss (grey) and test loss (dark) over the epochs, as two lines on a small canvas. `show(train, test)`
 * takes the two histories (numbers, one per point, oldest first) and redraws.
 */
@customElement('playground-loss')
export class PlaygroundLoss extends LitElement {
  static styles = css`
    :host { display: block; width: 100%; max-width: 360px; }
    canvas { width: 100%; height: 70px; display: block; background: var(--lumo-contrast-5pct, #f4f4f4); border-radius: 4px; }
  `;

  render() {
    return html`<canvas width="360" height="70"></canvas>`;
  }

  show(train: number[], test: number[]) {
    const canvas = this.renderRoot.querySelector('canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) {
      return;
    }
    const { width, height } = canvas;
    ctx.clearRect(0, 0, width, height);
    const all = [...train, ...test].filter((v) => Number.isFinite(v));
    const top = Math.max(1e-6, ...all);
    const line = (values: number[], style: string) => {
      ctx.strokeStyle = style;
      ctx.lineWidth = 2;
      ctx.beginPath();
      values.forEach((v, i) => {
        const x = values.length === 1 ? 0 : (i / (values.length - 1)) * width;
        const y = height - 4 - (Math.min(v, top) / top) * (height - 8);
        i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y);
      });
      ctx.stroke();
    };
    line(train, '#999');
    line(test, '#222');
  }
}
