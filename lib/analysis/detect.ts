// Decides whether a text is a news article (or council press release, blog post) reporting an
// Ofsted inspection, focused visit, monitoring visit or JTAI of a council's children's services.
// School, nursery, children's home and CQC inspection news, and other council news, are not.

export interface Detection {
  isInspectionArticle: boolean;
  confidence: number;
  reasons: string[];
}

export interface DetectionInput {
  title: string;
  text: string;
  /** Distinct councils named in the text. */
  councilCount: number;
  /** Grades read as judgements. */
  gradeCount: number;
}

const count = (re: RegExp, s: string) => {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(s)) {
    n++;
    if (n >= 50) break;
  }
  return n;
};

const OFSTED = /\bofsted\b|\bhm chief inspector\b/gi;
const INSPECTION =
  /\b(?:inspect(?:ion|ions|ed|ors?|ing)|re-inspection|focused visits?|monitoring visits?|joint targeted area inspections?|jtais?|ilacs|single inspection framework)\b/gi;
const LA_VISIT_TYPES =
  /\b(?:focused visit|monitoring visit|joint targeted area inspection|jtai|ilacs|inspection of (?:local authority )?children[’']?s services|children[’']?s services inspection|safeguarding (?:children )?(?:board|partnership))\b/gi;
const CHILDRENS_SERVICES =
  /\b(?:children[’']?s services|children[’']?s social care|social care|social work(?:ers?)?|child protection|children in care|looked[- ]after|care leavers?|children in need|safeguarding|help and protection|director of children[’']?s services|dcs|front door|mash|early help|local authority|corporate parent\w*|care proceedings|public law outline|caseloads?)\b/gi;
/** An inspection taking place: inspectors, an inspection or a visit (not "the chief inspector"). */
const INSPECTION_EVENT =
  /\b(?:inspectors|(?<!chief |hm chief )inspector said|inspection|inspections|inspected|re-inspection|focused visits?|monitoring visits?|jtais?|(?:annual|performance) assessments?|ofsted (?:report|letter|visit)|report (?:found|said|published|highlighted|concluded))\b/gi;
const COUNCIL_WORD = /\b(?:council|local authority|borough|county)\b/gi;
const SCHOOL =
  /\b(?:school|schools|pupils?|headteachers?|head teacher|teachers|academy|academies|nursery|nurseries|early years setting|childminders?|college|colleges|gcses?|curriculum|sixth form|classroom|lessons)\b/gi;
const OTHER_REGULATED =
  /\b(?:cqc|care quality commission|care home|care homes|hospital|gp surgery|nhs trust|patients|residents|dentist|children[’']?s home|children[’']?s homes|residential home|fostering agency|secure training centre|young offender|hmicfrs|probation|prison|police force)\b/gi;
const GRADE_WORD = /\b(?:outstanding|good|requires improvement|inadequate)\b/gi;

/** Scores the text and returns the decision with its reasons. */
export function detectInspectionArticle(input: DetectionInput): Detection {
  // Long pages: the evidence is in the first part; cap the work.
  const body = input.text.length > 60_000 ? input.text.slice(0, 60_000) : input.text;
  const all = `${input.title}\n${body}`;
  const reasons: string[] = [];
  const ofsted = count(OFSTED, all);
  const inspection = count(INSPECTION, all);
  const visitTypes = count(LA_VISIT_TYPES, all);
  const services = count(CHILDRENS_SERVICES, all);
  const councilWords = count(COUNCIL_WORD, all);
  const school = count(SCHOOL, all);
  const other = count(OTHER_REGULATED, all);
  const gradeWords = count(GRADE_WORD, all);
  const events = count(INSPECTION_EVENT, all);

  let score = -3;
  if (ofsted) {
    score += 2 + Math.min(ofsted, 4) * 0.4;
    reasons.push(`names Ofsted ${ofsted}×`);
  }
  if (inspection) score += Math.min(inspection, 6) * 0.35;
  if (visitTypes) {
    score += 1.5;
    reasons.push('names a local-authority inspection type');
  }
  if (services) {
    score += Math.min(services, 10) * 0.35;
    reasons.push(`children's services vocabulary ${services}×`);
  }
  if (input.councilCount) {
    score += 1;
    reasons.push(`names ${input.councilCount} council(s)`);
  } else {
    // An inspection story names the authority inspected.
    score += councilWords ? -0.8 : -1.5;
    reasons.push('names no council');
  }
  if (input.gradeCount) {
    score += Math.min(input.gradeCount, 3) * 0.4;
    reasons.push(`${input.gradeCount} grade judgement(s)`);
  }
  if (!ofsted && !/\binspectors?\b/i.test(all)) score -= 3;
  if (events < 2 && !visitTypes) {
    score -= 3;
    reasons.push('no inspection or visit is being reported');
  }
  // Other regulated settings: schools, nurseries, children's homes, CQC-registered services.
  const rival = school + other;
  if (rival > services * 0.6 && rival >= 3) {
    score -= 2 + Math.min(rival - services * 0.6, 8) * 0.4;
    reasons.push(
      `reads as a ${school >= other ? 'school or early-years' : 'CQC / other regulated service'} story (${rival} cues)`,
    );
  }
  if (services < 2 && !visitTypes) {
    score -= 2;
    reasons.push("little children's-services vocabulary");
  }
  if (!gradeWords && !visitTypes && !ofsted) score -= 1;
  const confidence = 1 / (1 + Math.exp(-score));
  return { isInspectionArticle: confidence >= 0.5, confidence: Math.round(confidence * 1000) / 1000, reasons };
}
