import pdf from 'pdf-parse/lib/pdf-parse.js';
import { expect } from 'vitest';
import { createPseudonymizer } from '../../../server/src/core/pseudonym.ts';
import { assembleLetter } from '../../../server/src/services/access-letter.ts';
import { TEST_BSN_KEY } from '../../helpers/engine.ts';
import type { Agent, ApiFixture } from './fixture.ts';

// Reading an access request as the privacy officer: its detail, its letter as PDF text, and
// the letter's sentences as assembled.

const text = async (buffer: Buffer) => (await pdf(buffer)).text.replace(/\s+/g, ' ');

/** The request's detail as the privacy officer sees it. */
export const requestDetail = async (privacy: Agent, id: number) => (await privacy.request({ method: 'GET', url: `/api/privacy/requests/${id}` })).json();

/** The request's letter, as the text of its PDF with white space folded. */
export async function letterText(privacy: Agent, id: number): Promise<string> {
  const res = await privacy.request({ method: 'GET', url: `/api/privacy/requests/${id}/letter` });
  expect(res.statusCode).toBe(200);
  return text(res.rawPayload);
}

/** What the letter service needs, on the fixture's database and clock. */
export const letterContext = (f: ApiFixture) => ({ db: f.t.db, clock: f.clock, pseudonymize: createPseudonymizer(TEST_BSN_KEY), timeZone: 'Europe/Amsterdam' });

/** Every sentence of the request's assembled letter. */
export async function letterSentences(f: ApiFixture, id: number): Promise<string[]> {
  const letter = await assembleLetter(letterContext(f), id, { retentionDays: 730, auditRetentionDays: 1826 });
  return letter.sections.flatMap((s) => s.paragraphs).flatMap((p) => p.split(/(?<=[.?!])\s+/));
}
