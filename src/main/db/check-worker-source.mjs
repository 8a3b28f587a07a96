// The check thread's entry when the app runs from its TypeScript sources (the CLI, the local
// server, tests): the desktop bundle has its own, dist/electron/check-worker.cjs.
import { register } from 'tsx/esm/api';

register();
await import('./check-worker.ts');
