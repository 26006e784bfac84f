// Hit-testing on the canvas picture: the nearest node within reach, nothing in empty space, and a reach
// that grows when zoomed out so small marks stay easy to point at.
import { describe, expect, it } from 'vitest';
import { createHitTester, nodeReach } from '../../../../src/lib/ui/graph/canvas/hitTest';

const points = [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 0, y: 100 }];

describe('createHitTester', () => {
  const hits = createHitTester(points);

  it('finds the node under the point, or the nearest one within reach', () => {
    expect(hits.find(0, 0, 1)).toBe(0);
    expect(hits.find(90, 8, 1)).toBe(1);
    expect(hits.find(0, 100 - nodeReach + 1, 1)).toBe(2);
  });

  it('finds nothing in empty space', () => {
    expect(hits.find(50, 50, 1)).toBe(-1);
    expect(hits.find(-nodeReach - 1, 0, 1)).toBe(-1);
  });

  it('reaches at least 8 screen pixels when zoomed out', () => {
    expect(hits.find(0, 50, 1)).toBe(-1);
    expect(hits.find(0, 35, 0.1)).toBe(0);
  });

  it('finds nothing in an empty graph', () => {
    expect(createHitTester([]).find(0, 0, 1)).toBe(-1);
  });
});
