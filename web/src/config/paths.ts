// Every route path of the dashboard, in one place.

export const paths = {
  home: '/',
  login: '/inloggen',
  howItWorks: '/hoe-werkt-het',
  coordinator: {
    weekList: '/signalen',
    charts: '/signalen/grafieken',
  },
  wijkteam: {
    mine: '/mijn-signalen',
  },
  /** The family view, opened from a flag. */
  family: {
    pattern: '/signaal/:flagId',
    to: (flagId: number | string) => `/signaal/${encodeURIComponent(String(flagId))}`,
  },
  policy: {
    ruleSets: '/regels',
    ruleSetPattern: '/regels/:ruleSetId',
    ruleSet: (id: number | string) => `/regels/${encodeURIComponent(String(id))}`,
    trends: '/trends',
  },
  admin: {
    sources: '/beheer/bronnen',
    jobs: '/beheer/taken',
    ingest: '/beheer/leveringen',
    users: '/beheer/gebruikers',
    audit: '/beheer/auditlog',
  },
} as const;
