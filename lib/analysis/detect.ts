// Decides whether a text reports an Ofsted inspection, focused visit, monitoring visit or JTAI
// outcome for an English council's children's services, by what the page is ABOUT: the subject
// stated in its title and first paragraphs and the subject of its grade sentences, not the mere
// presence of inspection words. Schools, nurseries, children's homes, fostering, adoption and
// further-education providers, other inspectorates (CQC, probation, police, Welsh and Scottish
// bodies), SEND local-area visits, credit ratings, inspection-readiness papers, awards and
// appointments that mention a grade in passing are refused.
//
// The score is a sum of interpretable cue weights (a hand-set logistic model): every cue that
// fires is listed in `reasons`, with its weight, which is the detection's explain line.

import { holdsAny, lookingUp } from './needs';
import { childrensServices, gated, holdsOneOfEach, type Matcher, reportsOutcome } from './scan';
import { isSpace } from './text';

export interface Detection {
  isInspectionArticle: boolean;
  confidence: number;
  /** Each cue that moved the score, with its weight ("title names children's services +2.5"). */
  reasons: string[];
  /** One line for `--explain`: the decision and its strongest reasons. */
  why?: string;
}

export interface DetectionInput {
  title: string;
  text: string;
  /** Distinct councils named in the text. */
  councilCount: number;
  /** Grades read as judgements. */
  gradeCount: number;
  /** The distinct sentences holding those grades (their subject is checked). */
  gradeSentences?: string[];
}

/** Where a cue is looked for: the title, the lead (title and first paragraphs) or the whole text. */
type Zone = 'title' | 'lead' | 'body';

/** A kind of subject a page can be about. `la` is a council's children's services. */
export type Subject =
  | 'la'
  | 'school'
  | 'childrens-home'
  | 'provider'
  | 'further-education'
  | 'youth-justice'
  | 'police'
  | 'adult-care'
  | 'devolved'
  | 'send'
  | 'finance';

export interface SubjectCue {
  subject: Subject;
  /** What the cue recognises, in a few words (used in reasons). */
  label: string;
  /** A pattern, or a reading equal to one (scan.ts). */
  re: Matcher;
  /** Words (lower case) one of which every text `re` matches holds: a text without one skips it (needs.ts). */
  needs: string[];
  /** Phrasings the cue must match (tested). */
  examples: string[];
  /** Near misses it must not match (tested). */
  nearMisses: string[];
  /** Too common in an inspection story's own paragraphs: read in the title only. */
  titleOnly?: boolean;
}

const APOS = "['’]?";

/**
 * The words one of which every text the inspection-type cue matches holds: not "inspect" alone,
 * in almost every article, so its 549-character pattern was compiled on each.
 */
const INSPECTION_TYPE_WORDS = [
  'focused visit',
  'monitoring visit',
  'jtai',
  'ilacs',
  // The alternatives that say "inspect…", each by the words around it.
  'joint targeted',
  'single inspection',
  'unannounced inspection',
  'inspection of',
  'inspections of',
  'inspecting local',
  'inspection outcome',
  'inspection result',
  'inspection judgement',
  's services inspection',
  'joint area review',
  'comprehensive area assessment',
  'annual performance assessment',
  'safeguarding and looked after',
];

/**
 * What a page (or a grade sentence) is about. The `la` rows name a council's children's services
 * or the kinds of inspection only councils get; the others name a service or body that Ofsted or
 * another inspectorate rates on its own account.
 */
/** Scottish and Welsh council areas, by names that are not also English places or common words. */
const DEVOLVED_COUNCILS =
  'Fife|Glasgow|Edinburgh|Aberdeen(?:shire)?|Dundee|Highland Council|Moray|Angus Council|Falkirk|Inverclyde|(?:East )?Renfrewshire|(?:East |West )?Dunbartonshire|(?:North |South )?Lanarkshire|(?:North |South |East )?Ayrshire|(?:East |West )?Lothian|Midlothian|Scottish Borders|Dumfries and Galloway|Clackmannanshire|Perth and Kinross|Argyll and Bute|Orkney|Shetland|Cardiff|Swansea|Wrexham|Flintshire|Denbighshire|Conwy|Gwynedd|Anglesey|Ceredigion|Pembrokeshire|Carmarthenshire|Powys|Monmouthshire|Torfaen|Blaenau Gwent|Caerphilly|Merthyr Tydfil|Rhondda Cynon Taf|Neath Port Talbot|Vale of Glamorgan|Newport City Council|Bridgend';
/** The words (lower case) one of which a text naming a DEVOLVED_COUNCILS area holds. */
const DEVOLVED_COUNCIL_WORDS = DEVOLVED_COUNCILS.replace(/\(\?:[^)]*\)\??/g, '')
  .split('|')
  .map((w) => w.trim().toLowerCase())
  .filter(Boolean);

