// Runs every test in real Chromium (Debian's /usr/bin/chromium unless CHROME_PATH says otherwise).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS } from './test/support/chromium.mjs';
import { defaultReporter } from '@web/test-runner';
import {
  viteUrlImports,
  jsonImports,
  prebundleCommonJs,
  storiesIndex,
  sharedDataMiddleware,
  summaryReporter,
  svgSnapshots,
} from './test/support/wtr-plugins.mjs';
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const filter = process.env.TEST_FILES;

export default {
  files: filter ? filter.split(',') : ['test/**/*.test.ts', '!test/server/**'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  rootDir: '.',
  concurrency: 1,
  reporters: [defaultReporter(), summaryReporter()],
  concurrentBrowsers: 1,
  testsFinishTimeout: 20 * 60 * 1000,
  testFramework: { config: { timeout: 60000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  // Real public datasets live outside the repo (never copied in): tests fetch them as /shared-data/<file>.
  middleware: [sharedDataMiddleware()],
  plugins: [
    storiesIndex(),
    svgSnapshots(),
    viteUrlImports(),
    jsonImports(),
    prebundleCommonJs(['ml-kmeans']),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
};
