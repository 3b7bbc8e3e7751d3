import type { Command } from 'commander';
import { ingestFeed } from '../../services/feed-ingest.ts';
import { clearProgress, operatorPath, withEngine } from '../runtime.ts';

export function registerFeed(program: Command): void {
  const feed = program.command('feed').description('signal feeds');
  feed
    .command('ingest')
    .argument('<file>', 'signal feed: CSV (, or ;), JSON or NDJSON')
    .description('ingest FILE; prints counts: read, stored, updated, unchanged, quarantined, unlinked')
    .action((file: string) =>
      withEngine(async (ctx) => {
        const r = await ingestFeed(ctx, operatorPath(file));
        clearProgress();
        console.log(
          `read: ${r.read}, stored: ${r.stored}, updated: ${r.updated}, unchanged: ${r.unchanged}, quarantined: ${r.quarantined}, unlinked: ${r.unlinked}`,
        );
      }),
    );
}
