// The fields of the Algoritmeregister publication standard, version 1.0.0
// (../shared/research/algoritmeregister.md), as one typed definition: the export fills
// them, `checkRegisterEntry` checks mandatory fields, lengths and choice lists.

export const REGISTER_SCHEMA_VERSIONS = ['0.3.0', '0.3.1', '0.4.0', '1.0.0'] as const;
export const REGISTER_SCHEMA_VERSION = '1.0.0';
export const REGISTER_STATUSES = ['In gebruik', 'In ontwikkeling', 'Buiten gebruik'] as const;
export const REGISTER_CATEGORIES = ['Hoog-risico AI-systemen', 'Impactvolle algoritmes', 'Overige algoritmes'] as const;

/** mandatory: not published while empty; shown: always shown (empty reads "onbekend"); optional. */
export type RegisterRequirement = 'mandatory' | 'shown' | 'optional';

export type RegisterKind =
  | { type: 'text'; max: number }
  | { type: 'https' }
  | { type: 'contact' }
  | { type: 'month' }
  | { type: 'choice'; choices: readonly string[] }
  /** One or more values, separated by `|` in the CSV. */
  | { type: 'list'; max: number };

export interface RegisterField {
  /** The register's own (Dutch) field name: the CSV header and the JSON key. */
  name: string;
  group: 'algemeen' | 'verantwoord gebruik' | 'werking' | 'metadata';
  requirement: RegisterRequirement;
  kind: RegisterKind;
}

const text = (max: number): RegisterKind => ({ type: 'text', max });
const f = <N extends string>(name: N, group: RegisterField['group'], requirement: RegisterRequirement, kind: RegisterKind) => ({
  name,
  group,
  requirement,
  kind,
});

// "text < N" in the standard: at most N - 1 characters.
export const REGISTER_FIELDS = [
  f('Naam', 'algemeen', 'mandatory', text(99)),
  f('Korte omschrijving', 'algemeen', 'mandatory', text(349)),
  f('Organisatie', 'algemeen', 'mandatory', text(99)),
  f('Thema', 'algemeen', 'shown', { type: 'list', max: 99 }),
  f('Status', 'algemeen', 'mandatory', { type: 'choice', choices: REGISTER_STATUSES }),
  f('Begindatum', 'algemeen', 'shown', { type: 'month' }),
  f('Einddatum', 'algemeen', 'shown', { type: 'month' }),
  f('Contactgegevens', 'algemeen', 'mandatory', { type: 'contact' }),
  f('Link naar publiekspagina', 'algemeen', 'optional', { type: 'https' }),
  f('Publicatiecategorie', 'algemeen', 'mandatory', { type: 'choice', choices: REGISTER_CATEGORIES }),
  f('Link naar bronregistratie', 'algemeen', 'optional', { type: 'https' }),
  f('Doel en impact', 'verantwoord gebruik', 'shown', text(2499)),
  f('Afwegingen', 'verantwoord gebruik', 'shown', text(2499)),
  f('Menselijke tussenkomst', 'verantwoord gebruik', 'shown', text(2499)),
  f('Risicobeheer', 'verantwoord gebruik', 'shown', text(2499)),
  f('Wettelijke basis', 'verantwoord gebruik', 'optional', text(2499)),
  f('Link naar wettelijke basis', 'verantwoord gebruik', 'shown', { type: 'https' }),
  f('Titel van wettelijke basis', 'verantwoord gebruik', 'optional', text(99)),
  f('Verwerkingsregister', 'verantwoord gebruik', 'optional', { type: 'https' }),
  f('Impacttoets(en)', 'verantwoord gebruik', 'shown', text(2499)),
  f('Link naar impacttoets', 'verantwoord gebruik', 'optional', { type: 'https' }),
  f('Toelichting op impacttoetsen', 'verantwoord gebruik', 'optional', text(2499)),
  f('Gegevens', 'werking', 'shown', text(2499)),
  f('Link naar gegevensbron', 'werking', 'optional', { type: 'https' }),
  f('Titel van gegevensbron', 'werking', 'optional', text(499)),
  f('Technische werking', 'werking', 'shown', text(4999)),
  f('Leverancier', 'werking', 'shown', text(199)),
  f('Link naar broncode', 'werking', 'optional', { type: 'https' }),
  f('Taal', 'metadata', 'mandatory', { type: 'choice', choices: ['nld'] }),
  f('Schema', 'metadata', 'mandatory', { type: 'choice', choices: REGISTER_SCHEMA_VERSIONS }),
  f('Bron-ID', 'metadata', 'optional', text(99)),
  f('Zoektermen', 'metadata', 'optional', text(2499)),
] as const satisfies readonly RegisterField[];

export type RegisterFieldName = (typeof REGISTER_FIELDS)[number]['name'];

/** A field's value: text, a list (Thema), or null when nobody filled it in. */
export type RegisterValue = string | string[] | null;
export type RegisterEntry = Record<RegisterFieldName, RegisterValue>;

export interface RegisterProblem {
  field: RegisterFieldName;
  /** In Dutch, for the operator and the beleidsmaker. */
  reason: string;
}

export interface RegisterCheck {
  /** Mandatory fields that are empty: the register will not publish the entry. */
  missing: RegisterFieldName[];
  /** Fields the register always shows that are empty (shown as unknown). */
  empty_shown: RegisterFieldName[];
  /** Filled fields that break a length, format or choice rule. */
  invalid: RegisterProblem[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HTTPS = /^https:\/\/[^\s/]+\.[^\s]*$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const isEmpty = (v: RegisterValue) => v === null || (Array.isArray(v) ? v.length === 0 : v.trim() === '');

/** Why a filled value breaks its field's rule, or null. */
function wrong(kind: RegisterKind, v: string | string[]): string | null {
  const one = Array.isArray(v) ? v.join(', ') : v;
  switch (kind.type) {
    case 'text':
      return one.length > kind.max ? `te lang: ${one.length} tekens, hoogstens ${kind.max}` : null;
    case 'https':
      return HTTPS.test(one) ? null : 'geen https-adres';
    case 'contact':
      return EMAIL.test(one) || HTTPS.test(one) ? null : 'geen geldig e-mailadres of https-adres';
    case 'month':
      return MONTH.test(one) ? null : 'geen maand in de vorm jjjj-mm';
    case 'choice':
      return kind.choices.includes(one) ? null : `geen van: ${kind.choices.join(', ')}`;
    case 'list': {
      const items = Array.isArray(v) ? v : [v];
      const long = items.find((i) => i.length > kind.max);
      return long ? `waarde '${long.slice(0, 30)}' is te lang, hoogstens ${kind.max} tekens` : null;
    }
  }
}

/** Checks an entry against the field list: mandatory fields, lengths, formats and choices. */
export function checkRegisterEntry(entry: RegisterEntry): RegisterCheck {
  const check: RegisterCheck = { missing: [], empty_shown: [], invalid: [] };
  for (const field of REGISTER_FIELDS) {
    const v = entry[field.name];
    if (isEmpty(v)) {
      // The end date stays empty while the algorithm is in use.
      if (field.name === 'Einddatum' && entry.Status !== 'Buiten gebruik') continue;
      if (field.requirement === 'mandatory') check.missing.push(field.name);
      if (field.requirement === 'shown') check.empty_shown.push(field.name);
      continue;
    }
    const reason = wrong(field.kind, v!);
    if (reason) check.invalid.push({ field: field.name, reason });
  }
  return check;
}
