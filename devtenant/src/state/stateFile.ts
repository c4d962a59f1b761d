import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ConsentGrant } from './consentStore.js';
import type { MailboxData, StoredMessage } from './mailboxStore.js';

/** Everything the local tenant persists between runs. */
export interface PersistedState {
  version: 1;
  consents: ConsentGrant[];
  mailboxes: Record<string, MailboxData>;
  externalMail: StoredMessage[];
}

export function emptyState(): PersistedState {
  return { version: 1, consents: [], mailboxes: {}, externalMail: [] };
}

/** Reads and writes the state as one JSON file; writes are atomic (temp file + rename) so a crash never leaves half a file. */
export class StateFile {
  constructor(private readonly file: string | undefined) {}

  load(): PersistedState {
    if (!this.file) return emptyState();
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<PersistedState>;
      return { ...emptyState(), ...parsed, version: 1 };
    } catch {
      return emptyState();
    }
  }

  save(state: PersistedState): void {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state, null, 1));
    renameSync(tmp, this.file);
  }
}
