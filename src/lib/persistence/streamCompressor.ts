// The share-link compressor on the platform's CompressionStream('deflate-raw') (browsers and Node 20):
// no compression library in the bundle. Invariant: decompression stops as soon as the text passes `maxChars`.
import type { TextCompressor } from '../domain/sharing/shareLink';

export const streamCompressor: TextCompressor = {
  async compress(text) {
    const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
  async decompress(bytes, maxChars) {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.pipeThrough(new TextDecoderStream('utf-8', { fatal: true })).getReader();
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
