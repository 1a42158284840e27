/* global document */
// Screenshots of pages for people to look at:
// node test/support/screenshot.mjs <url> <out.png> [width] [waitSelector] [--dark] [--element=<selector>]
// (--dark: the system prefers a dark colour scheme, as the demo's pages follow it; --element: only that element.)
import { launchChromium } from './chromium.mjs';

const args = process.argv.slice(2);
const [url, out, width = '1280', wait = ''] = args.filter((a) => !a.startsWith('--'));
const colorScheme = args.includes('--dark') ? 'dark' : 'light';
const element = args.find((a) => a.startsWith('--element='))?.slice('--element='.length);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme });
page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console.log(`[${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
await page.goto(url);
await page
  .waitForFunction(
    () => {
      const busy = (root) =>
        [...root.querySelectorAll('*')].some((el) =>
          el.shadowRoot
            ? el.task?.status === 1 ||
              el.shadowRoot.querySelector('.skeleton, .stale, [aria-busy="true"]') ||
              busy(el.shadowRoot)
            : false,
        );
      const data = [...document.querySelectorAll('mkt-data')];
      return (
        data.length > 0 &&
        data.every((d) => d.state?.status === 'ready' || d.state?.status === 'error') &&
        !busy(document)
      );
    },
    null,
    { timeout: 120000 },
  )
  .catch(() => console.log('timed out waiting for the page to settle'));
if (wait) await page.waitForSelector(wait);
await page.waitForTimeout(300);
if (element) await page.locator(element).first().screenshot({ path: out });
else await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`saved ${out}`);
