// Scale of the graph (issue 6): a lab of about 1,000 entities and 3,000 relations, imported through the
// labs menu, is painted on a canvas and laid out, and the effective-access overlay for its ~800 principals
// is computed in the worker. The frame rate while the simulation runs is measured and printed with the
// machine's load: wall-clock frame rates on a shared CI box say more about its neighbours than about the
// app, so the figure is recorded (issue note, `npm run bench`) rather than asserted. The second test drives
// the canvas: its pixels where the layout puts a node, hover, click, the keyboard's node marks, and the theme.
import { cpus, loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { openBigGraph } from './support/bigGraph';
import { expectNoSeriousViolations } from './support/axe';

const user3 = '[data-node-id="user:111122223333:user-3"]';

async function colourForTeam3(page: Page) {
  await page.getByLabel('Overlay').selectOption({ label: 'Effective access' });
  await page.getByLabel('Action', { exact: true }).fill('s3:GetObject');
  await page.getByLabel('Resource ARN').fill('arn:aws:s3:::team-3-data/report.csv');
  await page.getByRole('button', { name: 'Colour the principals' }).click();
  const summary = page.getByTestId('access-summary');
  await expect(summary).toContainText('off the main thread', { timeout: 60_000 });
  return summary;
}

test('1,000 nodes and 3,000 edges are laid out on a canvas and coloured, with the frame rate measured', async ({ app }) => {
  test.setTimeout(180_000);
  const page = await app.open('#/lab');
  await openBigGraph(page);
  const nodes = page.locator('.graph-view [data-node-id]');
  await expect(nodes).toHaveCount(1032, { timeout: 60_000 });
  const canvas = page.getByRole('img', { name: /^Graph of the lab/ });
  await expect(canvas).toBeVisible();
  expect(await canvas.evaluate((el) => el.tagName)).toBe('CANVAS');
  await expect(page.locator('.graph-view svg.canvas')).toHaveCount(0);
  const edges = Number(/and (\d+) relations/.exec((await canvas.getAttribute('aria-label')) ?? '')?.[1]);
  expect(edges).toBeGreaterThanOrEqual(3000);

  // Frames the browser actually painted over two seconds while the simulation was moving.
  const measured = await page.evaluate(async () => {
    const running = () => document.querySelector('[data-running]')?.getAttribute('data-running') === 'true';
    let frames = 0;
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const step = () => {
        frames++;
        if (performance.now() - start >= 2000) resolve();
        else requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    const seconds = (performance.now() - start) / 1000;
    return { fps: frames / seconds, stillRunning: running(), ticks: Number(document.querySelector('[data-fps]')?.getAttribute('data-fps')) };
  });
  console.log(
    `graph scale: ${await nodes.count()} nodes, ${edges} edges — ${measured.fps.toFixed(1)} frames/s painted, ${measured.ticks} layout ticks/s ` +
      `(${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)})`,
  );
  expect(measured.stillRunning).toBe(true);
  expect(measured.fps).toBeGreaterThan(0);

  const summary = await colourForTeam3(page);
  console.log(`graph scale: effective access — ${await summary.textContent()}`);
  await expect(page.locator(user3)).toHaveAttribute('data-decision', 'allowed');
  await expect(page.locator(user3)).toHaveAccessibleName('IAM user user-3: Allowed');
});

test('the canvas paints a node where the layout puts it; hover, click and the keyboard reach it', async ({ app }) => {
  test.setTimeout(180_000);
  const page = await app.open('#/lab');
  await openBigGraph(page);
  await expect(page.locator('.graph-view [data-node-id]')).toHaveCount(1032, { timeout: 60_000 });
  await colourForTeam3(page);
  await expect(page.locator(user3)).toHaveAttribute('data-decision', 'allowed');
  // Pixels are checked once the layout is at rest, so the node stays where its mark says.
  await expect(page.locator('[data-running]')).toHaveAttribute('data-running', 'false', { timeout: 90_000 });

  // Keyboard: Tab from the toolbar lands on a node mark, which shows the focus ring over its node.
  await page.getByRole('button', { name: 'Colour the principals' }).focus();
  let onNode = false;
  for (let i = 0; i < 20 && !onNode; i++) {
    await page.keyboard.press('Tab');
    onNode = await page.evaluate(() => document.activeElement?.hasAttribute('data-node-id') ?? false);
  }
  expect(onNode, 'Tab reaches a node of the graph').toBe(true);
  const focused = page.locator('.graph-view [data-node-id]:focus');
  await expect(focused).toHaveCSS('outline-style', 'solid');
  expect((await focused.boundingBox())?.width).toBeGreaterThanOrEqual(32);

  // user-3 focused: the view brings it in at a readable zoom, and its mark lies over the painted node.
  await page.locator(user3).focus();
  await expect(page.getByTestId('hover-reason')).toContainText('Allowed');
  const canvas = page.getByRole('img', { name: /^Graph of the lab/ });
  await expect.poll(async () => Number(await canvas.getAttribute('data-scale'))).toBeGreaterThanOrEqual(0.9);
  const painted = await page.evaluate(async (selector) => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const el = document.querySelector('canvas') as HTMLCanvasElement;
    const mark = (document.querySelector(selector) as HTMLElement).getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const k = Number(el.dataset.scale);
    const dpr = el.width / box.width;
    const style = getComputedStyle(document.documentElement);
    const rgb = (name: string) => {
      const n = Number.parseInt(style.getPropertyValue(name).trim().slice(1), 16);
      return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    };
    const cx = (mark.left + mark.width / 2 - box.left) * dpr;
    const cy = (mark.top + mark.height / 2 - box.top) * dpr;
    const reach = Math.ceil(32 * k * dpr);
    const data = el.getContext('2d')?.getImageData(Math.round(cx - reach), Math.round(cy - reach), 2 * reach, 2 * reach).data ?? new Uint8ClampedArray();
    /** Pixels of colour `c` (within a small tolerance) at distances [r0, r1] (graph units) from the centre. */
    const count = (c: number[], r0: number, r1: number) => {
      let n = 0;
      for (let y = 0; y < 2 * reach; y++)
        for (let x = 0; x < 2 * reach; x++) {
          const d = Math.hypot(x - reach, y - reach) / (k * dpr);
          const i = 4 * (y * 2 * reach + x);
          if (d >= r0 && d <= r1 && Math.abs((data[i] ?? 0) - (c[0] ?? 0)) + Math.abs((data[i + 1] ?? 0) - (c[1] ?? 0)) + Math.abs((data[i + 2] ?? 0) - (c[2] ?? 0)) < 30) n++;
        }
      return n;
    };
    return { user: count(rgb('--kind-user'), 16, 20), ring: count(rgb('--allowed'), 24, 30), k };
  }, user3);
  // The user's circle (kind colour) and the allowed ring (decision colour) are painted around that point.
  expect(painted.user, `user circle pixels at zoom ${painted.k}`).toBeGreaterThan(40);
  expect(painted.ring, `allowed ring pixels at zoom ${painted.k}`).toBeGreaterThan(40);

  // The pointer on the canvas at that point: hover gives the one-line reason, a click opens the decision.
  const mark = await page.locator(user3).boundingBox();
  if (!mark) throw new Error('the focused mark has no box');
  await page.getByRole('button', { name: 'Colour the principals' }).focus();
  await expect(page.getByTestId('hover-reason')).toHaveCount(0);
  await page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2);
  await expect(page.getByTestId('hover-reason')).toContainText('Allowed');
  await expect(page.getByTestId('hover-reason')).toContainText('IAM user user-3');

  // The canvas takes its colours from the theme's custom properties: switching theme repaints it dark.
  const corner = () => page.evaluate(() => [...(document.querySelector('canvas')?.getContext('2d')?.getImageData(2, 2, 1, 1).data ?? [])].slice(0, 3).reduce((a, b) => a + b, 0));
  expect(await corner()).toBeGreaterThan(600);
  await page.getByRole('button', { name: 'Switch light or dark theme' }).click();
  await expect.poll(corner).toBeLessThan(200);

  await page.mouse.click(mark.x + mark.width / 2, mark.y + mark.height / 2);
  await expect(page.getByRole('heading', { name: 'Decision for IAM user user-3' })).toBeVisible();
});

// The canvas view is a different picture from the SVG one that a11y.spec.ts checks on the small default lab:
// its node marks are visually hidden buttons over a bitmap. axe checks it too, coloured, in both themes.
for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('the big graph on its canvas has no serious accessibility violations', async ({ app }) => {
      test.setTimeout(180_000);
      const page = await app.open('#/lab');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await openBigGraph(page);
      await expect(page.locator('.graph-view [data-node-id]')).toHaveCount(1032, { timeout: 60_000 });
      await expect(page.getByRole('img', { name: /^Graph of the lab/ })).toBeVisible();
      await colourForTeam3(page);
      await expect(page.locator(user3)).toHaveAttribute('data-decision', 'allowed');
      await expectNoSeriousViolations(page);
    });
  });
}
