import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { FlagExplanation as Explanation } from '@vroegsignaal/shared/api/households';
import { LeefgebiedBadges } from '../../../components/ui/leefgebied-badges.tsx';
import { domainLabel, formatDate, formatNumber, indicatorLabel } from '../../../lib/format.ts';
import { describeSignal, points, sourceAndDate } from './explain.ts';

/** The flag condition in words: score at or above the threshold, or enough leefgebieden. */
function whyOnList(flag: Explanation): string {
  const byScore = flag.score >= flag.flag_threshold;
  const byDomains = flag.min_domains !== null && flag.domains >= flag.min_domains;
  const score = `De score is ${formatNumber(flag.score)} punten (de lijst begint bij ${formatNumber(flag.flag_threshold)})`;
  const domains = `er zijn signalen in ${flag.domains} leefgebied${flag.domains === 1 ? '' : 'en'}${flag.min_domains !== null ? ` (ook vanaf ${flag.min_domains} leefgebieden komt een gezin op de lijst)` : ''}`;
  const reason = byScore && byDomains ? 'zowel de score als het aantal leefgebieden' : byScore ? 'de score' : byDomains ? 'het aantal leefgebieden' : 'de regels van toen';
  return `${score} en ${domains}. Op de lijst door ${reason}.`;
}

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
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
