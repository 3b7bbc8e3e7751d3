import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { PreviewResult } from '@vroegsignaal/shared/api/rule-sets';
import { CountValue } from '../../../components/ui/count.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { countValue, formatDate, formatNumber, indicatorLabel, type Count } from '../../../lib/format.ts';

function Change({ current, draft }: { current: Count; draft: Count }) {
  if (typeof current !== 'number' || typeof draft !== 'number') return <span className="vs-muted">—</span>;
  const diff = draft - current;
  if (diff === 0) return <span>gelijk</span>;
  return <span className={diff > 0 ? 'vs-diff-up' : 'vs-diff-down'}>{diff > 0 ? `+${formatNumber(diff)}` : formatNumber(diff)}</span>;
}

/** The effect of the draft against the rule set in use, on the newest data: rounded counts, city-wide and per indicator. */
export function PreviewPanel({ preview }: { preview: PreviewResult }) {
  const t = preview.totals;
  return (
    <section className="vs-panel" aria-labelledby="preview-title" aria-live="polite">
      <Heading2 id="preview-title">Effect van het concept</Heading2>
      <Paragraph>
        Vergeleken met de regelset die nu in gebruik is, beide berekend op de gegevens van {formatDate(preview.as_of)} (in{' '}
        {formatNumber(preview.duration_ms / 1000)} s). Met de regels in gebruik op de lijst:{' '}
        <strong>
          <CountValue value={t.current} />
        </strong>
        ; met dit concept:{' '}
        <strong>
          <CountValue value={t.draft} />
        </strong>{' '}
        (<Change current={t.current} draft={t.draft} />
        ). Erbij: <CountValue value={t.entering} />, eraf: <CountValue value={t.leaving} />, blijft: <CountValue value={t.staying} />.
      </Paragraph>
      {preview.same_rules && (
        <Paragraph>
          <strong>Dit concept heeft dezelfde regels als de regelset die nu in gebruik is: de lijst verandert niet.</strong>
        </Paragraph>
      )}
      <Paragraph className="vs-muted">
        Aantallen zijn afgerond op tientallen; 0 t/m 4 staat er als “&lt;5”. Het effect per wijk wordt niet getoond: met een paar concepten per wijk zouden
        kleine groepen gezinnen terug te rekenen zijn.
      </Paragraph>
      <div className="vs-grid">
        <div>
          <Heading3>Per indicator</Heading3>
          <SimpleTable
            caption="Effect per indicator"
            rows={[...preview.per_indicator].sort((a, b) => countValue(b.draft) - countValue(a.draft))}
            rowKey={(r) => r.indicator}
            columns={[
              { header: 'Indicator', cell: (r) => indicatorLabel(r.indicator) },
              { header: 'Nu', cell: (r) => <CountValue value={r.current} />, numeric: true },
              { header: 'Concept', cell: (r) => <CountValue value={r.draft} />, numeric: true },
              { header: 'Verschil', cell: (r) => <Change current={r.current} draft={r.draft} />, numeric: true },
            ]}
          />
        </div>
      </div>
    </section>
  );
}
