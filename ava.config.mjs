// Tests run the TypeScript sources directly through tsx; no build step needed.
export default {
  files: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
  extensions: { ts: 'module', tsx: 'module' },
  nodeArguments: ['--import=tsx'],
  timeout: '60s',
  workerThreads: false,
  concurrency: 2,
};
