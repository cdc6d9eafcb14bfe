// The council gazetteer: every English children's-services authority, current and former, and
// the names people use for them (from lib/data/source, generated into gazetteer.generated.ts).
import { gazetteerData, variantRows } from './gazetteer.generated';
import type { CouncilRecord, FormerCouncilRecord } from './types';

export type { CouncilRecord, FormerCouncilRecord };

/** A council as findings name it: its ONS code and canonical name. */
export interface Council {
  code: string;
  name: string;
}

type Entry = Council & { former?: FormerCouncilRecord; record?: CouncilRecord };
let byCodeMap: Map<string, Entry> | null = null;
/** Councils by ONS code (current, former and retired codes), built on first use. */
function byCode(): Map<string, Entry> {
  if (byCodeMap) return byCodeMap;
  const map = new Map<string, Entry>();
  const { councils, formerCouncils, retiredCodes } = gazetteerData();
  for (const c of councils) map.set(c.code, { code: c.code, name: c.name, record: c });
  for (const f of formerCouncils) map.set(f.code, { code: f.code, name: f.name, former: f });
  for (const [old, current] of retiredCodes) {
    const c = map.get(current);
    if (c) map.set(old, c);
  }
  byCodeMap = map;
  return map;
}

/** Looks a council up by ONS code (current, former or retired). */
export function councilByCode(code: string): Council | undefined {
  const c = byCode().get(code);
  return c ? { code: c.code, name: c.name } : undefined;
}

/** Full record of a current council, or the former-authority record. */
export function councilDetails(code: string): { record?: CouncilRecord; former?: FormerCouncilRecord } {
  const c = byCode().get(code);
  return { record: c?.record, former: c?.former };
}

/** Every current English children's-services authority. */
export function allCouncils(): readonly CouncilRecord[] {
  return gazetteerData().councils;
}

/** How sure a name is to mean the authority when it stands alone. */
export type Ambiguity = 'word' | 'person' | 'other_place' | 'wider_area';

export interface NameVariant {
  /** The name as written ("London Borough of Hackney", "Hackney", "B&NES"). */
  name: string;
  codes: string[];
  /** True for names that say "council", "borough of" and the like: they always mean the authority. */
  formal: boolean;
  ambiguity: Ambiguity[];
  /** The trust or company that runs the council's children's services, named on its own account. */
  body: boolean;
}

/** Names of the trusts and companies that run a council's children's services. */
const BODY =
  /\b(?:children'?s trust|trust|children first|achieving for children|together for children|brighter futures)\b/i;

const FORMAL =
  /\b(council|borough of|city of|county of|corporation|children'?s trust|trust|children first|achieving for children|together for children|brighter futures)\b/i;

/** Counties' names as local papers shorten them. */
const COUNTY_SHORT: [string, string][] = [
  ['Northamptonshire', 'Northants'],
  ['Nottinghamshire', 'Notts'],
  ['Hertfordshire', 'Herts'],
  ['Lincolnshire', 'Lincs'],
  ['Buckinghamshire', 'Bucks'],
  ['Cambridgeshire', 'Cambs'],
  ['Leicestershire', 'Leics'],
  ['Staffordshire', 'Staffs'],
  ['Worcestershire', 'Worcs'],
  ['Gloucestershire', 'Glos'],
  ['Oxfordshire', 'Oxon'],
];

/**
 * Unitaries that news text calls by their main town or area alone ("Stockton Council", "the East
 * Riding", "Telford's children's services"): with a council word, and bare as a place that needs
 * context (as "Kingston"; and as a surname for those that are one: "council leader Simon Blackburn").
 */
const TOWN_SHORT: [string, string, Ambiguity[]][] = [
  ['Stockton-on-Tees', 'Stockton', ['other_place', 'person']],
  ['East Riding of Yorkshire', 'East Riding', ['other_place']],
  ['Telford and Wrekin', 'Telford', ['other_place', 'person']],
  ['Redcar and Cleveland', 'Redcar', ['other_place']],
  ['Blackburn with Darwen', 'Blackburn', ['other_place', 'person']],
];

/** Every name variant: the data's own list, plus the systematic forms news text uses. */
export function nameVariants(): NameVariant[] {
  const out = new Map<string, NameVariant>();
  const add = (name: string, code: string, ambiguity: Ambiguity[] = [], formalOverride?: boolean, body = false) => {
    const key = name.toLowerCase();
    const existing = out.get(key);
    if (existing) {
      if (!existing.codes.includes(code)) existing.codes.push(code);
      return;
    }
    out.set(key, {
      name,
      codes: [code],
      formal: formalOverride ?? FORMAL.test(name),
      ambiguity,
      body: body || BODY.test(name),
    });
  };
  const { councils, formerCouncils } = gazetteerData();
  for (const [variant, code, kind, flags] of variantRows()) {
    if (/, (City|County) of$/.test(variant)) continue; // statistical inverted forms never appear in prose
    const ambiguity = flags.split(';').filter(Boolean) as Ambiguity[];
    // "Hull City", "Leicester City", "Westminster City" alone are football clubs or Parliament.
    if (kind === 'short_name' && / City$/.test(variant) && ambiguity.includes('other_place')) continue;
    const body = /childrens_services_body/.test(kind);
    add(variant, code, ambiguity, undefined, body);
    if (variant.includes('&')) add(variant.replace(/&/g, 'and'), code, ambiguity, undefined, body);
    if (/ and /.test(variant)) add(variant.replace(/ and /g, ' & '), code, ambiguity, undefined, body);
    if (/^St\.? /.test(variant))
      add(variant.replace(/^St\.? /, variant.startsWith('St.') ? 'St ' : 'St. '), code, ambiguity, undefined, body);
    if (/-/.test(variant)) add(variant.replace(/-/g, ' '), code, ambiguity, undefined, body);
    // Local papers shorten a county's name: "Herts County Council", "Notts County Council", "North
    // Northants Council". With a council word only (bare "Bucks", "Notts County" are other things),
    // and bare for the two Northamptonshire unitaries, whose short names are their own.
    const short = COUNTY_SHORT.find(([long]) => variant.includes(long));
    if (short && (/ Council$/.test(variant) || (kind === 'ons_name' && /^(?:North|West) /.test(variant))))
      add(variant.replace(short[0], short[1]), code, ambiguity, undefined, body);
    // The two Thames-side boroughs go by the town's name alone ("services in Kingston").
    if (kind === 'ons_name' && / upon Thames$/.test(variant))
      add(variant.replace(/ upon Thames$/, ''), code, ['other_place']);
    const town = kind === 'ons_name' ? TOWN_SHORT.find(([long]) => variant === long) : undefined;
    if (town) {
      add(`${town[1]} Council`, code, ambiguity, true);
      add(`${town[1]} Borough Council`, code, ambiguity, true);
      add(town[1], code, town[2]);
    }
  }
  for (const f of formerCouncils) {
    if (f.formalName) add(f.formalName, f.code, [], true);
    // A bare former name only where no current council has it and it is recent enough to be news.
    if (f.endedYear >= 2019 && !councils.some((c) => c.name === f.name)) add(f.name, f.code, ['wider_area']);
  }
  return [...out.values()];
}
