import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

type ParquetWasm = typeof import('parquet-wasm/esm');
let module: Promise<ParquetWasm> | null = null;

/**
 * Parquet bytes as an Arrow IPC stream, decoded by parquet-wasm (loaded on first use only). DuckDB-WASM's own
 * Parquet reader is an extension it downloads from DuckDB's servers at run time, which fails offline and on
 * intranets; this one ships with the kit.
 */
export async function parquetToArrowStream(bytes: Uint8Array): Promise<Uint8Array> {
  module ??= import('parquet-wasm/esm').then(async (m) => {
    await m.default({ module_or_path: wasmUrl });
    return m;
  });
  const parquet = await module.catch((error) => {
    module = null;
    throw error;
  });
  return parquet.readParquet(bytes).intoIPCStream();
}
