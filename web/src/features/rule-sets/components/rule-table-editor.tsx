import { Checkbox, FormField, FormLabel, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textbox } from '@utrecht/component-library-react';
import { domainLabel, indicatorLabel, indicatorValueMeaning } from '../../../lib/format.ts';
import type { DraftForm, RuleRow } from './draft-form.ts';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';

interface EditorProps {
  form: DraftForm;
  /** Cells that differ from this form are highlighted. */
  compareWith: DraftForm;
  readOnly: boolean;
  onChange: (form: DraftForm) => void;
}

const FIELDS = [
  { key: 'weight', header: 'Gewicht (punten)' },
  { key: 'threshold', header: 'Drempelwaarde' },
  { key: 'window_days', header: 'Periode (dagen)' },
  { key: 'min_count', header: 'Minimum aantal' },
] as const;

/** The rule set as an editable table; changed cells are highlighted. */
export function RuleTableEditor({ form, compareWith: original, readOnly, onChange }: EditorProps) {
  const setRule = (index: number, changes: Partial<RuleRow>) =>
    onChange({ ...form, rules: form.rules.map((r, i) => (i === index ? { ...r, ...changes } : r)) });
  return (
    <>
      <div className="vs-filters vs-panel">
        <FormField>
          <FormLabel htmlFor="rs-name">Naam</FormLabel>
          <Textbox id="rs-name" value={form.name} readOnly={readOnly} onChange={(e) => onChange({ ...form, name: e.target.value })} />
        </FormField>
        <FormField>
          <FormLabel htmlFor="rs-threshold">Drempel voor de lijst (punten)</FormLabel>
          <Textbox
            id="rs-threshold"
            inputMode="decimal"
            className={form.flag_threshold !== original.flag_threshold ? 'vs-changed vs-editor-input' : 'vs-editor-input'}
            value={form.flag_threshold}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...form, flag_threshold: e.target.value })}
          />
        </FormField>
        <FormField>
          <FormLabel htmlFor="rs-min-domains">Minimaal aantal leefgebieden</FormLabel>
          <Textbox
            id="rs-min-domains"
            inputMode="numeric"
            className={form.min_domains !== original.min_domains ? 'vs-changed vs-editor-input' : 'vs-editor-input'}
            value={form.min_domains}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...form, min_domains: e.target.value })}
          />
        </FormField>
      </div>
      <TableWrap caption="Regels per indicator">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Telt mee</TableHeaderCell>
            <TableHeaderCell scope="col">Indicator</TableHeaderCell>
            <TableHeaderCell scope="col">Leefgebied</TableHeaderCell>
            {FIELDS.map((f) => (
              <TableHeaderCell key={f.key} scope="col">
                {f.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {form.rules.map((rule, i) => {
            const before = original.rules[i];
            const label = indicatorLabel(rule.indicator);
            return (
              <TableRow key={rule.indicator}>
                <TableCell className={before && before.enabled !== rule.enabled ? 'vs-changed' : undefined}>
                  <Checkbox
                    aria-label={`${label} telt mee`}
                    checked={rule.enabled}
                    disabled={readOnly}
                    onChange={(e) => setRule(i, { enabled: e.target.checked })}
                  />
                </TableCell>
                <TableCell>
                  <strong>{label}</strong>
                  <div className="vs-small vs-muted">waarde: {indicatorValueMeaning(rule.indicator)}</div>
                </TableCell>
                <TableCell>{domainLabel(rule.domain)}</TableCell>
                {FIELDS.map((f) => (
                  <TableCell key={f.key} className={before && before[f.key] !== rule[f.key] ? 'vs-changed' : undefined}>
                    <Textbox
                      className="vs-editor-input"
                      aria-label={`${f.header} voor ${label}`}
                      inputMode="decimal"
                      placeholder={f.key === 'threshold' ? 'geen' : undefined}
                      value={rule[f.key]}
                      readOnly={readOnly}
                      disabled={!rule.enabled}
                      onChange={(e) => setRule(i, { [f.key]: e.target.value })}
                    />
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </TableWrap>
    </>
  );
}
