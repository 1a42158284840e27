import { expect } from '@open-wc/testing';
import type { MktData } from '../../src/components/data/mkt-data.js';
import { text, waitFor } from './dom.js';

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

/** Writes a bad value to an attribute: the widget must say so with an `mkt-error` quoting it. */
export async function expectBadAttributeReported(widget: HTMLElement, name: string, value: string): Promise<void> {
  const errors: string[] = [];
  widget.addEventListener('mkt-error', (e) => errors.push(e.detail.message));
  widget.setAttribute(name, value);
  await waitFor(() => errors.length > 0, 'the mkt-error');
  expect(errors[0]).to.contain(`${name}="${value}" is not valid`);
}
