import { Alert, Button, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { RuleSetDetail } from '@vroegsignaal/shared/api/rule-sets';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { ErrorMessage, Loading, QueryState } from '../../../components/ui/query-state.tsx';
import { RouterLink } from '../../../components/ui/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { useUser } from '../../../lib/auth.ts';
import { ruleSetQueryOptions } from '../api/get-rule-set.ts';
import { ruleSetsQueryOptions } from '../api/get-rule-sets.ts';
import { usePreviewRuleSet } from '../api/preview-rule-set.ts';
import { useUpdateRuleSet } from '../api/update-rule-set.ts';
import { fromForm, ruleOfMessage, toForm, type DraftForm } from '../components/draft-form.ts';
import { PreviewPanel } from '../components/preview-panel.tsx';
import { PublicationPanel } from '../components/publication-panel.tsx';
import { RuleSetHistory } from '../components/rule-set-history.tsx';
import { RuleTableEditor } from '../components/rule-table-editor.tsx';
import { ruleSetStatusLabel } from '../components/status-labels.ts';
import { indicatorLabel } from '../../../lib/format.ts';

/** Edit a draft's weights with a live preview of the effect; publish with a second beleidsmaker. */
export default function RuleSetEditorRoute() {
  const id = Number(useParams().ruleSetId);
  const ruleSet = useQuery({ ...ruleSetQueryOptions(id), enabled: Number.isInteger(id) && id > 0 });
  return (
    <>
      <p>
        <RouterLink to={paths.policy.ruleSets}>← Terug naar de regels</RouterLink>
      </p>
      <QueryState query={ruleSet}>{(r) => <Editor key={`${r.id}-${r.status}`} ruleSet={r} />}</QueryState>
    </>
  );
}

const LIVE_PREVIEW_DELAY_MS = 1200;

/** The rule set in use now, as a form, to mark what a draft changes; null for itself or while loading. */
function useActiveForm(currentId: number): DraftForm | null {
  const list = useQuery(ruleSetsQueryOptions());
  const activeId = list.data?.find((r) => r.active)?.id;
  const active = useQuery({ ...ruleSetQueryOptions(activeId ?? 0), enabled: activeId !== undefined && activeId !== currentId });
  return useMemo(() => (active.data && activeId !== currentId ? toForm(active.data.definition) : null), [active.data, activeId, currentId]);
}

function Editor({ ruleSet }: { ruleSet: RuleSetDetail }) {
  const user = useUser();
  const original = useMemo(() => toForm(ruleSet.definition), [ruleSet.definition]);
  const [form, setForm] = useState<DraftForm>(original);
  const inUse = useActiveForm(ruleSet.id);
  const update = useUpdateRuleSet(ruleSet.id);
  const preview = usePreviewRuleSet(ruleSet.id);
  const editable = ruleSet.status === 'draft';
  // A new check for every edit (and only then): the live preview's timer restarts on it.
  const check = useMemo(() => fromForm(form), [form]);
  // Compare what would be stored, not the text fields (a disabled rule keeps its old values on screen).
  const saved = useMemo(() => JSON.stringify(fromForm(original)), [original]);
  const dirty = JSON.stringify(check) !== saved;

  const saveAndPreview = () => {
    if (!check.ok) return;
    if (!dirty) return preview.mutate();
    update.mutate(check.definition, { onSuccess: () => preview.mutate() });
  };
  // Live preview: save and recompute shortly after the last edit.
  const latest = useRef(saveAndPreview);
  latest.current = saveAndPreview;
  useEffect(() => {
    if (!editable || !dirty || !check.ok) return;
    const timer = setTimeout(() => latest.current(), LIVE_PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [check, editable, dirty]);
  // Show the effect of a draft as soon as it is opened (an Editor is keyed by id and status;
  // preview.mutate is stable: TanStack Query's useCallback on its one observer).
  useEffect(() => {
    if (ruleSet.status !== 'published') preview.mutate();
  }, [ruleSet.status, preview.mutate]);

  return (
    <>
      <PageTitle
        title={`${ruleSet.name}, versie ${ruleSet.version}`}
        intro={`Status: ${ruleSetStatusLabel(ruleSet)}.${editable ? ' Wijzigingen worden na een korte pauze opgeslagen en doorgerekend.' : ''}`}
      />
      {ruleSet.status === 'published' ? <PublicationPanel ruleSet={ruleSet} username={user.username} dirty={false} previewShown={false} /> : null}
      <RuleTableEditor form={form} compareWith={inUse ?? original} readOnly={!editable} onChange={setForm} />
      {editable && inUse ? <p className="vs-small vs-muted">Geel gemarkeerd: anders dan de regels die nu in gebruik zijn.</p> : null}
      {!check.ok && editable ? (
        <Alert type="error">
          <UnorderedList>
            {check.errors.map((e) => {
              const rule = ruleOfMessage(form, e);
              return (
                <UnorderedListItem key={e}>
                  {e}
                  {rule ? ` (${indicatorLabel(rule.indicator)})` : ''}
                </UnorderedListItem>
              );
            })}
          </UnorderedList>
        </Alert>
      ) : null}
      {editable ? (
        <div className="vs-toolbar">
          <Paragraph aria-live="polite">
            {update.isPending ? 'Opslaan…' : dirty ? 'Niet opgeslagen wijzigingen.' : 'Alle wijzigingen zijn opgeslagen.'}
          </Paragraph>
          <Button appearance="secondary-action-button" disabled={!check.ok || update.isPending || preview.isPending} onClick={saveAndPreview}>
            Opslaan en effect berekenen
          </Button>
        </div>
      ) : null}
      {update.isError ? <ErrorMessage error={update.error} title="Opslaan mislukt" /> : null}
      {preview.isPending ? <Loading label="Effect wordt berekend…" /> : null}
      {preview.isError ? <ErrorMessage error={preview.error} title="Effect berekenen mislukt" /> : null}
      {preview.data ? <PreviewPanel preview={preview.data} /> : null}
      {ruleSet.status === 'published' ? null : (
        <PublicationPanel ruleSet={ruleSet} username={user.username} dirty={dirty} previewShown={preview.isSuccess && !preview.isPending} />
      )}
      <RuleSetHistory ruleSet={ruleSet} />
    </>
  );
}
