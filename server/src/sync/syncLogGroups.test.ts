import { describe, expect, it } from 'vitest';
import { groupSyncLog } from './syncLogGroups.js';

const entry = (
  id: number,
  at: string,
  action: 'created' | 'updated' | 'error',
  subject: string,
  entityId: string | null = null,
) =>
  ({
    id,
    binding_id: 'b',
    user_id: 'u',
    at,
    direction: 'to_microsoft',
    action,
    entity_id: entityId,
    subject,
    reason: 'new_in_crm',
  }) as const;

describe('sync log groups', () => {
  it('fold a burst of the same entries into one line with a count and the latest names, and keep the rest apart', () => {
    const rows = [
      entry(6, '2026-11-27T10:05:00Z', 'updated', 'Renewal'),
      entry(5, '2026-11-27T10:00:03Z', 'created', 'Visit 5'),
      entry(4, '2026-11-27T10:00:02Z', 'created', 'Visit 4'),
      entry(3, '2026-11-27T10:00:01Z', 'created', 'Visit 3'),
      entry(2, '2026-11-27T10:00:00Z', 'created', 'Visit 2'),
      entry(1, '2026-11-27T09:50:00Z', 'created', 'Visit 1'),
    ];
    const groups = groupSyncLog([...rows], 10);
    expect(groups.map((g) => [g.latest.id, g.count, g.subjects])).toEqual([
      [6, 1, ['Renewal']],
      [5, 4, ['Visit 5', 'Visit 4', 'Visit 3']],
      [1, 1, ['Visit 1']],
    ]);
    expect(groupSyncLog([...rows], 2)).toHaveLength(2);
  });

  it('count and name an item once when its group holds it twice (the same error in the next run)', () => {
    const rows = [
      entry(4, '2026-11-27T10:00:09Z', 'error', 'Mondbasis', 'e-1'),
      entry(3, '2026-11-27T10:00:06Z', 'error', 'Other', 'e-2'),
      entry(2, '2026-11-27T10:00:03Z', 'error', 'Mondbasis', 'e-1'),
      entry(1, '2026-11-27T10:00:00Z', 'error', 'Mondbasis', 'e-1'),
    ];
    expect(groupSyncLog(rows, 10).map((g) => [g.latest.id, g.count, g.subjects])).toEqual([
      [4, 2, ['Mondbasis', 'Other']],
    ]);
  });
});
