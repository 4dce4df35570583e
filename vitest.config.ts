import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/temp-root.ts', 'test/setup/built.ts'],
    setupFiles: ['test/setup/no-network.ts'],
    testTimeout: 20_000,
    env: { NO_COLOR: '1' },
    // CI also keeps a machine-readable result, for .ci/run's closing count.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
  },
});
