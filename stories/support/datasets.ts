import { Table, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { generateDatasetIPC } from '../../generator/core/write-dataset.js';
import type { InMemoryDataset } from '../../src/data/load-dataset.js';
import { tableIPCFromRows } from '../../src/schema/arrow.js';
import type { TableName } from '../../src/schema/tables.js';

let generated: Promise<InMemoryDataset> | null = null;

/** A small generated marketplace (seed 42, scale 0.02: 10 sellers, 1,000 customers, 4,000 orders), made once. */
export function storyDataset(): Promise<InMemoryDataset> {
  generated ??= generateDatasetIPC({ seed: 42, scale: 0.02 }).then(({ manifest, tables }) => ({
    manifest,
    files: tables,
  }));
  return generated;
}

/** The same marketplace with no orders (nor campaigns, nor support tickets) at all: every widget's empty state. */
export function emptyDataset(): Promise<InMemoryDataset> {
  return storyDataset().then((d) => ({
    ...d,
    files: {
      ...d.files,
      transactions: tableIPCFromRows('transactions', []),
      orders: tableIPCFromRows('orders', []),
      payments: tableIPCFromRows('payments', []),
      returns: tableIPCFromRows('returns', []),
      campaigns: tableIPCFromRows('campaigns', []),
      support_tickets: tableIPCFromRows('support_tickets', []),
    },
  }));
}

/** The marketplace with a table taken out: the missing-table and error states. */
export function datasetWithout(...tables: TableName[]): Promise<InMemoryDataset> {
  return storyDataset().then((d) => {
    const files = { ...d.files };
    for (const t of tables) delete files[t];
    return { ...d, files };
  });
}

/**
 * The marketplace with its customers moved to other regions: each of its US states becomes one of `regions`
 * (round the list, states in alphabetical order), so the spread of customers stays that of the generated data.
 */
export function datasetWithRegions(regions: readonly string[]): Promise<InMemoryDataset> {
  return storyDataset().then((d) => {
    const customers = tableFromIPC(d.files.customers!);
    const column = customers.getChild('region')!;
    const states = [...new Set(column.toArray() as string[])].sort();
    const to = new Map(states.map((s, i) => [s, regions[i % regions.length]]));
    const moved = vectorFromArray(
      (column.toArray() as string[]).map((s) => to.get(s)!),
      column.type,
    );
    const columns = Object.fromEntries(customers.schema.fields.map((f) => [f.name, customers.getChild(f.name)!]));
    const table = new Table({ ...columns, region: moved });
    return { ...d, files: { ...d.files, customers: tableToIPC(table, 'stream') } };
  });
}

/** The marketplace with an optional column left out of one table's file (the loader then adds it, empty). */
export function datasetWithoutColumn(name: TableName, column: string): Promise<InMemoryDataset> {
  return storyDataset().then((d) => {
    const table = tableFromIPC(d.files[name]!);
    const kept = table.schema.fields.filter((f) => f.name !== column).map((f) => f.name);
    return { ...d, files: { ...d.files, [name]: tableToIPC(table.select(kept), 'stream') } };
  });
}
