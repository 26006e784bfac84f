// The icon generator: valid PNG bytes, and the committed icons are exactly what it draws today.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { encodePng, icons, palette, renderIcon } from '../../scripts/makeIcons';

function readPng(bytes: Buffer) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const idatLength = bytes.readUInt32BE(33);
  expect(bytes.toString('latin1', 37, 41)).toBe('IDAT');
  const raw = inflateSync(bytes.subarray(41, 41 + idatLength));
  const pixel = (x: number, y: number) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 1 + x * 4 + 4)];
  return { width, height, colourType: bytes[25], pixel };
}

describe('makeIcons', () => {
  it('encodes RGBA pixels as a PNG that decodes back to them', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 9, 9, 9, 9]);
    const png = readPng(encodePng(2, 2, rgba));
    expect([png.width, png.height, png.colourType]).toEqual([2, 2, 6]);
    expect([png.pixel(0, 0), png.pixel(1, 0), png.pixel(0, 1), png.pixel(1, 1)]).toEqual([
      [255, 0, 0, 255],
      [0, 255, 0, 128],
      [0, 0, 255, 0],
      [9, 9, 9, 9],
    ]);
  });

  it.each(Object.entries(icons))('static/icons/%s is the generator output', (name, spec) => {
    const committed = readFileSync(new URL(`../../static/icons/${name}`, import.meta.url));
    expect(committed.equals(encodePng(spec.size, spec.size, renderIcon(spec)))).toBe(true);
  });

  it.each([
    [false, 0],
    [true, 255],
  ])('maskable=%s: the corner pixel has alpha %i (maskable icons bleed to the edge, others round off)', (maskable, alpha) => {
    const png = readPng(encodePng(64, 64, renderIcon({ size: 64, maskable })));
    expect(png.pixel(0, 0)).toEqual([...palette.tile.slice(0, 3), alpha]);
    expect(png.pixel(32, 0)).toEqual([...palette.tile.slice(0, 3), 255]);
    expect(png.pixel(32, 32)[3]).toBe(255);
  });
});
