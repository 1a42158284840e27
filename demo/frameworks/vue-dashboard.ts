import { createApp, defineComponent, h, ref, type App } from 'vue';
import '../../src/index.js';

/**
 * marketkit in a Vue app, with render functions (no template compiler needed). Vue sets attributes and
 * properties on custom elements and `onMktFiltersApplied` listens to the `mkt-filters-applied` event.
 */
export const Dashboard = defineComponent({
  props: { src: { type: String, required: true } },
  setup(props) {
    const applied = ref('all categories');
    const onApplied = (e: Event) => {
      const f = (e as CustomEvent<{ categories: string[] }>).detail;
      applied.value = f.categories.length > 0 ? f.categories.join(', ') : 'all categories';
    };
    return () =>
      h('section', { class: 'vue-dashboard' }, [
        h('p', { 'data-testid': 'applied' }, `Vue sees: ${applied.value}`),
        h('mkt-data', { src: props.src, id: 'vue-shop', period: 'year-to-date', 'onMkt-filters-applied': onApplied }, [
          h('mkt-filters'),
          h('mkt-kpis', { heading: 'Key figures (Vue)' }),
        ]),
      ]);
  },
});

export function mountVueDashboard(container: Element, src: string): App {
  const app = createApp(Dashboard, { src });
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('mkt-');
  app.mount(container);
  return app;
}
