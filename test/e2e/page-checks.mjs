// Shared by the end-to-end test and the benchmark: wait for a page to settle, and collect what went wrong.

/** Resolves when every <mkt-data> is ready (or failed) and no element shows a skeleton or a stale result. */
export async function settle(page, timeout = 120000) {
  await page.waitForFunction(
    () => {
      const all = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          all.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      const data = all.filter((el) => el.localName === 'mkt-data');
      if (data.some((d) => d.state?.status !== 'ready' && d.state?.status !== 'error')) return false;
      // A widget computing a new result keeps the old one on screen, unmarked for its first 150 ms: its task says it.
      const pending = (el) => el.task?.status === 1;
      return !all.some(
        (el) => el.matches('.skeleton, .stale') || el.getAttribute('aria-busy') === 'true' || pending(el),
      );
    },
    null,
    { timeout, polling: 50 },
  );
}

/** Console errors, page errors, failed requests, mkt-error events and error messages shown by the elements. */
export function collectProblems(page) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.addInitScript(() => {
    document.addEventListener('mkt-error', (e) => console.error(`mkt-error ${e.detail.code}: ${e.detail.message}`));
  });
  return problems;
}
