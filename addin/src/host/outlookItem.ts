/** A person in a mail header, as Outlook gives it. */
export interface MailAddress {
  displayName: string;
  emailAddress: string;
}

/** The message open in Outlook's reading pane. */
export interface CurrentMessage {
  /** item.from, else item.sender; undefined when neither is there. */
  from: MailAddress | undefined;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** Office.js's item id (EWS format): the service reads the message by it to file it. */
  itemId: string | undefined;
  /** The message's Internet Message-ID header, shared by every copy: how the CRM knows it was filed. */
  internetMessageId: string | undefined;
}

/**
 * The message Outlook shows in read mode, or undefined: outside Outlook, with nothing selected, in compose mode
 * (where from/to are objects with getAsync, not values), or for an appointment. Never rejects.
 */
export async function readCurrentMessage(): Promise<CurrentMessage | undefined> {
  try {
    const item = currentItem();
    if (item === undefined) return undefined;
    // Office.MailboxEnums.ItemType.Message is the string "message".
    if (item.itemType !== 'message') return undefined;
    // Read mode gives arrays; compose mode gives Recipients objects (getAsync).
    if (!Array.isArray(item.to)) return undefined;
    return {
      from: addressOf(item.from) ?? addressOf(item.sender),
      to: addressesOf(item.to),
      cc: addressesOf(item.cc),
      subject: typeof item.subject === 'string' ? item.subject : '',
      itemId: nonEmpty(item.itemId),
      internetMessageId: nonEmpty(item.internetMessageId),
    };
  } catch {
    return undefined;
  }
}

/**
 * Calls back whenever the user selects another item in a pinned task pane (ItemChanged); returns the unsubscribe
 * function. Does nothing where Office.js or the event is not there.
 */
export function onItemChanged(listener: () => void): () => void {
  let active = true;
  let registered = false;
  try {
    const mailbox = typeof Office === 'undefined' ? undefined : Office.context?.mailbox;
    const eventType = typeof Office === 'undefined' ? undefined : Office.EventType?.ItemChanged;
    if (mailbox && eventType && typeof mailbox.addHandlerAsync === 'function') {
      mailbox.addHandlerAsync(eventType, () => {
        if (active) listener();
      });
      registered = true;
    }
  } catch {
    // not supported by this client (the pane then shows the item it opened with)
  }
  return () => {
    active = false;
    if (!registered) return;
    try {
      Office.context.mailbox.removeHandlerAsync(Office.EventType.ItemChanged);
    } catch {
      // not supported by this client
    }
  };
}

/** The raw item, read loosely: its shape differs between read and compose mode. */
interface LooseItem {
  itemType?: unknown;
  from?: unknown;
  sender?: unknown;
  to?: unknown;
  cc?: unknown;
  subject?: unknown;
  itemId?: unknown;
  internetMessageId?: unknown;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function currentItem(): LooseItem | undefined {
  if (typeof Office === 'undefined') return undefined;
  const item: unknown = Office.context?.mailbox?.item;
  return typeof item === 'object' && item !== null ? item : undefined;
}

function addressOf(value: unknown): MailAddress | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const emailAddress = typeof record.emailAddress === 'string' ? record.emailAddress.trim() : '';
  if (emailAddress === '') return undefined;
  const displayName = typeof record.displayName === 'string' ? record.displayName.trim() : '';
  return { displayName, emailAddress };
}

function addressesOf(value: unknown): MailAddress[] {
  return Array.isArray(value) ? value.map(addressOf).filter((a): a is MailAddress => a !== undefined) : [];
}

/** The message being written (compose mode), with the one thing File when sent needs: its internet headers. */
export interface ComposeMessage {
  /** Whether this Outlook can set a draft's internet headers (Mailbox 1.8). */
  canMark: boolean;
  getHeader(name: string): Promise<string | undefined>;
  setHeader(name: string, value: string): Promise<void>;
  removeHeader(name: string): Promise<void>;
}

interface AsyncResult<T> {
  status: string;
  value: T;
  error?: { message?: string };
}
interface HeaderApi {
  getAsync(names: string[], callback: (result: AsyncResult<Record<string, string>>) => void): void;
  setAsync(headers: Record<string, string>, callback: (result: AsyncResult<unknown>) => void): void;
  removeAsync(names: string[], callback: (result: AsyncResult<unknown>) => void): void;
}

/**
 * The message Outlook has open for writing, or undefined: in read mode, for an appointment, outside Outlook. Its
 * recipients are not read here (compose mode gives them only asynchronously, and File when sent needs them not).
 */
export function readComposeMessage(): ComposeMessage | undefined {
  try {
    const item = currentItem();
    if (item === undefined || item.itemType !== 'message' || Array.isArray(item.to)) return undefined;
    const headers = (item as { internetHeaders?: unknown }).internetHeaders as HeaderApi | undefined;
    const supported =
      typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported?.('Mailbox', '1.8') === true;
    const canMark = supported && typeof headers?.setAsync === 'function';
    const call = <T>(start: (done: (result: AsyncResult<T>) => void) => void) =>
      new Promise<T>((resolve, reject) =>
        start((result) =>
          result.status === 'succeeded'
            ? resolve(result.value)
            : reject(new Error(result.error?.message ?? 'Outlook refused the internet header')),
        ),
      );
    return {
      canMark,
      getHeader: async (name) => (await call<Record<string, string>>((done) => headers!.getAsync([name], done)))[name],
      setHeader: async (name, value) => {
        await call((done) => headers!.setAsync({ [name]: value }, done));
      },
      removeHeader: async (name) => {
        await call((done) => headers!.removeAsync([name], done));
      },
    };
  } catch {
    return undefined;
  }
}
