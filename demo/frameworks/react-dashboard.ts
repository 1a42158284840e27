import { createElement as h, useEffect, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import '../../src/index.js';

/**
 * marketkit in a React app: the elements are plain tags; React 19 passes properties to custom elements and
 * `ref` + addEventListener listens to their events. Written without JSX so it needs no build plugin.
 */
export function Dashboard({ src }: { src: string }) {
  const data = useRef<HTMLElement>(null);
  const [applied, setApplied] = useState('all categories');
  useEffect(() => {
    const el = data.current!;
    const onApplied = (e: Event) => {
      const f = (e as CustomEvent<{ categories: string[] }>).detail;
      setApplied(f.categories.length > 0 ? f.categories.join(', ') : 'all categories');
    };
    el.addEventListener('mkt-filters-applied', onApplied);
    return () => el.removeEventListener('mkt-filters-applied', onApplied);
  }, []);
  return h(
    'section',
    { className: 'react-dashboard' },
    h('p', { 'data-testid': 'applied' }, `React sees: ${applied}`),
    h(
      'mkt-data',
      { ref: data, src, id: 'react-shop', period: 'year-to-date' },
      h('mkt-filters'),
      h('mkt-kpis', { heading: 'Key figures (React)' }),
    ),
  );
}

export function mountReactDashboard(container: Element, src: string): Root {
  const root = createRoot(container);
  root.render(h(Dashboard, { src }));
  return root;
}
