// The host page listens to the dashboard's events like any other DOM event. (A file, not an inline script, so
// that the page works under a strict Content-Security-Policy.)
document.addEventListener('mkt-filters-applied', (e) => console.info('filters applied', e.detail));
document.addEventListener('mkt-error', (e) => console.warn('marketkit error', e.detail.code, e.detail.message));
