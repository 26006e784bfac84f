import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

describe('index.html', () => {
  it('is titled IAM Lab and locks scripts to the app origin', () => {
    const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
    expect(html).toContain('<title>IAM Lab</title>');
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
  });
});
