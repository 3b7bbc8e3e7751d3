// Signing in through the provider with fetch instead of a browser: a cookie jar per host,
// redirects followed by hand, the provider's login form posted with the account's name.

export class CookieJar {
  private readonly hosts = new Map<string, Map<string, string>>();

  header(url: string): string {
    return [...(this.hosts.get(new URL(url).host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(url: string, name: string): string | undefined {
    return this.hosts.get(new URL(url).host)?.get(name);
  }

  store(url: string, response: Response): void {
    const host = new URL(url).host;
    const cookies = this.hosts.get(host) ?? new Map<string, string>();
    this.hosts.set(host, cookies);
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired) cookies.delete(name);
      else cookies.set(name, pair!.slice(at + 1).trim());
    }
  }
}

export async function request(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) } });
  jar.store(url, response);
  return response;
}

export interface FlowEnd {
  /** Where the app sent the browser at the end (path and query). */
  landing: string;
  jar: CookieJar;
}

/** From "Inloggen via uw organisatie" to the page the app sends the browser to, as `account`. */
export async function signInAs(appURL: string, account: string, jar = new CookieJar()): Promise<FlowEnd> {
  let url = `${appURL}/api/auth/oidc/login`;
  for (let hops = 0; hops < 20; hops++) {
    const response = await request(jar, url);
    const location = response.headers.get('location');
    if (response.status === 200 && url.includes('/interaction/')) {
      const posted = await request(jar, url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `account=${encodeURIComponent(account)}`,
      });
      url = new URL(posted.headers.get('location')!, url).toString();
      continue;
    }
    if (!location) throw new Error(`no redirect from ${url}: ${response.status} ${(await response.text()).slice(0, 300)}`);
    const next = new URL(location, url);
    if (next.origin === appURL && !next.pathname.startsWith('/api/auth/oidc/')) return { landing: `${next.pathname}${next.search}`, jar };
    url = next.toString();
  }
  throw new Error('too many redirects');
}
