// The storage controller as runes state for the header, banners and dialogs, plus the file and link
// helpers they share. Invariant: components only read `status`; every change goes through `persistence`.
import type { LabPersistence, PersistenceStatus } from '../../persistence/labPersistence';
import type { Problem } from '../../domain/sharing/problems';
import { t } from '../../i18n';

export class StorageState {
  status = $state.raw<PersistenceStatus>(undefined as unknown as PersistenceStatus);
  /** Which dialog is open (one at a time). */
  dialog = $state<'none' | 'import' | 'share'>('none');
  /** The last banner the learner dismissed, so the same problem does not come straight back. */
  dismissed = $state.raw<PersistenceStatus['problem']>(null);

  readonly currentName = $derived(
    this.status.shared?.name ?? this.status.labs.find((l) => l.id === this.status.currentId)?.name ?? '',
  );

  constructor(readonly persistence: LabPersistence) {
    this.status = persistence.status;
    persistence.subscribe((status) => (this.status = status));
  }

  async exportLabs(scope: 'current' | 'all'): Promise<void> {
    const text = await this.persistence.exportFile(scope);
    const day = new Date().toISOString().slice(0, 10);
    const base = scope === 'all' ? 'iam-lab-all-labs' : `iam-lab-${slug(this.currentName) || 'lab'}`;
    downloadText(`${base}-${day}.json`, text);
  }

  /** The full URL of the open lab's share link. */
  async shareUrl(): Promise<string> {
    const payload = await this.persistence.shareLink();
    return `${location.href.split('#')[0]}#/share/${payload}`;
  }
}

export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

/** "at /labs/0/name: must not be empty" — the path first, as the learner scans for it. */
export function describeProblem(problem: Problem): string {
  const where = problem.path === '' || !problem.path.startsWith('/') ? (problem.path || t('storage.problemRoot')) : t('storage.problemAt', { path: problem.path });
  return `${where}: ${problem.message}`;
}

export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
