import type { JobCounts } from './operations.ts';

// What a scheduler job is and what one run of it did, in Dutch sentences for the
// beheerder. The API keeps the job codes and the counts as they are (CLI, exports).

const number = new Intl.NumberFormat('nl-NL');
const day = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Amsterdam' });

export const JOB_TRIGGER_LABELS: Record<string, string> = { schedule: 'Gepland', manual: 'Handmatig', backfill: 'Inhalen' };
export const JOB_OUTCOME_LABELS: Record<string, string> = { ok: 'Gelukt', failed: 'Mislukt', running: 'Bezig' };

/** `pull:woco` → "Ophalen van bron woco", `scoring` → "Wekelijkse berekening". */
export function jobLabel(job: string): string {
  if (job.startsWith('pull:')) return `Ophalen van bron ${job.slice(5)}`;
  if (job === 'scoring') return 'Wekelijkse berekening';
  if (job === 'retention') return 'Bewaartermijnen toepassen';
  if (job === 'review') return 'Terug op de werklijst (opnieuw bekijken)';
  if (job === 'notifications') return 'E-mailmeldingen versturen';
  if (job === 'inactivity') return 'Inactieve accounts deactiveren';
  return job;
}

/** The counts of one run of the e-mail job, in the order the job reports them. */
export const MAIL_COUNTS = ['klaargezet', 'verzonden', 'overgeslagen', 'opnieuw_proberen', 'opgegeven'] as const;

/** A run that found nothing to do: an empty drop folder, the same file as the last delivery, or no e-mail to send. */
export function isIdleRun(counts: JobCounts | null): boolean {
  if (!counts) return false;
  if (MAIL_COUNTS.every((k) => counts[k] === 0)) return true;
  return counts.sameAsLastDelivery === true || (counts.files === 0 && counts.failedFiles === 0 && counts.waiting === 0);
}

type Value = JobCounts[string] | undefined;
const n = (value: Value): number => (typeof value === 'number' ? value : 0);
/** "1 bestand", "3 bestanden". */
const count = (value: Value, one: string, many: string) => `${number.format(n(value))} ${n(value) === 1 ? one : many}`;
const date = (value: Value) => (typeof value === 'string' ? day.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value)) : '—');

