// axe on the first screen; each view's own spec calls expectNoSeriousViolations the same way.
import { test } from './support/fixtures';
import { expectNoSeriousViolations } from './support/axe';

test('the first screen has no serious or critical axe violations', async ({ app }) => {
  const page = await app.open();
  await expectNoSeriousViolations(page);
});