export const SUBJECT_CUES: SubjectCue[] = [
  {
    subject: 'la',
    label: "children's services",
    needs: ['children', 'child protection', 'safeguarding', 'social care services'],
    // /\bchildren['’]?s? (?:social )?(?:services?|social care|…)\b|\bchild protection…|\bsocial care services\b/i, read
    // from a lead pattern by character codes (scan.ts): the whole pattern was slow to compile.
    re: childrensServices,
    examples: [
      "Barchester council's children's services were rated good",
      'services for vulnerable children in the borough',
      "the county's child protection services",
      'Childrens Services department',
      "every council-run children's service in the county",
      'a report condemned child protection in the borough',
    ],
    nearMisses: ["a children's home run by the council", 'the children were happy at school'],
  },
  {
    subject: 'la',
    label: 'a council inspection type',
    needs: INSPECTION_TYPE_WORDS,
    // Tried only on a text holding one of its words (`labelsIn` runs it without the look-up).
    re: gated(
      holdsOneOfEach(INSPECTION_TYPE_WORDS),
      new RegExp(
        `\\b(?:focused visit|monitoring visit|joint targeted area inspection|JTAI|ILACS|single inspection framework|joint area reviews?|comprehensive area assessments?|unannounced inspections? of (?:contact|front door|safeguarding)|inspections? of (?:[\\w'’-]+ ){0,3}local authority children${APOS}s services|inspecting local authority children${APOS}s services|(?:local authorit(?:y|ies)|councils?)\\b[\\w'’ ]{0,40}? inspection (?:outcome|result|judgement)|children${APOS}s services inspection|annual performance assessment|safeguarding and looked after children)s?\\b`,
        'i',
      ),
    ),
    examples: [
      'a monitoring visit in March found progress',
      'the ILACS framework',
      'a joint targeted area inspection (JTAI)',
      "the inspection of local authority children's services",
      "Inspection of Bolton local authority children's services",
      "Local authority and children's homes in England inspection outcomes",
    ],
    nearMisses: [
      'a visit from the mayor',
      'monitoring of the budget',
      "council-run children's homes inspection results",
    ],
  },
  {
    subject: 'la',
    label: 'care leavers or children in care',
    needs: ['care leavers', 'children in care', 'looked', 'children in need', 'corporate parent'],
    re: /\b(?:care leavers|children in care|looked[- ]after children|children in need of help and protection|corporate parent(?:ing)?)\b/i,
    examples: ['services for care leavers', 'looked-after children', 'children in care were well supported'],
    nearMisses: ['children who care for their parents', 'care homes for older people'],
  },
  {
    subject: 'school',
    label: 'a school or nursery',
    needs: [
      'school',
      'academ',
      'pupil',
      'headteacher',
      'head teacher',
      'nurser',
      'childminder',
      'sixth form',
      'early years setting',
    ],
    re: /\b(?:(?:primary|secondary|junior|infant|infants|grammar|high|free|special|independent|village|church|catholic|boarding|faith) schools?|academy|academies|pupils?|headteachers?|head teacher|nurser(?:y|ies)|pre-?schools?|childminders?|sixth form|early years settings?)\b/i,
    examples: ['a village primary school', 'pupils and staff', 'the academy trust', 'a nursery in the town'],
    nearMisses: ['the virtual school head for children in care', 'schoolchildren'],
  },
  {
    subject: 'childrens-home',
    label: "a children's home",
    needs: ['home', 'secure'],
    // Not homes where children live or are visited in passing ("live in foster homes or children's
    // homes in Shropshire", "visited our children's homes"): the subject is a home when it is inspected.
    re: new RegExp(
      `\\b(?:(?:secure |residential )?children${APOS}s homes?|residential (?:care )?homes?|secure (?:training centre|unit|home)s?)\\b(?<!\\b(?:live|lives|living|lived|placed|visited|visiting)\\s+(?:in\\s+)?(?:[\\w'’-]+\\s+){0,5}(?:children${APOS}s |residential |secure )?(?:\\w+ )?homes?)`,
      'i',
    ),
    examples: ["a secure children's home", "the council's children's homes", 'a residential home for teenagers'],
    nearMisses: [
      'children at home',
      'home visits to children',
      "some children in care live in foster homes or children's homes in Shropshire",
      "I have visited our children's homes",
    ],
  },
  {
    subject: 'provider',
    label: 'a fostering or adoption agency',
    needs: ['fostering', 'adoption'],
    // A council's adoption service is also a judgement area of its children's services
    // inspection: only an adoption AGENCY is a provider in its own right.
    re: /\bfostering (?:services?|agenc(?:y|ies)|providers?)\b|\badoption (?:support )?agenc(?:y|ies)\b|\bindependent fostering\b/i,
    examples: ["the council's fostering service", 'a regional adoption agency', 'an independent fostering provider'],
    nearMisses: ['fostering good relations', 'adoption performance was good', 'adoption services were rated good'],
  },
  {
    subject: 'further-education',
    label: 'a further-education or adult-learning provider',
    needs: ['further education', 'fe ', 'adult', 'community learning', 'learners', 'training provider', 'college'],
    re: /\b(?:further education (?:and skills )?(?:colleges?|providers?|sector)|FE (?:providers?|colleges?|sector)|adult (?:education|learning|and community learning|skills)|community learning|learners|training providers?|colleges?)\b/i,
    examples: ['adult and community learning', 'two FE providers', 'the college was rated good', 'learners said'],
    nearMisses: ['a colleague said', 'learning from reviews', 'care leavers in further education or work'],
  },
  {
    subject: 'youth-justice',
    label: 'youth justice or probation',
    needs: ['youth', 'probation'],
    re: /\b(?:youth (?:offending|justice) (?:services?|teams?|boards?|partnerships?)|youth offending|HM Inspectorate of Probation|HMI Probation|probation service)\b/i,
    examples: ['the youth offending service', 'HM Inspectorate of Probation said', 'youth justice service'],
    nearMisses: ['young people at risk of exploitation'],
  },
  {
    subject: 'police',
    label: 'a police force',
    needs: ['hmic', 'police', 'constabulary', 'peel'],
    re: /\b(?:HMICFRS|HMIC|police forces?|constabulary|PEEL (?:assessment|inspection)s?|police and crime commissioner)\b/i,
    examples: ['HMICFRS graded the force', 'the constabulary', 'a PEEL inspection'],
    nearMisses: ['policies and procedures'],
  },
  {
    subject: 'adult-care',
    label: 'adult care, health or the CQC',
    needs: ['cqc', 'care quality commission', 'adult', 'care home', 'hospital', 'gp ', 'nhs trust'],
    re: new RegExp(
      `\\b(?:CQC|Care Quality Commission|adults?${APOS} (?:social )?(?:care|services)|adult (?:social )?care|care homes?|hospitals?|GP (?:surgery|practice)s?|NHS trusts?)\\b`,
      'i',
    ),
    examples: ['the Care Quality Commission', "council adults' services", 'adult social care', 'a care home'],
    nearMisses: ['care leavers', 'children in care'],
  },
  {
    subject: 'devolved',
    label: 'a Welsh or Scottish inspectorate or council',
    // …or a Scottish or Welsh council named in the title or lead (their children's services are not Ofsted's).
    needs: [
      'care inspectorate',
      'estyn',
      'ciw',
      'scotland',
      'scottish',
      'wales',
      'welsh',
      'northern ireland',
      ...DEVOLVED_COUNCIL_WORDS,
    ],
    re: new RegExp(
      `\\b(?:Care Inspectorate(?: Wales)?|Estyn|CIW|Education Scotland|Scotland|Scottish|(?<!of )Wales|Welsh|Northern Ireland|${DEVOLVED_COUNCILS})\\b`,
      'i',
    ),
    examples: [
      "Scotland's care watchdog",
      'the Care Inspectorate',
      'Estyn inspectors',
      'Care Inspectorate Wales',
      "Fife's services for children at risk of harm rated good",
      'Cardiff Council children’s services',
    ],
    nearMisses: ['the Care Quality Commission', 'Prince of Wales Road', 'Newport Pagnell', 'Highland cattle'],
  },
  {
    subject: 'send',
    label: 'a SEND local-area inspection',
    needs: ['send', 'special educational needs', 'local area', 'written statement'],
    // Case-sensitive: "SEND" the acronym, not the verb.
    re: /\b(?:SEND|[Ss]pecial [Ee]ducational [Nn]eeds|[Ll]ocal [Aa]rea (?:SEND )?(?:[Ii]nspections?|[Pp]artnerships?)|[Ww]ritten [Ss]tatement of [Aa]ction)\b/,
    examples: [
      'a local area SEND inspection',
      'special educational needs and disabilities',
      'a written statement of action',
      'the local area partnership must improve',
    ],
    nearMisses: ['send a letter', 'Send them home', 'local area of the town'],
  },
  {
    subject: 'school',
    label: 'schools',
    needs: ['school'],
    re: /\b(?<!virtual )schools?\b/i,
    examples: ['School rated good', 'schools in the county'],
    nearMisses: ['the virtual school', 'schoolchildren'],
    titleOnly: true,
  },
  {
    subject: 'police',
    label: 'the police',
    needs: ['police'],
    re: /\bpolice\b/i,
    examples: ['Police child protection work inadequate'],
    nearMisses: ['policies'],
    titleOnly: true,
  },
  {
    subject: 'finance',
    label: 'a budget or credit rating',
    needs: [
      'credit rating',
      'moody',
      'fitch',
      'standard ',
      'credit assessment',
      'issuer rating',
      'overspend',
      'budget',
      'spending',
      'spent £',
    ],
    re: /\b(?:credit ratings?|Moody['’]s|Fitch|Standard (?:&|and) Poor['’]s|credit assessment|issuer ratings?|overspends?|budgets?|budget-setting|spending (?:up|down|rose|rises|fell|falls|increased?|per)|spent £)/i,
    examples: [
      'Moody’s withdraws the credit rating',
      'Fitch said',
      'a £5m overspend',
      'the budget for next year',
      'Children’s services spending up 40% in a decade',
      'Councils in England spent £11.1bn on children’s social care',
    ],
    nearMisses: ['credit to the team', 'spending time with children'],
  },
];

