import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { FlagExplanation as Explanation } from '@vroegsignaal/shared/api/households';
import { LeefgebiedBadges } from '../../../components/ui/leefgebied-badges.tsx';
import { domainLabel, formatDate, indicatorLabel } from '../../../lib/format.ts';
import { BEFORE_RESIDENTS } from '../../../components/family/residents.ts';
import { describeSignal, points, sourceAndDate, whyOnList } from '../../../components/family/explain.ts';

/** Why this household is on the list, rule by rule, in plain words. */
export function FlagExplanation({ flag }: { flag: Explanation }) {
  const domains = [...new Set(flag.rules.map((r) => r.domain))];
  return (
    <section className="vs-panel" aria-labelledby="explanation-title">
      <Heading2 id="explanation-title">Waarom op de lijst?</Heading2>
      <Paragraph>{whyOnList(flag)}</Paragraph>
      <Paragraph appearance="small">
        Berekend op {formatDate(flag.as_of)} met regelset {flag.rule_set.name} versie {flag.rule_set.version}.
      </Paragraph>
      <LeefgebiedBadges domains={domains} />
      <ul className="vs-stack vs-rules" aria-label="Actieve regels">
        {flag.rules.map((rule) => (
          <li key={rule.indicator} className="vs-rule-explanation">
            <strong>{indicatorLabel(rule.indicator)}</strong> ({domainLabel(rule.domain)}) — <span className="vs-points">{points(rule.weight)}</span>
            <ul>
              {rule.signals.map((s) => (
                <li key={`${s.source}-${s.record_id}`}>
                  {describeSignal(rule.indicator, s.value)} ({sourceAndDate(s.source, s.observed_on)})
                  {s.before_residents ? <em> — {BEFORE_RESIDENTS}</em> : null}
                  {s.correction ? <> — later gecorrigeerd als onjuist ({s.correction.reason}); telt niet meer mee in nieuwe berekeningen.</> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
