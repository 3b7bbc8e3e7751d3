import { Heading2 } from '@utrecht/component-library-react';
import type { HouseholdDetail } from '@vroegsignaal/shared/api/households';

/** Address, wijk and composition (ages only: never a BSN or a name). */
export function HouseholdFacts({ household }: { household: HouseholdDetail }) {
  const { address, composition } = household;
  const ages = [...composition.members].sort((a, b) => b.age - a.age);
  return (
    <section className="vs-panel" aria-labelledby="facts-title">
      <Heading2 id="facts-title">Huishouden</Heading2>
      <dl className="vs-dl">
        <dt>Adres</dt>
        <dd>
          {address.postcode} {address.huisnummer}
          {address.toevoeging ? `-${address.toevoeging}` : ''}
        </dd>
        <dt>Wijk</dt>
        <dd>{household.wijk}</dd>
        <dt>Samenstelling</dt>
        <dd>
          {composition.adults} volwassene{composition.adults === 1 ? '' : 'n'}, {composition.minors} minderjarige{composition.minors === 1 ? '' : 'n'}
        </dd>
        <dt>Leeftijden</dt>
        <dd>{ages.length ? ages.map((m) => `${m.age}${m.minor ? ' (kind)' : ''}`).join(', ') : '—'}</dd>
        <dt>Op de lijst</dt>
        <dd>
          {household.weeks_on_list} {household.weeks_on_list === 1 ? 'week' : 'weken'}
        </dd>
      </dl>
    </section>
  );
}
