import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config.ts';

// The municipality's SMTP server through nodemailer. Host, port, TLS and sign-in come
// from config.notifications; nothing here reads the environment.

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export type SendMail = (mail: OutgoingMail) => Promise<void>;

export function smtpMailer(smtp: SmtpConfig, from: string): SendMail {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    ...(smtp.auth ? { auth: smtp.auth } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

/** Why a delivery failed, in Dutch, from the error's code only: never the server's text, which may repeat the address. */
export function deliveryError(e: unknown): string {
  const err = e as { code?: unknown; responseCode?: unknown };
  if (typeof err.responseCode === 'number') return `de mailserver weigerde het bericht (SMTP-code ${err.responseCode})`;
  if (typeof err.code === 'string' && /^[A-Z_]{2,40}$/.test(err.code)) return `de mailserver was niet bereikbaar of brak de verbinding af (${err.code})`;
  return 'onbekende fout bij het verzenden';
}
