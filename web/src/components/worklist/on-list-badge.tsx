/**
 * How long a household is on the list. "Nieuw deze week" (it entered the list in this week's run)
 * is a different thing from the triage status "Nieuw" (nobody has picked it up yet), so it gets
 * its own words and its own shape.
 */
export function OnListBadge({ isNew, weeks }: { isNew: boolean; weeks: number }) {
  if (isNew) return <span className="vs-new-week">Nieuw deze week</span>;
  return <span>{weeks} weken</span>;
}

/** The "op de lijst" filter: a few ranges of weeks on the list. */
export const WEEK_RANGES = {
  nieuw: { label: 'Nieuw deze week', min: 1, max: 1 },
  '2-4': { label: '2 tot en met 4 weken', min: 2, max: 4 },
  '5-12': { label: '5 tot en met 12 weken', min: 5, max: 12 },
  '13-26': { label: '13 tot en met 26 weken', min: 13, max: 26 },
  '27+': { label: 'Meer dan 26 weken', min: 27, max: undefined },
} as const satisfies Record<string, { label: string; min: number; max: number | undefined }>;

export type WeekRange = keyof typeof WEEK_RANGES;

export function weekRangeOf(raw: string | null): WeekRange | '' {
  return raw !== null && raw in WEEK_RANGES ? (raw as WeekRange) : '';
}

/** The query fields of a range: "nieuw deze week" is the run's new flags, the others ranges of weeks. */
export function weekRangeQuery(range: WeekRange | ''): { kind?: 'new'; min_weeks?: number; max_weeks?: number } {
  if (range === '') return {};
  if (range === 'nieuw') return { kind: 'new' };
  const r = WEEK_RANGES[range];
  return { min_weeks: r.min, max_weeks: r.max };
}
