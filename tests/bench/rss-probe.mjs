// Preloaded into a benchmarked CLI process: on exit it writes the process's peak RSS
// (VmHWM, worker threads included) in KiB to the file in BENCH_RSS_FILE. Not
// getrusage's maxrss: on Linux that keeps the RSS of the process it was spawned
// from (the bench, holding a city's worth of rows), so it overstated small peaks.
import fs from 'node:fs';

const out = process.env.BENCH_RSS_FILE;
const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? process.resourceUsage().maxRSS);
if (out) process.on('exit', () => fs.writeFileSync(out, String(hwm())));
