import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import katex from 'katex';
import 'katex/dist/katex.min.css';

/**
 * A formula typeset by KaTeX from its TeX source (`tex`), inline or, with `display`, as a centred block.
 * It renders into the light DOM so that KaTeX's page-wide style sheet and fonts apply. A formula KaTeX
 * cannot read is shown as its source in red instead of breaking the page.
 */
@customElement('nn-math')
export class NnMath extends LitElement {
  @property({ type: String }) tex = '';
  @property({ type: Boolean, reflect: true }) display = false;

  createRenderRoot() {
    return this;
  }

  render() {
    const markup = katex.renderToString(this.tex, { displayMode: this.display, throwOnError: false, output: 'htmlAndMathml' });
    return html`${unsafeHTML(markup)}`;
  }
}
