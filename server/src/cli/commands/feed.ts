import path from 'node:path';
import type { Command } from 'commander';
import { ingestFeed } from '../../services/feed-ingest.ts';
import { auditedCli } from '../audit.ts';
import { clearProgress, operatorPath, withEngine } from '../runtime.ts';

export function registerFeed(program: Command): void {
  const feed = program.command('feed').description('signal feeds');
  feed
    .command('ingest')
    .argument('<file>', 'signal feed: CSV (, or ;), JSON or NDJSON')
    .description('ingest FILE; prints counts: read, stored, updated, unchanged, quarantined, unlinked')
    .action((file: string) =>
      withEngine(async (ctx) => {
        const r = await auditedCli(
          ctx,
          {
            event: 'cli:feed_ingest',
            command: 'mpg feed ingest',
            file,
            describe: (x) => ({
              type: 'ingest_run',
              id: String(x.runId),
              detail: `${path.basename(file)}: gelezen ${x.read}, opgeslagen ${x.stored}, bijgewerkt ${x.updated}, ongewijzigd ${x.unchanged}, quarantaine ${x.quarantined}, niet gekoppeld ${x.unlinked}`,
            }),
          },
          () => ingestFeed(ctx, operatorPath(file)),
        );
        clearProgress();
        console.log(
          `read: ${r.read}, stored: ${r.stored}, updated: ${r.updated}, unchanged: ${r.unchanged}, quarantined: ${r.quarantined}, unlinked: ${r.unlinked}`,
        );
      }),
    );
}
