// Runs every test in real Chromium (Debian's /usr/bin/chromium unless CHROME_PATH says otherwise).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { viteUrlImports, prebundleCommonJs, storiesIndex, sharedDataMiddleware } from './test/support/wtr-plugins.mjs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const filter = process.env.TEST_FILES;

// Real public datasets live outside the repo (never copied in): tests fetch them as /shared-data/<file>.
const sharedData = path.resolve(process.env.MARKETKIT_SHARED_DATA ?? '../shared/data');
async function serveSharedData(context, next) {
  if (!context.path.startsWith('/shared-data/')) return next();
  const file = path.resolve(sharedData, decodeURIComponent(context.path.slice('/shared-data/'.length)));
  if (!file.startsWith(sharedData + path.sep)) {
    context.status = 404;
    return;
  }
  try {
    context.body = await readFile(file);
    context.type = path.extname(file) === '.csv' ? 'text/csv' : 'application/octet-stream';
  } catch {
    context.status = 404;
  }
}

export default {
  middleware: [serveSharedData],
  files: filter ? filter.split(',') : ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  rootDir: '.',
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 20 * 60 * 1000,
  testFramework: { config: { timeout: 60000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
  middleware: [sharedDataMiddleware()],
  plugins: [
    storiesIndex(),
    viteUrlImports(),
    prebundleCommonJs(['ml-kmeans']),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
};
