// Draws the app icons (a key on a calm teal tile) as PNG files in static/icons with Node alone.
// Invariant: output is deterministic — same geometry, same bytes — so regenerating never churns git.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Rgba = readonly [number, number, number, number];
export type Shape =
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'rect'; x0: number; y0: number; x1: number; y1: number; radius?: number };

export const palette = { tile: [0x1d, 0x5c, 0x63, 255] as Rgba, glyph: [0xf4, 0xf1, 0xe8, 255] as Rgba };

// Key geometry in a unit square; the hole is drawn as a "subtract" shape.
const keyAdd: readonly Shape[] = [
  { kind: 'circle', cx: 0.35, cy: 0.5, r: 0.165 },
  { kind: 'rect', x0: 0.45, y0: 0.455, x1: 0.8, y1: 0.545, radius: 0.02 },
  { kind: 'rect', x0: 0.63, y0: 0.5, x1: 0.69, y1: 0.64, radius: 0.015 },
  { kind: 'rect', x0: 0.73, y0: 0.5, x1: 0.8, y1: 0.67, radius: 0.015 },
];
const keySubtract: readonly Shape[] = [{ kind: 'circle', cx: 0.35, cy: 0.5, r: 0.07 }];

function inside(shape: Shape, x: number, y: number): boolean {
  if (shape.kind === 'circle') return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
  const r = shape.radius ?? 0;
  if (x < shape.x0 || x > shape.x1 || y < shape.y0 || y > shape.y1) return false;
  const cx = Math.min(Math.max(x, shape.x0 + r), shape.x1 - r);
  const cy = Math.min(Math.max(y, shape.y0 + r), shape.y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r ** 2;
}

export interface IconSpec {
  readonly size: number;
  /** Maskable icons fill the whole square and keep the glyph inside the central safe zone (80 %). */
  readonly maskable: boolean;
}

/** Renders one icon to RGBA pixels with 4×4 supersampling for smooth edges. */
export function renderIcon(spec: IconSpec): Uint8Array {
  const { size, maskable } = spec;
  const tile: Shape = maskable
    ? { kind: 'rect', x0: 0, y0: 0, x1: 1, y1: 1 }
    : { kind: 'rect', x0: 0, y0: 0, x1: 1, y1: 1, radius: 0.2 };
  const glyphScale = maskable ? 0.72 : 1;
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tileHits = 0;
      let glyphHits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!inside(tile, x, y)) continue;
          tileHits++;
          const gx = 0.5 + (x - 0.5) / glyphScale;
          const gy = 0.5 + (y - 0.5) / glyphScale;
          if (keyAdd.some((s) => inside(s, gx, gy)) && !keySubtract.some((s) => inside(s, gx, gy))) glyphHits++;
        }
      }
      const total = samples * samples;
      const g = tileHits === 0 ? 0 : glyphHits / tileHits;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = Math.round(palette.tile[c]! * (1 - g) + palette.glyph[c]! * g);
      }
      pixels[offset + 3] = Math.round((255 * tileHits) / total);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit truecolour with alpha, filter 0 on every row). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

export const icons: Readonly<Record<string, IconSpec>> = {
  'icon-192.png': { size: 192, maskable: false },
  'icon-512.png': { size: 512, maskable: false },
  'icon-maskable-512.png': { size: 512, maskable: true },
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '../static/icons');
  mkdirSync(outDir, { recursive: true });
  for (const [name, spec] of Object.entries(icons)) {
    writeFileSync(resolve(outDir, name), encodePng(spec.size, spec.size, renderIcon(spec)));
    console.log(`static/icons/${name} (${spec.size}×${spec.size}${spec.maskable ? ', maskable' : ''})`);
  }
}
