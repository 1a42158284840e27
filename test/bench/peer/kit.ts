// The kit's side of the peer benchmark: `<mkt-data>` and the four elements of kit.html, imported one by one as a
// site owner would. Timing reuses the main benchmark's helpers (in-page.mjs, installed by the runner).
import '../../../src/components/data/mkt-data.js';
import '../../../src/components/kpis/mkt-kpis.js';
import '../../../src/components/revenue-trend/mkt-revenue-trend.js';
import '../../../src/components/category-performance/mkt-category-performance.js';
import '../../../src/components/tier-contribution/mkt-tier-contribution.js';
import type { MktData } from '../../../src/components/data/mkt-data.js';
import type { KpiResult } from '../../../src/components/kpis/mkt-kpis.js';
import type { RevenueTrendResult } from '../../../src/components/revenue-trend/mkt-revenue-trend.js';
import type { CategoryPerformanceResult } from '../../../src/components/category-performance/mkt-category-performance.js';
import type { TierContributionResult } from '../../../src/components/tier-contribution/mkt-tier-contribution.js';
import type { FilterPatch } from '../../../src/data/filter-state.js';
import type { QueryEngine } from '../../../src/data/query-engine.js';
import { KIT_ORDER_LINES, minimalSql, VIEWS, type View } from './minimal-sql.js';
import {
  dataFolder,
  sum,
  type PeerColdStart,
  type PeerFigures,
  type PeerPage,
  type SentStatement,
} from './page-api.js';

/** What test/bench/in-page.mjs installs. */
interface MktBench {
  coldStart(): Promise<PeerColdStart>;
  timeInteraction(patch: FilterPatch): Promise<{ ms: number; rawEach: number[] }>;
}

const data = document.querySelector('mkt-data') as MktData;
data.setAttribute('src', dataFolder());

const bench = () => (window as unknown as { __mktBench: MktBench }).__mktBench;
const engine = (): QueryEngine => data.state.engine!;
/** The widget's last result (its query task is protected: the benchmark reads it as in-page.mjs does). */
const result = <T>(tag: string): T => (document.querySelector(tag) as unknown as { task: { value: T } }).task.value;
const KPI = (r: KpiResult, key: string) => r.kpis.find((k) => k.key === key)?.value ?? null;
let coldHistory: SentStatement[] = [];

const page: PeerPage = {
  async coldStart() {
    const cold = await bench().coldStart();
    coldHistory = engine().history.map(({ sql, ms }) => ({ sql, ms }));
    return cold;
  },
  async change(patch) {
    const before = engine().executed;
    const { ms, rawEach } = await bench().timeInteraction(patch);
    const ran = engine().executed - before;
    const statements = engine()
      .history.slice(engine().history.length - ran)
      .map(({ sql, ms }, i) => ({ sql, ms, rawMs: rawEach[i] }));
    return { ms, statements, cubeMs: 0, cubeStatements: 0 };
  },
  figures(): PeerFigures {
    const kpis = result<KpiResult>('mkt-kpis');
    return {
      gmv: KPI(kpis, 'gmv') ?? NaN,
      aov: KPI(kpis, 'aov'),
      sellers: KPI(kpis, 'sellers') ?? NaN,
      customers: KPI(kpis, 'customers') ?? NaN,
      trendGmv: sum(result<RevenueTrendResult>('mkt-revenue-trend').rows.map((r) => r.gmv)),
      categoryGmv: sum(result<CategoryPerformanceResult>('mkt-category-performance').rows.map((r) => r.gmv)),
      tierGmv: sum(result<TierContributionResult>('mkt-tier-contribution').buckets.map((b) => b.total)),
    };
  },
  async rawMinimal() {
    const sql = minimalSql(data.filters, KIT_ORDER_LINES);
    const out = {} as Record<View, number>;
    for (const view of VIEWS) out[view] = await engine().timeRaw(sql[view]);
    return out;
  },
  coldStatements: () => coldHistory,
};
window.__peer = page;
