// Sprites for the canvas picture: each node style and decision mark drawn once per zoom and theme into a
// small bitmap that every frame stamps (a software rasterizer copies a bitmap far faster than it fills
// and strokes an anti-aliased shape). Invariant: a sprite is drawn at the exact device scale it is stamped at.
import type { Sprite, SpriteSource } from './paint';

/** A sprite source for device scale `scale` (zoom × devicePixelRatio); make a new one when the scale or the theme changes. */
export function createSprites(scale: number, makeCanvas: (side: number) => HTMLCanvasElement | OffscreenCanvas): SpriteSource {
  const sprites = new Map<string, Sprite>();
  return (key, extent, draw) => {
    let sprite = sprites.get(key);
    if (!sprite) {
      const half = Math.ceil(extent * scale) + 1;
      const image = makeCanvas(2 * half);
      const ctx = image.getContext('2d') as CanvasRenderingContext2D | null;
      if (ctx) {
        ctx.setTransform(scale, 0, 0, scale, half, half);
        draw(ctx);
      }
      sprites.set(key, (sprite = { image, half }));
    }
    return sprite;
  };
}
