// The demo imports the kit from source; a real page would load the bundle (see demo/embed.html).
import '../src/index.js';
import { defineDemoNav } from './demo-nav.js';

defineDemoNav();

// `?data=<folder>` points every dashboard of the page at demo/data/<folder>/ (scale-10, olist, ...).
const folder = new URLSearchParams(location.search).get('data');
if (folder && /^[\w.-]+$/.test(folder)) {
  for (const el of document.querySelectorAll('mkt-data')) {
    el.setAttribute('src', `./data/${folder}/`);
    if (folder === 'olist') el.setAttribute('currency', 'BRL'); // Olist's amounts are in reais.
  }
}
