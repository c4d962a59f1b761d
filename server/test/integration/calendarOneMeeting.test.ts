import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installTenant, joinByInvitation } from '../fixtures.js';
import { Outlook, type OutlookEvent } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';
import { enableCalendarSync, syncNow, type CalendarSyncHandle } from '../syncFixtures.js';

// One meeting is one CRM event, its copies in several mailboxes recognised by iCalUId
// (docs/product-rules.md#r-one-meeting-one-event). A meeting
// reaches a synced calendar when its owner moves it there in Outlook (the local tenant's "Move to": a new Graph id,
// the same iCalUId), so these tests move meeting copies around and count CRM events after each sync run.

const A = 'admin@contoso.onmicrosoft.com';
const B = 'megan.bowen@contoso.onmicrosoft.com';
const C = 'alex.wilber@contoso.onmicrosoft.com';
const day = (offset: number, time = '09:00') =>
  `${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)}T${time}`;

describe('one meeting is one CRM event (matched by iCalUId), one run at a time', () => {
  let stack: Stack;
  let admin: string;
  let outlookA: Outlook;
  let syncA: CalendarSyncHandle;

  /** Every CRM event row (live or deleted) of the organisation with this subject or iCalUId. */
  const rows = (match: { subject?: string; iCalUId?: string }) => {
    let query = stack.store.db
      .selectFrom('events')
      .select(['id', 'owner_user_id', 'subject', 'ical_uid', 'origin', 'deleted_at']);
    if (match.subject) query = query.where('subject', '=', match.subject);
    if (match.iCalUId) query = query.where('ical_uid', '=', match.iCalUId);
    return query.execute();
  };
  const live = async (match: { subject?: string; iCalUId?: string }) =>
    (await rows(match)).filter((row) => row.deleted_at === null);
  const logOf = (handle: CalendarSyncHandle) =>
    stack.store.db
      .selectFrom('sync_log')
      .select(['direction', 'action', 'entity_id', 'subject', 'reason'])
      .where('binding_id', '=', handle.bindingId)
      .orderBy('id')
      .execute();
  const linksOf = (handle: CalendarSyncHandle) =>
    stack.store.db
      .selectFrom('sync_links')
      .select(['entity_id', 'graph_id', 'ical_uid'])
      .where('binding_id', '=', handle.bindingId)
      .execute();
  const withSubject = async (mailbox: Outlook, calendarId: string, subject: string) =>
    (await mailbox.events(calendarId)).filter((e) => e.subject === subject);
  const writeCounts = async () => {
    const counts = (await (await stack.fetch(`${stack.tenant.url}/_devtenant/api/request-counts`)).json()) as {
      mailboxes: Record<string, Record<string, number>>;
    };
    return Object.fromEntries(
      Object.entries(counts.mailboxes).map(([upn, c]) => [upn, (c.POST ?? 0) + (c.PATCH ?? 0) + (c.DELETE ?? 0)]),
    );
  };
  const resetCounts = () => stack.fetch(`${stack.tenant.url}/_devtenant/api/request-counts/reset`, { method: 'POST' });

  beforeEach(async () => {
    stack = await startStack({ runJobs: false });
    admin = await installTenant(stack, A);
    outlookA = new Outlook(stack, A);
    syncA = await enableCalendarSync(stack, admin);
    await syncNow(stack, syncA);
  });
  afterEach(() => stack?.close());

  it('skips the copy of another user’s CRM meeting that an attendee moves into their synced calendar', async () => {
    const megan = await joinByInvitation(stack, admin, B);
    const outlookB = new Outlook(stack, B);
    const syncB = await enableCalendarSync(stack, megan);
    await syncNow(stack, syncB);

    // A's CRM event with B as attendee, made after A enabled the sync: pushed with its attendees, so Exchange mails
    // B a request and puts a copy in B's default calendar.
    const created = await stack.api<{ id: string }>('/api/events', {
      token: admin,
      method: 'POST',
      body: {
        subject: 'Renewal call',
        start: day(3),
        end: day(3, '10:00'),
        timeZone: 'Europe/Berlin',
        attendees: [{ email: B, name: 'Megan Bowen' }],
      },
    });
    expect(created.status).toBe(201);
    await syncNow(stack, syncA);
    const [organizerItem] = await withSubject(outlookA, syncA.calendarId, 'Renewal call');
    expect(organizerItem).toBeDefined();
    const [crmEvent] = await live({ subject: 'Renewal call' });
    expect(crmEvent).toMatchObject({
      id: created.body.id,
      owner_user_id: syncA.userId,
      ical_uid: organizerItem!.iCalUId,
    });
    const [copy] = await withSubject(outlookB, 'default', 'Renewal call');
    expect(copy).toMatchObject({ iCalUId: organizerItem!.iCalUId });
    expect((await outlookB.meetingMessages()).map((m) => m.subject)).toContain('Renewal call');

    // B files the copy under the brand calendar: a new item there, same iCalUId.
    const moved = await outlookB.move(copy!.id, syncB.calendarId);
    expect(moved.id).not.toBe(copy!.id);
    expect(moved.iCalUId).toBe(organizerItem!.iCalUId);

    await resetCounts();
    await syncNow(stack, syncB);
    expect(await rows({ subject: 'Renewal call' })).toEqual([
      expect.objectContaining({ id: created.body.id, owner_user_id: syncA.userId, deleted_at: null }),
    ]);
    expect((await logOf(syncB)).filter((entry) => entry.direction === 'from_microsoft')).toEqual([
      {
        direction: 'from_microsoft',
        action: 'skipped',
        entity_id: created.body.id,
        subject: 'Renewal call',
        reason: 'meeting_of_other_user',
      },
    ]);
    expect(await linksOf(syncB)).toEqual([]);
    // B's run only read: nothing written to either mailbox.
    expect(Object.values(await writeCounts()).every((writes) => writes === 0)).toBe(true);
    const status = await stack.api<{ log: { action: string; subject: string | null; reason: string }[] }>(
      '/api/sync/calendar',
      { token: megan },
    );
    expect(status.body.log).toContainEqual(
      expect.objectContaining({
        action: 'skipped',
        subject: 'Renewal call',
        reason: 'this meeting is already in the CRM as another user’s event',
      }),
    );

    // A's next run has nothing to push or pull: still one item in A's calendar, none in A's default calendar.
    await syncNow(stack, syncA);
    await syncNow(stack, syncB);
    expect((await withSubject(outlookA, syncA.calendarId, 'Renewal call')).map((e) => e.id)).toEqual([
      organizerItem!.id,
    ]);
    expect(await withSubject(outlookA, 'default', 'Renewal call')).toEqual([]);
    expect((await withSubject(outlookB, syncB.calendarId, 'Renewal call')).map((e) => e.id)).toEqual([moved.id]);
    expect(await withSubject(outlookB, 'default', 'Renewal call')).toEqual([]);
    expect(await live({ iCalUId: organizerItem!.iCalUId })).toHaveLength(1);

    // The organizer changes the meeting in the CRM. Exchange looks for B's copy in B's default calendar only, so the
    // update lands there as a new copy and the one B filed under the brand calendar stays as it was: B's run has
    // nothing new to read, and still nothing is created, linked or written.
    await stack.api(`/api/events/${created.body.id}`, {
      token: admin,
      method: 'PATCH',
      body: { subject: 'Renewal call (agenda)' },
    });
    await syncNow(stack, syncA);
    expect((await withSubject(outlookA, syncA.calendarId, 'Renewal call (agenda)')).map((e) => e.id)).toEqual([
      organizerItem!.id,
    ]);
    expect((await outlookB.events(syncB.calendarId)).map((e) => [e.id, e.subject])).toEqual([
      [moved.id, 'Renewal call'],
    ]);
    expect(await withSubject(outlookB, 'default', 'Renewal call (agenda)')).toHaveLength(1);
    await resetCounts();
    await syncNow(stack, syncB);
    expect(await rows({ iCalUId: organizerItem!.iCalUId })).toEqual([
      expect.objectContaining({
        id: created.body.id,
        subject: 'Renewal call (agenda)',
        owner_user_id: syncA.userId,
        deleted_at: null,
      }),
    ]);
    expect((await logOf(syncB)).filter((entry) => entry.direction === 'from_microsoft')).toHaveLength(1);
    expect(Object.values(await writeCounts()).every((writes) => writes === 0)).toBe(true);
    expect(await linksOf(syncB)).toEqual([]);

    // B edits the filed copy: B's run reads it again and skips it again.
    await outlookB.update(moved.id, { categories: ['Customer'] });
    await syncNow(stack, syncB);
    expect(
      (await logOf(syncB)).filter((entry) => entry.reason === 'meeting_of_other_user').map((entry) => entry.entity_id),
    ).toEqual([created.body.id, created.body.id]);
    expect(await live({ iCalUId: organizerItem!.iCalUId })).toHaveLength(1);
    expect(await linksOf(syncB)).toEqual([]);
  });

  it('makes one CRM event of a colleague’s meeting moved into the synced calendar, however often it is moved out and back', async () => {
    // C (in the tenant, not in the CRM, no sync) invites A from their own Outlook.
    const outlookC = new Outlook(stack, C);
    const meeting = await outlookC.create((await outlookC.calendarNamed('Calendar'))!.id, {
      subject: 'Supplier review',
      start: { dateTime: day(5, '14:00'), timeZone: 'Europe/Berlin' },
      end: { dateTime: day(5, '15:00'), timeZone: 'Europe/Berlin' },
      attendees: [{ emailAddress: { address: A, name: 'Contoso Admin' }, type: 'required' }],
    });
    const [inDefault] = await withSubject(outlookA, 'default', 'Supplier review');
    expect(inDefault).toMatchObject({ iCalUId: meeting.iCalUId });
    await syncNow(stack, syncA);
    expect(await rows({ iCalUId: meeting.iCalUId })).toEqual([]); // the default calendar is never synced

    // Into the brand calendar: a new Graph id there, and one CRM event for A.
    const first = await outlookA.move(inDefault!.id, syncA.calendarId);
    await syncNow(stack, syncA);
    const [event] = await rows({ iCalUId: meeting.iCalUId });
    expect(await rows({ iCalUId: meeting.iCalUId })).toHaveLength(1);
    expect(event).toMatchObject({
      owner_user_id: syncA.userId,
      subject: 'Supplier review',
      origin: 'microsoft365',
      deleted_at: null,
    });
    expect(await linksOf(syncA)).toContainEqual({
      entity_id: event!.id,
      graph_id: first.id,
      ical_uid: meeting.iCalUId,
    });
    expect(
      (await logOf(syncA))
        .filter((entry) => entry.entity_id === event!.id)
        .map((entry) => [entry.action, entry.reason]),
    ).toEqual([['created', 'new_in_outlook']]);

    // Out and back again between two runs: the run sees the old id removed and a new item with the same iCalUId,
    // and keeps the one CRM event (matched by iCalUId), now linked to the newest id.
    const out = await outlookA.move(first.id, 'default');
    const back = await outlookA.move(out.id, syncA.calendarId);
    expect(new Set([inDefault!.id, first.id, out.id, back.id]).size).toBe(4);
    await syncNow(stack, syncA);
    await syncNow(stack, syncA);
    expect(await rows({ iCalUId: meeting.iCalUId })).toEqual([
      expect.objectContaining({ id: event!.id, deleted_at: null }),
    ]);
    expect((await linksOf(syncA)).filter((link) => link.entity_id === event!.id)).toEqual([
      { entity_id: event!.id, graph_id: back.id, ical_uid: meeting.iCalUId },
    ]);
    expect(
      (await logOf(syncA))
        .filter((entry) => entry.entity_id === event!.id)
        .map((entry) => [entry.action, entry.reason]),
    ).toEqual([
      ['created', 'new_in_outlook'],
      ['skipped', 'already_linked'],
    ]);
    // Nothing was pushed back: the brand calendar holds the moved copy only, the organizer's meeting is untouched.
    expect((await withSubject(outlookA, syncA.calendarId, 'Supplier review')).map((e) => e.id)).toEqual([back.id]);
    expect(await withSubject(outlookA, 'default', 'Supplier review')).toEqual([]);
    expect((await withSubject(outlookC, 'default', 'Supplier review')).map((e: OutlookEvent) => e.id)).toEqual([
      meeting.id,
    ]);

    // C moves the meeting. Exchange looks for A's copy in A's default calendar only, so the update lands there as a
    // new copy (never synced) and the copy filed under the brand calendar, and so the CRM event, keep the old time.
    await outlookC.update(meeting.id, {
      subject: 'Supplier review (moved to Friday)',
      start: { dateTime: day(6, '14:00'), timeZone: 'Europe/Berlin' },
      end: { dateTime: day(6, '15:00'), timeZone: 'Europe/Berlin' },
    });
    expect(await withSubject(outlookA, 'default', 'Supplier review (moved to Friday)')).toHaveLength(1);
    await syncNow(stack, syncA);
    expect(await rows({ iCalUId: meeting.iCalUId })).toEqual([
      expect.objectContaining({ id: event!.id, subject: 'Supplier review', deleted_at: null }),
    ]);
    expect((await outlookA.events(syncA.calendarId)).map((e) => e.id)).toEqual([back.id]);
  });

  it('deletes the CRM event when the copy leaves the synced calendar for a whole run, and makes one new event when it comes back', async () => {
    const outlookC = new Outlook(stack, C);
    const meeting = await outlookC.create((await outlookC.calendarNamed('Calendar'))!.id, {
      subject: 'Budget round',
      start: { dateTime: day(4, '11:00'), timeZone: 'Europe/Berlin' },
      end: { dateTime: day(4, '12:00'), timeZone: 'Europe/Berlin' },
      attendees: [{ emailAddress: { address: A }, type: 'required' }],
    });
    const [inDefault] = await withSubject(outlookA, 'default', 'Budget round');
    const first = await outlookA.move(inDefault!.id, syncA.calendarId);
    await syncNow(stack, syncA);
    const [event] = await live({ iCalUId: meeting.iCalUId });
    expect(event).toBeDefined();

    // Out, and a run: to the synced calendar the item is gone (Graph confirms the old id is not found), so the
    // CRM event is deleted as "deleted in Outlook", though the meeting lives on in A's default calendar.
    const out = await outlookA.move(first.id, 'default');
    await syncNow(stack, syncA);
    expect(await live({ iCalUId: meeting.iCalUId })).toEqual([]);
    expect(
      (await logOf(syncA))
        .filter((entry) => entry.entity_id === event!.id)
        .map((entry) => [entry.action, entry.reason]),
    ).toEqual([
      ['created', 'new_in_outlook'],
      ['deleted', 'deleted_in_outlook'],
    ]);

    // Back in: the deleted event is not revived (a deletion never comes back); one new live CRM event instead.
    await outlookA.move(out.id, syncA.calendarId);
    await syncNow(stack, syncA);
    await syncNow(stack, syncA);
    const after = await rows({ iCalUId: meeting.iCalUId });
    expect(after.filter((row) => row.deleted_at === null)).toEqual([
      expect.objectContaining({ owner_user_id: syncA.userId, subject: 'Budget round' }),
    ]);
    expect(after.find((row) => row.deleted_at === null)!.id).not.toBe(event!.id);
    expect(after).toHaveLength(2);
    expect(await withSubject(outlookA, syncA.calendarId, 'Budget round')).toHaveLength(1);
  });
  /** A's CRM meeting with B, pushed to A's calendar; B files B's copy under B's synced calendar, and B's run skips it. */
  async function meetingFiledByAttendee(subject: string) {
    const megan = await joinByInvitation(stack, admin, B);
    const outlookB = new Outlook(stack, B);
    const syncB = await enableCalendarSync(stack, megan);
    await syncNow(stack, syncB);
    const created = await stack.api<{ id: string }>('/api/events', {
      token: admin,
      method: 'POST',
      body: {
        subject,
        start: day(3),
        end: day(3, '10:00'),
        timeZone: 'Europe/Berlin',
        attendees: [{ email: B, name: 'Megan Bowen' }],
      },
    });
    await syncNow(stack, syncA);
    const [copy] = await withSubject(outlookB, 'default', subject);
    await outlookB.move(copy!.id, syncB.calendarId);
    await syncNow(stack, syncB);
    expect(await linksOf(syncB)).toEqual([]);
    const expireB = () =>
      stack.fetch(`${stack.tenant.url}/_devtenant/api/mailboxes/${encodeURIComponent(B)}/expire-delta-tokens`, {
        method: 'POST',
      });
    return { eventId: created.body.id, syncB, expireB };
  }

  it('never brings back a meeting its organizer deleted in the CRM through an attendee’s filed copy, even on a fresh round', async () => {
    const { eventId, syncB, expireB } = await meetingFiledByAttendee('Pricing call');
    await stack.api(`/api/events/${eventId}`, { token: admin, method: 'DELETE' });
    await syncNow(stack, syncA);
    await expireB();
    await syncNow(stack, syncB);
    expect(await live({ subject: 'Pricing call' })).toEqual([]);
    expect((await logOf(syncB)).at(-1)).toMatchObject({
      action: 'skipped',
      entity_id: eventId,
      reason: 'meeting_deleted_by_owner',
    });
  });

  it('keeps the new owner’s link on the meeting their sync created when the filed copy of the old one comes round again', async () => {
    const { eventId, syncB, expireB } = await meetingFiledByAttendee('Handover call');
    await stack.api(`/api/events/${eventId}/owner`, { token: admin, method: 'POST', body: { ownerId: syncB.userId } });
    await syncNow(stack, syncA);
    await syncNow(stack, syncB);
    const [link] = await linksOf(syncB);
    expect(link).toMatchObject({ entity_id: eventId });
    await expireB();
    await syncNow(stack, syncB);
    expect(await linksOf(syncB)).toEqual([link]);
    expect(await live({ subject: 'Handover call' })).toHaveLength(1);
    expect((await logOf(syncB)).some((entry) => entry.reason === 'meeting_copy' && entry.entity_id === eventId)).toBe(
      true,
    );
  });
});