export interface PassingCue {
  label: string;
  /** Log-odds when the title says it (the lead alone weighs less). */
  titleWeight: number;
  /**
   * Log-odds when the lead says it but the page goes on to report a named council's grade as news
   * (unset: as when it reports none).
   */
  leadWeightWithNews?: number;
  /** The title's weight holds even when the title reports an outcome ("join our Good-rated team"). */
  titleOutweighsOutcome?: boolean;
  re: RegExp;
  /** Words (lower case) one of which every text `re` matches holds: a title or lead without one skips it (needs.ts). */
  needs: string[];
  examples: string[];
  nearMisses: string[];
}

/**
 * Page kinds that mention an inspection without reporting its outcome: an award, an appointment,
 * preparations for an inspection still to come, a change of framework, a personal reflection.
 * Weighed only in the title and lead, and outweighed by a reported outcome.
 */
export const PASSING_CUES: PassingCue[] = [
  {
    label: 'an award or celebration',
    titleWeight: -4,
    needs: ['award', 'shortlisted', 'winner', 'prize'],
    re: /\b(?:awards|award-winning|shortlisted|winners?|prize|(?:wins|won|scoops?|receives?|presented with) (?:an? |the )?(?:\w+ ){0,3}award)\b/i,
    examples: ['team wins national award', 'the Social Work Awards', 'shortlisted for a prize'],
    nearMisses: ['awarded a grade', 'council celebrates its good rating'],
  },
  {
    label: 'an appointment',
    titleWeight: -3,
    needs: [
      'appoint',
      'new ',
      'takes on',
      'takes over',
      'portfolio',
      'steps down',
      'step down',
      'resign',
      'joins as',
      'took up ',
      'named as',
      'to become',
    ],
    // "new director", also with the post named between ("new children's services director").
    re: /\b(?:appointed (?:as|to|a|an|the|its|new|interim)|appoints|appointment of|new (?:[\w'’-]+ ){0,3}(?:director|chief executive|leader|head)(?![\w-])|takes (?:on|over)|portfolio|steps down|to step down|resigns?|joins as|took up (?:her|his|their|the) (?:post|role)|named as (?:the )?(?:[\w'’-]+ ){0,3}(?:director|chief inspector|chief executive|chair|leader|head)|to become (?:the )?(?:[\w'’-]+ ){0,3}(?:director|chief inspector|chief executive|chair))\b/i,
    examples: [
      'council appoints a new director',
      'the leader takes the portfolio',
      'director steps down',
      "the council's new children's services director",
      'she took up her post on Monday',
      'Former children’s services director named as Ofsted’s next chief inspector',
    ],
    nearMisses: ['an appointed day', 'a new director-led review of the findings was not needed', 'new headquarters'],
  },
  {
    label: 'a job advert',
    titleWeight: -6,
    titleOutweighsOutcome: true,
    needs: [
      'join',
      'recruit',
      'vacanc',
      'apply',
      'career',
      'salary',
      'per annum',
      'closing date',
      'job ref',
      'social worker',
      'manager',
      'adviser',
      'support worker',
      'reviewing officer',
      'chair',
    ],
    re: /\b(?:join (?:our|us|the team)\b|(?:is|are|we're|we are|now) recruiting\b|recruiting (?:experienced |qualified |newly qualified |senior )?(?:social workers|practitioners|staff|managers|team managers)\b|vacanc(?:y|ies)\b|apply (?:now|today|online|by)\b|careers? (?:page|site|opportunities|fair)\b|salary:|£[\d,]+ (?:to|-|–) £[\d,]+|per annum\b|closing date\b|job ref(?:erence)?\b|^(?:senior |advanced |principal |lead |newly qualified |experienced |assistant )?(?:social worker|team manager|practice manager|service manager|personal adviser|family support worker|independent reviewing officer|child protection chair)s?\s*[-–|:])/i,
    examples: [
      "Social workers: join our Good-rated children's services",
      'Solihull Council is recruiting experienced social workers',
      'apply now for our vacancies',
      'Salary: £41,511 to £45,718 per annum plus £2,000 market supplement',
      'Closing date: 14 March',
      'Senior Social Worker - Children in Care Team | North Yorkshire Council',
    ],
    nearMisses: ['the council has struggled to recruit social workers', 'applying the thresholds'],
  },
  {
    label: 'an inspection still to come',
    titleWeight: -6,
    needs: [
      'prepar',
      'ready for',
      'readiness',
      'ahead of ',
      'mock inspection',
      'expected ',
      'would be looking',
      'next week',
      'next month',
      'will arrive',
      'will begin',
      'will start',
    ],
    re: /\b(?:prepar(?:e|es|ing) for|preparation for|ready for|readiness|ahead of (?:an?|the|its|their|next) (?:\w+ ){0,2}inspection|mock inspection|(?:is|was) expected (?:by|in|later|before)|would be looking|(?:arriv(?:e|es|ing)|(?:is|are) due)\b[^.]{0,40}\bnext (?:week|month)|will (?:arrive|begin|start)\b[^.]{0,40}\binspection)\b/i,
    examples: [
      'Preparing for our inspection',
      'ahead of its next Ofsted inspection',
      'inspectors would be looking at',
      'Ofsted inspectors arrive in Barnsley next week to examine children’s services',
      'Inspectors will arrive on Monday to begin a two-week inspection',
    ],
    nearMisses: ['prepared a report'],
  },
  {
    label: 'a framework or system change',
    titleWeight: -4,
    needs: [
      'framework',
      'launch',
      'into effect',
      'into force',
      'change to ',
      'changes to ',
      'consultation on',
      'consults on',
      'consulted on',
      'consulting on',
      'pilot',
      'will assess',
      'will inspect',
      'will be assess',
      'will be inspect',
      'to be assessed',
      'plan to ',
      'plans to ',
      'proposal to ',
      'proposals to ',
      'to overhaul',
      'to scrap',
      'to reform',
      'dropping',
      'scrapping',
      'removing',
      'abolishing',
      'ending',
      'drop',
      'scrap',
      'remove',
      'abolish',
      'end ',
      'no longer',
    ],
    re: /\b(?:(?:new|renewed|revised|updated|proposed) (?:[\w-]+ )?(?:inspection )?framework|launch(?:es|ed)? (?:a |an |its |the )?new|(?:comes?|came) into (?:effect|force)|changes? to (?:the )?(?:inspection|framework|system|way)|consult(?:s|ed|ing|ation)? on|pilots? (?:selected|councils)|will (?:be )?(?:assess|inspect)(?:ed)?|to be assessed|(?:plans?|proposals?) to (?:change|overhaul|scrap|introduce|replace|reform)|to (?:overhaul|scrap|reform) (?:the )?(?:inspection|inspections|framework|grades|gradings?|ratings?)|(?:dropping|scrapping|removing|abolishing|ending|drop|scrap|remove|abolish|end) (?:the )?(?:headline|single[- ]word|one-word|overall(?: effectiveness)?) (?:grades?|gradings?|judgements?|judgments?|ratings?)|will no longer (?:give|award|publish|use) (?:\w+ ){0,5}(?:grades?|gradings?|judgements?|judgments?|ratings?))\b/i,
    examples: [
      'a new inspection framework',
      'Ofsted consults on renewed inspection framework for children and families services',
      'councils will be assessed',
      'consultation on changes',
      'Ofsted to scrap ratings',
      'Ofsted launches new inspections of council services',
      'the new single framework comes into effect in the autumn',
      "Dropping the headline grade won't fix children's services inspection on its own",
      'Ofsted will no longer give councils a single overall effectiveness grade',
    ],
    nearMisses: [
      'the framework of support',
      'the council came into being in 1974',
      'inspectors found new staff settling in',
    ],
  },
  {
    label: 'an opinion piece',
    // A headline marked as opinion ("Opinion: what an 'inadequate' rating really does to a
    // workforce"): an argument about inspection, whatever grade it names.
    titleWeight: -4,
    titleOutweighsOutcome: true,
    needs: ['opinion', 'comment', 'viewpoint', 'letter', 'fact check'],
    re: /^\s*(?:opinion|comment|viewpoint|letters?|fact check)\s*[:|–—]/i,
    examples: [
      'Opinion: what an inadequate rating really does to a workforce',
      'Comment | Inspection is not the enemy',
      'Fact check: do the Lib Dems deserve credit for Sutton’s good Ofsted rating?',
    ],
    nearMisses: ['Council comments on its inspection', 'Ofsted letter to Sefton council'],
  },
  {
    label: 'a personal reflection',
    titleWeight: -4,
    // A councillor's or social worker's own account that reports a grade ("…and they are now
    // rated requires improvement") is a report, told in the first person.
    leadWeightWithNews: -1.5,
    needs: [
      'reflects on',
      'my local authority',
      'my organisation',
      'my team',
      'i am',
      'i have',
      'i admit',
      'i think',
      'i believe',
    ],
    re: /\b(?:reflects on|my (?:local authority|organisation|team)|I (?:am|have|admit|think|believe))\b/i,
    examples: ['a social worker reflects on inspections', 'Ofsted visited my local authority', 'I admit'],
    nearMisses: ['it reflects the findings'],
  },
];

const OFSTED = /\bofsted\b|\bhm chief inspector\b/gi;
const OFSTED_ONE = /\bofsted\b|\bhm chief inspector\b/i;
/** Ofsted named as the contrast to a devolved inspectorate: "Unlike Ofsted in England", "as Ofsted does in England". */
const OFSTED_CONTRAST = /\b(?:unlike|like|as) ofsted\b|\bofsted (?:does )?in england\b/i;
/** An inspection taking place: inspectors, an inspection, a visit, a report. */
const INSPECTION_EVENT =
  /\b(?:(?:rated|judged|graded|deemed|branded) [^.\n]{0,60}by (?:the )?(?:ofsted|inspectors|watchdog)|ofsted (?:has )?(?:rated|rates|judged|found|finds|says|said|criticised|praised|warns|warned)|inspectors|inspection|inspections|inspected|re-inspection|focused visits?|monitoring visits?|jtais?|(?:annual|performance) assessments?|ofsted['’]?s? (?:report|letter|visit|rating|judgement|findings|inspectors)|ofsted visited|(?:visited|visit) by (?:ofsted|inspectors)|(?:following|after) (?:a|an|the|its) (?:\w+ )?visit|letter from (?:the )?inspectors?|report (?:found|said|says|published|highlighted|concluded))\b/gi;
/** An outcome being reported: a judgement verb or a published finding (read by hand: `reportsOutcome` in scan.ts). */
const OUTCOME = { test: reportsOutcome };
/** Children's-services words anywhere in the text. */
const LA_VOCABULARY =
  /\bchildren['’]?s? (?:social )?(?:services?|social care|(?:services )?trust)\b|\bcare leavers\b|\bchildren in care\b|\bchild protection\b|\bsocial work(?:ers)?\b|\bsafeguarding\b/gi;
/** A council's own voice or setting, where its name may go unsaid ("the council", minutes). */
const COUNCIL_CONTEXT =
  /\b(?:councils?|local authorit(?:y|ies)|borough|county|director of children['’]?s services|cabinet member|lead member|scrutiny (?:committee|panel))\b/i;
/** Council words, and "LA"/"LAs" (the abbreviation minutes and statistics use; case-sensitive). */
const COUNCIL_WORD = /\b(?:[Cc]ouncils?|[Ll]ocal [Aa]uthorit(?:y|ies)|[Bb]orough|[Cc]ounty|COUNCILS?|LAs?)\b/;
/** A finding told as background: dated in a past year or tied to an earlier inspection. */
const BACKGROUND =
  /\b(?:in|since|from) (?:(?:january|february|march|april|may|june|july|august|september|october|november|december) )?(?:19|20)\d\d\b|\b(?:last(?! (?:week|month|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)|previous|previously|earlier|former|prior)\b/i;
/** A grade told as the present beside the background ("judged inadequate in 2016, and are now rated…"). */
const NOW_RATED =
  /\b(?:(?:is|are) now|now (?:rated|judged|graded)|(?:has|have) (?:now |just )?been (?:rated|judged|graded)(?! (?:\w+ )?(?:in|since) (?:19|20)\d\d))\b/i;
/** A finding still to be made: a rule for how councils will be judged, or a hypothetical. */
const NOT_YET =
  /\b(?:will|would|could|might|may|should) (?:\w+ )?be (?:rated|judged|graded|deemed|found)\b|\bif (?:a|an|the|any|it|they|councils?|local authorit(?:y|ies))\b/i;
/** A grade word in a headline (read as one only beside a children's-services subject). */
const TITLE_GRADE = /\b(?:outstanding|good|requires? improvement|requiring improvement|inadequate)\b/i;
/** A national round-up counts councils rather than naming one. */
const ROUND_UP =
  /\b(?:\d+|one in \w+|nine|ten|\w+-thirds?|half|most|more than \w+) (?:of )?(?:\w+ )?(?:councils|local authorities)\b/i;

/**
 * The last text each counting pattern read and its count: a page analysed again (a paragraph
 * added) asks again about the same first DETECT_CHARS characters.
 */
const lastCounts = new Map<RegExp, { text: string; max: number; n: number }>();

const count = (re: RegExp, s: string, max = 50) => {
  const last = lastCounts.get(re);
  if (last && last.max === max && last.text === s) return last.n;
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(s)) {
    n++;
    if (n >= max) break;
  }
  lastCounts.set(re, { text: s, max, n });
  return n;
};

/** How much each subject counts in each zone, in log-odds. Out-of-scope weights are negative. */
const ZONE_WEIGHT: Record<Zone, { la: number; other: number }> = {
  title: { la: 2.5, other: -4 },
  lead: { la: 1.5, other: -1.8 },
  body: { la: 0.5, other: -0.6 },
};

/**
 * Subjects already read, by zone and text: a page analysed again (a paragraph added) has the same
 * title, lead and first grade sentences, and each reading runs every subject cue.
 */
const subjectsRead = { title: new Map(), lead: new Map(), body: new Map() } as Record<
  Zone,
  Map<string, ReadonlySet<Subject>>
>;

/** The subjects a stretch of text names (each counted once). */
export function subjectsIn(text: string, zone: Zone = 'body'): ReadonlySet<Subject> {
  const read = subjectsRead[zone];
  const known = read.get(text);
  if (known) return known;
  const out = new Set<Subject>();
  const lower = lookingUp() ? text.toLowerCase() : '';
  for (let i = 0; i < SUBJECT_CUES.length; i++) {
    const cue = SUBJECT_CUES[i];
    if (
      !out.has(cue.subject) &&
      (!cue.titleOnly || zone === 'title') &&
      holdsAny(lower, cue.needs) &&
      cue.re.test(text)
    )
      out.add(cue.subject);
  }
  if (read.size >= 128) read.clear();
  read.set(text, out);
  return out;
}

function labelsIn(text: string, subject: Subject, zone: Zone): string {
  return SUBJECT_CUES.filter((c) => c.subject === subject && (!c.titleOnly || zone === 'title') && c.re.test(text))
    .map((c) => c.label)
    .join(', ');
}

/** The lead: the first paragraphs after the title, about 600 characters. */
function leadOf(body: string, title: string): string {
  let rest = body.startsWith(title) ? body.slice(title.length) : body;
  rest = rest.replace(/^\s+/, '');
  const cut = rest.indexOf('\n', 600);
  return rest.slice(0, cut < 0 ? Math.min(rest.length, 900) : Math.min(cut, 900));
}

/** A running log-odds sum that records why it moved. */
class Evidence {
  score: number;
  readonly reasons: string[] = [];
  constructor(
    readonly name: string,
    prior: number,
  ) {
    this.score = prior;
  }
  add(w: number, why: string) {
    this.score += w;
    this.reasons.push(`${this.name}: ${why} ${w >= 0 ? '+' : ''}${Math.round(w * 10) / 10}`);
  }
  get p() {
    return 1 / (1 + Math.exp(-this.score));
  }
}

const JOINT_PARTNERS = new Set<Subject>(['police', 'youth-justice', 'adult-care']);

/**
 * Scores the text on two questions, each a small log-odds sum of cues: is the page ABOUT a
 * council's children's services (the subject), and does it REPORT an inspection or visit outcome
 * (not an award, appointment, preparation or opinion)? The confidence is the product of the two
 * probabilities, so a strong answer to one cannot make up for a "no" to the other.
 */
/** Characters of the text detection reads (long pages: the evidence is in the first part). */
export const DETECT_CHARS = 60_000;
/** Grade sentences detection reads, the first ones. */
export const DETECT_GRADE_SENTENCES = 40;

export function detectInspectionArticle(input: DetectionInput): Detection {
  // Long pages: the evidence is in the first part; cap the work.
  const body = input.text.length > DETECT_CHARS ? input.text.slice(0, DETECT_CHARS) : input.text;
  const title = input.title;
  const lead = leadOf(body, title);
  const early = `${title}\n${lead}`;
  const subject = new Evidence('subject', -1);
  const outcome = new Evidence('outcome', -1.5);

  const gs = (input.gradeSentences ?? [])
    .slice(0, DETECT_GRADE_SENTENCES)
    .map((s) => (s.length > 1500 ? s.slice(0, 1500) : s));
  // --- Subject: the title speaks loudest, then the lead; the body only tips a balance.
  // A joint inspection of a council's area (named, or recognised by its partner inspectorates
  // named together with Ofsted) lists police, probation and health as partners, not subjects.
  const partners = [...subjectsIn(early, 'lead')].filter((x) => JOINT_PARTNERS.has(x)).length;
  const laType = SUBJECT_CUES[1].re.test(early) || (partners >= 2 && OFSTED_ONE.test(early));
  const others = new Set<Subject>();
  let laSeen = false;
  for (const [zone, text] of [
    ['title', title],
    ['lead', lead],
  ] as [Zone, string][]) {
    const subjects = subjectsIn(text, zone);
    // A title naming another subject too ("overspend on children's services") is about that.
    const mixed = subjects.size > 1 && [...subjects].some((x) => x !== 'la' && !(laType && JOINT_PARTNERS.has(x)));
    const laTypeIn = SUBJECT_CUES[1].re.test(text);
    if (subjects.has('la')) {
      laSeen = true;
      subject.add(ZONE_WEIGHT[zone].la / (mixed ? 2 : 1), `${zone} names ${labelsIn(text, 'la', zone)}`);
    }
    for (const s of subjects) {
      if (s === 'la' || others.has(s)) continue;
      // A joint inspection of a council's area names the other inspectorates as partners.
      if (laType && JOINT_PARTNERS.has(s)) continue;
      others.add(s);
      // A zone that names a council inspection type too ("local authority and children's homes
      // inspection outcomes", a release covering both) is not only about the other service.
      // Nor is one naming Ofsted beside Wales or Scotland (Ofsted inspects neither): a comparison.
      // ("Unlike Ofsted in England, CIW does not give councils a grade" names Ofsted as the contrast.)
      const halved = laTypeIn || (s === 'devolved' && OFSTED_ONE.test(text) && !OFSTED_CONTRAST.test(text));
      subject.add(ZONE_WEIGHT[zone].other / (halved ? 2 : 1), `${zone} names ${labelsIn(text, s, zone)}`);
    }
  }
  const titleLa = !others.size && subjectsIn(title, 'title').has('la');
  const titleGrade = titleLa && gs.some((s) => s.length > 8 && title.includes(s.trim()));
  // A title that reads as an appointment, award, preparation or framework change is about that,
  // even when it names Ofsted beside children's services, unless it also states a finding.
  // The passing cues run only on a title or lead holding one of their words (most pages hold none).
  const lowerTitle = lookingUp() ? title.toLowerCase() : '';
  const lowerLead = lookingUp() ? lead.toLowerCase() : '';
  const passingIn = (cue: PassingCue, text: string, lower: string) => holdsAny(lower, cue.needs) && cue.re.test(text);
  const passingTitle = !OUTCOME.test(title) && PASSING_CUES.some((c) => passingIn(c, title, lowerTitle));
  const headline = titleLa && (titleGrade || (!passingTitle && (TITLE_GRADE.test(title) || OFSTED_ONE.test(title))));
  if (laType && !laSeen) {
    laSeen = true;
    subject.add(ZONE_WEIGHT.lead.la, 'a joint inspection of a council area');
  }
  const laBody = count(LA_VOCABULARY, body);
  if (laBody) subject.add(Math.min(laBody, 8) * 0.25, `children's-services vocabulary ${laBody}×`);
  else if (!laSeen) subject.add(-1.5, "no children's-services vocabulary");
  // The grammatical subject of the grade sentences: "X council's children's services were rated…"
  // against "a children's home run by X was rated…".
  // The first sentences, and the start of each, are enough to tell what is being rated (gs).
  let gradeOther = 0;
  let gradeLa = 0;
  for (const s of gs) {
    const subjects = subjectsIn(s);
    const other = [...subjects].some((x) => x !== 'la' && !(laType && JOINT_PARTNERS.has(x)));
    if (other && !subjects.has('la')) gradeOther++;
    else if (subjects.has('la') || COUNCIL_WORD.test(s)) gradeLa++;
  }
  if (gradeOther && gradeOther >= gradeLa)
    subject.add(
      -1.5 - Math.min(gradeOther, 4) * 0.4,
      `${gradeOther} of ${gs.length} grade sentence(s) rate another service`,
    );
  else if (gradeLa) subject.add(0.8, `${gradeLa} grade sentence(s) rate children's services or a council`);
  // Whose services: an English council, or a count of councils in a round-up.
  if (input.councilCount) subject.add(1, `names ${input.councilCount} council(s)`);
  else if (ROUND_UP.test(body)) subject.add(0.5, 'counts councils (a round-up)');
  else if (titleGrade || (titleLa && TITLE_GRADE.test(title)))
    subject.add(-0.5, "names no council, but the headline grades a council's services");
  else subject.add(COUNCIL_CONTEXT.test(body) ? -1.5 : -3, 'names no council');

  // --- Outcome: an inspection or visit whose findings the page reports.
  const ofsted = count(OFSTED, body);
  const ofstedEarly = OFSTED_ONE.test(title) || (OFSTED_ONE.test(lead) && !OFSTED_CONTRAST.test(lead));
  if (ofsted) outcome.add(ofstedEarly ? 2 : 1.2, `names Ofsted ${ofsted}×${ofstedEarly ? ' (title or lead)' : ''}`);
  // A finding in the lead counts when it is news, not background ("rated good in 2019", "at its
  // last inspection"): an appointment, award or budget story recalls a grade that way. Nor does
  // a rule for findings still to come ("will be judged inadequate", "if a council is rated…").
  const reported =
    OUTCOME.test(title) ||
    (ofstedEarly && splitAtSentenceEnds(lead).some((s) => OUTCOME.test(s) && !BACKGROUND.test(s) && !NOT_YET.test(s)));
  // A headline about a council's children's services that states a grade or names Ofsted
  // ("Barchester children's services rated inadequate", "Ofsted: Barchester children's services
  // improving") reports the outcome on its own, even when the page is only a stub.
  const events = count(INSPECTION_EVENT, body);
  if (events) outcome.add(Math.min(events, 5) * 0.3, `an inspection or visit ${events}×`);
  else if (!reported && !headline) outcome.add(-3, 'no inspection or visit is reported');
  if (titleGrade) outcome.add(2, 'the title states a grade');
  else if (headline) outcome.add(1.5, "the title puts a grade or Ofsted on children's services");
  if (laType) outcome.add(1, 'names a council inspection type');
  if (input.gradeCount && gradeOther < Math.max(1, gradeLa))
    outcome.add(Math.min(input.gradeCount, 3) * 0.4, `${input.gradeCount} grade judgement(s)`);
  if (reported) outcome.add(0.8, 'title or lead reports a finding');
  else if (gs.length && !laType && !headline && gs.every((s) => BACKGROUND.test(s) && !NOW_RATED.test(s)))
    outcome.add(-1.5, 'every grade is told as background');
  // Nothing inspected is named: no council, no count of councils, no grade and no council
  // inspection type ("Ofsted warns on children's social care": a national report or comment).
  if (!input.councilCount && !input.gradeCount && !laType && !ROUND_UP.test(body))
    outcome.add(-4, 'names no council, grade or council inspection: nothing inspected is reported');
  // A named council's grade told as news, not as background (weighs against a passing lead).
  const gradeNews = input.councilCount > 0 && gs.some((s) => !BACKGROUND.test(s) || NOW_RATED.test(s));
  // Pages that mention an inspection without reporting its outcome.
  for (const cue of PASSING_CUES) {
    if (passingIn(cue, title, lowerTitle))
      outcome.add(
        OUTCOME.test(title) && !cue.titleOutweighsOutcome ? -1.5 : cue.titleWeight,
        `title reads as ${cue.label}`,
      );
    else if (passingIn(cue, lead, lowerLead))
      outcome.add(
        reported ? -0.8 : gradeNews && cue.leadWeightWithNews !== undefined ? cue.leadWeightWithNews : -3,
        `lead reads as ${cue.label}`,
      );
  }

  const p = subject.p * outcome.p;
  const isInspectionArticle = p >= 0.5;
  const reasons = [...subject.reasons, ...outcome.reasons];
  const strongest = [...reasons]
    .sort((a, b) => Math.abs(weightOf(b)) - Math.abs(weightOf(a)))
    .slice(0, 4)
    .join('; ');
  const pct = (x: number) => Math.round(x * 100) / 100;
  return {
    isInspectionArticle,
    confidence: Math.round(p * 1000) / 1000,
    reasons,
    why: `${isInspectionArticle ? 'inspection article' : 'not an inspection article'} (about children's services ${pct(subject.p)} × reports an outcome ${pct(outcome.p)}): ${strongest}`,
  };
}

/** A reason's weight: the signed number that ends it (as /[-+][\d.]+$/ reads it), else 0. */
export function weightOf(reason: string): number {
  let i = reason.length;
  while (i > 0 && isDigitOrDot(reason.charCodeAt(i - 1))) i--;
  const sign = reason.charCodeAt(i - 1);
  return i < reason.length && (sign === 43 || sign === 45) ? Number(reason.slice(i - 1)) : 0;
}

const isDigitOrDot = (c: number) => (c >= 48 && c <= 57) || c === 46;
const isSentenceEnd = (c: number) => c === 46 || c === 33 || c === 63;

/**
 * The text split as `split(/(?<=[.!?])\s+|\n+/)` splits it: at white space after a full stop,
 * question or exclamation mark, and at line breaks; read by character codes (one pattern fewer
 * to compile on a page's first analysis).
 */
export function splitAtSentenceEnds(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    let j = i;
    if (i > 0 && isSentenceEnd(s.charCodeAt(i - 1)) && isSpace(c)) {
      j = i + 1;
      while (j < s.length && isSpace(s.charCodeAt(j))) j++;
    } else if (c === 10) {
      j = i + 1;
      while (j < s.length && s.charCodeAt(j) === 10) j++;
    }
    if (j > i) {
      out.push(s.slice(from, i));
      from = j;
      i = j;
    } else i++;
  }
  out.push(s.slice(from));
  return out;
}
