import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';

describe('coerceTable: timestamps of another precision', () => {
  it('keeps millisecond timestamps as they are (no copy of the table), with their values', async () => {
    // The fixtures write TIMESTAMP columns as Arrow milliseconds (src/schema/arrow.ts).
    const { engine, close } = await openEngine(tinyDataset());
    try {
      const [column] = await sql<{ data_type: string }>(
        engine,
        `SELECT data_type FROM duckdb_columns() WHERE table_name = 'page_events' AND column_name = 'event_time'`,
      );
      expect(column.data_type).to.equal('TIMESTAMP_MS');
      // The earliest event is S4's view on 20 January 2025 at 10:00 and the latest S1's purchase on 20 February at
      // 10:03 (test/fixtures/tiny-marketplace.ts); S4 is the earliest session and starts on that day.
      const [range] = await sql<{ first: string; last: string; day: string }>(
        engine,
        `SELECT strftime(min(event_time), '%Y-%m-%d %H:%M') AS first, strftime(max(event_time), '%Y-%m-%d %H:%M') AS last,
          (SELECT strftime(session_date, '%Y-%m-%d') FROM mkt_sessions WHERE session_id = 'S4') AS day
        FROM page_events`,
      );
      expect(range).to.deep.equal({ first: '2025-01-20 10:00', last: '2025-02-20 10:03', day: '2025-01-20' });
    } finally {
      await close();
    }
  });
});
