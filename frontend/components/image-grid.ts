import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * Small images drawn side by side on canvases, from JSON `{count, rows, cols, values}` (values image after
 * image, row-major). Mode `signed` shows weights: blue below zero, red above, scaled to the largest
 * magnitude; mode `gray` shows pixels in [0, 1] as ink on white.
 */
@customElement('image-grid')
export class ImageGrid extends LitElement {
  static styles = css`
    :host { display: flex; flex-wrap: wrap; gap: 4px; }
    canvas { image-rendering: pixelated; border: 1px solid var(--lumo-contrast-20pct, #ccc); }
  `;

  @property({ type: String }) images = '';
  @property({ type: String }) mode = 'signed';
  @property({ type: Number }) pixelSize = 4;

  render() {
    const data = this.parse();
    if (!data) {
      return html``;
    }
    const canvases = [];
    for (let i = 0; i < data.count; i++) {
      canvases.push(html`<canvas width=${data.cols} height=${data.rows}
          style="width:${data.cols * this.pixelSize}px;height:${data.rows * this.pixelSize}px"></canvas>`);
    }
    return html`${canvases}`;
  }

  updated() {
    const data = this.parse();
    if (!data) {
      return;
    }
    const n = data.rows * data.cols;
    const canvases = this.renderRoot.querySelectorAll('canvas');
    canvases.forEach((canvas, i) => {
      const ctx = (canvas as HTMLCanvasElement).getContext('2d');
      if (!ctx) {
        return;
      }
      const img = ctx.createImageData(data.cols, data.rows);
      let scale = 0;
      for (let p = 0; p < n; p++) {
        scale = Math.max(scale, Math.abs(data.values[i * n + p]));
      }
      for (let p = 0; p < n; p++) {
        const v = data.values[i * n + p];
        let r: number, g: number, b: number;
        if (this.mode === 'gray') {
          const k = Math.round(255 * (1 - Math.min(1, Math.max(0, v))));
          r = g = b = k;
        } else {
          const t = scale > 0 ? v / scale : 0;
          r = t > 0 ? 255 : Math.round(255 * (1 + t));
          b = t < 0 ? 255 : Math.round(255 * (1 - t));
          g = Math.round(255 * (1 - Math.abs(t)));
        }
        img.data[4 * p] = r;
        img.data[4 * p + 1] = g;
        img.data[4 * p + 2] = b;
        img.data[4 * p + 3] = 255;
      }
      ctx.putImageData(img, 0, 0);
    });
  }

  private parse(): { count: number; rows: number; cols: number; values: number[] } | null {
    if (!this.images) {
      return null;
    }
    try {
      return JSON.parse(this.images);
    } catch {
      return null;
    }
  }
}
