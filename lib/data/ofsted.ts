// Links to Ofsted's own pages for a council: its children's services inspection reports.
import { councilByCode } from './gazetteer';
import { OFSTED_URNS } from './ofsted-urns.generated';

/** A council's Ofsted provider URN (by its ONS code; a retired code counts as its successor's), or undefined. */
export function ofstedUrn(code: string): string | undefined {
  if (Object.hasOwn(OFSTED_URNS, code)) return OFSTED_URNS[code];
  const current = councilByCode(code)?.code;
  return current && Object.hasOwn(OFSTED_URNS, current) ? OFSTED_URNS[current] : undefined;
}

/** The page of a council's Ofsted reports, or undefined when its URN is not known. */
export function ofstedReportsUrl(code: string): string | undefined {
  const urn = ofstedUrn(code);
  return urn ? `https://reports.ofsted.gov.uk/provider/44/${urn}` : undefined;
}

/** Links to the Ofsted reports of each council that has a known URN (none for the others). */
export function ofstedLinksOf(councils: readonly { code: string; name: string }[]): { label: string; href: string }[] {
  return councils.flatMap((c) => {
    const href = ofstedReportsUrl(c.code);
    return href ? [{ label: `Ofsted reports for ${c.name}`, href }] : [];
  });
}
