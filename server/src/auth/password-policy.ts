import fs from 'node:fs';
import { PASSWORD_MAX, PASSWORD_MIN } from '@vroegsignaal/shared/api/auth';

// Password policy: 12..128 characters, not a common password, not the username.

const COMMON = new Set(
  fs
    .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l !== '' && !l.startsWith('#')),
);

/** Null when acceptable, otherwise the reason in Dutch. */
export function passwordProblem(password: string, username: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `het wachtwoord moet minstens ${PASSWORD_MIN} tekens hebben`;
  if (length > PASSWORD_MAX) return `het wachtwoord mag hoogstens ${PASSWORD_MAX} tekens hebben`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'dit wachtwoord komt voor in een lijst van veelgebruikte wachtwoorden';
  if (new Set(lower).size < 4) return 'het wachtwoord heeft te weinig verschillende tekens';
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return 'het wachtwoord mag de gebruikersnaam niet bevatten';
  return null;
}
