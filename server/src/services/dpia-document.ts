import type { Config } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import { dpiaFacts, type DpiaFacts, type DpiaPeriod } from './dpia-factsheet.ts';
import { dpiaMarkdown } from './dpia-markdown.ts';
import { markdownToPdf } from './dpia-pdf.ts';

export interface DpiaDocument {
  facts: DpiaFacts;
  body: string | Buffer;
  contentType: string;
  fileName: string;
}

/** The fact sheet over a period, as Markdown or PDF. */
export async function dpiaDocument(db: Db, config: Config, clock: Clock, period: DpiaPeriod, format: 'md' | 'pdf'): Promise<DpiaDocument> {
  const facts = await dpiaFacts(db, config, clock, period);
  const markdown = dpiaMarkdown(facts, config.timeZone);
  const fileName = `dpia-feitenblad-${period.from}-${period.to}.${format}`;
  if (format === 'md') return { facts, body: markdown, contentType: 'text/markdown; charset=utf-8', fileName };
  return { facts, body: await markdownToPdf(markdown, 'DPIA-feitenblad Vroegsignaal'), contentType: 'application/pdf', fileName };
}

/** What the audit entry says about a fact sheet: its period and counts, never contents. */
export function dpiaAuditDetail(d: DpiaDocument): string {
  const f = d.facts;
  return `DPIA-feitenblad ${f.period.from} t/m ${f.period.to} (${d.fileName.split('.').pop()}): ${f.access.length} rollen, ${f.ruleSets.length} regelsets, ${f.quarantine.length} bronnen met leveringen`;
}
