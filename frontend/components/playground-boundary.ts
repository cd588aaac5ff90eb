import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { BLUE, ORANGE, picture } from './playground-colors';

interface Points { x1: number[]; x2: number[]; label: number[]; test: boolean[] }

const EXTENT = 6;

/**
 * The playground's main picture: the network's output over [−6, 6]² as a heat map (orange class 0, blue
 * class 1), with the training points (white rim) and test points (dark rim) on top. `show(grid, base64)`
 * paints a new map; `setPoints(json)` sets the points. A click fires `point-add` with the point's
 * coordinates and `other: true` when shift was held.
 */
@customElement('playground-boundary')
export class PlaygroundBoundary extends LitElement {
  static styles = css`
    :host { display: block; width: 100%; max-width: 360px; aspect-ratio: 1; }
    canvas { width: 100%; height: 100%; display: block; cursor: crosshair; border-radius: 4px; }
  `;

  private map?: HTMLCanvasElement;
  private points: Points = { x1: [], x2: [], label: [], test: [] };

  render() {
    return html`<canvas width="360" height="360" @click=${this.onClick}></canvas>`;
  }

  show(grid: number, base64: string) {
    this.map = picture(base64, grid);
    this.paint();
  }

  setPoints(json: string) {
    this.points = JSON.parse(json);
    this.paint();
  }

  private paint() {
    const canvas = this.renderRoot.querySelector('canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) {
      return;
    }
    const size = canvas.width;
    ctx.imageSmoothingEnabled = true;
    if (this.map) {
      ctx.drawImage(this.map, 0, 0, size, size);
    } else {
      ctx.fillStyle = '#e8eaeb';
      ctx.fillRect(0, 0, size, size);
    }
    const p = this.points;
    for (let i = 0; i < p.x1.length; i++) {
      const x = ((p.x1[i] + EXTENT) / (2 * EXTENT)) * size;
      const y = ((EXTENT - p.x2[i]) / (2 * EXTENT)) * size;
      const [r, g, b] = p.label[i] === 1 ? BLUE : ORANGE;
      ctx.beginPath();
      ctx.arc(x, y, 4, 0, 2 * Math.PI);
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fill();
      ctx.lineWidth = p.test[i] ? 1.5 : 1;
      ctx.strokeStyle = p.test[i] ? '#222' : '#fff';
      ctx.stroke();
    }
  }

  private onClick(e: MouseEvent) {
    const canvas = e.currentTarget as HTMLCanvasElement;
    const box = canvas.getBoundingClientRect();
    const x1 = ((e.clientX - box.left) / box.width) * 2 * EXTENT - EXTENT;
    const x2 = EXTENT - ((e.clientY - box.top) / box.height) * 2 * EXTENT;
    this.dispatchEvent(new CustomEvent('point-add', { detail: { x1, x2, other: e.shiftKey } }));
  }

  firstUpdated() {
    this.paint();
  }
}
