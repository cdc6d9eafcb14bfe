// A council's own web site names the council a page is about when the page does not ("We are
// delighted that Ofsted has judged our services for children good", on swindon.gov.uk). Council
// sites are on gov.uk, under a name made of the council's: "swindon.gov.uk", "news.leeds.gov.uk",
// "democracy.thurrock.gov.uk", "bracknell-forest.gov.uk", "hants.gov.uk", "telford.gov.uk".
import { type Council, councilByCode, councilDetails, nameVariants } from './gazetteer';

/** Words a council's name holds that its web address leaves out. */
const NAME_NOISE =
  /\b(?:the|and|of|upon|on|with|metropolitan|borough|county|city|district|royal|london|council|corporation)\b|&/g;

/** A name's letters, lower case, without the words a web address leaves out. */
function squeeze(name: string): string {
  return name
    .toLowerCase()
    .replace(NAME_NOISE, '')
    .replace(/[^a-z]/g, '');
}

let index: Map<string, Set<string>> | null = null;

/** Each squeezed name (the data's names and variants) to the codes of the councils it names. */
function hostIndex(): Map<string, Set<string>> {
  if (index) return index;
  const map = new Map<string, Set<string>>();
  for (const v of nameVariants()) {
    if (v.body) continue; // a trust's own name is not its council's address
    const key = squeeze(v.name);
    if (key.length < 3) continue;
    const codes = map.get(key) ?? new Set<string>();
    map.set(key, codes);
    for (const c of v.codes) codes.add(c);
  }
  index = map;
  return map;
}

/** The one council of a set of codes: the only one, or the only current one (Cornwall, not Cornwall County Council). */
function oneCouncil(codes: Iterable<string>): string | null {
  const all = [...new Set(codes)];
  if (all.length === 1) return all[0];
  const current = all.filter((c) => councilDetails(c).record);
  return current.length === 1 ? current[0] : null;
}

/** Addresses that are not made of a name the data holds, and their councils' codes. */
const ADDRESSES = new Map([
  ['hants', 'E10000014'], // Hampshire
  ['bathnes', 'E06000022'], // Bath and North East Somerset
  ['westmorlandandfurness', 'E06000064'],
  ['cityoflondon', 'E09000001'],
]);

/** The council a web address's name label is: the whole name, or the start of only one council's name. */
function councilForLabel(label: string): string | null {
  const map = hostIndex();
  const exact = map.get(label);
  if (exact) return oneCouncil(exact);
  if (label.length < 5) return null;
  const codes: string[] = [];
  for (const [key, named] of map) if (key.startsWith(label)) codes.push(...named);
  return codes.length ? oneCouncil(codes) : null;
}

/**
 * The council whose web site a host name is, or null: the label before "gov.uk" read as the
 * council's name, whole ("swindon", "westsussex", "bracknell-forest") or its start where only one
 * council's name starts so ("telford" → Telford and Wrekin).
 */
export function councilForHost(host: string): Council | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h.endsWith('.gov.uk')) return null;
  const labels = h.slice(0, -'.gov.uk'.length).split('.');
  const label = squeeze(labels[labels.length - 1] ?? '');
  if (label.length < 3) return null;
  // "nottinghamcity", "bcpcouncil", "royalgreenwich": the name with a word the data leaves out.
  const bare = label.replace(/^(?:royal|lb|rb)(?=[a-z]{4})|(?<=[a-z]{3})(?:city|council|cc|mbc|bc)$/g, '');
  const code = ADDRESSES.get(label) ?? councilForLabel(label) ?? (bare !== label ? councilForLabel(bare) : null);
  return code ? (councilByCode(code) ?? null) : null;
}
