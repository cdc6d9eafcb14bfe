// Reads an export back: the JSON export (lossless) or a Web Annotation (JSON-LD) collection.
// The whole file is checked before anything is written; a bad file gets messages naming the
// record and the field. Every record comes out as a new object holding only known fields, in the
// canonical order (a `__proto__` or `constructor` key is refused, never copied). Pure.
import { type Article, articleIdFor, CLIP_COLOURS, type Clip, type ClipFinding, indexFieldsOf, LIMITS } from '../clips';
import { JSON_FORMAT, JSON_VERSION } from './json';
import { ANNO_CONTEXT, CLIP_URN } from './jsonld';
import { ARTICLE_FIELDS, CLIP_FIELDS, canonicalArticle, canonicalClip } from './records';

/** Records ready to be written, and which kind of file they came from. */
export interface ImportRecords {
  format: 'json' | 'jsonld';
  clips: Clip[];
  articles: Article[];
}
export type ImportParse = { ok: true; records: ImportRecords } | { ok: false; errors: string[] };

/** Limits of what an import accepts (the same as what a save from a page accepts). */
export const IMPORT_LIMITS = {
  /** Characters in the whole file (about 200 MB of UTF-8 text). */
  fileChars: 200 * 1024 * 1024,
  records: 500_000,
  /** Errors listed before "and N more". */
  errors: 10,
};

class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(problem);
  }
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const fmt = (n: number) => n.toLocaleString('en-GB');
const describe = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

/** Field checks: each returns the value or throws a FieldError naming the field. */
function obj(v: unknown, field: string, allowed?: readonly string[]): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new FieldError(field, `should be an object, not ${describe(v)}`);
  for (const k of Object.keys(v)) {
    if (FORBIDDEN.has(k)) throw new FieldError(field, `has a forbidden key "${k}"`);
    if (allowed && !allowed.includes(k)) throw new FieldError(field, `has an unknown field "${k.slice(0, 60)}"`);
  }
  return v as Record<string, unknown>;
}
function str(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string') throw new FieldError(field, `should be text, not ${describe(v)}`);
  if (v.length > max) throw new FieldError(field, `is too long (${fmt(v.length)} characters; at most ${fmt(max)})`);
  return v;
}
function optStr(v: unknown, field: string, max: number): string | undefined {
  return v === undefined ? undefined : str(v, field, max);
}
function httpUrl(v: unknown, field: string): string {
  const s = str(v, field, LIMITS.url);
  if (!/^https?:\/\/[^\s]+$/i.test(s)) throw new FieldError(field, 'should be an http or https address');
  return s;
}
/** A time in milliseconds that a Date can hold. */
function time(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 8.64e15)
    throw new FieldError(field, `should be a time in milliseconds, not ${describe(v)}`);
  return v;
}
function num(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new FieldError(field, `should be a whole number from ${fmt(min)} to ${fmt(max)}`);
  return v;
}
function bool(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') throw new FieldError(field, `should be true or false, not ${describe(v)}`);
  return v;
}
function oneOf<T extends string>(v: unknown, field: string, options: readonly T[]): T {
  if (!options.includes(v as T)) throw new FieldError(field, `should be one of ${options.join(', ')}`);
  return v as T;
}
function list(v: unknown, field: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new FieldError(field, `should be a list, not ${describe(v)}`);
  if (v.length > max) throw new FieldError(field, `has too many entries (${fmt(v.length)}; at most ${fmt(max)})`);
  return v;
}
const strList = (v: unknown, field: string, maxItems: number, maxLen: number) =>
  list(v, field, maxItems).map((x, i) => str(x, `${field}[${i}]`, maxLen));

const CATEGORIES = ['selection', 'grade', 'council', 'improvement'] as const;
const KINDS = ['grade', 'council', 'improvement'] as const;

function council(v: unknown, field: string) {
  const o = obj(v, field, ['code', 'name']);
  return { code: str(o.code, `${field}.code`, 12), name: str(o.name, `${field}.name`, 200) };
}

function finding(v: unknown, field: string): ClipFinding {
  const o = obj(v, field, ['kind', 'grade', 'councils', 'current', 'year', 'area', 'topic']);
  const f: ClipFinding = {
    kind: oneOf(o.kind, `${field}.kind`, KINDS),
    councils: list(o.councils, `${field}.councils`, LIMITS.councils).map((c, i) =>
      council(c, `${field}.councils[${i}]`),
    ),
  };
  if (o.grade !== undefined) f.grade = str(o.grade, `${field}.grade`, 60) as ClipFinding['grade'];
  if (o.current !== undefined) f.current = bool(o.current, `${field}.current`);
  if (o.year !== undefined) f.year = num(o.year, `${field}.year`, 1900, 2200);
  if (o.area !== undefined) f.area = str(o.area, `${field}.area`, 100);
  if (o.topic !== undefined) f.topic = str(o.topic, `${field}.topic`, 200);
  return f;
}

