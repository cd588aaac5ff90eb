import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts';

/**
 * An Apache ECharts chart whose whole configuration comes from the server as JSON (`option`). The chart
 * is created when the element enters the page and disposed when it leaves (Flow detaches and re-attaches
 * elements, so it must rebuild itself in connectedCallback). A click on a data item fires `chart-click`
 * with the item's series index, data index and value.
 */
@customElement('nn-chart')
export class NnChart extends LitElement {
  static styles = css`
    :host { display: block; position: relative; min-height: 220px; }
    #chart { position: absolute; inset: 0; }
  `;

  /** The ECharts option as JSON text. */
  @property({ type: String }) option = '{}';

  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;

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

  private applyOption() {
    try {
      this.chart?.setOption(JSON.parse(this.option || '{}'), { notMerge: true, lazyUpdate: true });
    } catch (e) {
      console.warn('nn-chart: bad option', e);
    }
  }
}
