import ipaddr from 'ipaddr.js';

// Where an HTTP source may point. Pulls run inside the municipality's network (the
// scheduler as root), so a URL must not reach the machine itself, its neighbours or a
// cloud metadata service: only global unicast addresses, unless the operator allows a
// host explicitly (MPG_PULL_ALLOWED_HOSTS).

/** A host the operator allows whatever its address; `port` null allows every port. */
export interface AllowedHost {
  host: string;
  port: number | null;
}

const RANGE_NAMES: Record<string, string> = {
  loopback: 'loopback',
  unspecified: 'niet-gespecificeerd adres',
  linkLocal: 'link-local (ook metadata)',
  private: 'privénetwerk',
  uniqueLocal: 'privénetwerk (unique local)',
  carrierGradeNat: 'CGNAT',
  multicast: 'multicast',
  broadcast: 'broadcast',
  reserved: 'gereserveerd',
};

/** Why an IP address is refused (Dutch, for the beheerder), or null for a global unicast address. */
export function refusedAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'geen IP-adres';
  let ip = ipaddr.parse(address);
  if (ip instanceof ipaddr.IPv6 && ip.isIPv4MappedAddress()) ip = ip.toIPv4Address();
  const range = ip.range();
  return range === 'unicast' ? null : (RANGE_NAMES[range] ?? `bijzonder adresbereik (${range})`);
}

/** A URL's host name as the resolver and the allow-list see it: lower case, IPv6 without brackets. */
export function bareHost(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

export function effectivePort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

export function isAllowedHost(url: URL, allowed: readonly AllowedHost[]): boolean {
  const host = bareHost(url.hostname);
  const port = effectivePort(url);
  return allowed.some((a) => a.host === host && (a.port === null || a.port === port));
}

/**
 * Why the URL's host is refused before any connection, or null when it may be tried: an
 * allowed host, or a name (its addresses are checked when the connection is made).
 */
export function refusedHost(url: URL, allowed: readonly AllowedHost[]): string | null {
  if (isAllowedHost(url, allowed)) return null;
  const host = bareHost(url.hostname);
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is altijd deze machine zelf (loopback)`;
  if (!ipaddr.isValid(host)) return null;
  const why = refusedAddress(host);
  return why && `${host} is een intern adres (${why})`;
}

/** `host[:port]` entries, comma-separated (IPv6 in brackets when a port follows). */
export function parseAllowedHosts(value: string | undefined): AllowedHost[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s/@[\]]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*))(?::(\d{1,5}))?$/.exec(entry);
      const bracketed = m?.[1];
      const plain = m?.[2];
      // A bare IPv6 address has colons of its own: it cannot carry a port.
      const isBareV6 = plain?.includes(':');
      const host = bracketed ?? (isBareV6 ? entry : plain);
      const port = isBareV6 ? null : m?.[3] !== undefined ? Number(m[3]) : null;
      if (!m || !host || (port !== null && (port < 1 || port > 65535)) || ((bracketed || isBareV6) && !ipaddr.IPv6.isValid(host))) {
        throw new Error(`MPG_PULL_ALLOWED_HOSTS: '${entry}' is not host[:port] (IPv6 as [address]:port)`);
      }
      return { host: bareHost(host), port };
    });
}