function selectors(v: unknown, field: string): Clip['selectors'] {
  const [q, p] = list(v, field, 2);
  const quote = obj(q, `${field}[0]`, ['type', 'exact', 'prefix', 'suffix']);
  if (quote.type !== 'TextQuoteSelector') throw new FieldError(`${field}[0].type`, 'should be TextQuoteSelector');
  const pos = obj(p, `${field}[1]`, ['type', 'start', 'end']);
  if (pos.type !== 'TextPositionSelector') throw new FieldError(`${field}[1].type`, 'should be TextPositionSelector');
  const start = num(pos.start, `${field}[1].start`, 0, 2 ** 31);
  const end = num(pos.end, `${field}[1].end`, start, 2 ** 31);
  return [
    {
      type: 'TextQuoteSelector',
      exact: str(quote.exact, `${field}[0].exact`, LIMITS.quote),
      prefix: str(quote.prefix, `${field}[0].prefix`, 200),
      suffix: str(quote.suffix, `${field}[0].suffix`, 200),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

const CLIP_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** A clip of the JSON export, checked field by field. */
export function checkClip(v: unknown): Clip {
  const o = obj(v, 'clip', CLIP_FIELDS);
  const id = str(o.id, 'id', 100);
  if (!CLIP_ID.test(id)) throw new FieldError('id', 'should be letters, digits, "-", "_", "." or ":"');
  const clip: Clip = {
    id,
    articleId: str(o.articleId, 'articleId', LIMITS.url),
    url: httpUrl(o.url, 'url'),
    quote: str(o.quote, 'quote', LIMITS.quote),
    selectors: selectors(o.selectors, 'selectors'),
    textModel: oneOf(o.textModel, 'textModel', ['article', 'body'] as const),
    category: oneOf(o.category, 'category', CATEGORIES),
    councilCodes: strList(o.councilCodes, 'councilCodes', LIMITS.councils, 12),
    grades: strList(o.grades, 'grades', LIMITS.grades, 60),
    note: str(o.note, 'note', LIMITS.note),
    tags: strList(o.tags, 'tags', LIMITS.tags, LIMITS.tag),
    colour: oneOf(o.colour, 'colour', CLIP_COLOURS),
    created: time(o.created, 'created'),
    updated: time(o.updated, 'updated'),
    orphaned: bool(o.orphaned, 'orphaned'),
  };
  if (o.rev !== undefined) clip.rev = num(o.rev, 'rev', 0, Number.MAX_SAFE_INTEGER);
  if (o.finding !== undefined) clip.finding = finding(o.finding, 'finding');
  return canonicalClip(clip);
}

/** An article of the JSON export, checked field by field. */
export function checkArticle(v: unknown): Article {
  const o = obj(v, 'article', ARTICLE_FIELDS);
  const a: Article = {
    id: str(o.id, 'id', LIMITS.url),
    url: httpUrl(o.url, 'url'),
    canonicalUrl: str(o.canonicalUrl, 'canonicalUrl', LIMITS.url),
    title: str(o.title, 'title', 2000),
    site: str(o.site, 'site', 500),
    published: optStr(o.published, 'published', 100),
    outcomes: list(o.outcomes, 'outcomes', 500).map((x, i) => {
      const f = `outcomes[${i}]`;
      const oc = obj(x, f, ['council', 'grade', 'current', 'year', 'area']);
      return {
        council: council(oc.council, `${f}.council`),
        grade: str(oc.grade, `${f}.grade`, 60) as Article['outcomes'][number]['grade'],
        current: bool(oc.current, `${f}.current`),
        year: oc.year === undefined ? undefined : num(oc.year, `${f}.year`, 1900, 2200),
        area: optStr(oc.area, `${f}.area`, 100),
      };
    }),
    recordSaved: o.recordSaved === undefined ? undefined : time(o.recordSaved, 'recordSaved'),
    created: time(o.created, 'created'),
    updated: time(o.updated, 'updated'),
  };
  return canonicalArticle(a);
}

/** Collects record errors as "Clip 3 (id "…"), field "note": is too long (…)", up to the limit. */
class Problems {
  readonly list: string[] = [];
  more = 0;
  add(message: string) {
    if (this.list.length < IMPORT_LIMITS.errors) this.list.push(message);
    else this.more++;
  }
  record<T>(label: string, index: number, v: unknown, check: (v: unknown) => T): T | null {
    try {
      return check(v);
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      const id =
        typeof (v as { id?: unknown })?.id === 'string' ? ` (id "${(v as { id: string }).id.slice(0, 80)}")` : '';
      this.add(`${label} ${fmt(index + 1)}${id}, field "${e.field}": ${e.problem}.`);
      return null;
    }
  }
  result(records: ImportRecords): ImportParse {
    if (!this.list.length) return { ok: true, records };
    return { ok: false, errors: this.more ? [...this.list, `…and ${fmt(this.more)} more problems.`] : this.list };
  }
}

function fromJson(doc: Record<string, unknown>): ImportParse {
  if (doc.version !== JSON_VERSION)
    return {
      ok: false,
      errors: [
        typeof doc.version === 'number'
          ? `This file is an Inspection Lens export of format version ${doc.version}; this version of Inspection Lens reads version ${JSON_VERSION}.`
          : 'This Inspection Lens export has no format version (the "version" field).',
      ],
    };
  const p = new Problems();
  try {
    obj(doc, 'file', ['format', 'version', 'exported', 'filter', 'articles', 'clips']);
    list(doc.articles, 'articles', IMPORT_LIMITS.records);
    list(doc.clips, 'clips', IMPORT_LIMITS.records);
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, errors: [`The file's "${e.field}" ${e.problem}.`] };
    throw e;
  }
  const articles: Article[] = [];
  (doc.articles as unknown[]).forEach((v, i) => {
    const a = p.record('Article', i, v, checkArticle);
    if (a) articles.push(a);
  });
  const ids = new Set(articles.map((a) => a.id));
  const clips: Clip[] = [];
  (doc.clips as unknown[]).forEach((v, i) => {
    const c = p.record('Clip', i, v, checkClip);
    if (!c) return;
    if (!ids.has(c.articleId))
      p.add(`Clip ${fmt(i + 1)} (id "${c.id}"), field "articleId": no article with this id in the file.`);
    else clips.push(c);
  });
  return p.result({ format: 'json', clips, articles });
}

/** A short stable id for an annotation made by another tool (FNV-1a, 64 bits). */
function foreignId(id: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < id.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(id.charCodeAt(i))) * 0x100000001b3n);
  return `wa-${h.toString(16).padStart(16, '0')}`;
}

