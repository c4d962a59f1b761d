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

/** The message being written (compose mode), with the one thing File when sent needs: the add-in's item property. */
export interface ComposeMessage {
  /** Whether this Outlook gives the add-in custom properties on the item (Mailbox 1.1). */
  canMark: boolean;
  getProperty(name: string): Promise<string | undefined>;
  setProperty(name: string, value: string): Promise<void>;
  removeProperty(name: string): Promise<void>;
}

interface AsyncResult<T> {
  status: string;
  value: T;
  error?: { message?: string };
}
interface CustomProperties {
  get(name: string): unknown;
  set(name: string, value: string): void;
  remove(name: string): void;
  saveAsync(callback: (result: AsyncResult<unknown>) => void): void;
}
type LoadCustomProperties = (callback: (result: AsyncResult<CustomProperties>) => void) => void;

/**
 * The message Outlook has open for writing, or undefined: in read mode, for an appointment, outside Outlook. Its
 * recipients are not read here (compose mode gives them only asynchronously, and File when sent needs them not).
 * Custom properties are the add-in's own, on the item: they stay on the copy in Sent Items, never reach recipients.
 */
export function readComposeMessage(): ComposeMessage | undefined {
  try {
    const item = currentItem();
    if (item === undefined || item.itemType !== 'message' || Array.isArray(item.to)) return undefined;
    const load = (item as { loadCustomPropertiesAsync?: unknown }).loadCustomPropertiesAsync;
    const canMark = typeof load === 'function';
    const call = <T>(start: (done: (result: AsyncResult<T>) => void) => void) =>
      new Promise<T>((resolve, reject) =>
        start((result) =>
          result.status === 'succeeded'
            ? resolve(result.value)
            : reject(new Error(result.error?.message ?? 'Outlook refused the item property')),
        ),
      );
    const properties = () => call<CustomProperties>((done) => (load as LoadCustomProperties).call(item, done));
    const save = (props: CustomProperties) => call((done) => props.saveAsync(done));
    return {
      canMark,
      getProperty: async (name) => {
        const value = (await properties()).get(name);
        return typeof value === 'string' && value !== '' ? value : undefined;
      },
      setProperty: async (name, value) => {
        const props = await properties();
        props.set(name, value);
        await save(props);
      },
      removeProperty: async (name) => {
        const props = await properties();
        props.remove(name);
        await save(props);
      },
    };
  } catch {
    return undefined;
  }
}
