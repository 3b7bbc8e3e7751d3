import { Alert, Button, Checkbox, FormLabel, Paragraph } from '@utrecht/component-library-react';
import type { NotificationKindName, NotificationSettings } from '@vroegsignaal/shared/api/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { ErrorMessage, QueryState } from '../../../components/ui/query-state.tsx';
import { notificationSettingsQueryOptions } from '../api/get-notification-settings.ts';
import { useUpdateNotificationSettings } from '../api/update-notification-settings.ts';

/** Every user's own e-mail notifications: which kinds they receive. */
export default function NotificationSettingsRoute() {
  const settings = useQuery(notificationSettingsQueryOptions());
  return (
    <>
      <PageTitle
        title="Meldingen"
        intro="Kies welke e-mails u van Vroegsignaal krijgt. Een e-mail noemt alleen aantallen en een link naar het dashboard, nooit gegevens over een huishouden."
      />
      <QueryState query={settings}>{(s) => <SettingsForm settings={s} />}</QueryState>
    </>
  );
}

function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const mine = settings.settings.filter((s) => s.applies);
  const [on, setOn] = useState<Set<NotificationKindName>>(() => new Set(mine.filter((s) => s.enabled).map((s) => s.kind)));
  const update = useUpdateNotificationSettings();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const off = settings.settings.filter((s) => s.can_switch_off && (s.applies ? !on.has(s.kind) : !s.enabled)).map((s) => s.kind);
    update.mutate({ switched_off: off });
  };
  const toggle = (kind: NotificationKindName, checked: boolean) =>
    setOn((prev) => {
      const next = new Set(prev);
      if (checked) next.add(kind);
      else next.delete(kind);
      return next;
    });
  return (
    <form className="vs-form vs-panel" onSubmit={onSubmit}>
      <Paragraph>
        {settings.email ? (
          <>
            E-mails gaan naar <strong>{settings.email}</strong>. Klopt dit adres niet, vraag dan de beheerder het aan te passen.
          </>
        ) : (
          'Er is nog geen e-mailadres voor u ingesteld, dus u krijgt nu geen e-mails. Vraag de beheerder uw adres in te stellen.'
        )}
      </Paragraph>
      {mine.length === 0 ? (
        <Paragraph>Voor uw rol verstuurt Vroegsignaal geen e-mails.</Paragraph>
      ) : (
        /* A plain fieldset: the design system's fieldset CSS is not part of the bundle. */
        <fieldset className="vs-wijken-fieldset">
          <legend className="utrecht-form-label">Ik wil een e-mail krijgen bij</legend>
          {mine.map((s) => (
            <div className="vs-check" key={s.kind}>
              <Checkbox
                id={`melding-${s.kind}`}
                aria-describedby={s.can_switch_off ? undefined : 'melding-verplicht'}
                checked={!s.can_switch_off || on.has(s.kind)}
                disabled={!s.can_switch_off}
                onChange={(e) => toggle(s.kind, e.target.checked)}
              />
              <FormLabel htmlFor={`melding-${s.kind}`} type="checkbox">
                {s.label}
              </FormLabel>
            </div>
          ))}
          {mine.some((s) => !s.can_switch_off) ? (
            <Paragraph id="melding-verplicht" className="vs-small vs-muted">
              Een regelset die op goedkeuring wacht, kan niet worden gepubliceerd zonder een tweede beleidsmaker; deze e-mail kunt u daarom niet uitzetten.
            </Paragraph>
          ) : null}
        </fieldset>
      )}
      {update.isError ? <ErrorMessage error={update.error} title="Opslaan mislukt" /> : null}
      {update.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>Uw meldingen zijn opgeslagen.</Paragraph>
        </Alert>
      ) : null}
      {mine.some((s) => s.can_switch_off) ? (
        <Button type="submit" appearance="primary-action-button" disabled={update.isPending} busy={update.isPending}>
          Opslaan
        </Button>
      ) : null}
    </form>
  );
}