const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const hasType = (v: Record<string, unknown>, type: string) => asList(v.type).includes(type);

function dateField(v: unknown, field: string): number {
  const t = typeof v === 'string' && v.length <= 40 ? Date.parse(v) : Number.NaN;
  if (!Number.isFinite(t)) throw new FieldError(field, 'should be a date and time (ISO 8601)');
  return t;
}

/** One Web Annotation as a clip. */
function annotationClip(v: unknown): Clip {
  const a = obj(v, 'annotation');
  if (!hasType(a, 'Annotation')) throw new FieldError('type', 'should be Annotation');
  const rawId = str(a.id, 'id', LIMITS.url);
  let own: string | null = null;
  if (rawId.startsWith(CLIP_URN)) {
    try {
      own = decodeURIComponent(rawId.slice(CLIP_URN.length));
    } catch {
      own = '';
    }
    if (!CLIP_ID.test(own)) throw new FieldError('id', 'is not a valid clip id');
  }
  const target = obj(asList(a.target)[0], 'target');
  const url = httpUrl(target.source, 'target.source');
  const sels = list(asList(target.selector), 'target.selector', 20).map((s, i) => obj(s, `target.selector[${i}]`));
  const qi = sels.findIndex((s) => s.type === 'TextQuoteSelector');
  if (qi < 0) throw new FieldError('target.selector', 'has no TextQuoteSelector');
  const q = sels[qi];
  const exact = str(q.exact, `target.selector[${qi}].exact`, LIMITS.quote);
  const pi = sels.findIndex((s) => s.type === 'TextPositionSelector');
  const start = pi < 0 ? 0 : num(sels[pi].start, `target.selector[${pi}].start`, 0, 2 ** 31);
  const end = pi < 0 ? exact.length : num(sels[pi].end, `target.selector[${pi}].end`, start, 2 ** 31);

  const notes: string[] = [];
  const tags: string[] = [];
  let category: Clip['category'] = 'selection';
  let found: ClipFinding | undefined;
  const indexed: { councilCodes?: string[]; grades?: string[] } = {};
  const bodies = list(asList(a.body), 'body', 60);
  bodies.forEach((b, i) => {
    const field = `body[${i}]`;
    const body = obj(b, field);
    const purpose = asList(body.purpose);
    const value = str(body.value ?? '', `${field}.value`, LIMITS.note);
    if (purpose.includes('tagging')) tags.push(str(value, `${field}.value`, LIMITS.tag));
    else if (purpose.includes('classifying') && body.format === 'application/json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        throw new FieldError(`${field}.value`, 'is not JSON');
      }
      const c = obj(parsed, `${field}.value`, ['category', 'finding', 'councilCodes', 'grades']);
      category = oneOf(c.category, `${field}.value.category`, CATEGORIES);
      if (c.finding !== undefined) found = finding(c.finding, `${field}.value.finding`);
      if (c.councilCodes !== undefined)
        indexed.councilCodes = strList(c.councilCodes, `${field}.value.councilCodes`, LIMITS.councils, 12);
      if (c.grades !== undefined) indexed.grades = strList(c.grades, `${field}.value.grades`, LIMITS.grades, 60);
    } else if (!purpose.length || purpose.includes('commenting') || purpose.includes('describing')) notes.push(value);
  });
  if (tags.length > LIMITS.tags) throw new FieldError('body', `has more than ${LIMITS.tags} tags`);
  const note = str(notes.join('\n\n'), 'body', LIMITS.note);
  const created = dateField(a.created, 'created');
  const clip: Clip = {
    id: own ?? foreignId(rawId),
    articleId: articleIdFor(url),
    url,
    quote: exact,
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact,
        prefix: str(q.prefix ?? '', `target.selector[${qi}].prefix`, 200),
        suffix: str(q.suffix ?? '', `target.selector[${qi}].suffix`, 200),
      },
      { type: 'TextPositionSelector', start, end },
    ],
    textModel: 'article',
    category,
    ...(found ? { finding: found } : {}),
    ...indexFieldsOf(found),
    ...indexed,
    note,
    tags: [...new Set(tags)],
    colour: 'yellow',
    created,
    updated: a.modified === undefined ? created : dateField(a.modified, 'modified'),
    orphaned: false,
  };
  return canonicalClip(clip);
}

