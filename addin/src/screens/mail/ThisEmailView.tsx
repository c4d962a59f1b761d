import {
  Avatar,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowClockwise20Regular,
  CalendarLtr16Regular,
  Edit20Regular,
  PersonAdd20Regular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { Contact, ListedEvent, LookedUpContact } from '../../api/types';
import { contactName, emailsOf, splitDisplayName } from '../../contacts/model';
import { formatShortDay, shownTimes, timeRange } from '../../events/model';
import type { CurrentMessage, MailAddress } from '../../host/outlookItem';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nContext';
import { Section } from '../../ui/Page';
import { isValidEmail } from '../../users/model';
import { ContactDialog, type ContactDialogMode } from '../contacts/ContactDialog';
import { ContactTimeline } from '../contacts/ContactTimeline';
import { FileMailSection } from './FileMailSection';

const useStyles = makeStyles({
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2, margin: 0, overflowWrap: 'anywhere' },
  groupHeading: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
  person: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM, minWidth: 0 },
  personText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, flexGrow: 1 },
  name: { margin: 0, overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground3 },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  events: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  event: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  eventIcon: { flexShrink: 0, display: 'flex', paddingTop: '2px', color: tokens.colorNeutralForeground3 },
  eventText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  eventsHeading: { margin: 0, fontSize: tokens.fontSizeBase300 },
});

type EventsState = { status: 'loading' } | { status: 'ready'; events: ListedEvent[] } | { status: 'error' };

/** How many upcoming events a person's card lists. */
const UPCOMING_WITH = 5;

/** The caller's next events that one of these addresses attends, soonest first (a series at its next occurrence). */
function useUpcomingWith(api: Api, emails: readonly string[]): EventsState {
  const [state, setState] = useState<EventsState>({ status: 'loading' });
  // Only addresses the service takes; one line each, so the effect runs again only when they change.
  const key = [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(isValidEmail))].join('\n');
  useEffect(() => {
    if (key === '') return;
    let current = true;
    setState({ status: 'loading' });
    api
      .listEventPage({ view: 'upcoming', limit: UPCOMING_WITH, attendees: key.split('\n') })
      .then(({ events }) => current && setState({ status: 'ready', events }))
      .catch(() => current && setState({ status: 'error' }));
    return () => {
      current = false;
    };
  }, [api, key]);
  return key === '' ? { status: 'ready', events: [] } : state;
}

/**
 * Outlook, reading a mail: who the sender and the other recipients are in the CRM (contact, owner, upcoming events
 * with them), or Add to CRM for an address the CRM does not know. Plain React: the message comes in as a prop.
 */
