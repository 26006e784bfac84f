// A bare page around src/app/pwa.ts so the browser test can drive the real update prompt flow
// before the app shell shows it; the version text comes from the build (see buildPwaHarness).
import { startPwa } from '../../../../src/app/pwa';

declare const __HARNESS_VERSION__: string;

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`harness element #${id} is missing`);
  return found;
}

element('version').textContent = __HARNESS_VERSION__;
startPwa().then((pwa) => {
  pwa.subscribe((status) => {
    element('status').textContent = status.kind === 'failed' ? `failed: ${status.message}` : status.kind;
  });
  element('check').addEventListener('click', () => void pwa.checkForUpdate());
  element('apply').addEventListener('click', () => void pwa.applyUpdate());
  element('dismiss').addEventListener('click', () => pwa.dismiss());
});
