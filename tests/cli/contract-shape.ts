// Checks a result against the command-line contract (docs/analysis.md): the fields it names, of
// the types it names, and no others. Returns what is wrong (an empty list when nothing is).
const GRADES = new Set(['outstanding', 'good', 'requires improvement', 'inadequate']);
const ONS = /^E(?:06|07|08|09|10)\d{6}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function keys(o: Obj, required: string[], optional: string[], where: string, out: string[]) {
  for (const k of required) if (!(k in o)) out.push(`${where}: missing ${k}`);
  for (const k of Object.keys(o))
    if (!required.includes(k) && !optional.includes(k)) out.push(`${where}: extra key ${k}`);
}
function council(v: unknown, where: string, out: string[]) {
  if (!isObj(v)) {
    out.push(`${where}: not a council`);
    return;
  }
  keys(v, ['code', 'name'], [], where, out);
  if (typeof v.code !== 'string' || !ONS.test(v.code)) out.push(`${where}: bad code ${String(v.code)}`);
  if (typeof v.name !== 'string' || !v.name) out.push(`${where}: bad name`);
}
function grade(v: unknown, where: string, out: string[]) {
  if (typeof v !== 'string' || !(GRADES.has(v) || /^other:.+/.test(v))) out.push(`${where}: bad grade ${String(v)}`);
}
const str = (v: unknown, where: string, out: string[]) => {
  if (typeof v !== 'string') out.push(`${where}: not a string`);
};
const optional = (o: Obj, k: string, check: (v: unknown) => boolean, where: string, out: string[]) => {
  if (k in o && !check(o[k])) out.push(`${where}: bad ${k}`);
};
const isYear = (v: unknown) => Number.isInteger(v) && (v as number) > 1900 && (v as number) < 2200;

export function contractProblems(r: unknown): string[] {
  const out: string[] = [];
  if (!isObj(r)) return ['result is not an object'];
  keys(
    r,
    ['source', 'title', 'isInspectionArticle', 'confidence', 'grades', 'councils', 'improvementAreas', 'outcomes'],
    ['error'],
    'result',
    out,
  );
  str(r.source, 'source', out);
  str(r.title, 'title', out);
  if (typeof r.isInspectionArticle !== 'boolean') out.push('isInspectionArticle: not a boolean');
  if (typeof r.confidence !== 'number' || !(r.confidence >= 0 && r.confidence <= 1))
    out.push('confidence: not in 0..1');
  optional(r, 'error', (v) => typeof v === 'string' && v.length > 0, 'result', out);
  for (const [name, list] of Object.entries({
    grades: r.grades,
    councils: r.councils,
    improvementAreas: r.improvementAreas,
    outcomes: r.outcomes,
  }))
    if (!Array.isArray(list)) out.push(`${name}: not an array`);
  if (out.length) return out;
  (r.grades as unknown[]).forEach((g, i) => {
    const w = `grades[${i}]`;
    if (!isObj(g)) {
      out.push(`${w}: not an object`);
      return;
    }
    keys(g, ['grade', 'text', 'sentence', 'council', 'current'], ['councils', 'year', 'area'], w, out);
    grade(g.grade, w, out);
    str(g.text, `${w}.text`, out);
    str(g.sentence, `${w}.sentence`, out);
    if (typeof g.sentence === 'string' && typeof g.text === 'string' && !g.sentence.includes(g.text))
      out.push(`${w}: text not in its sentence`);
    if (g.council !== null) council(g.council, `${w}.council`, out);
    if ('councils' in g) {
      if (!Array.isArray(g.councils) || g.councils.length < 2) out.push(`${w}.councils: not a list of several`);
      else
        g.councils.forEach((c, j) => {
          council(c, `${w}.councils[${j}]`, out);
        });
    }
    if (typeof g.current !== 'boolean') out.push(`${w}.current: not a boolean`);
    optional(g, 'year', isYear, w, out);
    optional(g, 'area', (v) => typeof v === 'string' && v.length > 0, w, out);
  });
  (r.councils as unknown[]).forEach((c, i) => {
    const w = `councils[${i}]`;
    if (!isObj(c)) {
      out.push(`${w}: not an object`);
      return;
    }
    keys(c, ['code', 'name', 'mentions'], [], w, out);
    council({ code: c.code, name: c.name }, w, out);
    if (!Array.isArray(c.mentions) || !c.mentions.length) {
      out.push(`${w}.mentions: empty`);
      return;
    }
    c.mentions.forEach((m, j) => {
      if (!isObj(m)) {
        out.push(`${w}.mentions[${j}]: not an object`);
        return;
      }
      keys(m, ['text', 'sentence'], [], `${w}.mentions[${j}]`, out);
      str(m.text, `${w}.mentions[${j}].text`, out);
      str(m.sentence, `${w}.mentions[${j}].sentence`, out);
    });
  });
  (r.improvementAreas as unknown[]).forEach((a, i) => {
    const w = `improvementAreas[${i}]`;
    if (!isObj(a)) {
      out.push(`${w}: not an object`);
      return;
    }
    keys(a, ['sentence'], ['topic'], w, out);
    str(a.sentence, `${w}.sentence`, out);
    optional(a, 'topic', (v) => typeof v === 'string' && v.length > 0, w, out);
  });
  (r.outcomes as unknown[]).forEach((o, i) => {
    const w = `outcomes[${i}]`;
    if (!isObj(o)) {
      out.push(`${w}: not an object`);
      return;
    }
    keys(o, ['council', 'grade', 'current'], ['year', 'area'], w, out);
    council(o.council, `${w}.council`, out);
    grade(o.grade, w, out);
    if (typeof o.current !== 'boolean') out.push(`${w}.current: not a boolean`);
    optional(o, 'year', isYear, w, out);
    optional(o, 'area', (v) => typeof v === 'string' && v.length > 0, w, out);
  });
  return out;
}
