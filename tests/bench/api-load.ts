import autocannon from 'autocannon';

// Load generator for tests/bench/api.ts, in its own process so it does not take the
// server's event loop. Input: one JSON argument; output: one JSON line with latencies.

interface LoadInput {
  url: string;
  cookie: string;
  paths: string[];
  connections: number;
  seconds: number;
}

const input = JSON.parse(process.argv[2]!) as LoadInput;
const times: number[] = [];
let i = 0;
let failures = 0;
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: input.url,
      connections: input.connections,
      duration: input.seconds,
      headers: { cookie: input.cookie },
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: input.paths[i++ % input.paths.length]! }) }],
    },
    (error, r) => (error ? reject(error) : resolve(r)),
  );
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status === 200) times.push(ms);
    else failures += 1;
  });
});
times.sort((a, b) => a - b);
const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
console.log(
  JSON.stringify({
    requests: times.length,
    perSecond: times.length / input.seconds,
    p50: p(0.5),
    p95: p(0.95),
    p99: p(0.99),
    failures: failures + result.errors,
  }),
);
