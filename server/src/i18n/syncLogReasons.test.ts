import { describe, expect, it } from 'vitest';
import { describeSyncReason } from './syncLogReasons.js';

describe('sync log reasons', () => {
  it('speak of contacts and the contact folder in the contact sync’s log, in both languages', () => {
    expect(describeSyncReason('imported_not_synced', 'en', {}, 'contacts')).toBe('imported contacts are not synced');
    expect(describeSyncReason('container_deleted', 'de', {}, 'contacts')).toContain('Kontaktordner');
    expect(describeSyncReason('imported_not_synced', 'en', {})).toBe('imported events are not synced');
    expect(describeSyncReason('refused_create|400 ErrorInvalidRequest', 'de', {}, 'contacts')).toBe(
      'Microsoft 365 hat den Kontakt abgelehnt (400 ErrorInvalidRequest)',
    );
  });

  it('fill in details and keep an unknown code as it was stored', () => {
    expect(describeSyncReason('occurrence_cancelled_in_outlook|2027-01-14', 'en', {})).toBe(
      'an occurrence of this series was cancelled in Outlook (2027-01-14); a cancellation wins over an edit',
    );
    expect(describeSyncReason('something_new', 'de', {})).toBe('something_new');
  });
});
