import net from 'node:net';
import { loadConfig, type Config } from '../../server/src/config.ts';
import { systemClock, type Clock } from '../../server/src/core/clock.ts';
import { buildServer, type FastifyInstance } from '../../server/src/server.ts';
import { createTestDatabase, type Dialect, type TestDatabase } from './databases.ts';
import { startProvider, type TestProvider } from './oidc-provider.ts';

// The app on http://127.0.0.1:<port> signing in through the in-process provider on
// http://localhost:<port>, configured through the environment variables an operator sets.

/** Claim values of the test organisation (as Entra ID sends group ids) and what they grant. */
export const ROLE_MAP = {
  'grp-coordinatoren': { role: 'coordinator' },
  'grp-wijkteam-beijum': { role: 'wijkteam', wijken: ['Beijum'] },
  'grp-wijkteam-lewenborg': { role: 'wijkteam', wijken: ['Lewenborg'] },
  'grp-beleid': { role: 'beleidsmaker' },
  'grp-beheer': { role: 'beheerder' },
  'grp-privacy': { role: 'privacy' },
};

export interface OidcApp {
  url: string;
  provider: TestProvider;
  database: TestDatabase;
  config: Config;
  /** Another app instance on the same database and provider, with its own clock (e.g. hours ahead). */
  startTwin(clock: Clock): Promise<{ url: string; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

export function oidcEnv(provider: TestProvider, appURL: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    MPG_OIDC_ISSUER: provider.issuer,
    MPG_OIDC_CLIENT_ID: provider.clientId,
    MPG_OIDC_CLIENT_SECRET: provider.clientSecret,
    MPG_OIDC_REDIRECT_URL: `${appURL}/api/auth/oidc/callback`,
    MPG_OIDC_CLAIM: 'groups',
    MPG_OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
  };
}

async function listen(config: Config, database: TestDatabase, clock: Clock, port: number): Promise<FastifyInstance> {
  const app = await buildServer({ config: { ...config, port }, db: database.db, clock });
  await app.listen({ host: '127.0.0.1', port });
  return app;
}

export async function startOidcApp(dialect: Dialect, overrides: Partial<Config> = {}): Promise<OidcApp> {
  const ports = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${ports[0]}`;
  const twinUrl = `http://127.0.0.1:${ports[1]}`;
  const provider = await startProvider({ appURLs: [url, twinUrl] });
  const database = await createTestDatabase(dialect);
  const config: Config = {
    ...loadConfig(oidcEnv(provider, url)),
    database: database.target,
    loginRateLimit: 100_000,
    apiRateLimit: 100_000,
    ...overrides,
  };
  const app = await listen(config, database, systemClock, ports[0]!);
  const twins: FastifyInstance[] = [];
  return {
    url,
    provider,
    database,
    config,
    async startTwin(clock) {
      const twinConfig = { ...loadConfig(oidcEnv(provider, twinUrl)), database: database.target, loginRateLimit: 100_000, apiRateLimit: 100_000 };
      const twin = await listen(twinConfig, database, clock, ports[1]!);
      twins.push(twin);
      return { url: twinUrl, stop: () => twin.close() };
    },
    async stop() {
      await Promise.all(twins.map((t) => t.close()));
      await app.close();
      await provider.stop();
      await database.drop();
    },
  };
}
