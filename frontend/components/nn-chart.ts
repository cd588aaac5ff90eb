import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts';

/** The most points a series keeps; beyond it every second point is dropped, so a long run stays light. */
const MAX_POINTS = 2000;

/**
 * An Apache ECharts chart. The server sets the whole configuration once as JSON (`option`: when the chart
 * is made or a new run starts) and then sends only new points with `appendPoints(series, pointsJson)`.
 * `points` holds the data each series shows now, the option's own data followed by what was appended.
 * The chart is created when the element enters the page and disposed when it leaves (Flow detaches and
 * re-attaches elements, so it must rebuild itself in connectedCallback). A click on a data item fires
 * `chart-click` with the item's series index, data index and value.
 */
@customElement('nn-chart')
export class NnChart extends LitElement {
  static styles = css`
    :host { display: block; position: relative; min-height: 80px; }
    #chart { position: absolute; inset: 0; }
  `;

  /** The data of every series as the chart shows it now. */
  points: unknown[][] = [];

  private optionText = '{}';
  private parsed: any = {};
  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;
  private pendingAppend = false;

  /** The ECharts option as JSON text; setting it replaces the chart and forgets appended points. */
  @property({ type: String })
  get option(): string {
    return this.optionText;
  }

  set option(value: string) {
    const old = this.optionText;
    this.optionText = value || '{}';
    try {
      this.parsed = JSON.parse(this.optionText);
    } catch (e) {
      console.warn('nn-chart: bad option', e);
      this.parsed = {};
    }
    const series = Array.isArray(this.parsed.series) ? this.parsed.series : [];
    this.points = series.map((s: any) => (Array.isArray(s?.data) ? [...s.data] : []));
    this.requestUpdate('option', old);
  }

  /** Adds points (JSON array of [x, y]) to the end of one series and redraws soon. */
  appendPoints(series: number, pointsJson: string) {
    let added: unknown[];
    try {
      added = JSON.parse(pointsJson);
    } catch (e) {
      console.warn('nn-chart: bad points', e);
      return;
    }
    while (this.points.length <= series) {
      this.points.push([]);
    }
    let data = this.points[series].concat(added);
    if (data.length > MAX_POINTS) {
      data = data.filter((_, i) => i % 2 === 0 || i === data.length - 1);
    }
    this.points[series] = data;
    if (this.chart && !this.pendingAppend) {
      this.pendingAppend = true;
      requestAnimationFrame(() => {
        this.pendingAppend = false;
        this.chart?.setOption({ series: this.points.map((d) => ({ data: d })) }, { lazyUpdate: true });
      });
    }
  }

  render() {
    return html`<div id="chart"></div>`;
  }

  connectedCallback() {
    super.connectedCallback();
    this.updateComplete.then(() => this.createChart());
  }

  disconnectedCallback() {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.chart?.dispose();
    this.chart = undefined;
    super.disconnectedCallback();
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('option') && this.chart) {
      this.applyOption();
    }
  }

  private createChart() {
    const host = this.renderRoot.querySelector('#chart') as HTMLDivElement | null;
    if (!host || !this.isConnected || this.chart) {
      return;
    }
    this.chart = echarts.init(host, undefined, { renderer: 'canvas' });
    this.chart.on('click', (p: any) => {
      this.dispatchEvent(new CustomEvent('chart-click', {
        detail: { series: p.seriesIndex ?? -1, index: p.dataIndex ?? -1, value: JSON.stringify(p.value ?? null) },
      }));
    });
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
    this.applyOption();
  }

  /** The full option with every series' data as it is now (appended points included). */
  private applyOption() {
    const option = { ...this.parsed };
    if (Array.isArray(option.series)) {
      option.series = option.series.map((s: any, i: number) => ({ ...s, data: this.points[i] ?? s.data }));
    }
    this.chart?.setOption(option, { notMerge: true, lazyUpdate: true });
  }
}