function fromJsonLd(doc: Record<string, unknown>): ImportParse {
  if (!hasType(doc, 'AnnotationCollection'))
    return { ok: false, errors: ['This Web Annotation file is not an AnnotationCollection.'] };
  let items: unknown[];
  try {
    const first = doc.first === undefined ? { items: [] } : obj(doc.first, 'first');
    items = list(first.items, 'first.items', IMPORT_LIMITS.records);
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, errors: [`The collection's "${e.field}" ${e.problem}.`] };
    throw e;
  }
  const p = new Problems();
  const clips: Clip[] = [];
  items.forEach((v, i) => {
    const c = p.record('Annotation', i, v, annotationClip);
    if (c) clips.push(c);
  });
  // The annotations carry no article record: one is made per page, with what they tell.
  const articles = new Map<string, Article>();
  for (const c of clips) {
    const a = articles.get(c.articleId);
    if (a) {
      a.created = Math.min(a.created, c.created);
      a.updated = Math.max(a.updated, c.updated);
    } else
      articles.set(c.articleId, {
        id: c.articleId,
        url: c.articleId,
        canonicalUrl: c.articleId,
        title: '',
        site: new URL(c.url).hostname,
        outcomes: [],
        created: c.created,
        updated: c.updated,
      });
  }
  return p.result({ format: 'jsonld', clips, articles: [...articles.values()] });
}

const size = (n: number) => (n >= 1048576 ? `${fmt(Math.round(n / 1048576))} MB` : `${fmt(Math.ceil(n / 1024))} KB`);

/** The message for a file over the size limit. */
export const tooLarge = (bytes: number, max: number) =>
  `The file is too large (${size(bytes)}; Inspection Lens imports files up to ${size(max)}).`;

/** Parses and checks an export file's text. Nothing is written: the caller writes the records. */
export function parseImport(text: string): ImportParse {
  if (text.length > IMPORT_LIMITS.fileChars)
    return { ok: false, errors: [tooLarge(text.length, IMPORT_LIMITS.fileChars)] };
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return {
      ok: false,
      errors: [`The file is not complete JSON (cut short, or not an export): ${(e as Error).message.slice(0, 200)}.`],
    };
  }
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
    const d = doc as Record<string, unknown>;
    for (const k of Object.keys(d))
      if (FORBIDDEN.has(k)) return { ok: false, errors: [`The file has a forbidden key "${k}".`] };
    if (d.format === JSON_FORMAT) return fromJson(d);
    if (asList(d['@context']).includes(ANNO_CONTEXT)) return fromJsonLd(d);
  }
  return {
    ok: false,
    errors: [
      'This file is not an Inspection Lens export: Import reads the JSON and the Web Annotation (JSON-LD) exports.',
    ],
  };
}
