import type { RowProblem } from '../api/errors';
import type { ContactMappingOffer, ContactMappingRow, GraphTarget } from '../api/types';
import { en, type MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';

// The contact sync's Configuration dialog, without React: what each row offers and shows, the PUT body, and the
// service's row problems put back on the CRM field they belong to.

/** How the service writes a target: `givenName`, `emailAddresses[1]`, `homeAddress.city`; also the dropdown's value. */
export function targetName(target: GraphTarget): string {
  return target.position === undefined ? target.property : `${target.property}[${target.position}]`;
}

const ADDRESSES = new Set(['businessAddress', 'homeAddress', 'otherAddress']);

function knownKey(key: string): MessageKey | undefined {
  return Object.prototype.hasOwnProperty.call(en, key) ? (key as MessageKey) : undefined;
}

/**
 * A target as the dropdown shows it, by the name Outlook shows a person: 'First name', 'Email 2' (the first of a
 * kind unnumbered, as in Outlook), 'Home address: city'. Only a property without a friendly name shows its
 * technical name.
 */
export function targetLabel(target: GraphTarget, t: Translate): string {
  const [head = '', part] = target.property.split('.', 2);
  if (part !== undefined && ADDRESSES.has(head)) {
    const addressKey = knownKey(`graph.${head}`);
    const partKey = knownKey(`graph.${part}`);
    if (addressKey && partKey) return t('graph.addressPart', { address: t(addressKey), part: t(partKey) });
  } else if (part === undefined) {
    const key = knownKey(`graph.${head}`);
    if (key) return !target.position ? t(key) : t('graph.numbered', { label: t(key), n: target.position + 1 });
  }
  return targetName(target);
}

/** Each mappable field's chosen target name, '' for Not synced; filled from the offer's (default or saved) mapping. */
export type MappingChoices = Record<string, string>;

export function initialChoices(offer: ContactMappingOffer): MappingChoices {
  const choices: MappingChoices = {};
  for (const field of offer.fields) {
    const row = offer.mapping.find((entry) => entry.crmField === field.field);
    const chosen = row ? targetName(row.graph) : '';
    // A saved target the field no longer offers would show as an empty dropdown: treat it as Not synced.
    choices[field.field] = field.targets.some((target) => targetName(target) === chosen) ? chosen : '';
  }
  return choices;
}

/** The PUT body's mapping in field order, and which field each sent row is (the service names problems by row). */
export function mappingFromChoices(
  offer: ContactMappingOffer,
  choices: MappingChoices,
): { mapping: ContactMappingRow[]; rowFields: string[] } {
  const mapping: ContactMappingRow[] = [];
  const rowFields: string[] = [];
  for (const field of offer.fields) {
    const chosen = choices[field.field] ?? '';
    const target = field.targets.find((candidate) => targetName(candidate) === chosen);
    if (chosen === '' || target === undefined) continue;
    mapping.push({
      crmField: field.field,
      graph:
        target.position === undefined
          ? { property: target.property }
          : { property: target.property, position: target.position },
    });
    rowFields.push(field.field);
  }
  return { mapping, rowFields };
}

/** Fields whose target an earlier field already took, each with the label of that earlier field. */
export function takenTargets(offer: ContactMappingOffer, choices: MappingChoices): Record<string, string> {
  const owner = new Map<string, string>();
  const taken: Record<string, string> = {};
  for (const field of offer.fields) {
    const chosen = choices[field.field] ?? '';
    if (chosen === '') continue;
    const first = owner.get(chosen);
    if (first === undefined) owner.set(chosen, field.label);
    else taken[field.field] = first;
  }
  return taken;
}

/** The service's row problems by CRM field; problems of rows it cannot place come back as `other`. */
export function problemsByField(
  problems: RowProblem[],
  rowFields: string[],
): { byField: Record<string, string[]>; other: string[] } {
  const byField: Record<string, string[]> = {};
  const other: string[] = [];
  for (const problem of problems) {
    const field = rowFields[problem.row];
    if (field === undefined) other.push(problem.message);
    else (byField[field] ??= []).push(problem.message);
  }
  return { byField, other };
}
