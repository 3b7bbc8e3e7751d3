// Preloaded into a benchmarked CLI process: on exit it writes the process's peak RSS
// (getrusage maxrss, worker threads included) in KiB to the file in BENCH_RSS_FILE.
import fs from 'node:fs';

const out = process.env.BENCH_RSS_FILE;
if (out) process.on('exit', () => fs.writeFileSync(out, String(process.resourceUsage().maxRSS)));
