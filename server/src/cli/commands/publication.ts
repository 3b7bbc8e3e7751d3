import { InvalidArgumentError, type Command } from 'commander';
import type { RegisterFieldName } from '@vroegsignaal/shared/algoritmeregister';
import type { RegisterExport } from '@vroegsignaal/shared/api/publication';
import { dpiaAuditDetail, dpiaDocument } from '../../services/dpia-document.ts';
import { registerCsv, registerExport } from '../../services/register-export.ts';
import { auditedCli } from '../audit.ts';
import { withEngine } from '../runtime.ts';
import { parseDateOption } from './score.ts';

// `mpg register export` (the Algoritmeregister's publication standard) and
// `mpg dpia factsheet` (facts for the privacy officer's DPIA), to stdout.

/** The variable that fills a register field, for the operator's hint. */
const VARIABLE_OF: Partial<Record<RegisterFieldName, string>> = {
  Organisatie: 'MPG_ORGANISATION',
  Contactgegevens: 'MPG_CONTACT',
  Thema: 'MPG_REGISTER_THEMES',
  'Link naar publiekspagina': 'MPG_PUBLIC_PAGE_URL',
  Publicatiecategorie: 'MPG_PUBLICATION_CATEGORY',
  'Wettelijke basis': 'MPG_LEGAL_BASIS',
  'Link naar wettelijke basis': 'MPG_LEGAL_BASIS_URL',
  'Titel van wettelijke basis': 'MPG_LEGAL_BASIS_TITLE',
  Verwerkingsregister: 'MPG_PROCESSING_REGISTER_URL',
  'Impacttoets(en)': 'MPG_IMPACT_ASSESSMENTS',
  'Link naar impacttoets': 'MPG_IMPACT_ASSESSMENT_URL',
  Leverancier: 'MPG_SUPPLIER',
  'Link naar broncode': 'MPG_SOURCE_CODE_URL',
  'Bron-ID': 'MPG_REGISTER_ID',
};

const named = (fields: string[]) => fields.map((f) => (VARIABLE_OF[f as RegisterFieldName] ? `${f} (${VARIABLE_OF[f as RegisterFieldName]})` : f)).join(', ');

function choice<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!allowed.includes(value as T)) throw new InvalidArgumentError(`formaat '${value}' wordt niet ondersteund (${allowed.join(' of ')})`);
    return value as T;
  };
}

function problemsOf(x: RegisterExport): string[] {
  return [...(x.missing.length ? [`verplichte velden ontbreken: ${named(x.missing)}`] : []), ...x.invalid.map((p) => `${p.field}: ${p.reason}`)];
}

function registerRegister(program: Command): void {
  program
    .command('register')
    .description('the Algoritmeregister entry of the active rule set')
    .command('export')
    .option('--format <format>', "json or csv (the register's field names as column headers)", choice(['json', 'csv'] as const), 'json')
    .option('--strict', 'fail when a mandatory field is missing or a value breaks the field list')
    .description('write the register entry to stdout; names mandatory fields that are still missing on stderr')
    .action((opts: { format: 'json' | 'csv'; strict?: boolean }) =>
      withEngine(async (ctx, config) => {
        const x = await auditedCli(
          ctx,
          {
            event: 'cli:register_export',
            command: 'mpg register export',
            describe: (r) => ({
              type: 'export',
              id: `algoritmeregister:${opts.format}`,
              detail: `ontbrekende verplichte velden: ${r.missing.join(', ') || 'geen'}`,
            }),
          },
          async () => {
            const r = await registerExport(ctx.db, config);
            if (opts.strict && problemsOf(r).length) throw new Error(problemsOf(r).join('; '));
            return r;
          },
        );
        const problems = problemsOf(x);
        process.stdout.write(opts.format === 'json' ? `${JSON.stringify(x, null, 2)}\n` : registerCsv(x.entry as Parameters<typeof registerCsv>[0]));
        if (problems.length) process.stderr.write(`waarschuwing: ${problems.join('; ')}\n`);
      }),
    );
}

function registerDpia(program: Command): void {
  program
    .command('dpia')
    .description('facts for the data protection impact assessment')
    .command('factsheet')
    .requiredOption('--from <date>', 'first day of the period YYYY-MM-DD', parseDateOption)
    .requiredOption('--to <date>', 'last day of the period YYYY-MM-DD', parseDateOption)
    .option('--format <format>', 'md or pdf', choice(['md', 'pdf'] as const), 'md')
    .description('write the DPIA fact sheet over a period to stdout (Markdown or PDF)')
    .action((opts: { from: string; to: string; format: 'md' | 'pdf' }) =>
      withEngine(async (ctx, config) => {
        if (opts.from > opts.to) throw new Error(`--from ${opts.from} ligt na --to ${opts.to}`);
        const doc = await auditedCli(
          ctx,
          {
            event: 'cli:dpia_factsheet',
            command: 'mpg dpia factsheet',
            describe: (d) => ({ type: 'export', id: `dpia:${opts.from}..${opts.to}`, detail: dpiaAuditDetail(d) }),
          },
          () => dpiaDocument(ctx.db, config, ctx.clock, { from: opts.from, to: opts.to }, opts.format),
        );
        process.stdout.write(doc.body);
      }),
    );
}

export function registerPublication(program: Command): void {
  registerRegister(program);
  registerDpia(program);
}
