// The share-link compressor on the platform's CompressionStream('deflate-raw') (browsers and Node 20):
// no compression library in the bundle. Invariant: decompression stops as soon as the text passes `maxChars`.
import type { TextCompressor } from '../domain/sharing/shareLink';

function streamOf(bytes: Uint8Array): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes as Uint8Array<ArrayBuffer>);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export const streamCompressor: TextCompressor = {
  async compress(text) {
    return collect(streamOf(new TextEncoder().encode(text)).pipeThrough(new CompressionStream('deflate-raw')));
  },
  async decompress(bytes, maxChars) {
    const inflated = streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = inflated.pipeThrough(new TextDecoderStream('utf-8', { fatal: true })).getReader();
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text;
      text += value;
      if (text.length > maxChars) {
        await reader.cancel();
        throw new RangeError(`more than ${maxChars} characters`);
      }
    }
  },
};
