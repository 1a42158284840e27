// The demo imports the kit from source; a real page would load the bundle (see demo/embed.html).
import '../src/index.js';
import { defineDemoNav } from './demo-nav.js';
import { OPTIONAL_DATASETS, datasetExists } from './demo-datasets.js';

defineDemoNav();

const params = new URLSearchParams(location.search);
const dashboards = [...document.querySelectorAll<HTMLElement>('mkt-data')];

/**
 * The server page (server.html) reads from a marketkit server: `?server=<url>` (and `?token=`), or the one
 * `npm run demo:server` started behind the dev server's /marketkit/ proxy. Without either it says how to start one.
 */
function connectServerPage(): void {
  const server = params.get('server') ?? import.meta.env.VITE_MARKETKIT_SERVER;
  if (server) {
    for (const el of dashboards) {
      el.setAttribute('server', server);
      const token = params.get('token');
      if (token) el.setAttribute('server-token', token);
    }
    return;
  }
  for (const el of dashboards) el.hidden = true;
  const message = document.createElement('p');
  message.className = 'demo-missing';
  message.setAttribute('role', 'alert');
  message.textContent =
    'No marketkit server runs for this page. Start the demo with `npm run demo:server` (it prepares the scale-10 data and starts `marketkit serve`), or give one: server.html?server=http://127.0.0.1:8787/ for a server started with --origin for this page.';
  document.querySelector('main h1')?.after(message);
}

// `?data=<folder>` points every dashboard of the page at demo/data/<folder>/ (scale-10, olist, ...).
const folder = params.get('data');
if (document.querySelector('mkt-demo-nav')?.getAttribute('current') === 'server') connectServerPage();
const pointAt = (name: string) => {
  for (const el of dashboards) {
    el.setAttribute('src', `./data/${name}/`);
    if (name === 'olist') el.setAttribute('currency', 'BRL'); // Olist's amounts are in reais.
  }
};
const optional = OPTIONAL_DATASETS.find((d) => d.folder === folder);
if (optional && dashboards.every((el) => el.hasAttribute('src'))) {
  // An optional dataset loads only once it is known to be there; a missing one (e.g. Olist before
  // `npm run convert:olist`) is one clear message instead of an error per dashboard.
  for (const el of dashboards) el.removeAttribute('src');
  void datasetExists(optional.folder).then((exists) => {
    if (exists) return pointAt(optional.folder);
    for (const el of dashboards) el.hidden = true;
    const message = document.createElement('p');
    message.className = 'demo-missing';
    message.setAttribute('role', 'alert');
    message.textContent = `The ${optional.label} dataset is not in demo/data/${optional.folder}/. Make it with \`${optional.make} -- --out demo/data/${optional.folder}\` (it needs the shared data folder), or switch back to the synthetic data.`;
    const title = document.querySelector('main h1');
    if (title) title.after(message);
    else document.querySelector('main')?.prepend(message);
  });
} else if (folder && /^[\w.-]+$/.test(folder) && dashboards.every((el) => el.hasAttribute('src'))) {
  pointAt(folder);
}
