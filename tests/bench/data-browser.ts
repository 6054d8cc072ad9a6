/** Entry point bundled into the page by data.bench.ts: the workload over the real IndexedDB. */
import { openUnknotDb } from '../../src/data';
import { runWorkload } from './data-workload';

let n = 0;
(window as unknown as { unknotDataBench: unknown }).unknotDataBench = () =>
  runWorkload(() => openUnknotDb({ name: `unknot-bench-${Date.now()}-${n++}`, storage: null }));
