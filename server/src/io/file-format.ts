import fs from 'node:fs/promises';

export type FileFormat = { kind: 'csv'; delimiter: ',' | ';' } | { kind: 'json-array' } | { kind: 'ndjson' };

/** A problem with the file as a whole: nothing of it is stored. */
export class FileRejected extends Error {
  override name = 'FileRejected';
}

const SNIFF_BYTES = 64 * 1024;

/** Decides from the first bytes whether a file is CSV (and its delimiter), a JSON array or NDJSON. */
export async function sniffFormat(file: string): Promise<FileFormat> {
  const head = await readHead(file);
  if (head.includes(0)) throw new FileRejected('geen CSV- of JSON-bestand (binaire inhoud)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    throw new FileRejected('geen CSV- of JSON-bestand (geen UTF-8-tekst)');
  }
  text = text.replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first === undefined) throw new FileRejected('het bestand is leeg (geen kopregel)');
  if (first === '[') return { kind: 'json-array' };
  if (first === '{') return { kind: 'ndjson' };
  return { kind: 'csv', delimiter: detectDelimiter(firstLine(text)) };
}

async function readHead(file: string): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (e) {
    throw new FileRejected(`kan ${file} niet openen: ${(e as NodeJS.ErrnoException).code ?? 'fout'}`);
  }
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function firstLine(text: string): string {
  const skipped = text.replace(/^(\s*\r?\n)+/, '');
  const end = skipped.search(/\r?\n/);
  return end === -1 ? skipped : skipped.slice(0, end);
}

/** The delimiter is the one of `,` and `;` that occurs most in the header, outside quotes. */
export function detectDelimiter(header: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
