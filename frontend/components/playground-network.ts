import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { BLUE, ORANGE, picture } from './playground-colors';

interface Frame { layout: number[]; neuronGrid: number; neurons: string[]; weights: number[]; names: string[] }

/**
 * The network as the playground draws it: one column per layer, every input and hidden neuron a small heat map
 * of what it computes over the plane, and every weight a line whose width grows with its size and whose colour
 * says its sign (blue positive, orange negative). `show(json)` draws a frame.
 */
@customElement('playground-network')
export class PlaygroundNetwork extends LitElement {
  static styles = css`
    :host { display: block; width: 100%; }
    canvas { width: 100%; display: block; }
  `;

  private frame?: Frame;

  render() {
    return html`<canvas></canvas>`;
  }

  show(json: string) {
    this.frame = JSON.parse(json);
    this.paint();
  }

  private paint() {
    const canvas = this.renderRoot.querySelector('canvas');
    const f = this.frame;
    if (!canvas || !f) {
      return;
    }
    const width = Math.max(240, Math.round(canvas.clientWidth || this.clientWidth || 480));
    const columns = f.layout.length;
    const rows = Math.max(...f.layout);
    const colGap = width / columns;
    const node = Math.min(40, colGap * 0.55);
    const rowGap = node * 1.35;
    const top = 18;
    const height = Math.round(top + rows * rowGap + 6);
    const ratio = window.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.style.height = `${height}px`;
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const centre = (layer: number, i: number): [number, number] => {
      const offset = ((rows - f.layout[layer]) * rowGap) / 2;
      return [colGap * (layer + 0.5), top + offset + i * rowGap + node / 2];
    };
    let w = 0;
    let largest = 1e-6;
    f.weights.forEach((v) => (largest = Math.max(largest, Math.abs(v))));
    for (let l = 0; l + 1 < columns; l++) {
      for (let i = 0; i < f.layout[l]; i++) {
        for (let j = 0; j < f.layout[l + 1]; j++) {
          const v = f.weights[w++];
          const [x0, y0] = centre(l, i);
          const [x1, y1] = centre(l + 1, j);
          const [r, g, b] = v >= 0 ? BLUE : ORANGE;
          ctx.strokeStyle = `rgba(${r},${g},${b},0.8)`;
          ctx.lineWidth = 0.5 + 5 * Math.min(1, Math.abs(v) / Math.max(1, largest));
          ctx.beginPath();
          ctx.moveTo(x0 + node / 2, y0);
          ctx.bezierCurveTo((x0 + x1) / 2, y0, (x0 + x1) / 2, y1, x1 - node / 2, y1);
          ctx.stroke();
        }
      }
    }
    ctx.imageSmoothingEnabled = true;
    let n = 0;
    ctx.font = '11px sans-serif';
    ctx.textAlign = 'center';
    ctx.fillStyle = '#555';
    for (let l = 0; l + 1 < columns; l++) {
      for (let i = 0; i < f.layout[l]; i++) {
        const [x, y] = centre(l, i);
        ctx.drawImage(picture(f.neurons[n++], f.neuronGrid), x - node / 2, y - node / 2, node, node);
        ctx.strokeStyle = '#999';
        ctx.lineWidth = 1;
        ctx.strokeRect(x - node / 2, y - node / 2, node, node);
        if (l === 0) {
          ctx.fillText(f.names[i], x, y - node / 2 - 3);
        }
      }
    }
    const [ox, oy] = centre(columns - 1, 0);
    ctx.beginPath();
    ctx.arc(ox, oy, node / 4, 0, 2 * Math.PI);
    ctx.fillStyle = '#777';
    ctx.fill();
  }
}
