import { extendedCondition, splitAnd } from '../calendar/eventFilter.js';
import { parseExtendedExpand } from '../calendar/eventResource.js';
import { GraphError, graphErrors } from '../graph/graphError.js';
import type { StoredContact, StoredContactFolder } from '../state/contactStore.js';

export interface ContactRenderOptions {
  select?: string[];
  /** `$expand=singleValueExtendedProperties($filter=id eq '...')`: the ids to include. */
  expandExtended?: string[] | 'all';
}

const CONTACT_PROPERTIES = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'parentFolderId',
  'birthday',
  'fileAs',
  'displayName',
  'givenName',
  'initials',
  'middleName',
  'nickName',
  'surname',
  'title',
  'yomiGivenName',
  'yomiSurname',
  'yomiCompanyName',
  'generation',
  'imAddresses',
  'jobTitle',
  'companyName',
  'department',
  'officeLocation',
  'profession',
  'businessHomePage',
  'assistantName',
  'manager',
  'homePhones',
  'mobilePhone',
  'businessPhones',
  'spouseName',
  'personalNotes',
  'children',
  'emailAddresses',
  'homeAddress',
  'businessAddress',
  'otherAddress',
];

export function parseContactSelect(select: unknown): string[] | undefined {
  if (typeof select !== 'string' || !select.trim()) return undefined;
  return select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => {
      const found = [...CONTACT_PROPERTIES, 'singleValueExtendedProperties'].find(
        (p) => p.toLowerCase() === name.toLowerCase(),
      );
      if (!found)
        throw graphErrors.badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.contact'.`);
      return found;
    });
}

/** `$expand=singleValueExtendedProperties($filter=id eq '...')` → the ids asked for. */
export function parseContactExpand(expand: unknown): string[] | undefined {
  return parseExtendedExpand(expand, 'contact');
}

/** The Graph `contact` resource. Outlook always includes @odata.etag and id, even with $select. */
export function contactResource(c: StoredContact, opts: ContactRenderOptions = {}): Record<string, unknown> {
  const full: Record<string, unknown> = {
    '@odata.etag': `W/"${c.changeKey}"`,
    id: c.id,
    createdDateTime: c.createdDateTime,
    lastModifiedDateTime: c.lastModifiedDateTime,
    changeKey: c.changeKey,
    categories: c.categories,
    parentFolderId: c.parentFolderId,
    birthday: c.birthday,
    fileAs: c.fileAs,
    displayName: c.displayName,
    givenName: c.givenName,
    initials: c.initials,
    middleName: c.middleName,
    nickName: c.nickName,
    surname: c.surname,
    title: c.title,
    yomiGivenName: c.yomiGivenName,
    yomiSurname: c.yomiSurname,
    yomiCompanyName: c.yomiCompanyName,
    generation: c.generation,
    imAddresses: c.imAddresses,
    jobTitle: c.jobTitle,
    companyName: c.companyName,
    department: c.department,
    officeLocation: c.officeLocation,
    profession: c.profession,
    businessHomePage: c.businessHomePage,
    assistantName: c.assistantName,
    manager: c.manager,
    homePhones: c.homePhones,
    mobilePhone: c.mobilePhone,
    businessPhones: c.businessPhones,
    spouseName: c.spouseName,
    personalNotes: c.personalNotes,
    children: c.children,
    emailAddresses: c.emailAddresses,
    homeAddress: c.homeAddress,
    businessAddress: c.businessAddress,
    otherAddress: c.otherAddress,
  };
  let out = full;
  if (opts.select) {
    out = { '@odata.etag': full['@odata.etag'], id: c.id };
    for (const name of opts.select) if (name in full) out[name] = full[name];
  }
  if (opts.expandExtended) {
    const wanted = opts.expandExtended;
    const props = c.extendedProperties.filter(
      (p) => wanted === 'all' || wanted.some((id) => id.toLowerCase() === p.id.toLowerCase()),
    );
    if (props.length > 0) out.singleValueExtendedProperties = props.map((p) => ({ id: p.id, value: p.value }));
  }
  return out;
}

export function contactFolderResource(f: StoredContactFolder): Record<string, unknown> {
  return { id: f.id, displayName: f.displayName, parentFolderId: f.parentFolderId };
}

type Predicate = (c: StoredContact) => boolean;
const str = (s: string) => s.replace(/''/g, "'");
function unsupported(filter: string): GraphError {
  return new GraphError(
    400,
    'ErrorInvalidUrlQueryFilter',
    `The query filter contains one or more invalid nodes. (${filter})`,
  );
}

const FILTERABLE = [
  'displayName',
  'givenName',
  'surname',
  'companyName',
  'jobTitle',
  'department',
  'fileAs',
  'mobilePhone',
] as const;

function clause(text: string): Predicate {
  let c = text.trim();
  while (c.startsWith('(') && c.endsWith(')')) c = c.slice(1, -1).trim();
  let m = /^singleValueExtendedProperties\/any\(\s*(\w+)\s*:\s*(.+)\)$/i.exec(c);
  if (m) {
    const conditions = splitAnd(m[2]!).map((x) => extendedCondition(m![1]!, x));
    return (x) => x.extendedProperties.some((p) => conditions.every((cond) => cond(p)));
  }
  m = /^categories\/any\(\s*(\w+)\s*:\s*\1\s+eq\s+'((?:[^']|'')*)'\s*\)$/i.exec(c);
  if (m) {
    const value = str(m[2]!).toLowerCase();
    return (x) => x.categories.some((k) => k.toLowerCase() === value);
  }
  m = /^emailAddresses\/any\(\s*(\w+)\s*:\s*\1\/address\s+eq\s+'((?:[^']|'')*)'\s*\)$/i.exec(c);
  if (m) {
    const value = str(m[2]!).toLowerCase();
    return (x) => x.emailAddresses.some((e) => e.address.toLowerCase() === value);
  }
  m =
    /^(\w+)\s+(eq|ne)\s+'((?:[^']|'')*)'$/i.exec(c) ?? /^(startswith)\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)$/i.exec(c);
  if (m) {
    const fn = m[1]!.toLowerCase() === 'startswith';
    const propName = fn ? m[2]! : m[1]!;
    const op = fn ? 'startswith' : m[2]!.toLowerCase();
    const prop = FILTERABLE.find((p) => p.toLowerCase() === propName.toLowerCase());
    if (!prop) throw unsupported(c);
    const value = str(m[3]!).toLowerCase();
    return (x) => {
      const actual = (x[prop] ?? '').toLowerCase();
      return op === 'eq' ? actual === value : op === 'ne' ? actual !== value : actual.startsWith(value);
    };
  }
  throw unsupported(c);
}

/** `$filter` on contacts: extended property any(), categories any(), emailAddresses any(), name/company eq|ne|startswith. */
export function parseContactFilter(filter: string | undefined): Predicate | undefined {
  if (!filter || !filter.trim()) return undefined;
  const predicates = splitAnd(filter).map(clause);
  return (x) => predicates.every((p) => p(x));
}