/** What the rows of a delivery became: "120 rijen gelezen: 100 nieuw, …". */
function rows(c: JobCounts): string {
  const parts = [
    c.stored !== undefined && `${number.format(n(c.stored))} nieuw`,
    n(c.updated) > 0 && `${number.format(n(c.updated))} gecorrigeerd`,
    n(c.unchanged) > 0 && `${number.format(n(c.unchanged))} ongewijzigd`,
    n(c.quarantined) > 0 && `${number.format(n(c.quarantined))} in quarantaine`,
    n(c.unlinked) > 0 && `${number.format(n(c.unlinked))} niet te koppelen aan een huishouden`,
  ].filter(Boolean);
  return `${count(c.read, 'rij', 'rijen')} gelezen${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}

function folderPull(c: JobCounts): string {
  if (isIdleRun(c)) return 'Geen nieuwe bestanden in de map.';
  const files = [
    n(c.files) > 0 && `${count(c.files, 'bestand', 'bestanden')} ingelezen`,
    n(c.failedFiles) > 0 && `${count(c.failedFiles, 'bestand', 'bestanden')} geweigerd`,
    n(c.waiting) > 0 && `${count(c.waiting, 'bestand wacht', 'bestanden wachten')} tot het schrijven klaar is`,
  ].filter(Boolean);
  if (files.length === 0) return '';
  return `${files.join(', ')}. ${n(c.files) > 0 ? rows(c) : ''}`.trim();
}

function httpPull(c: JobCounts): string {
  if (c.sameAsLastDelivery === true) return 'Hetzelfde bestand als de vorige levering: niets opnieuw ingelezen.';
  const got = `Opgehaald${c.attempts !== undefined ? ` in ${count(c.attempts, 'poging', 'pogingen')}` : ''}${c.bytes !== undefined ? ` (${number.format(Math.ceil(n(c.bytes) / 1024))} kB)` : ''}.`;
  return c.read !== undefined ? `${got} ${rows(c)}` : got;
}

function scoring(c: JobCounts): string {
  return `Berekening ${c.scoringRunId ?? ''}: ${count(c.flags, 'huishouden', 'huishoudens')} op de lijst, ${number.format(n(c.newFlags))} nieuw, ${number.format(n(c.persisting))} blijven, ${number.format(n(c.dropped))} van de lijst af.`;
}

function mail(c: JobCounts): string {
  if (isIdleRun(c)) return 'Geen e-mails te versturen.';
  return `${[
    n(c.klaargezet) > 0 && `${count(c.klaargezet, 'herinnering', 'herinneringen')} over een termijn klaargezet`,
    `${count(c.verzonden, 'e-mail', 'e-mails')} verzonden`,
    n(c.overgeslagen) > 0 && `${number.format(n(c.overgeslagen))} niet verzonden (geen adres, account niet actief of melding uitgezet)`,
    n(c.opnieuw_proberen) > 0 && `${number.format(n(c.opnieuw_proberen))} later opnieuw geprobeerd`,
    n(c.opgegeven) > 0 && `${number.format(n(c.opgegeven))} opgegeven na de laatste poging`,
  ]
    .filter(Boolean)
    .join(', ')}.`;
}

function retention(c: JobCounts): string {
  return [
    `Verwijderd: ${count(c.signalsDeleted, 'signaal', 'signalen')} waargenomen vóór ${date(c.signalsBefore)}`,
    `${count(c.versionsDeleted, 'vervangen versie', 'vervangen versies')}`,
    ...(n(c.residencesDeleted) > 0 ? [`${count(c.residencesDeleted, 'beëindigde woonperiode', 'beëindigde woonperiodes')}`] : []),
    `${count(c.quarantineDeleted, 'rij', 'rijen')} uit quarantaine van vóór ${date(c.quarantineBefore)}`,
    `${count(c.jobRunsDeleted, 'oude taakregel', 'oude taakregels')}`,
    `${count(c.auditDeleted, 'auditregel', 'auditregels')}${c.auditBefore ? ` van vóór ${date(c.auditBefore)}` : ''}.`,
  ].join(', ');
}

/** The details of one run in a Dutch sentence; the error (already Dutch) goes first when it failed. */
export function describeJobRun(run: { job: string; outcome: string; counts: JobCounts | null; error: string | null }): string {
  const c = run.counts ?? {};
  const done =
    Object.keys(c).length === 0
      ? ''
      : run.job.startsWith('pull:')
        ? 'sameAsLastDelivery' in c || 'attempts' in c || !('files' in c)
          ? httpPull(c)
          : folderPull(c)
        : run.job === 'scoring'
          ? scoring(c)
          : run.job === 'retention'
            ? retention(c)
            : run.job === 'notifications'
              ? mail(c)
              : run.job === 'inactivity'
                ? `${count(c.deactivated, 'account', 'accounts')} gedeactiveerd wegens inactiviteit${n(c.keptLastBeheerder) > 0 ? ' (de laatste actieve beheerder blijft actief)' : ''}.`
                : run.job === 'review'
                  ? review(c)
                  : generic(c);
  if (run.error) return done && !isIdleRun(c) ? `${run.error}${run.error.endsWith('.') ? '' : '.'} ${done}` : run.error;
  if (run.outcome === 'running') return 'Nog bezig.';
  return done || 'Geen bijzonderheden.';
}

function review(c: JobCounts): string {
  if (n(c.returned) === 0) return 'Geen zaken om terug te zetten.';
  return `${count(c.returned, 'zaak', 'zaken')} terug op de werklijst.`;
}

function generic(c: JobCounts): string {
  return `${Object.entries(c)
    .map(([k, v]) => `${k}: ${typeof v === 'number' ? number.format(v) : String(v)}`)
    .join(', ')}.`;
}
