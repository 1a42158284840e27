// Installed in the benchmarked page (page.addInitScript): everything it needs must live inside this function.
export function installBenchHelpers() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  /**
   * Elements that fit a model (K-means, BG/NBD, churn regression, forecasts, MSTL decomposition, anomaly detection):
   * their target is a p95 of 500 ms; every other widget is an aggregate element with a target of 100 ms (issue 7).
   * They are the elements whose queries the kit runs at background priority.
   */
  const MODEL_ELEMENTS = new Set([
    'mkt-clv',
    'mkt-churn',
    'mkt-rfm-segments',
    'mkt-forecast',
    'mkt-decomposition',
    'mkt-anomalies',
    'mkt-insights',
  ]);

  /** Every marketkit widget of the page (they all have a query task). */
  const widgets = () => [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('mkt-') && el.task);

  /** A widget's query tasks: its own, and any second one (the KPIs' conversion rate) it lists in `queryTasks`. */
  const tasksOf = (widget) => widget.queryTasks ?? [widget.task];
  const idle = (widget) => tasksOf(widget).every((t) => t.status !== 1) && !widget.isUpdatePending;

  /** Resolves, with the time, when the widget has no pending query and has rendered its result. */
  async function painted(widget) {
    for (;;) {
      await new Promise((r) => setTimeout(r, 0));
      await Promise.all(tasksOf(widget).map((t) => t.taskComplete.catch(() => undefined)));
      await widget.updateComplete;
      if (idle(widget)) return performance.now();
    }
  }

  /**
   * The time the last widget became idle, given when each did (`done`): one task later, any widget with more work (a
   * task started by its own update) is waited for too. The time is when the last update ended, not when this check
   * ran: the check's timer waits behind the browser's layout and paint of the new DOM, which the Mosaic page, whose
   * time ends when its clients' promises settle, does not count either.
   */
  async function lastPainted(done) {
    let last = Math.max(0, ...done);
    for (;;) {
      await new Promise((r) => setTimeout(r, 0));
      const busy = widgets().filter((w) => !idle(w));
      if (busy.length === 0) return last;
      last = Math.max(last, ...(await Promise.all(busy.map(painted))));
    }
  }

  /**
   * Applies one filter patch; the time until every widget repainted, and the raw DuckDB time of the SQL it ran. In
   * server mode (`server`), the named queries it sent instead (the benchmark times them on the server: bench-time).
   */
  async function timeInteraction(patch, { server = false } = {}) {
    const data = document.querySelector('mkt-data');
    const engine = data.state.engine;
    const executedBefore = engine.executed;
    const longBefore = window.__longTasks.length;
    const t0 = performance.now();
    data.setFilters(patch);
    const list = widgets();
    const done = await Promise.all(list.map(painted));
    const ms = (await lastPainted(done)) - t0;
    const elements = {};
    list.forEach((w, i) => (elements[w.localName] = Math.max(elements[w.localName] ?? 0, done[i] - t0)));
    const slowest = (models) =>
      Math.max(0, ...list.filter((w) => MODEL_ELEMENTS.has(w.localName) === models).map((w) => elements[w.localName]));
    const ran = engine.executed - executedBefore;
    const recent = engine.history.slice(Math.max(0, engine.history.length - ran));
    const kitSqlMs = recent.reduce((a, h) => a + h.ms, 0);
    const rawEach = [];
    if (!server) for (const { sql } of recent) rawEach.push(await engine.timeRaw(sql));
    const named = server ? recent.map(({ query }) => ({ name: query.name, args: query.args })) : undefined;
    const rawMs = rawEach.reduce((a, b) => a + b, 0);
    const longTasks = window.__longTasks.slice(longBefore).filter((t) => t.start >= t0 && t.start <= t0 + ms);
    return {
      ms,
      aggregateMs: slowest(false),
      modelMs: slowest(true),
      elements,
      queries: recent.length,
      kitSqlMs,
      rawMs,
      rawEach,
      named,
      longestTask: Math.max(0, ...longTasks.map((t) => t.duration)),
    };
  }

  /** Cold-start milestones from the kit's performance marks, and the moment every widget had painted. */
  /**
   * Until every `<mkt-data>` is ready, woken by the kit's events: a polling timer took the main thread hundreds of
   * times during a load (about 50 ms of it at scale 1), which the Mosaic page, waiting on promises, does not.
   */
  async function allDataReady() {
    const all = () => [...document.querySelectorAll('mkt-data')];
    for (;;) {
      const failed = all().find((d) => d.state?.status === 'error');
      if (failed) throw new Error(`<mkt-data> could not load: ${failed.state.error?.message}`);
      if (all().every((d) => d.state?.status === 'ready')) return;
      await new Promise((resolve) => {
        const wake = () => {
          document.removeEventListener('mkt-data-ready', wake);
          document.removeEventListener('mkt-error', wake);
          resolve();
        };
        document.addEventListener('mkt-data-ready', wake);
        document.addEventListener('mkt-error', wake);
      });
    }
  }

  async function coldStart() {
    await allDataReady();
    // The time of the check, one timer after the last update, as the Mosaic page's `settled` takes it at cold start.
    await lastPainted(await Promise.all(widgets().map(painted)));
    const allPainted = performance.now();
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    // Tables loaded after the data was ready (page events, say, when a view first reads them) are loading too.
    const loads = performance.getEntriesByName('mkt:table-loaded').filter((m) => m.startTime <= allPainted);
    return {
      engineReady: mark('mkt:engine-ready'),
      dataLoaded: mark('mkt:data-loaded'),
      dataReady: mark('mkt:data-ready'),
      allLoaded: Math.max(mark('mkt:data-ready') ?? 0, ...loads.map((m) => m.startTime)),
      painted: allPainted,
      widgets: widgets().length,
    };
  }

  window.__mktBench = { timeInteraction, coldStart };
}
