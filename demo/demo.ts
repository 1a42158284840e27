// The demo imports the kit from source; a real page would load the bundle (see demo/embed.html).
import '../src/index.js';
import './demo-nav.js';
import { OPTIONAL_DATASETS, datasetExists } from './demo-datasets.js';

// `?data=<folder>` points every dashboard of the page at demo/data/<folder>/ (scale-10, olist, ...).
const folder = new URLSearchParams(location.search).get('data');
if (folder && /^[\w.-]+$/.test(folder)) {
  for (const el of document.querySelectorAll('mkt-data')) {
    el.setAttribute('src', `./data/${folder}/`);
    if (folder === 'olist') el.setAttribute('currency', 'BRL'); // Olist's amounts are in reais.
  }
}

// A dataset that is not there (e.g. Olist before `npm run convert:olist`) is one clear message, not an error per
// dashboard: the dashboards are hidden and the message says how to make it.
const optional = OPTIONAL_DATASETS.find((d) => d.folder === folder);
if (optional) {
  void datasetExists(optional.folder).then((exists) => {
    if (exists) return;
    for (const el of document.querySelectorAll<HTMLElement>('mkt-data')) el.hidden = true;
    const message = document.createElement('p');
    message.className = 'demo-missing';
    message.setAttribute('role', 'alert');
    message.textContent = `The ${optional.label} dataset is not in demo/data/${optional.folder}/. Make it with \`${optional.make} -- --out demo/data/${optional.folder}\` (it needs the shared data folder), or switch back to the synthetic data.`;
    const main = document.querySelector('main');
    const title = main?.querySelector('h1');
    if (title) title.after(message);
    else main?.prepend(message);
  });
}
