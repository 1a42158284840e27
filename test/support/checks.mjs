// The named checks of a Node test script: each prints ✓ or ✗ with its time, and the script ends with the line CI
// counts, `<runner>: N passed, N failed`.

export function checks(runner) {
  const results = [];
  return {
    /** Runs one check; a thrown error fails it (its message, indented, says why) and the script goes on. */
    async check(name, fn) {
      const started = Date.now();
      try {
        await fn();
        results.push(true);
        console.log(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        results.push(false);
        console.log(
          `  ✗ ${name}\n      ${String(error?.message ?? error)
            .split('\n')
            .join('\n      ')}`,
        );
      }
    },
    /** Prints the counts (a check that never ran, of `expected`, counts as failed) and exits. */
    finish(expected = results.length) {
      const passed = results.filter(Boolean).length;
      console.log(`${runner}: ${passed} passed, ${Math.max(expected, results.length) - passed} failed`);
      process.exit(passed === Math.max(expected, results.length) ? 0 : 1);
    },
  };
}
