/**
 * Reads the real public datasets of ../shared/data through the test server's `/shared-data/` route (see
 * web-test-runner.config.mjs; MARKETKIT_SHARED_DATA overrides the folder). They are never copied into the repo,
 * so a checkout without them skips the tests that need them, and says so.
 */
export async function sharedText(path: string): Promise<string | null> {
  const response = await fetch(`/shared-data/${path}`);
  if (!response.ok) {
    console.warn(
      `[marketkit tests] ${path} is not available (set MARKETKIT_SHARED_DATA to the shared data folder); skipping the tests that need it.`,
    );
    return null;
  }
  return response.text();
}

/** A CSV with a header line and numeric columns, as objects keyed by the header's names. */
export function parseNumericCsv(text: string): Record<string, number>[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = header.split(',').map((n) => n.trim());
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, Number(cells[i])]));
  });
}
