import { expect } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktWidget } from '../../src/components/base/mkt-widget.js';
import { mount, settled, text, waitFor, whenReady } from './dom.js';

/**
 * Mounts `<mkt-data>` with one widget (matched by `selector`), drops the derived table its queries read, changes the
 * filters, and checks that the widget shows the failure in place and reports it with an `mkt-error` `query-failed`.
 */
export async function expectQueryFailureShown(template: TemplateResult, selector: string): Promise<void> {
  const data = await mount<MktData>(template);
  try {
    await whenReady(data);
    const widget = data.querySelector<MktWidget<unknown>>(selector)!;
    await settled(widget);
    const codes: string[] = [];
    data.addEventListener('mkt-error', (e) => codes.push(e.detail.code));
    await data.state.engine!.exec('DROP TABLE mkt_orders');
    data.setFilters({ categories: ['Books'] });
    await waitFor(() => text(widget, '.message.error'), 'the failure');
    expect(text(widget, '.message.error')).to.contain('mkt_orders');
    await waitFor(() => codes.includes('query-failed'), 'an mkt-error query-failed');
  } finally {
    data.remove();
  }
}
