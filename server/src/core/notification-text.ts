import type { NotificationKind } from '../db/schema-notifications.ts';

// The Dutch text of each e-mail. It holds counts of the recipient's own work and one link
// to the dashboard; never an address, postcode, indicator, score or name of a household.

export type NotificationCounts = Record<string, number>;

export interface MailText {
  subject: string;
  text: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function body(counts: NotificationCounts, kind: NotificationKind): { subject: string; lines: string[] } {
  const n = (key: string) => counts[key] ?? 0;
  switch (kind) {
    case 'toewijzing':
      return { subject: 'Vroegsignaal: nieuwe toewijzing', lines: [`U heeft ${plural(n('toewijzingen'), 'nieuwe toewijzing', 'nieuwe toewijzingen')}.`] };
    case 'termijn_nadert':
      return {
        subject: 'Vroegsignaal: termijn voor eerste contact nadert',
        lines: [`Bij ${plural(n('zaken'), 'zaak', 'zaken')} van u verstrijkt de termijn voor eerste contact binnen ${plural(n('dagen'), 'dag', 'dagen')}.`],
      };
    case 'termijn_verstreken':
      return {
        subject: 'Vroegsignaal: termijn voor eerste contact verstreken',
        lines: [`Bij ${plural(n('zaken'), 'zaak', 'zaken')} van u is de termijn voor eerste contact verstreken.`],
      };
    case 'goedkeuring':
      return {
        subject: 'Vroegsignaal: regelset wacht op uw goedkeuring',
        lines: [
          `${plural(n('regelsets'), 'regelset wacht', 'regelsets wachten')} op goedkeuring door een tweede beleidsmaker.`,
          'Wie de regelset opstelde of de publicatie aanvroeg, kan niet zelf goedkeuren.',
        ],
      };
    case 'weekoverzicht':
      return {
        subject: 'Vroegsignaal: weekoverzicht',
        lines: [
          'De wekelijkse berekening is klaar.',
          `Signaleringen op de lijst: ${n('op_lijst')}, waarvan nieuw: ${n('nieuw')}.`,
          `Toegewezen zaken waarvan de termijn voor eerste contact is verstreken: ${n('termijn_verstreken')}.`,
        ],
      };
  }
}

export function notificationText(kind: NotificationKind, counts: NotificationCounts, dashboardUrl: string): MailText {
  const { subject, lines } = body(counts, kind);
  const text = [
    'Beste collega,',
    '',
    ...lines,
    '',
    `Bekijk het in het dashboard: ${dashboardUrl}/`,
    '',
    'Deze e-mail bevat bewust geen gegevens over huishoudens.',
    'U kunt meldingen aan- of uitzetten op de pagina Meldingen in het dashboard.',
  ].join('\n');
  return { subject, text };
}
