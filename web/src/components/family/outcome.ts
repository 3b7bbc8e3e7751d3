import type { TriageOutcome } from '@vroegsignaal/shared/api/triage';

export const OUTCOME_LABELS: Record<TriageOutcome, string> = { terecht: 'Signaal was terecht', niet_terecht: 'Signaal was niet terecht' };
