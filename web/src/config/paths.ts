// Every route path of the dashboard, in one place.

export const paths = {
  home: '/',
  login: '/inloggen',
  /** After the password: the code, a new password or enrolling a second factor. */
  signInStep: '/inloggen/vervolg',
  /** Enrolling a second factor for one's own account. */
  secondFactor: '/tweede-factor',
  /** Public, no login (stable address: the municipality links to it). */
  howItWorks: '/hoe-werkt-het',
  /** The same explanation inside the dashboard, for signed-in users. */
  howItWorksInApp: '/uitleg',
  /** Every user's own e-mail notification settings. */
  notifications: '/meldingen',
  coordinator: {
    weekList: '/signalen',
    charts: '/signalen/grafieken',
    openWork: '/signalen/openstaand',
    meetings: '/zorgnetwerk',
    meetingPattern: '/zorgnetwerk/:meetingId',
    meeting: (id: number | string) => `/zorgnetwerk/${encodeURIComponent(String(id))}`,
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
    register: '/algoritmeregister',
  },
  admin: {
    sources: '/beheer/bronnen',
    jobs: '/beheer/taken',
    ingest: '/beheer/leveringen',
    users: '/beheer/gebruikers',
    audit: '/beheer/auditlog',
    dpia: '/beheer/dpia',
    /** The jobs page filtered on one job (and outcome), e.g. a source's failed pulls. */
    jobsOf: (job: string, outcome?: 'failed') => `/beheer/taken?${new URLSearchParams({ taak: job, ...(outcome ? { uitkomst: outcome } : {}) })}`,
    /** The deliveries page with the quarantine of one source. */
    quarantineOf: (source: string) => `/beheer/leveringen?${new URLSearchParams({ bron: source })}`,
    marks: '/beheer/correcties',
  },
  /** The privacy officer: residents' requests (AVG art. 15, 16, 18, 21). */
  privacy: {
    requests: '/privacy/verzoeken',
    corrections: '/privacy/correctie',
  },
} as const;
