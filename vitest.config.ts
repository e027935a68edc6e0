import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        // One real Strapi per run, started by the global setup; files run one after another
        // in a single forked worker because they share that server and its database.
        test: {
          name: 'cms',
          include: ['tests/cms/**/*.test.ts'],
          globalSetup: ['tests/cms/global-setup.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 600_000,
        },
      },
      {
        // The seed site built once and served, looked at in Debian's Chromium. Runs after the
        // other projects, so its builds and browser do not compete with their timing.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          pool: 'forks',
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
