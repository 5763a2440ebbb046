// Tests run the TypeScript sources directly through tsx; no build step needed.

/**
 * The test files that talk to the machine's one real pcscd (through vsmartcard-vpcd). Two of
 * them at once would see each other's cards, and pcsc-integration stops and restarts pcscd, so
 * they stay out of the concurrent run: scripts/test.sh runs each one alone after it. Naming one
 * on the command line still runs it (`npx ava <file>`, `npm test -- <file>`). A new test that
 * opens the PC/SC hub, dials vpcd or runs `--readers pcsc|auto` belongs in this list.
 */
export const pcscdTests = ['test/device/pcsc-integration.test.ts', 'test/e2e/kiosk-pcsc-tmux.test.ts'];

export default {
  files: ['test/**/*.test.ts', 'test/**/*.test.tsx', ...pcscdTests.map((file) => `!${file}`)],
  extensions: { ts: 'module', tsx: 'module' },
  nodeArguments: ['--import=tsx'],
  timeout: '60s',
  workerThreads: false,
  concurrency: 2,
};
