import { expect } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktWidget } from '../../src/components/base/mkt-widget.js';
import { mount, settled, text, waitFor, whenReady } from './dom.js';

/**
 * Drops `table` from the dashboard's database and changes the filters: the widget must show the failure in place,
 * naming the table, and the dashboard hear an `mkt-error` with code `query-failed`. Leaves the database broken:
 * call it last.
 */
export async function expectQueryFailureShown(data: MktData, widget: Element, table: string): Promise<void> {
  const errors: string[] = [];
  data.addEventListener('mkt-error', (e) => errors.push(e.detail.code));
  await data.state.engine!.exec(`DROP TABLE ${table}`);
  data.setFilters({ tiers: ['gold'] });
  await waitFor(() => text(widget, '.message.error'), 'the failure');
  expect(text(widget, '.message.error')).to.contain(table);
  await waitFor(() => errors.includes('query-failed'), 'an mkt-error');
}

/** `expectQueryFailureShown` on a dashboard of its own (`template`: `<mkt-data>` with the widget `selector`). */
export async function expectMountedQueryFailureShown(
  template: TemplateResult,
  selector: string,
  table = 'mkt_orders',
): Promise<void> {
  const data = await mount<MktData>(template);
  try {
    await whenReady(data);
    const widget = data.querySelector<MktWidget<unknown>>(selector)!;
    await settled(widget);
    await expectQueryFailureShown(data, widget, table);
  } finally {
    data.remove();
  }
}

/**
 * Mounts `template` (`<mkt-data>` on data without orders, so without dates, and the widget `selector`): the widget
 * must settle with no error of its own and nothing thrown on the page.
 */
export async function expectCalmWithoutOrders(template: TemplateResult, selector: string): Promise<void> {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.message);
  window.addEventListener('error', onError);
  const data = await mount<MktData>(template);
  try {
    await whenReady(data);
    const widget = data.querySelector<MktWidget<unknown>>(selector)!;
    await settled(widget);
    // The data note says the orders are empty; the widget shows no error of its own.
    expect(text(widget, '.message.error')).to.equal('');
    expect(errors).to.deep.equal([]);
  } finally {
    window.removeEventListener('error', onError);
    data.remove();
  }
}

/** Writes a bad value to an attribute: the widget must say so with an `mkt-error` quoting it. */
export async function expectBadAttributeReported(widget: HTMLElement, name: string, value: string): Promise<void> {
  const errors: string[] = [];
  widget.addEventListener('mkt-error', (e) => errors.push(e.detail.message));
  widget.setAttribute(name, value);
  await waitFor(() => errors.length > 0, 'the mkt-error');
  expect(errors[0]).to.contain(`${name}="${value}" is not valid`);
}
