import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTACT_MAPPING, graphToCrm, type GraphContact } from '../../crm/contacts/fieldMapping.js';
import { fromGraphEvent } from '../calendar/eventMapping.js';
import type { GraphEvent } from '../calendar/graphEvent.js';
import { itemFailureReason } from './itemFailureReason.js';
import { storableItem } from './storableText.js';

// Text as Graph may carry it: control characters, NUL, lone surrogates, emoji, and now and then a huge field.
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '\uDFFFx', '\u0001\u001f\u007f', '👋 Grüße'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).map((piece) => piece.repeat(3_000)),
);
// What Graph leaves out or sends as null, and values of the wrong kind where a broken item could carry them.
const anything = fc.oneof(
  { weight: 4, arbitrary: text },
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.boolean(),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('dateTime', 'timeZone', 'content', 'contentType', 'displayName', 'address'), text),
);
const dateTime = fc.oneof(
  fc.record({
    dateTime: fc.constantFrom('2026-12-03T09:00:00.0000000', '2027-03-28T01:30:00', 'not a date'),
    timeZone: fc.oneof(text, fc.constantFrom('UTC', 'W. Europe Standard Time', 'Europe/Berlin')),
  }),
  anything,
);

/** Every property of an item either maps, or fails in a way the engine counts against that item alone. */
function mapsOrFailsOnItsOwn(map: () => unknown): void {
  try {
    map();
  } catch (error) {
    expect(itemFailureReason(error), String(error)).toBeDefined();
  }
}

describe('random Graph items through the mappings', () => {
  it('an event maps or fails as that item’s failure, and what it maps holds no NUL or lone surrogate', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            id: fc.string({ minLength: 1, maxLength: 20 }),
            subject: anything,
            body: fc.oneof(
              fc.record({ contentType: fc.constantFrom('text', 'html', 'HTML'), content: text }),
              anything,
            ),
            location: fc.oneof(fc.record({ displayName: anything }), anything),
            start: dateTime,
            end: dateTime,
            isAllDay: anything,
            originalStartTimeZone: anything,
            attendees: fc.oneof(
              fc.array(fc.record({ type: anything, emailAddress: fc.record({ address: anything, name: anything }) })),
              anything,
            ),
            showAs: anything,
            isReminderOn: anything,
            reminderMinutesBeforeStart: anything,
          },
          { requiredKeys: ['id'] },
        ),
        (raw) => {
          const { item } = storableItem(raw);
          mapsOrFailsOnItsOwn(() => {
            const mapped = fromGraphEvent(item as unknown as GraphEvent, undefined);
            const strings = JSON.stringify(mapped);
            expect(strings.includes('\\u0000')).toBe(false);
            expect(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i.test(strings)).toBe(false);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a contact maps through the default field mapping or fails as that item’s failure', () => {
    fc.assert(
      fc.property(
        fc.record({
          givenName: anything,
          surname: anything,
          companyName: anything,
          jobTitle: anything,
          displayName: anything,
          emailAddresses: fc.oneof(
            fc.array(fc.record({ address: anything, name: anything }), { maxLength: 4 }),
            anything,
          ),
          businessPhones: fc.oneof(fc.array(anything, { maxLength: 3 }), anything),
          mobilePhone: anything,
          businessAddress: fc.oneof(fc.record({ street: anything, city: anything, postalCode: anything }), anything),
          birthday: anything,
          personalNotes: anything,
        }),
        (raw) => {
          const { item } = storableItem(raw);
          mapsOrFailsOnItsOwn(() => {
            const mapped = graphToCrm(item as unknown as GraphContact, DEFAULT_CONTACT_MAPPING);
            expect(JSON.stringify(mapped).includes('\\u0000')).toBe(false);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
