import type { Role } from '@vroegsignaal/shared/api/auth';

// Who did something, as a resident's letter says it: by role and team or organisation,
// never by name (AVG art. 15: the recipients, not the people).

const listed = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} en ${names.at(-1)}` : (names[0] ?? ''));

function wijkenOf(json: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}

/** `wijkteam` with wijken ["Beijum"] → `een medewerker van wijkteam Beijum`; other roles by their place in the organisation. */
export function teamOf(role: string | null, wijken: string | null, organisation: string): string {
  switch (role as Role | null) {
    case 'wijkteam': {
      const w = wijkenOf(wijken);
      return w.length ? `een medewerker van wijkteam ${listed(w)}` : `een medewerker van een wijkteam van ${organisation}`;
    }
    case 'coordinator':
      return `de coördinator van het zorgnetwerk van ${organisation}`;
    case 'beleidsmaker':
      return `een beleidsmedewerker van ${organisation}`;
    case 'beheerder':
      return `een beheerder van ${organisation}`;
    case 'privacy':
      return `de privacyfunctionaris van ${organisation}`;
    default:
      return `een medewerker van ${organisation}`;
  }
}