export function ThisEmailView({
  brand,
  api,
  message,
  myEmail,
  myUserId,
}: {
  brand: string;
  api: Api;
  /** undefined: nothing (or no message) is selected in a pinned pane. */
  message: CurrentMessage | undefined;
  /** The user's own address is not looked up among the recipients. */
  myEmail: string;
  myUserId: string;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  // A contact added from a card may be one the e-mail can now be filed on.
  const [contactsChanged, setContactsChanged] = useState(0);
  const contactAdded = useCallback(() => setContactsChanged((n) => n + 1), []);
  // Filing or removing the e-mail changes the timelines on the cards.
  const [filings, setFilings] = useState(0);
  const filingChanged = useCallback(() => setFilings((n) => n + 1), []);

  const people = useMemo(() => {
    if (!message) return { sender: undefined, others: [] as MailAddress[] };
    const seen = new Set<string>([myEmail.trim().toLowerCase()]);
    const keep = (a: MailAddress | undefined) => {
      if (!a) return false;
      const key = a.emailAddress.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    const sender = keep(message.from) ? message.from : undefined;
    const others = [...message.to, ...message.cc].filter(keep);
    return { sender, others };
  }, [message, myEmail]);

  if (!message) {
    return (
      <Section>
        <Subtitle1 as="h1" className={styles.heading}>
          {t('mail.title')}
        </Subtitle1>
        <Body1 as="p" className={styles.muted}>
          {t('mail.none', { brand })}
        </Body1>
      </Section>
    );
  }

  return (
    <>
      <Section>
        <Subtitle1 as="h1" className={styles.heading}>
          {t('mail.title')}
        </Subtitle1>
        <Body1 as="p" className={styles.muted}>
          {t('mail.subject', { subject: message.subject.trim() || t('mail.noSubject') })}
        </Body1>
      </Section>
      <FileMailSection
        brand={brand}
        api={api}
        message={message}
        refreshKey={contactsChanged}
        onFilingChanged={filingChanged}
      />
      {people.sender && (
        <>
          <Subtitle2 as="h2" className={styles.groupHeading}>
            {t('mail.sender')}
          </Subtitle2>
          <PersonCard
            brand={brand}
            api={api}
            address={people.sender}
            myUserId={myUserId}
            onContactAdded={contactAdded}
            timelineKey={filings}
          />
        </>
      )}
      {people.others.length > 0 && (
        <>
          <Subtitle2 as="h2" className={styles.groupHeading}>
            {t('mail.recipients')}
          </Subtitle2>
          {people.others.map((address) => (
            <PersonCard
              key={address.emailAddress}
              brand={brand}
              api={api}
              address={address}
              myUserId={myUserId}
              onContactAdded={contactAdded}
              timelineKey={filings}
            />
          ))}
        </>
      )}
    </>
  );
}

type Lookup =
  { status: 'loading' } | { status: 'ready'; contact: LookedUpContact | null } | { status: 'error'; error: unknown };

function PersonCard({
  brand,
  api,
  address,
  myUserId,
  onContactAdded,
  timelineKey,
}: {
  brand: string;
  api: Api;
  address: MailAddress;
  myUserId: string;
  onContactAdded: () => void;
  timelineKey: number;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [lookup, setLookup] = useState<Lookup>({ status: 'loading' });
  const [dialog, setDialog] = useState<ContactDialogMode>();
  const [added, setAdded] = useState<string>();

  const load = useCallback(async () => {
    setLookup({ status: 'loading' });
    try {
      const { contact } = await api.lookupContact(address.emailAddress);
      setLookup({ status: 'ready', contact });
    } catch (error) {
      setLookup({ status: 'error', error });
    }
  }, [api, address.emailAddress]);

  useEffect(() => {
    void load();
  }, [load]);

  const knownContact = lookup.status === 'ready' ? lookup.contact : null;
  // Upcoming events with this person, asked for once the CRM knows them (by any of their addresses).
  const attendeeEmails = useMemo(
    () => (knownContact ? [address.emailAddress, ...emailsOf(knownContact)] : []),
    [knownContact, address.emailAddress],
  );
  const events = useUpcomingWith(api, attendeeEmails);

  const shownName = address.displayName || address.emailAddress;
  const saved = (contact: Contact, mode: ContactDialogMode) => {
    setDialog(undefined);
    if (mode.kind === 'new') {
      setAdded(t('mail.added', { name: contactName(contact), brand }));
      onContactAdded();
    }
    void load();
  };

  let body;
  if (lookup.status === 'loading') {
    body = <Spinner size="tiny" labelPosition="after" label={t('mail.loading', { address: address.emailAddress })} />;
  } else if (lookup.status === 'error') {
    body = (
      <>
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            {t('mail.lookupFailed', { address: address.emailAddress })} {userMessageOf(lookup.error, '')}
          </MessageBarBody>
        </MessageBar>
        <div>
          <Button icon={<ArrowClockwise20Regular />} onClick={() => void load()}>
            {t('mail.retry')}
          </Button>
        </div>
      </>
    );
  } else if (lookup.contact === null) {
    const { firstName, lastName } = splitDisplayName(address.displayName, address.emailAddress);
    body = (
      <>
        <div className={styles.person}>
          <Avatar name={shownName} size={40} aria-hidden="true" />
          <div className={styles.personText}>
            <Body1Strong as="h3" className={styles.name}>
              {shownName}
            </Body1Strong>
            {address.displayName !== '' && <Caption1 className={styles.muted}>{address.emailAddress}</Caption1>}
            <Caption1 className={styles.muted}>{t('mail.unknown', { brand })}</Caption1>
          </div>
        </div>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={<PersonAdd20Regular />}
            aria-label={t('mail.addLabel', { name: shownName })}
            onClick={() => setDialog({ kind: 'new', prefill: { firstName, lastName, email: address.emailAddress } })}
          >
            {t('mail.add')}
          </Button>
        </div>
      </>
    );
  } else {
    body = known(lookup.contact);
  }

  return (
    <Section label={t('mail.personLabel', { name: shownName, address: address.emailAddress })}>
      {added !== undefined && (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>{added}</MessageBarBody>
        </MessageBar>
      )}
      {body}
      <ContactDialog mode={dialog} api={api} onCancel={() => setDialog(undefined)} onSaved={saved} />
    </Section>
  );

  /** A contact the CRM knows: who, how to call, whose, and what is coming up with them. */
  function known(contact: LookedUpContact) {
    const mailAddress = address;
    const eventsState = events;
    const me = myUserId;
    const onEdit = (c: Contact) => setDialog({ kind: 'edit', contact: c });
    const name = contactName(contact);
    const work = [contact.title, contact.accountName].filter((part) => part.trim() !== '').join(' · ');
    const phones: Array<[MessageKey, string]> = (
      [
        ['contactDialog.phone', contact.phone],
        ['contactDialog.mobile', contact.mobile],
        ['contactDialog.otherPhone', contact.otherPhone],
        ['contactDialog.homePhone', contact.homePhone],
      ] as Array<[MessageKey, string]>
    ).filter(([, value]) => value.trim() !== '');
    const upcoming = eventsState.status === 'ready' ? eventsState.events : [];

    return (
      <>
        <div className={styles.person}>
          <Avatar name={name} size={40} color="colorful" aria-hidden="true" />
          <div className={styles.personText}>
            <Body1Strong as="h3" className={styles.name}>
              {name}
            </Body1Strong>
            {work !== '' && <Body1 className={styles.muted}>{work}</Body1>}
            {contact.department !== '' && <Caption1 className={styles.muted}>{contact.department}</Caption1>}
            <Caption1 className={styles.muted}>{mailAddress.emailAddress}</Caption1>
          </div>
        </div>
        {phones.length > 0 && (
          <dl className={styles.facts}>
            {phones.map(([label, value]) => (
              <div key={label} style={{ display: 'contents' }}>
                <dt>{t(label)}</dt>
                <dd>
                  <Link href={`tel:${value.replace(/[^+0-9]/g, '')}`}>{value}</Link>
                </dd>
              </div>
            ))}
          </dl>
        )}
        <Caption1 className={styles.muted}>{t('mail.owner', { name: contact.ownerName })}</Caption1>
        {contact.ownerId === me && (
          <div className={styles.actions}>
            <Button icon={<Edit20Regular />} aria-label={t('mail.editLabel', { name })} onClick={() => onEdit(contact)}>
              {t('mail.edit')}
            </Button>
          </div>
        )}
        <Subtitle2 as="h4" className={styles.eventsHeading}>
          {t('mail.upcoming', { name })}
        </Subtitle2>
        {eventsState.status === 'loading' && (
          <Spinner size="tiny" labelPosition="after" label={t('mail.eventsLoading')} />
        )}
        {eventsState.status === 'error' && <Caption1 className={styles.muted}>{t('mail.eventsFailed')}</Caption1>}
        {eventsState.status === 'ready' && upcoming.length === 0 && (
          <Caption1 className={styles.muted}>{t('mail.noUpcoming', { name })}</Caption1>
        )}
        {upcoming.length > 0 && (
          <ul className={styles.events} aria-label={t('mail.upcoming', { name })}>
            {upcoming.map((event) => {
              const shown = { ...shownTimes(event), isAllDay: event.isAllDay };
              const day = formatShortDay(shown.start.slice(0, 10), language);
              const when = [day, timeRange(shown, language) ?? t('events.allDay')].join(', ');
              return (
                <li key={event.id} className={styles.event}>
                  <span className={styles.eventIcon} aria-hidden="true">
                    <CalendarLtr16Regular />
                  </span>
                  <span className={styles.eventText}>
                    <Body1Strong>{event.subject}</Body1Strong>
                    <Caption1 className={styles.muted}>{when}</Caption1>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        <Subtitle2 as="h4" className={styles.eventsHeading}>
          {t('timeline.heading', { name })}
        </Subtitle2>
        <ContactTimeline api={api} contactId={contact.id} name={name} pageSize={5} changeKey={timelineKey} />
      </>
    );
  }
}
