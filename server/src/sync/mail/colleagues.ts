import type { Member } from '../../crm/member.js';

/**
 * Who counts as a colleague for automatic filing: an address in one of the tenant's verified domains, read when the
 * user turned filing on (docs/product-rules.md#r-automatic-filing-leaves-out). Without them (an older binding), the
 * domain of the user's own address stands in.
 */
export function colleagueCheck(storedDomains: string | null, member: Member): (address: string) => boolean {
  const domains = new Set(parseDomains(storedDomains).map((d) => d.toLowerCase()));
  if (domains.size === 0) {
    const own = domainOf(member.user.email);
    if (own) domains.add(own);
  }
  return (address) => {
    const domain = domainOf(address);
    return domain !== undefined && domains.has(domain);
  };
}

function domainOf(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  return at > 0
    ? address
        .slice(at + 1)
        .trim()
        .toLowerCase()
    : undefined;
}

function parseDomains(stored: string | null): string[] {
  if (!stored) return [];
  try {
    const parsed = JSON.parse(stored) as unknown;
    return Array.isArray(parsed) ? parsed.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return [];
  }
}
