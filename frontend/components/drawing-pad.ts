import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import type { PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

/** One stroke: its width and its points, both in pad units (the pad is 1 × 1). */
interface Stroke {
  width: number;
  points: number[]; // x0, y0, x1, y1, …
}

/** A message sent to the server and not yet answered. */
interface Pending {
  sentAt: number;
  end: boolean;
}

/** Side of the grayscale image sent to the server (one byte per pixel). */
const IMAGE_SIDE = 112;
/** A progress message still unanswered after this long no longer holds back the next one. */
const PENDING_TIMEOUT_MS = 1000;
const INK = '#14141f';
const PAPER = '#ffffff';

/**
 * A square pad to draw a digit on with a mouse, a finger or a pen (pointer events; the page does not
 * scroll while drawing). The browser draws; the server hears one message per finished stroke
 * (`stroke-end`, also after an undo) and, while a stroke is being drawn, at most one
 * `stroke-progress` every `progressInterval` ms and only when the previous one was answered. Each
 * message carries the drawing as a 112 × 112 grayscale image (base64, one byte per pixel, 0 =
 * paper, 255 = ink) and a sequence number; the server answers by setting `ack` to that number.
 * `pad-cleared` says the pad is empty again. `roundTrips` lists, in ms, how long each stroke end
 * took until the answer had been applied to the page.
 */
@customElement('drawing-pad')
export class DrawingPadElement extends LitElement {
  /** Width of new strokes as a fraction of the pad's side. */
  @property({ type: Number, attribute: 'stroke-width' }) strokeWidth = 0.07;
  /** Shortest time between two progress messages, in ms (10 a second at most by default). */
  @property({ type: Number, attribute: 'progress-interval' }) progressInterval = 100;
  /** The sequence number of the last message the server answered. */
  @property({ type: Number }) ack = -1;
  @property({ attribute: 'undo-label' }) undoLabel = 'Undo';
  @property({ attribute: 'clear-label' }) clearLabel = 'Clear';
  @property({ attribute: 'width-label' }) widthLabel = 'Stroke width';
  @property({ attribute: 'pad-label' }) padLabel = 'Drawing area';
  @property() placeholder = '';

  /** Stroke end → answer applied, in ms, oldest first (the last 500). */
  readonly roundTrips: number[] = [];

  @state() private strokeCount = 0;
  @state() private drawing = false;
  @query('canvas') private canvas!: HTMLCanvasElement;

  private strokes: Stroke[] = [];
  private current: Stroke | null = null;
  private pointerId: number | null = null;
  private seq = 0;
  private pending = new Map<number, Pending>();
  private lastProgressAt = 0;
  private progressTimer: number | undefined;
  private redrawQueued = false;
  private resizeObserver: ResizeObserver | undefined;
  private small: HTMLCanvasElement | undefined;
  private reported = 0;

  static styles = css`
    :host {
      display: block;
      width: 100%;
      max-width: var(--drawing-pad-size, 26rem);
    }
    .pad {
      position: relative;
      width: 100%;
      aspect-ratio: 1;
    }
    canvas {
      display: block;
      width: 100%;
      height: 100%;
      box-sizing: border-box;
      border: 2px solid var(--lumo-contrast-30pct, #bbb);
      border-radius: var(--lumo-border-radius-l, 12px);
      background: ${unsafeCSS(PAPER)};
      touch-action: none;
      user-select: none;
      -webkit-user-select: none;
      -webkit-touch-callout: none;
      cursor: crosshair;
    }
    .placeholder {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      padding: 1rem;
      text-align: center;
      color: var(--lumo-secondary-text-color, #666);
      font-size: var(--lumo-font-size-l, 1.1rem);
      pointer-events: none;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-top: 0.5rem;
    }
    button {
      font: inherit;
      min-height: 2.75rem;
      min-width: 5rem;
      padding: 0 1rem;
      border: none;
      border-radius: var(--lumo-border-radius-m, 6px);
      background: var(--lumo-contrast-5pct, #f0f0f0);
      color: var(--lumo-primary-text-color, #1a5fb4);
      font-weight: 600;
      cursor: pointer;
    }
    button:hover:not(:disabled) {
      background: var(--lumo-contrast-10pct, #e4e4e4);
    }
    button:focus-visible,
    input:focus-visible {
      outline: 2px solid var(--lumo-primary-color, #1a5fb4);
      outline-offset: 2px;
    }
    button:disabled {
      color: var(--lumo-disabled-text-color, #999);
      cursor: default;
    }
    label {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      color: var(--lumo-secondary-text-color, #555);
    }
    input[type='range'] {
      width: 8rem;
      min-height: 2.75rem;
    }
  `;

  render() {
    const empty = this.strokeCount === 0 && !this.drawing;
    return html`
      <div class="pad">
        <canvas
          role="img"
          aria-label=${this.padLabel}
          @pointerdown=${this.onPointerDown}
          @pointermove=${this.onPointerMove}
          @pointerup=${this.onPointerEnd}
          @pointercancel=${this.onPointerEnd}
          @lostpointercapture=${this.onPointerEnd}
          @contextmenu=${(e: Event) => e.preventDefault()}
        ></canvas>
        ${empty && this.placeholder ? html`<div class="placeholder">${this.placeholder}</div>` : nothing}
      </div>
      <div class="tools">
        <button id="undo" type="button" @click=${() => this.undo()} ?disabled=${this.strokeCount === 0}>
          ${this.undoLabel}
        </button>
        <button id="clear" type="button" @click=${() => this.clear()} ?disabled=${this.strokeCount === 0}>
          ${this.clearLabel}
        </button>
        <label>
          ${this.widthLabel}
          <input
            id="width"
            type="range"
            min="0.03"
            max="0.13"
            step="0.01"
            .value=${String(this.strokeWidth)}
            @input=${(e: Event) => (this.strokeWidth = Number((e.target as HTMLInputElement).value))}
          />
        </label>
      </div>
    `;
  }

  connectedCallback() {
    super.connectedCallback();
    // Flow may detach and re-attach the element while it builds the page: observe again each time.
    if (this.canvas) {
      this.observeSize();
    }
  }

  disconnectedCallback() {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    window.clearTimeout(this.progressTimer);
    super.disconnectedCallback();
  }

  protected firstUpdated() {
    this.observeSize();
  }

  protected updated(changed: PropertyValues<this>) {
    if (changed.has('ack')) {
      this.answered(this.ack);
    }
  }

  /** Removes every stroke; `notify` false when the server asked for it and needs no message. */
  clear(notify = true) {
    this.cancelStroke();
    this.strokes = [];
    this.strokeCount = 0;
    this.redraw();
    if (notify) {
      this.dispatchEvent(new CustomEvent('pad-cleared', { detail: {} }));
    }
  }

  /** Removes the last stroke and tells the server what is left. */
  undo() {
    if (this.strokes.length === 0) {
      return;
    }
    this.cancelStroke();
    this.strokes.pop();
    this.strokeCount = this.strokes.length;
    this.redraw();
    if (this.strokes.length === 0) {
      this.dispatchEvent(new CustomEvent('pad-cleared', { detail: {} }));
    } else {
      this.send('stroke-end', true);
    }
  }

  private observeSize() {
    this.resizeObserver?.disconnect();
    this.resizeObserver = new ResizeObserver(() => this.redraw());
    this.resizeObserver.observe(this.canvas);
  }

  private point(e: PointerEvent): [number, number] {
    const r = this.canvas.getBoundingClientRect();
    const x = (e.clientX - r.left) / r.width;
    const y = (e.clientY - r.top) / r.height;
    return [Math.min(1, Math.max(0, x)), Math.min(1, Math.max(0, y))];
  }

  private onPointerDown(e: PointerEvent) {
    if (this.pointerId !== null || (e.pointerType === 'mouse' && e.button !== 0)) {
      return;
    }
    e.preventDefault();
    this.pointerId = e.pointerId;
    this.canvas.setPointerCapture(e.pointerId);
    this.current = { width: this.strokeWidth, points: [...this.point(e)] };
    this.drawing = true;
    this.lastProgressAt = performance.now();
    this.queueRedraw();
  }

  private onPointerMove(e: PointerEvent) {
    if (e.pointerId !== this.pointerId || !this.current) {
      return;
    }
    e.preventDefault();
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    for (const c of events.length > 0 ? events : [e]) {
      this.current.points.push(...this.point(c));
    }
    this.queueRedraw();
    this.progressSoon();
  }

  private onPointerEnd(e: PointerEvent) {
    if (e.pointerId !== this.pointerId || !this.current) {
      return;
    }
    if (e.type === 'pointerup') {
      this.current.points.push(...this.point(e));
    }
    if (this.canvas.hasPointerCapture(e.pointerId)) {
      this.canvas.releasePointerCapture(e.pointerId);
    }
    this.strokes.push(this.current);
    this.current = null;
    this.pointerId = null;
    this.drawing = false;
    this.strokeCount = this.strokes.length;
    window.clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    this.redraw();
    this.send('stroke-end', true);
  }

  private cancelStroke() {
    if (this.pointerId !== null && this.canvas.hasPointerCapture(this.pointerId)) {
      this.canvas.releasePointerCapture(this.pointerId);
    }
    this.current = null;
    this.pointerId = null;
    this.drawing = false;
    window.clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
  }

  /** Sends a progress message now if allowed, otherwise once the interval has passed. */
  private progressSoon() {
    if (this.progressTimer !== undefined) {
      return;
    }
    const wait = this.lastProgressAt + this.progressInterval - performance.now();
    if (wait <= 0 && !this.progressUnanswered()) {
      this.send('stroke-progress', false);
    } else {
      this.progressTimer = window.setTimeout(() => {
        this.progressTimer = undefined;
        if (this.current) {
          this.progressSoon();
        }
      }, Math.max(wait, 20));
    }
  }

  private progressUnanswered(): boolean {
    const now = performance.now();
    for (const p of this.pending.values()) {
      if (!p.end && now - p.sentAt < PENDING_TIMEOUT_MS) {
        return true;
      }
    }
    return false;
  }

  private send(type: 'stroke-end' | 'stroke-progress', end: boolean) {
    const seq = ++this.seq;
    const now = performance.now();
    if (!end) {
      this.lastProgressAt = now;
    }
    this.pending.set(seq, { sentAt: now, end });
    // Each measured round trip is reported once, with the next stroke end.
    let rtt = -1;
    if (end && this.roundTrips.length > this.reported) {
      rtt = this.roundTrips[this.roundTrips.length - 1];
      this.reported = this.roundTrips.length;
    }
    this.dispatchEvent(new CustomEvent(type, { detail: { image: this.encode(), seq, rtt } }));
  }

  /** The server answered message `seq` (and so every earlier one). */
  private answered(seq: number) {
    const p = this.pending.get(seq);
    for (const key of [...this.pending.keys()]) {
      if (key <= seq) {
        this.pending.delete(key);
      }
    }
    if (p && p.end) {
      // The answer's other changes (bars, prediction) are applied in the same task: count until the next frame.
      requestAnimationFrame(() => {
        this.roundTrips.push(performance.now() - p.sentAt);
        if (this.roundTrips.length > 500) {
          this.roundTrips.shift();
        }
      });
    }
  }

  /** The whole drawing (finished strokes and the one in progress) as base64 grayscale bytes. */
  private encode(): string {
    if (!this.small) {
      this.small = document.createElement('canvas');
      this.small.width = IMAGE_SIDE;
      this.small.height = IMAGE_SIDE;
    }
    const ctx = this.small.getContext('2d', { willReadFrequently: true })!;
    ctx.clearRect(0, 0, IMAGE_SIDE, IMAGE_SIDE);
    this.paint(ctx, IMAGE_SIDE, '#000');
    const rgba = ctx.getImageData(0, 0, IMAGE_SIDE, IMAGE_SIDE).data;
    const gray = new Uint8Array(IMAGE_SIDE * IMAGE_SIDE);
    for (let i = 0; i < gray.length; i++) {
      gray[i] = rgba[i * 4 + 3];
    }
    let text = '';
    for (let i = 0; i < gray.length; i += 0x2000) {
      text += String.fromCharCode(...gray.subarray(i, i + 0x2000));
    }
    return btoa(text);
  }

  private queueRedraw() {
    if (!this.redrawQueued) {
      this.redrawQueued = true;
      requestAnimationFrame(() => {
        this.redrawQueued = false;
        this.redraw();
      });
    }
  }

  private redraw() {
    const canvas = this.canvas;
    if (!canvas) {
      return;
    }
    const side = Math.max(1, Math.round(canvas.clientWidth * (window.devicePixelRatio || 1)));
    if (canvas.width !== side || canvas.height !== side) {
      canvas.width = side;
      canvas.height = side;
    }
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = PAPER;
    ctx.fillRect(0, 0, side, side);
    this.paint(ctx, side, INK);
  }

  /** Paints every stroke onto a square context of `side` pixels. */
  private paint(ctx: CanvasRenderingContext2D, side: number, color: string) {
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    const all = this.current ? [...this.strokes, this.current] : this.strokes;
    for (const s of all) {
      const p = s.points;
      const w = s.width * side;
      if (p.length <= 2 || allSame(p)) {
        ctx.beginPath();
        ctx.arc(p[0] * side, p[1] * side, w / 2, 0, Math.PI * 2);
        ctx.fill();
        continue;
      }
      ctx.lineWidth = w;
      ctx.beginPath();
      ctx.moveTo(p[0] * side, p[1] * side);
      // Quadratic curves through the midpoints between samples: smooth, and still through every corner region.
      for (let i = 2; i < p.length - 2; i += 2) {
        const mx = ((p[i] + p[i + 2]) / 2) * side;
        const my = ((p[i + 1] + p[i + 3]) / 2) * side;
        ctx.quadraticCurveTo(p[i] * side, p[i + 1] * side, mx, my);
      }
      ctx.lineTo(p[p.length - 2] * side, p[p.length - 1] * side);
      ctx.stroke();
    }
  }
}

function allSame(p: number[]): boolean {
  for (let i = 2; i < p.length; i += 2) {
    if (p[i] !== p[0] || p[i + 1] !== p[1]) {
      return false;
    }
  }
  return true;
}

declare global {
  interface HTMLElementTagNameMap {
    'drawing-pad': DrawingPadElement;
  }
}
