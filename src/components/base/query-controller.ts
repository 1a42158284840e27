import type { PropertyValues, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { DashboardState } from '../../data/dashboard-state.js';
import type { QueryEngine, QueryPriority } from '../../data/query-engine.js';
import type { FilterKey, FilterState } from '../../data/filter-state.js';
import { DatasetError, isAbortError, toDatasetError } from '../../data/dataset-error.js';
import { MktErrorEvent } from '../../events/error.js';
import { SlowPending } from './slow-pending.js';
import { nextTask } from '../../models/in-slices.js';

/** What a widget's query function receives. */
export interface QueryContext {
  readonly engine: QueryEngine;
  readonly filters: FilterState;
  readonly dashboard: DashboardState;
  readonly signal: AbortSignal;
}

/** The element a query controller serves: it has a dashboard (see MktWidget). */
export type QueryHost = ReactiveControllerHost & HTMLElement & { readonly dashboard?: DashboardState };

export interface QueryOptions<T, A extends readonly unknown[]> {
  /** Runs the SQL (and whatever the result is derived from); again whenever the dashboard or `args()` change. */
  run(context: QueryContext, ...args: A): Promise<T>;
  /** The host's own inputs that re-run the query (granularity, a selected seller, ...). */
  readonly args?: () => A;
  /** `background` for model elements: their queries wait while a lighter element's are queued (see QueryEngine). */
  readonly priority?: () => QueryPriority;
  /** Keep the last MEMO_SIZE results by filter state and args: going back to a state seen before costs nothing. */
  readonly memo?: () => boolean;
  /** False while the query cannot run (a table it reads is absent): the task then settles on undefined. */
  readonly ready?: () => boolean;
}

const MEMO_SIZE = 8;

/**
 * One query of a widget, run as a `@lit/task` whenever the dashboard or the widget's own arguments change: a
 * newer run aborts the older one (a superseded result is never painted), at the widget's priority, optionally
 * memoised. It also knows when the last drawn result can stay on screen untouched (`keep`), whether a run has
 * been pending long enough to say so (`slow`), and reports a failure once as an `mkt-error` (`problem`).
 */
export class QueryController<T, A extends readonly unknown[] = []> {
  readonly task: Task<readonly unknown[], T | undefined>;
  private readonly slowPending: SlowPending;
  private readonly memo = new WeakMap<QueryEngine, Map<string, T>>();
  private keepDrawing = false;
  private drawnValue: T | undefined = undefined;
  private lastReported: unknown = null;

  constructor(
    private readonly host: QueryHost,
    private readonly options: QueryOptions<T, A>,
  ) {
    this.task = new Task(host, {
      task: ([dashboard, ...args], { signal }) => this.runQuery(dashboard as DashboardState | undefined, args, signal),
      args: () => [host.dashboard, ...(options.args?.() ?? [])],
    });
    // After the task: its `hostUpdated` must see the task's new status.
    this.slowPending = new SlowPending(host, () => this.task.status === TaskStatus.PENDING);
  }

  get value(): T | undefined {
    return this.task.value;
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  /** Pending for longer than SlowPending's delay: a result on screen is then shown `stale`. */
  get slow(): boolean {
    return this.slowPending.slow;
  }

  private async runQuery(dashboard: DashboardState | undefined, args: unknown[], signal: AbortSignal) {
    const priority = this.options.priority?.() ?? 'interactive';
    const engine = priority === 'background' ? dashboard?.engine?.background : dashboard?.engine;
    if (!dashboard || dashboard.status !== 'ready' || !engine || this.options.ready?.() === false) return undefined;
    // A model's work waits for a task of its own: when every answer is cached, the aggregates then repaint first,
    // and the models' fits do not make one long task of the whole page's update.
    if (priority === 'background') await nextTask(signal);
    const context = { engine, filters: dashboard.filters, dashboard, signal };
    const run = () => this.options.run(context, ...(args as unknown as A));
    if (!this.options.memo?.() || !args.every((a) => a === null || typeof a !== 'object')) return run();
    let results = this.memo.get(engine);
    if (!results) this.memo.set(engine, (results = new Map()));
    const key = JSON.stringify([dashboard.filters, dashboard.locale, dashboard.currency, args]);
    if (results.has(key)) return results.get(key)!;
    const value = await run();
    // Only finished runs are kept (a superseded one rejects), the MEMO_SIZE most recent.
    results.set(key, value);
    if (results.size > MEMO_SIZE) results.delete(results.keys().next().value as string);
    return value;
  }

  /**
   * Call from the host's `willUpdate`. When only filters the widget does not draw besides its result changed
   * (`drawn`), the previous result stays on screen as it is while the new one is computed: re-drawing it cost as
   * much as drawing the new one.
   */
  willUpdate(changed: PropertyValues, drawn: readonly FilterKey[] | 'all'): void {
    const before = changed.get('dashboard') as DashboardState | undefined;
    const after = this.host.dashboard;
    this.keepDrawing = changed.size === 1 && !!before && !!after && onlyUndrawnFiltersChanged(before, after, drawn);
  }

  /**
   * Call from the host's `render`: true when the DOM can stay as it is, not even compared (the result drawn last
   * is still the one on screen and nothing drawn depends on what changed).
   */
  keep(): boolean {
    const value = this.task.value;
    const status = this.task.status;
    if (this.keepDrawing && status === TaskStatus.PENDING && value !== undefined && this.drawnValue === value)
      return true;
    this.drawnValue = status === TaskStatus.COMPLETE || status === TaskStatus.PENDING ? value : undefined;
    return false;
  }

  /**
   * The problem to show for an error of this query (or of drawing its result): null for an abort (a superseded
   * run), else a DatasetError, sent once per error as an `mkt-error` from the host.
   */
  problem(error: unknown): DatasetError | null {
    if (isAbortError(error)) return null;
    const problem = toDatasetError(error, 'query-failed');
    if (this.lastReported !== error) {
      this.lastReported = error;
      const detail = { code: problem.code, message: problem.message, source: this.host.localName, ...problem.where };
      // Reported after the render that found it, so that listeners never re-enter an update.
      queueMicrotask(() => this.host.dispatchEvent(new MktErrorEvent(detail)));
    }
    return problem;
  }

  /** The query's state as a template; an error reaches `error` as the problem (see `problem`), an abort `initial`. */
  render<R>(renderers: {
    readonly initial: () => R;
    readonly pending: () => R;
    readonly complete: (value: T | undefined) => R;
    readonly error: (problem: DatasetError) => R;
  }): R {
    switch (this.task.status) {
      case TaskStatus.INITIAL:
        return renderers.initial();
      case TaskStatus.PENDING:
        return renderers.pending();
      case TaskStatus.COMPLETE:
        return renderers.complete(this.task.value);
      default: {
        const problem = this.problem(this.task.error);
        return problem ? renderers.error(problem) : renderers.initial();
      }
    }
  }
}

/** True when two dashboard states differ in their filters only, and not in any of `drawn`. */
function onlyUndrawnFiltersChanged(
  before: DashboardState,
  after: DashboardState,
  drawn: readonly FilterKey[] | 'all',
): boolean {
  if (drawn === 'all') return false;
  for (const key of Object.keys(after) as (keyof DashboardState)[])
    if (key !== 'filters' && before[key] !== after[key]) return false;
  return drawn.every((key) => before.filters[key] === after.filters[key]);
}
