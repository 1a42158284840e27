import { createContext } from '@lit/context';
import type { DashboardState } from './dashboard-state.js';

/** Provided by `<mkt-data>` to every marketkit element inside it. */
export const dashboardContext = createContext<DashboardState | undefined>(Symbol('mkt-dashboard'));
