import { afterEach, describe, expect, it, vi } from 'vitest';
import { onItemChanged, readCurrentMessage } from './outlookItem';

const g = globalThis as unknown as { Office?: unknown };

function stubOffice(item: unknown, addHandlerAsync = vi.fn(), removeHandlerAsync = vi.fn()) {
  g.Office = {
    context: { mailbox: { item, addHandlerAsync, removeHandlerAsync } },
    EventType: { ItemChanged: 'olkItemSelectedChanged' },
  };
  return { addHandlerAsync, removeHandlerAsync };
}

afterEach(() => {
  delete g.Office;
});

describe('readCurrentMessage', () => {
  it('reads a message in read mode', async () => {
    stubOffice({
      itemType: 'message',
      from: { displayName: 'Anna Müller', emailAddress: 'anna@contoso.com' },
      to: [
        { displayName: 'Me', emailAddress: 'me@fabrikam.com' },
        { displayName: '', emailAddress: '' },
      ],
      cc: [{ displayName: 'Bob', emailAddress: 'bob@contoso.com' }],
      subject: 'Offer',
      itemId: 'AAMkAD/x+y=',
      internetMessageId: '<offer-1@contoso.com>',
    });
    await expect(readCurrentMessage()).resolves.toEqual({
      from: { displayName: 'Anna Müller', emailAddress: 'anna@contoso.com' },
      to: [{ displayName: 'Me', emailAddress: 'me@fabrikam.com' }],
      cc: [{ displayName: 'Bob', emailAddress: 'bob@contoso.com' }],
      subject: 'Offer',
      itemId: 'AAMkAD/x+y=',
      internetMessageId: '<offer-1@contoso.com>',
    });
  });

  it('falls back to the sender', async () => {
    stubOffice({ itemType: 'message', sender: { displayName: 'A', emailAddress: 'a@b.de' }, to: [], subject: 'x' });
    const message = await readCurrentMessage();
    expect(message?.from).toEqual({ displayName: 'A', emailAddress: 'a@b.de' });
    // Older clients without the ids: the pane can then show the people, not file the mail.
    expect(message).toMatchObject({ itemId: undefined, internetMessageId: undefined });
  });

  it('gives nothing in compose mode, for an appointment, with nothing selected, or outside Office', async () => {
    stubOffice({ itemType: 'message', to: { getAsync: () => undefined }, from: { getAsync: () => undefined } });
    await expect(readCurrentMessage()).resolves.toBeUndefined();
    stubOffice({ itemType: 'appointment', to: [] });
    await expect(readCurrentMessage()).resolves.toBeUndefined();
    stubOffice(null);
    await expect(readCurrentMessage()).resolves.toBeUndefined();
    delete g.Office;
    await expect(readCurrentMessage()).resolves.toBeUndefined();
  });
});

describe('onItemChanged', () => {
  it('registers ItemChanged and stops calling back once unsubscribed', () => {
    const { addHandlerAsync, removeHandlerAsync } = stubOffice(null);
    const listener = vi.fn();
    const stop = onItemChanged(listener);
    expect(addHandlerAsync).toHaveBeenCalledWith('olkItemSelectedChanged', expect.any(Function));
    const handler = addHandlerAsync.mock.calls[0]![1] as () => void;
    handler();
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    handler();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(removeHandlerAsync).toHaveBeenCalledWith('olkItemSelectedChanged');
  });

  it('does nothing without Office', () => {
    expect(() => onItemChanged(() => undefined)()).not.toThrow();
  });
});
