// Buffered file writing with backpressure: collect lines, write ~1 MB chunks, wait for 'drain'.

import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK_BYTES = 1 << 20;

export class ChunkWriter {
  private readonly stream: WriteStream;
  private buffer = '';
  bytes = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  /** Buffers text; returns true when the buffer is full and `flush()` should be awaited. */
  add(text: string): boolean {
    this.buffer += text;
    return this.buffer.length >= CHUNK_BYTES;
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    this.bytes += Buffer.byteLength(chunk);
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
