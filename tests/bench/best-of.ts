import { runBestStatement } from './best-statement.ts';
import { runParams } from './bench-db.ts';

// `pnpm exec tsx tests/bench/best-of.ts <database> <run id>`: the hand-written best
// statements for the rules and date of a stored run, and the fastest one's time.
const [url, run] = process.argv.slice(2);
if (!url || !run) throw new Error('usage: best-of.ts <database> <run id>');
const dialect = url.startsWith('postgres') ? 'postgres' : 'sqlite';
const best = await runBestStatement(dialect === 'sqlite' ? { sqliteFile: url } : { pgUrl: url }, await runParams(dialect, url, Number(run)));
console.log(
  `${dialect} run ${run}: best statement ${best.seconds.toFixed(2)} s (${best.name}); ${best.timings.map((t) => `${t.name}: ${t.seconds.toFixed(2)} s`).join(', ')}`,
);
