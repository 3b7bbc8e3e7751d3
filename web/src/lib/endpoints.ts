// URLs of the API from the shared endpoint table, and which role may call which.

import { ENDPOINTS, type EndpointName } from '@vroegsignaal/shared/api/endpoints';
import type { Role } from './roles.ts';

/** `endpointUrl('flags', { runId: 3 })` → `/api/runs/3/flags`. */
export function endpointUrl(name: EndpointName, params: Record<string, string | number> = {}): string {
  return ENDPOINTS[name].url.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`endpoint ${name}: parameter ${key} missing`);
    return encodeURIComponent(String(value));
  });
}

export function mayCall(role: Role, name: EndpointName): boolean {
  const roles = ENDPOINTS[name].roles;
  return roles === 'public' || roles === 'any' || (roles as readonly Role[]).includes(role);
}
