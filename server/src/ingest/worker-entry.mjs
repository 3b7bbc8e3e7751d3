// Plain JavaScript entry of the ingest worker thread: loader hooks of the main
// thread do not reach a worker on Node 20, so it registers tsx for itself.
import { register } from 'tsx/esm/api';

register();
await import('./feed-worker.ts');
