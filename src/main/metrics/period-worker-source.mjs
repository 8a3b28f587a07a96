// The report thread's entry when the app runs from its TypeScript sources (the CLI, the local
// server, tests): the desktop bundle has its own, dist/electron/period-worker.cjs.
import { register } from 'tsx/esm/api';

register();
await import('./period-worker.ts');
