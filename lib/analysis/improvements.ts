// Finds the sentences in which inspectors (or the article reporting them) say what must
// improve, is weak or is recommended, and labels each with a short topic. Praise is not one.
// Two readers decide together: hand cues (CUES, AGAINST, the list rule) and a small learned
// model (improvement-model.ts) that may overrule the cues when it is sure a sentence is not an
// improvement area, and may add one they miss when it is sure it is.

import { CUE_TABLE, NAMED_KEYS } from './cue-table.generated';
import {
  modelBias,
  modelThreshold,
  modelVeto,
  resetStrongest,
  strongestFeatures,
  weightOfKey,
  wordScore,
} from './improvement-model';
import { holdsAny, lookingUp } from './needs';
import {
  anyOf,
  endsAsking,
  endsIntroducing,
  gated,
  holdsOneOfEach,
  leadThenPhrase,
  listIntro,
  lowerLettersOf,
  type Matcher,
  opensWithQuote,
  opensWithTypedBullet,
} from './scan';
import {
  type BlockKind,
  blockKindOf,
  isSpace,
  LIST_MARKER_SOURCE,
  type Sentence,
  type SourceDocument,
  type Span,
} from './text';

export interface ImprovementArea {
  sentence: Sentence;
  topic?: string;
  /** How strongly the sentence reads as an improvement area (sum of the hand cues' weights). */
  score: number;
  /** Why it was taken: the rule, or the model's probability and strongest features. */
  why?: string;
}

/**
 * A hand cue: a pattern that marks a sentence as stating a weakness or a needed improvement (or,
 * in AGAINST, as praise or a council's own voice), its weight, its triggers, and examples it must
 * match (tested). Any text the pattern matches holds one of the triggers at the start of a word:
 * a trigger of up to four characters is a word's first four letters (or the whole word when
 * shorter); a longer one, which may run over several words ("high caseloads"), is what the text
 * reads from the start of a word whose first letters are its own, in any case. A sentence runs
 * only the cues whose triggers it contains, so most sentences cost one tokenising pass and a few
 * look-ups.
 */
export interface Cue {
  name: string;
  /** A pattern, or a reading equal to one (scan.ts: a long alternation of words compiles slowly). */
  pattern: Matcher;
  weight: number;
  triggers: string[];
  examples: string[];
}

/** What failing-area-grade's pattern needs: a failing grade (one of these words)… */
const FAILING_GRADE_WORDS = [
  'inadequate',
  'gradepoor',
  'graderequir',
  'require improvement',
  'requires improvement',
  'requiring improvement',
];
/** …and a judgement area (the start of each of its names). */
const FAILING_AREA_WORDS = [
  'care leaver',
  'leaving care',
  'help and protection',
  'in need of ',
  'children in',
  'children looked after',
  'looked',
  'leadership',
  'management',
  'governance',
  'adoption',
  'permanence',
  'safeguarding',
  'lscb',
  'early help',
  'front door',
  'disabled children',
  'fostering',
  'child protection',
];

/** Cues that a sentence states a weakness or a required improvement. */
export const CUES: Cue[] = [
  {
    // Areas named as what to work on: "Areas to work on included the timeliness of assessments",
    // "Other areas to improve include the consistency of pathway plans".
    name: 'areas-named',
    pattern:
      /\b(?:areas?|things|aspects)\s+(?:to (?:work on|improve|address|develop|strengthen)|(?:for|requiring|needing) (?:further )?(?:improvement|development|attention))\s+(?:included?|includes|including|were|are)\b/i,
    weight: 3,
    triggers: [
      'to work on',
      'to improve',
      'to address',
      'to develop',
      'to strengthen',
      'for improvement',
      'for development',
      'requiring',
      'needing',
      'for further',
    ],
    examples: [
      'Areas to work on included the timeliness of assessments',
      'Other areas to improve include the consistency of pathway plans',
      'areas for improvement were the timeliness of plans',
    ],
  },
  {
    // A record missing what it should hold: "11 had no up-to-date assessment of the risk".
    name: 'had-none',
    pattern:
      /\b(?:had|have|has|with) no (?:up-to-date|current|clear|allocated|named|recent|written|pathway|care|health|assessment|plan|social worker|record)\b/i,
    weight: 2,
    triggers: ['had no', 'have no', 'has no', 'with no'],
    examples: [
      '11 had no up-to-date assessment of the risk of exploitation',
      'One in five care leavers had no pathway plan',
    ],
  },
  {
    name: 'area-for-improvement',
    pattern:
      /\bareas? (?:for|of|requiring) (?:priority action|improvement|development|weakness|concern)\b|\bareas? (?:where|in which) (?:improvements? (?:was|were) (?:identified|needed|required)|(?:it|the council|the service|services) (?:needs?|needed|must|should) (?:to )?improve)\b|\brequired to take (?:immediate |urgent |swift )?action\b/i,
    weight: 3,
    triggers: ['area', 'requ'],
    examples: [
      'two areas for improvement',
      'an area of concern',
      'some areas where improvements were identified, such as ensuring every child had a plan',
      'the council was required to take immediate action in a small number of cases',
    ],
  },
  {
    name: 'serious-weakness',
    pattern:
      /\b(?:priority action(?! plan)|serious weakness(?:es)?|widespread (?:and serious )?failures?|(?:serious|significant|major) barriers?)\b/i,
    weight: 3,
    triggers: ['prio', 'noti', 'stat', 'seri', 'wide', 'sign', 'majo'],
    examples: [
      'no areas for priority action',
      'serious weaknesses in planning',
      'widespread failures',
      'high workloads present “a serious barrier to providing effective services”',
    ],
  },
  {
    name: 'recommend',
    // The verb, or the noun with what it asks ("a recommendation that…", "recommendations to…",
    // "one recommendation"): not a bare count in minutes ("comment on the 16 recommendations").
    pattern:
      /\brecommend(?:ed|s|ing)?\b|\b(?:one|a|single|main|key|further|first|second|final) recommendation\b|\brecommendations?,? (?:that|to|for|on|about|includ\w*|around|in relation to|(?:is|was|are|were) (?:to|that|for))\b|\brecommendations?\s*:/i,
    weight: 2.5,
    triggers: ['reco'],
    examples: [
      'inspectors recommended',
      'one recommendation',
      'made recommendations to improve supervision',
      'the recommendation was to review plans',
      'the report makes six recommendations, including that the council improves',
    ],
  },
  {
    name: 'needs-to',
    pattern:
      /\b(?:needs?|needed) (?:to(?!\s*[,.;:)])|further|more|greater|urgent|work|attention|improvement|strengthening)\b(?<!\bwho (?:\w+ )?(?:needs?|needed) (?:to|further|more))|\brequir(?:es|e|ed) (?:strengthening|further (?:work|development)|urgent attention|more (?:work|focus|attention))\b|\b(?:is|there's) (?:still )?(?:much |a lot )?more (?:work )?to (?:do|be done)\b/i,
    weight: 2.5,
    triggers: [
      ...['need', 'needs', 'needed'].flatMap((w) =>
        ['to', 'further', 'more', 'greater', 'urgent', 'work', 'attention', 'improvement', 'strengthening'].map(
          (x) => `${w} ${x}`,
        ),
      ),
      ...['requires', 'require', 'required'].flatMap((w) =>
        ['strengthening', 'further', 'urgent attention', 'more'].map((x) => `${w} ${x}`),
      ),
      'is more',
      'is still',
      'is much',
      'is a lot',
      "there's",
    ],
    examples: [
      'the council needs to act',
      'planning needed more focus',
      'the response to children missing education requires strengthening',
      'leaders acknowledge that there is more to do to improve the sufficiency of placements',
    ],
  },
  {
    name: 'must-or-should',
    // /\b(?:must|should)(?: also| still| now| urgently)? (?:be|have|ensure|improve|make|take|address|develop|strengthen|consider|review|increase|reduce|focus|act|do|work|continue|establish|prioriti[sz]e|tackle|provide|put)\b/i
    pattern: leadThenPhrase(
      /\b(?:must|should) /gi,
      ['also ', 'still ', 'now ', 'urgently '],
      'be have ensure improve make take address develop strengthen consider review increase reduce focus act do work continue establish prioritise prioritize tackle provide put'.split(
        ' ',
      ),
    ),
    weight: 2.5,
    triggers: ['must', 'shou'],
    examples: ['leaders should ensure', 'the service must urgently improve'],
  },
  {
    name: 'there-should-be',
    pattern: /\bthere (?:should|must) (?:also )?be\b/i,
    weight: 2.5,
    triggers: ['there should ', 'there must '],
    examples: ['there should be a clearer plan', 'there must also be'],
  },
  {
    name: 'could-improve',
    pattern:
      /\b(?:could|can) (?:further |still |also )?(?:improve|strengthen|do (?:even )?more|do (?:even )?better|be (?:improved|strengthened|more))\b|\b(?:asked|told|urged|ordered|instructed|directed) to (?:improve|strengthen|address|tackle)\b|\b(?:inspectors?|ofsted|they|the (?:report|letter|watchdog|regulator|inspectorates?)|it) (?:also |would )?(?:want(?:s|ed)?|like(?:d)?) to see\b|\b(?:inspectors?|ofsted|they|the (?:report|letter|watchdog|regulator|inspectorates?)) (?:also )?call(?:ed|s)? for\b|\b(?:improvements?|more) (?:could|can) (?:still |also |further )?be (?:made|done)\b|\b(?:asked|told|urged|instructed|directed|called on|wants?|wanted) (?:us|it|them|(?:the |its |their )?(?:[\w-]+ ){0,2}?(?:council|local authority|authority|leaders|partnership|partners|agencies|trust|service|services)) to (?:improve|strengthen|address|ensure|review|make sure|tackle|prioriti[sz]e|speed up|act|do more|reduce|increase)\b/i,
    weight: 2.5,
    triggers: [
      ...['could', 'can'].flatMap((w) =>
        [
          'further ',
          'still ',
          'also ',
          'improve',
          'strengthen',
          'do more',
          'do better',
          'do even',
          'be improved',
          'be strengthened',
          'be more',
        ].map((x) => `${w} ${x}`),
      ),
      ...['improvement', 'improvements', 'more'].flatMap((w) => [`${w} could `, `${w} can `]),
      'asked',
      'told',
      'urged',
      'instructed',
      'directed',
      'called on',
      'want',
      'call',
      'like',
    ],
    examples: [
      'Ofsted inspectors have called on Walsall Council to speed up its response to children at risk',
      'the inspectorates asked the partnership to improve the quality of return home interviews',
      'inspectors urged the three safeguarding partners to address the gaps',
      'areas where we can do even better',
      'Inspectors also want to see quicker decisions when children’s circumstances deteriorate',
      'They also called for better help for 16 and 17-year-olds who present as homeless',
      'praised in Ofsted inspection but told to improve help for disabled children',
      'areas where we can do better',
      'Ofsted has asked the council to improve the consistency of oversight',
      'the council could further improve',
      'supervision can be strengthened',
      'improvements could still be made',
      'more could also be done',
    ],
  },
  {
    name: 'not-good-enough',
    // /\b(?:not|never) (?:always |yet |consistently |sufficiently |been |being |as |fully |routinely |well |effectively |used |applied |working |kept )*(?:robust|robustly|consistent|effective|effectively|timely|sufficient|strong enough|good enough|clear|specified|completed|given sufficient|given enough|sustained|understood|addressed|embedded|followed|recorded|considered|reviewed|updated|prioriti[sz]ed|improv\w*|met|visited|seen|challenged|escalated|focused|specific|swift|quick|actioned|implemented|up-to-date|acted (?:on|upon)|up to date)\b/i
    pattern: leadThenPhrase(
      /\b(?:not|never) /gi,
      'always yet consistently sufficiently been being as fully routinely well effectively used applied working kept'
        .split(' ')
        .map((w) => `${w} `),
      [
        ...'robust robustly consistent effective effectively timely sufficient clear specified completed sustained understood addressed embedded followed recorded considered reviewed updated prioritised prioritized met visited seen challenged escalated focused specific swift quick actioned implemented up-to-date'.split(
          ' ',
        ),
        'strong enough',
        'good enough',
        'given sufficient',
        'given enough',
        'acted on',
        'acted upon',
        'up to date',
      ],
      { repeat: true, stems: ['improv'] },
    ),
    weight: 2,
    triggers: ['not', 'neve'],
    examples: [
      'plans are not always specific',
      'risks were never escalated',
      'earlier recommendations have not been actioned',
      'performance information was not used effectively',
      'some records were not kept up to date',
      'some plans had not been updated for a year',
    ],
  },
  {
    name: 'not-enough',
    pattern: /\bnot\b[^.;]{0,50}\benough\b/i,
    weight: 2,
    triggers: ['not'],
    examples: ['not visited often enough'],
  },
  {
    name: 'not-always',
    pattern:
      /\b(?:not|never) (?:always|yet|consistently|sufficiently|fully|routinely|robustly|regularly|reliably|systematically)\b|\bnot (?:yet |always |consistently |fully )?(?:ensured|made sure|done enough)\b/i,
    weight: 2,
    triggers: [
      ...['always', 'yet', 'consistently', 'sufficiently', 'fully', 'routinely', 'robustly', 'regularly', 'reliably']
        .concat('systematically')
        .flatMap((w) => [`not ${w}`, `never ${w}`]),
      'not ensured',
      'not made sure',
      'not done enough',
    ],
    examples: ['are not routinely', 'managers have not ensured'],
  },
  {
    name: 'slow-or-limited',
    pattern:
      /\b(?:slow|slower|slowly)\b|\b(?:limited|little) (?:progress|impact|oversight|evidence|capacity|understanding|challenge|curiosity)\b|\bfragile\b|\b(?:falls?|falling|fell) short\b(?<!\b(?:when|if|where|once|whenever)\b[^.,;]{0,40})|\b(?:is|are|was|were|remains?|remained) (?:too |very |still |often )?limited\b|\b(?:multiple|frequent|numerous|repeated|several|many) changes (?:of|in) (?:their )?(?:social workers?|workers?|placements?|personal advisers?)\b|\bcompliance rather than\b|\b(?:had|have|has|having) (?:had )?(?:three|four|five|six|seven|several|\d+) (?:or more )?(?:different )?social workers\b/i,
    weight: 2,
    triggers: [
      'slow',
      'limi',
      'litt',
      'frag',
      'fall',
      'fell',
      'mult',
      'freq',
      'nume',
      'repe',
      'comp',
      'seve',
      'many',
      'had',
      'have',
      'has',
      'having',
    ],
    examples: [
      'some children had four or more social workers in a year',
      'progress has been slow',
      'limited oversight',
      'a fragile workforce',
      'little evidence that the views of children informed plans',
      'the quality of the work falls short',
      'direct work with children is limited',
      'some children experience multiple changes of social worker',
      'audits focus on compliance rather than on the difference made to children',
    ],
  },
  {
    name: 'would-benefit',
    pattern: /\bwould benefit from\b|\bscope (?:for|to) (?:improve|further)/i,
    weight: 2,
    triggers: ['would benefit from', 'scope for ', 'scope to '],
    examples: ['plans would benefit from', 'scope for further work'],
  },
  {
    name: 'did-not-improve',
    pattern: /\b(?:do|does|did) not improve\b/i,
    weight: 2,
    triggers: ['not improve'],
    examples: ['outcomes did not improve'],
  },
  {
    name: 'inconsistent',
    pattern:
      /\binsufficient(?:ly)?\b|\bin(?:consistent|effective|adequately)(?:ly)?\b|\binconsistenc(?:y|ies)\b|\buneven(?:ly)?\b|\bvariab(?:le|ility)\b|\bunderdeveloped\b|\bunder-developed\b|\bvar(?:ies|y|ied) (?:in quality|across|between|considerably|widely|too)\b|\bstill var(?:ies|y)\b|\bpatchy\b|\bfragmented\b|\bdisjointed\b|\bpiecemeal\b/i,
    weight: 2,
    triggers: [
      'insufficient',
      'inconsisten',
      'ineffective',
      'inadequately',
      'uneven',
      'variab',
      'underdeveloped',
      'under-developed',
      'vari',
      'vary',
      'still var',
      'patchy',
      'fragmented',
      'disjointed',
      'piecemeal',
    ],
    examples: [
      'insufficiently challenged',
      'inconsistent recording',
      'quality is variable',
      'but inconsistencies remain',
      'transition planning is underdeveloped',
      'although it still varies in quality',
      'supervision varies in quality across teams',
      'help for care leavers was described as patchy',
      'the service was fragmented and confusing for families',
    ],
  },
  {
    name: 'not-all',
    pattern:
      /\bnot all (?:children|young people|care leavers|families|plans|assessments|staff|social workers|cases|records|managers|partners|agencies|carers)\b/i,
    weight: 2,
    triggers: ['not all'],
    examples: ['not all children have an up-to-date plan'],
  },
  {
    name: 'unsuitable',
    pattern:
      /\bunsuitable\b|\bnot (?:always |consistently )?suitable\b|\binappropriate(?:ly)?\b|\b(?:placed|living|housed|stay(?:ing|ed)?) in bed and breakfast\b|\b(?:placed|living|live|lives|housed) in (?:unregistered|hotels?|caravans?|holiday lets|tents?)\b(?<!\bno (?:[\w’'-]+ ){0,2}\w+ in \w+(?: lets)?)/i,
    weight: 2,
    triggers: ['unsu', 'inap', 'plac', 'livi', 'hous', 'stay', 'live', 'not'],
    examples: [
      'accommodation that was not suitable for their needs',
      'living in unsuitable accommodation',
      'placed inappropriately',
      'they are placed in bed and breakfast accommodation for weeks',
      'some children are placed in unregistered children’s homes',
      'some young people had been placed in hotels',
    ],
  },
  {
    name: 'too-much',
    pattern:
      /\btoo (?:slow|slowly|many|much|few|long|often|late|variable|high|low|little|narrow|great|early|vague|generic|optimistic|positive|weak|quickly|soon|complex)\b|\bmore (?:[\w-]+ ){1,3}than (?:the council|it|they|leaders|the authority|the trust) (?:would (?:want|like|expect)|wanted|expected)\b/i,
    weight: 2,
    triggers: ['too', 'more'],
    examples: [
      'too many changes of worker',
      'waited too long',
      'plans were too vague',
      'step-down from child protection plans happens too quickly',
    ],
  },
  {
    name: 'weak-or-failing',
    pattern:
      /\bweak(?:er|ness|nesses|ly)?\b|\bpoor(?:ly|er)?\b|\bshortfalls?\b|\bshortcomings?\b|\bdeficien\w+|\bfail(?:s|ed|ing|ings|ure|ures)?\b|\bunacceptabl[ey]\b|\bmissed opportunit(?:y|ies)\b/i,
    weight: 2,
    triggers: ['weak', 'poor', 'shor', 'defi', 'fail', 'unac', 'missed'],
    examples: [
      'weak management',
      'poorly recorded',
      'it failed to act',
      'which is unacceptable practice',
      'it also found missed opportunities to listen to children',
    ],
  },
  {
    name: 'lack-or-delay',
    pattern:
      /\black(?:s|ed|ing)?\b|\bdrift(?:ing|ed)?\b|\bout[- ]of[- ]date\b(?<!\bno out[- ]of[- ]date)|\bno (?:shared|clear|consistent|common|joint|agreed|effective) (?:understanding|plan|strategy|approach|oversight|process|system|overview|picture)\b|\bdelays?(?:ed)?\b|(?<!\b(?:funding|budget|budgetary|financial|pay|gender) )\bgaps?\b|\bbacklogs?\b|\bwait(?:s|ed|ing)? (?:for )?(?:up to |more than |over |several |many |a few |almost |nearly )?(?:\d+ |two |three |four |five |six |nine |twelve |eighteen |a |an )?(?:months?|weeks?|years?|days)\b/i,
    weight: 2,
    triggers: ['lack', 'drif', 'dela', 'gap', 'gaps', 'back', 'wait', 'no', 'out'],
    examples: [
      'some children had waited more than a year for a decision',
      'a lack of challenge',
      'drift in planning',
      'gaps in records',
      'some disabled children were waiting months for an assessment',
      'children waited up to six weeks for a visit',
      'there is no shared understanding across agencies of the prevalence of exploitation',
      'pathway plans were often out of date',
    ],
  },
  {
    name: 'overly',
    pattern: /\boverly\b|\bover-optimistic\b|\bover-?relian(?:t|ce)\b|\btoo reliant\b/i,
    weight: 2,
    triggers: ['overly', 'over-optimistic', 'over-relian', 'overrelian', 'too reliant'],
    examples: [
      'overly optimistic',
      'over-optimistic judgements of risk',
      'the authority is too reliant on agency social workers',
      'an over-reliance on agency staff',
    ],
  },
  {
    // A weakness after a contrast ("…well supported, although caseloads were unmanageable"): the
    // praise before it does not take it back (outweighs the praise cue's weight).
    name: 'contrast-weakness',
    pattern:
      /\b(?:although|but|however|though|while|whereas)\b[^.;]{0,80}\b(?:unmanageable|unsustainable|too (?:high|many|few|slow|slowly|long|late|variable)|not (?:always|consistently|yet|sufficiently|routinely)|inconsistent(?:ly)?|weak(?:er|ness|nesses)?|poor(?:ly)?|lack(?:s|ed|ing)?|delays?|drift|gaps?|(?:needs?|needed) (?:to (?:be )?)?(?:further |still |also )?(?:strengthen\w*|improv\w*)|to be (?:strengthened|improved)|(?:told|asked|urged|ordered) to (?:improve|address|strengthen)|(?:needs?|needed) to do (?:more|better))\b/i,
    weight: 0.75,
    triggers: ['alth', 'but', 'howe', 'thou', 'whil', 'wher'],
    examples: [
      'social workers felt well supported, although caseloads in some teams were described as “unmanageable”',
      'leaders are ambitious, but some plans are not always reviewed',
      'children in care were well supported, but the response to missing children needed to be strengthened',
      'Kent praised in Ofsted inspection but told to improve help for disabled children',
    ],
  },
  {
    name: 'yet-to',
    pattern:
      /\b(?:has|have|had|is|are|was|were) (?:still |also )?yet to (?:deliver|be|have|make|improve|address|take|embed|establish|see|achieve|show|reach|secure|result|lead|translate|fully)\b/i,
    weight: 2,
    triggers: ['yet to'],
    examples: ['the sufficiency strategy has yet to deliver enough local homes', 'changes are yet to be embedded'],
  },
  {
    name: 'concern-or-decline',
    pattern:
      /\bunclear\b|\bunsafe\b|\bunacceptabl\w+|\bdeteriorat\w+(?<!\b(?:when|if|where|once|should)\b[^.,;]{0,80})|\bdeclin(?:e|ed|ing)\b|\bconcerns? (?:about|over|were|was|remain)\b|\bconcerned (?:that|about|by|at)\b|\bworrying\b|\bserious concerns?\b/i,
    weight: 1.5,
    triggers: [
      'unclear',
      'unsafe',
      'unacceptabl',
      'deteriorat',
      'declin',
      ...['about', 'over', 'were', 'was', 'remain'].flatMap((x) => [`concern ${x}`, `concerns ${x}`]),
      ...['that', 'about', 'by', 'at'].map((x) => `concerned ${x}`),
      'worrying',
      'serious concern',
    ],
    examples: [
      'practice has deteriorated',
      'concerns about caseloads',
      'an unclear plan',
      'inspectors were concerned that',
    ],
  },
  {
    name: 'still-a-problem',
    pattern:
      /\b(?:remains?|remained|still|continues to be|continued to be) an? (?:[\w-]+ )?(?:challenge|concern|problem|weakness|issue)\b/i,
    weight: 2,
    triggers: ['remain', 'still', 'continue'],
    examples: [
      'recruitment of permanent social workers remains a challenge',
      'sufficiency continues to be a significant problem',
      'recruitment of permanent social workers remained a challenge, with agency staff making up 40 per cent',
    ],
  },
  {
    name: 'improvement-needed',
    pattern:
      /\b(?:improvement|attention|action|work) (?:is|was|remains|were) (?:still |also |urgently )?(?:needed|necessary|required)\b|\bstill (?:necessary|needed|required)\b|\bstill (?:some |more )?work to (?:do|be done)\b/i,
    weight: 2.5,
    triggers: ['needed', 'necessary', 'required', 'still'],
    examples: [
      'there is still work to do for young people leaving care',
      'improvement is still needed',
      'work still required',
      'particular attention is needed',
    ],
  },
  {
    name: 'early-stages',
    pattern: /\b(?:still|only) in the (?:very )?early stages\b|\bearly stages of development\b/i,
    weight: 2,
    triggers: ['still in the ', 'only in the ', 'early stages of development'],
    examples: ['the plan is still in the early stages'],
  },
  {
    name: 'more-needed',
    pattern:
      /\bgreater (?:focus|consideration|attention|scrutiny|oversight|emphasis|priority|urgency|clarity)\b|(?<!\bthe )\bmore (?:specific|consistent|timely|robust|detailed|rigorous|effective|focus)\b|\b(?:with|addressed with) (?:sufficient|more|greater) urgency\b/i,
    weight: 1.5,
    triggers: ['grea', 'more', 'urge', 'suff'],
    // Not "the more timely escalation of actions" (what has got better, said as a comparison).
    examples: ['greater scrutiny of plans', 'more timely visits', 'with sufficient urgency'],
  },
  {
    name: 'still-failing',
    // "still not", "remains not", or improvement required: tried only on a sentence holding both words.
    // Not "still"/"remains" with a grade: the services' overall grade said again ("children's services
    // remain inadequate") is a bare grade announcement; a failing area's grade is failing-area-grade's.
    pattern: gated(
      holdsOneOfEach(['still', 'remain', 'improvement'], ['not', 'improvement']),
      /\b(?:still|remains?|remained)\s+not\b|\brequir(?:es|ed|ing) (?:further |more |significant |urgent )?improvement\b/i,
    ),
    weight: 2,
    triggers: ['still', 'remain', 'requir'],
    examples: ['still not', 'remains not fully embedded', 'requires further improvement'],
  },
  {
    name: 'too-many-children',
    pattern: /\btoo many (?:children|cases|young people)\b|\bin too many\b/i,
    weight: 1,
    triggers: ['too many ', 'in too many'],
    examples: ['too many children wait', 'in too many cases'],
  },
  {
    name: 'impact-on',
    pattern:
      /\bhave had an impact on\b|\bhas had an impact on\b|\bimpact(?:ed|ing)? (?:on|upon) (?:the )?(?:timeliness|quality|caseloads)\b/i,
    weight: 1.5,
    triggers: ['impa'],
    examples: ['this has had an impact on', 'impacted on the quality'],
  },
  {
    name: 'workforce-strain',
    pattern:
      /\bworkforce (?:challenges|instability|shortages)\b|\b(?:high|heavy|increased|unmanageable) (?:caseloads?|workloads?|staff turnover|turnover|vacancy rates?)\b|\b(?:caseloads?|workloads?|turnover)\b[^.]{0,40}\bhigh\b|\b(?:caseloads?|workloads?)\b[^.]{0,40}\b(?:unmanageable|unsustainable|excessive)\b|\bcaseloads? of (?:up to |over |more than |around |as many as )?(?:[2-9]\d|twenty|thirty|forty|fifty)\b|\b(?:caseloads?|workloads?) (?:have |had |has )?(?:risen|increased|grown|gone up)\b|\bhigh (?:levels?|numbers?|rates?) of (?:[\w-]+ )?(?:agency|vacanc\w+|staff turnover|turnover|sickness|exclusions?|absence|re-referrals?|repeat)|\breliance on (?:agency|interim|locum|temporary)\b(?<!\b(?:reduc\w*|lower\w*|less|cut\w*|end\w*|low|minimal|little)(?: in)? (?:its |the |their |our |a )?(?:high |heavy |significant |continued |considerable |very )?reliance on \w+)|\b(?:heavily|highly|very|still|increasingly|overly) reliant on (?:agency|interim|locum|temporary)\b|\b(?:relied|relies|relying) (?:heavily |too heavily |too much )on (?:agency|interim|locum|temporary)\b/i,
    weight: 2,
    triggers: [
      'workforce',
      'high',
      'heav',
      'increased',
      'unmanageable',
      'caseload',
      'workload',
      'turnover',
      'reliance',
    ],
    examples: [
      'workforce instability',
      'high caseloads',
      'turnover of staff is high',
      'caseloads remain too high for some social workers',
      'heavy caseloads made systems fragile',
      'the service has a high turnover of social workers',
      'caseloads were unmanageable',
      'caseloads in some teams were described as “unmanageable”',
      'a few having caseloads of up to forty',
      'high levels of fixed-term exclusions from school',
      'with a reliance on agency staff in the assessment teams',
      'personal advisers’ caseloads had risen and were limiting the time they can spend with young people',
    ],
  },
  {
    name: 'failing-area-grade',
    // A grade sentence that names a failing judgement area (not a bare overall grade): the area
    // shortly before the grade, or the grade then "for" or "in" the area.
    // The pattern needs a grade and a judgement area: tried only on a sentence holding the words of both.
    pattern: gated(
      holdsOneOfEach(FAILING_GRADE_WORDS, FAILING_AREA_WORDS),
      /\b(?:care leavers?|leaving care|help and protection|in need of (?:help|protection)|children (?:in care|looked after)|looked[- ]after|leadership|management|governance|adoption|permanence|safeguarding (?:children )?board|lscb|early help|front door|disabled children|fostering|child protection|safeguarding practice)\b(?:[^.;]{0,80}\b(?:rated|judged|graded|given|described|found|deemed|branded|condemned|was|were|is|are|remains?|still)\b[^.;]{0,30}\b(?:grade(?:inadequate|requir\w*|poor)|inadequate|requir(?:es|ing|e) improvement)|,? (?:which|that) (?:still )?(?:grade(?:inadequate|requir\w*|poor)|requir(?:es|e) improvement)|(?: still)? (?:graderequireimprovement|require improvement))\b|\b(?:grade(?:inadequate|requir\w*|poor)|inadequate|requir(?:es|ing|e) improvement)\b[^.;]{0,20}\b(?:for|in)\b(?:[^.;]{0,30}|[^.;,]{0,60})\b(?:care leavers?|help and protection|children in care|looked[- ]after|leadership|adoption|permanence|child protection)\b/i,
    ),
    weight: 2,
    triggers: ['gradeinadequate', 'graderequir', 'gradepoor', 'inadequate', 'requir'],
    examples: [
      'services for care leavers were rated gradeinadequate',
      'leadership and management was judged inadequate',
      'help and protection still requires improvement',
      'graderequiresimprovement for help and protection',
      'leadership and governance graderequireimprovement',
      'gradeinadequate in the key areas of child protection',
      'child protection in the borough was condemned as gradeinadequate',
    ],
  },
  {
    name: 'do-not-do',
    // /\b(?:do|does|did|are|is|were|was|have|has) not (?:always |consistently |routinely |fully |properly |carefully |all |clearly )?(?:have|provide|receive|get|understand|know|evaluate|consider|record|review|visit|see|meet|reflect|address|protect|respond|take|keep|reduce|benefit|ensure|include|achieve|attend|analyse|…|held|shared|linked|…)\b/i
    pattern: leadThenPhrase(
      /\b(?:do|does|did|are|is|were|was|have|has) not /gi,
      ['always ', 'consistently ', 'routinely ', 'fully ', 'properly ', 'carefully ', 'all ', 'clearly '],
      (
        'have provide receive get understand know evaluate consider record review visit see meet reflect address protect respond take keep reduce benefit ensure include achieve attend ' +
        'analyse analyze assess show capture demonstrate explain ' +
        // The passive: "strategy meetings are not held promptly", "actions are not clearly linked".
        'held shared linked completed offered updated followed considered assessed addressed understood explored recorded reviewed met'
      )
        .split(' ')
        .concat('set out'),
    ),
    weight: 2,
    triggers: ['do', 'does', 'did', 'are', 'is', 'were', 'was', 'have', 'has'].map((w) => `${w} not `),
    examples: [
      'children do not receive timely help',
      'managers do not carefully evaluate plans',
      'repeated assessments do not achieve sustainable change',
      'the police do not always attend strategy meetings',
      'assessments do not analyse the impact of risk',
      'meetings are not held promptly',
      'actions are not clearly linked to the child’s needs',
      'care leavers do not all receive the help they need',
    ],
  },
  {
    name: 'deteriorated',
    pattern:
      /\bdeteriorat\w+(?<!\b(?:when|if|where|once|should)\b[^.,;]{0,80})|\bdeclined?\b|\bworsened\b|\bnot (?:very |particularly )good\b|\bfar too\b/i,
    weight: 2,
    triggers: ['deteriorat', 'decline', 'worsened', 'not very good', 'not particularly good', 'not good', 'far too'],
    examples: ['practice has deteriorated', 'plans are not very good', 'far too tolerant of risk'],
  },
  {
    name: 'criticised',
    pattern:
      /\bcriticis(?:ed|es|ing|m)\b|\bcriticiz\w+|\bconcerns? (?:are |were |was |have been )?(?:also )?raised\b(?<!\b(?:when|if|where|once|whenever)\s+(?:\w+\s+){0,3}concerns? (?:are |were |was |have been )?(?:also )?raised)|\braised concerns?\b|\bcritical of\b|\braised (?:serious )?questions (?:over|about|around)\b|\bexpressed (?:\w+ )?concerns?\b/i,
    weight: 2,
    triggers: ['criticis', 'criticiz', 'concern ', 'concerns ', 'raised concern', 'critical of', 'raised', 'expressed'],
    examples: [
      'the service was criticised for',
      'concerns are also raised about',
      'inspectors raised concerns',
      'inspectors were critical of the support for children at risk of exploitation',
      'inspectors raised questions over the use of agency staff',
      'inspectors expressed concern at the high number of repeat plans',
    ],
  },
  {
    name: 'at-risk',
    pattern:
      /\bunfit for purpose\b|\b(?:leaves?|left|remain|remains|are|were|being) (?:\w+ ){0,3}at (?:continued |significant )?risk of (?:significant )?harm\b(?<!\b(?:when|if|where|whether|once)\b[^.,;]{0,110})|\b(?:left|leaves?|leaving) (?:\w+ ){0,3}at risk\b|\bcannot be (?:assured|confident|sure)\b|\bnot (?:be )?(?:assured|confident|satisfied) that\b|\bexposure to risk\b|\bsituations? of (?:unassessed |unmanaged |continued |significant )?risk\b|\b(?:left|leaves?|leaving|remain(?:ed|s)?|living) (?:\w+ ){0,2}in (?:neglectful|unsafe|abusive|harmful|chronically neglectful) (?:homes?|families|households|situations|care|environments?)\b/i,
    weight: 2,
    triggers: ['unfi', 'risk', 'cann', 'expo', 'left', 'leav', 'remain', 'living', 'not'],
    examples: [
      'assessments are unfit for purpose',
      'this leaves children at risk of harm',
      'leaders cannot be assured',
      'some children were being left at risk',
      'this leaves vulnerable children at risk of harm',
      'some children remain in situations of unassessed risk',
      'some children were left in neglectful homes for years',
      'Ofsted said it was not assured that all children at risk were being identified',
    ],
  },
  {
    name: 'not-served',
    // What children do not get or are not (being) given: reported findings of a service falling short.
    // /\b(?:are|is|were|was|been) not (?:being |always |yet |currently )?(?:safeguarded|protected|supported|getting|heard|listened to|appropriate|appro|at the (?:centre|center|heart))\b|\bnot as (?:responsive|effective|timely|strong|robust)\b/i
    pattern: anyOf(
      leadThenPhrase(
        /\b(?:are|is|were|was|been) not /gi,
        ['being ', 'always ', 'yet ', 'currently '],
        [
          'safeguarded',
          'protected',
          'supported',
          'getting',
          'heard',
          'listened to',
          'appropriate',
          'appro',
          'at the centre',
          'at the center',
          'at the heart',
        ],
      ),
      leadThenPhrase(/\bnot as /gi, [], ['responsive', 'effective', 'timely', 'strong', 'robust']),
    ),
    weight: 2,
    triggers: [...['are', 'is', 'were', 'was', 'been'].map((w) => `${w} not `), 'not as '],
    examples: [
      'children in the borough are not safeguarded',
      'young people were not being supported to return home',
      'families are not getting help early enough',
      'the views of children are not at the centre of planning',
      'the out-of-hours response is not as responsive',
    ],
  },
  {
    name: 'let-down',
    pattern: /\blet(?:ting)? (?:\w+ ){0,2}down\b/i,
    weight: 2,
    triggers: ['let', 'lett'],
    examples: ['children are still being let down', 'letting care leavers down'],
  },
  {
    name: 'warned',
    pattern: /\b(?:warned|warns)\b/i,
    weight: 2,
    triggers: ['warn'],
    examples: ['inspectors warned that visits were late'],
  },
];

/** Cues that a sentence is praise or a council's statement rather than a finding of weakness. */
export const AGAINST: Cue[] = [
  {
    // Inspectors finding nothing wrong: "Inspectors did not find any children who were at risk of
    // harm and had not been seen", "no evidence of drift".
    name: 'found-nothing',
    pattern:
      /\b(?:did not|didn['’]t|could not|couldn['’]t) find (?:any|a single)\b|\bfound no (?:evidence|children|child|cases?)\b|\bno evidence (?:of|that)\b/i,
    weight: 4,
    triggers: ['not find', 'n’t find', "n't find", 'found no', 'no evidence'],
    examples: [
      'Inspectors did not find any children who were at immediate risk of harm and had not been seen.',
      'there was no evidence of drift',
    ],
  },
  {
    // The grade scale named in full ("Ofsted uses four grades: outstanding, good, requires
    // improvement and inadequate"): a description of the scale, not a finding.
    name: 'grade-scale',
    pattern:
      /\boutstanding\b[^.;]{0,40}\bgood\b[^.;]{0,40}\brequir(?:es|ing)? improvement\b[^.;]{0,40}\binadequate\b|\bexcellently\b[^.;]{0,40}\bwell\b[^.;]{0,40}\badequately\b[^.;]{0,40}\bpoorly\b/i,
    weight: 6,
    triggers: ['outs', 'exce'],
    examples: [
      'Ofsted uses four grades - outstanding, good, requires improvement, and inadequate.',
      '(1) Outstanding, (2) Good, (3) Requires Improvement and (4) Inadequate',
      'one of four bands - performs excellently, performs well, performs adequately or performs poorly',
    ],
  },
  {
    // Leaders' knowledge of their own weaknesses is praise: "leaders have a clear understanding of
    // where practice needs to get better" (a weakness said beside it still outweighs it).
    name: 'knows-what-to-improve',
    pattern:
      /\b(?:(?:clear|good|strong|accurate|sound|thorough|realistic|detailed) (?:understanding|knowledge|awareness|grasp)(?: of| about)?|(?:leaders|managers|they|the council|the local authority|the director) (?:all |already |also )?(?:know|knows|understand|understands|are aware of|is aware of|recognise|recognises|recognize|recognizes)) (?:where|what) (?:[\w’']+ ){0,5}(?:needs?|needed|requires?|required|must|should)\b|\b(?:are|is|were|was) (?:already |fully |well )?aware of (?:these|the|its|their|those|this|all) (?:\w+ )?(?:weaknesses|shortcomings|areas for (?:improvement|development)|issues|gaps|deficits)\b|\b(?:clear|good|strong|accurate|sound|thorough|realistic|detailed) (?:understanding|knowledge|awareness|grasp) (?:of|about) (?:the |its |their |these |those )?(?:\w+ )?(?:strengths and (?:the )?)?(?:weaknesses|shortcomings|areas for (?:improvement|development)|deficits)\b/i,
    weight: 2,
    triggers: [
      'clea',
      'good',
      'stro',
      'accu',
      'soun',
      'thor',
      'real',
      'deta',
      'lead',
      'mana',
      'they',
      'the council',
      'the local authority',
      'the director',
      'aware',
    ],
    examples: [
      'senior leaders had a clear understanding of where practice needed to get better',
      'leaders know what needs to improve',
      'managers are aware of where practice needs to be strengthened',
      'leaders are aware of these weaknesses and have plans in place to address them',
      'leaders had an accurate understanding of the weaknesses in practice',
    ],
  },
  {
    // The letter's areas named only to say there are none: outweighs the areas' own cues.
    name: 'none-identified',
    pattern:
      /\b(?:priority action|improvement)s? (?:was|were) not (?:identified|found|needed|required)\b|\bnot (?:identify|find) any (?:areas? for )?(?:priority action|improvement)|\b(?:found no |were no |there were no |no |not given (?:any )?|without (?:any )?)areas? for priority action\b/i,
    weight: 6,
    triggers: ['prio', 'impr', 'not identify', 'not find', 'no', 'not given', 'without', 'found no'],
    examples: [
      'Areas for priority action were not identified',
      'inspectors did not identify any areas for priority action',
      'three focused visit letters, all of which found no areas for priority action',
      'Harrow, which was rated good in 2019, was not given areas for priority action',
    ],
  },
  {
    name: 'no-concerns',
    pattern:
      /\bno (?:concerns?|delays?|drift|weaknesses|areas? for priority action|recommendations|gaps|backlogs?)\b|\bwithout (?:delay|drift)\b|\bnot (?:feel )?overwhelmed\b/i,
    weight: 2,
    triggers: ['no', 'without', 'not overwhelmed', 'not feel overwhelmed'],
    examples: [
      'no delays for children',
      'acted without delay',
      'do not feel overwhelmed',
      'there is no backlog of referrals',
    ],
  },
  {
    name: 'no-serious-failures',
    // The inadequate grade's wording negated ("no widespread or serious failures that leave children
    // at risk of harm"): it outweighs the failure and risk words it holds.
    pattern:
      /\bno (?:widespread|serious)(?: or serious)? (?:failures?|weaknesses) (?:that|which) (?:leave|put|place)\b/i,
    weight: 4,
    triggers: ['no'],
    examples: ['no widespread or serious failures that leave children harmed', 'no serious failures which put'],
  },
  {
    name: 'praise',
    pattern:
      /\b(?:strength|strengths|strong|praised?|impressive|exceptional|excellent|effective|well supported|highly|proud|pleased|delighted|welcome[sd]?)\b(?<!\b(?:not|never)\b[^.,;]{0,80})/i,
    weight: 0.75,
    triggers: [
      'strength',
      'strong',
      'praise',
      'impressive',
      'exceptional',
      'excellent',
      'effective',
      'well supported',
      'highly',
      'proud',
      'pleased',
      'delighted',
      'welcome',
    ],
    examples: ['inspectors praised', 'a strong focus', 'we are proud'],
  },
  {
    name: 'what-children-should-have',
    pattern: /\b(?:children|young people|families) should (?:be|have|grow)\b/i,
    weight: 1,
    triggers: ['children should', 'young people should', 'families should'],
    examples: ['children should be safe', 'families should have'],
  },
  {
    name: 'council-voice',
    // Each alternative needs one of these words: tried only on a sentence holding one.
    pattern: gated(
      holdsOneOfEach([
        'council',
        'cllr',
        'cabinet member',
        'portfolio holder',
        'director',
        'chief executive',
        'spokes',
        'mayor',
        'opposition',
        'party',
        'disappointed',
        'disappointing',
        'accept',
        'recommendations',
      ]),
      /\b(?:the council(?<!\b(?:to|of|for|by|from|on|with|about|into|said|says|found) the council)(?![’']s\b)|council leader|leader of the council|councillors?|cllr|cabinet member|portfolio holder|director (?:of|for) children(?:[’']?s services)?|(?:(?!ofsted)\w+[’']s|its|executive|corporate|strategic|service) director|chief executive|spokes(?:man|woman|person)|mayor|opposition|party)\b[^.]{0,60}\b(?:said|says|added|responded(?!\s+to\b)|commented|admitted|raised|called|stating|warned|described|considers|considered|believes|explained|confirmed)\b|\b(?:disappointed|disappointing that|accept(?:s|ed)? that|accept(?:s|ed)? (?:the |all |its |of )*(?:\w+ )?(?:findings|recommendations))\b|\brecommendations\b[^.]{0,40}\b(?:had|have) been (?:implemented|accepted|actioned)\b/i,
    ),
    weight: 2,
    triggers: [
      'said',
      'says',
      'adde',
      'resp',
      'comm',
      'admi',
      'rais',
      'call',
      'disa',
      'acce',
      'stat',
      'warn',
      'desc',
      'reco',
      'cons',
      'beli',
      'expl',
      'conf',
    ],
    examples: [
      'the council said it would act',
      'Cllr Smith said the areas of concern',
      "Bury's director said some children had waited too long",
      'opposition councillors have raised concerns',
      'we were disappointed',
      'the director for children and families said',
      'the director of children’s services described the report as harsh',
      'the board accepted all the Ofsted recommendations',
      'recommendations which called for action had been implemented',
      'the Executive Director considers that the proposed actions will address the area for priority action',
      'it was disappointing that the report had not taken account of a number of improvements',
      'He said the council accepted that children had waited too long for help',
    ],
  },
  {
    name: 'resolved',
    // A weakness put right: "no longer wait too long", "delays … have been resolved", "leaders
    // have tackled the weaknesses identified at the last inspection" (not when not yet done).
    pattern:
      /\bno longer\b|\b(?:has|have|had) (?:now |since |largely |mostly |all )?been (?:resolved|addressed|rectified|remedied|overcome|reduced|eliminated|cleared)\b|\b(?:has|have|had) (?:now |since )?turned (?:its |the |their )?(?:[\w’'-]+ )?(?:services|department|fortunes) around\b|(?<!\b(?:not|never|yet to|failed to|still to|not yet|not fully)\s+)\b(?:tackled|addressed|resolved|rectified|remedied|overcome) (?:the |all |most |many |these |those |its )?(?:\w+ )?(?:weaknesses|concerns|shortcomings|issues|recommendations|areas for improvement|failings|problems)\b/i,
    weight: 2,
    triggers: [
      'no longer',
      'been resolved',
      'been addressed',
      'been rectified',
      'been remedied',
      'been overcome',
      'been reduced',
      'been eliminated',
      'been cleared',
      'turned',
      'tack',
      'addr',
      'reso',
      'rect',
      'reme',
      'overcome',
    ],
    examples: [
      'children no longer wait too long',
      'delays in assessments have been resolved',
      'leaders have tackled the weaknesses identified at the last inspection',
      'delays in care proceedings, which were a concern in 2019, have been reduced',
      'the council has since turned its services around',
    ],
  },
  {
    name: 'progress',
    pattern:
      /\b(?:begun|beginning|began|started|starting|continues?|continuing) to (?:make )?(?:progress|improve|challenge|tackle|address|reduce)\b|\bmade (?:good |some |significant |steady |considerable )?progress\b|\bimprovements? (?:has|have) been made\b/i,
    weight: 1.5,
    triggers: [
      'begun to',
      'beginning to',
      'began to',
      'started to',
      'starting to',
      'continue to',
      'continues to',
      'continuing to',
      ...['', 'good ', 'some ', 'significant ', 'steady ', 'considerable '].map((x) => `made ${x}progress`),
      ...['improvement', 'improvements'].flatMap((w) => [`${w} has been made`, `${w} have been made`]),
    ],
    examples: ['the council has begun to make progress', 'leaders have made steady progress'],
  },
  {
    // A history of failure told as background ("…took over from the council in 2018 after years of
    // failure", "two years after they were found to be failing"), or a commissioner sent in.
    name: 'past-failure',
    pattern:
      /\b(?:after|since|following) (?:more than |nearly |almost |over )?(?:a decade|years|decades|(?:\w+ )?(?:years?|decades?)) of (?:failure|failings|failing services|poor performance)\b|\b(?:years?|months?) after (?:[^.;]{0,60}\b)?(?:found to be failing|exposed failings|(?:were|was) failing)\b|\bappoint(?:s|ed)? (?:a |an )?(?:children['’]s services )?commissioner\b|\bremoved from (?:the )?council(?:['’]s)? control\b|\balternative delivery (?:model|arrangements)\b/i,
    weight: 3,
    triggers: ['after', 'since', 'following', 'year', 'month', 'appoint', 'removed', 'alternative'],
    examples: [
      'Sandwell Children’s Trust, which took over from Sandwell Council in 2018 after years of failure, is now rated as requiring improvement',
      'rated adequate by inspectors, two years after they were found to be failing',
      'two years after the Bullfinch trial exposed failings',
      'Education secretary Gavin Williamson has appointed a children’s services commissioner',
      'including whether they should be removed from council control for a period of time',
    ],
  },
  {
    // What a visit looked at, with no finding ("…looking at the experiences of children in care,
    // including those living in unregistered children's homes"); a report's purpose in minutes.
    name: 'scope-or-purpose',
    pattern:
      /^(?![^.]*\b(?:found|finds|but|however|although|showed|revealed|concluded|said|says)\b)[^.]*\b(?:looking at|looked at|reviewed|examined|evaluated|focus(?:ed|ing)? on|to (?:look at|consider|evaluate|review))\s+(?:the\s+)?(?:experiences|arrangements|progress|quality|local authority|council|help|support|response)\b|\bsetting out (?:its |the )?strengths and areas for (?:improvement|development)\b|^\s*(?:\d+(?:\.\d+)*\s+)?(?:the purpose of this report is|this report (?:informs|sets out|provides|updates|asks)|to (?:inform|update|advise|seek approval)\b)/i,
    weight: 3,
    triggers: [
      'looking at',
      'looked at',
      'reviewed',
      'examined',
      'evaluated',
      'to review',
      'focus',
      'to look',
      'to consider',
      'to evaluate',
      'purpose',
      'setting out',
      'this report',
      'to inform',
      'to update',
      'to advise',
      'to seek',
    ],
    examples: [
      'Two inspectors spent two days at the council’s offices in July, looking at the experiences of children in care, including those living in unregistered children’s homes.',
      '1.1 To inform Cabinet of the outcome of the inspection and to seek approval of the action plan that must be submitted to Ofsted within 70 working days.',
      'Inspectors reviewed the progress made in the quality and impact of practice for children in care, including children living in unregistered children’s homes.',
      'Instead it publishes a letter setting out strengths and areas for improvement.',
    ],
  },
  {
    // Too early to judge a change ("but it is too early to see its impact"), and the council's plan
    // to come ("will publish an action plan responding to the areas for improvement").
    name: 'too-early-or-plan',
    pattern:
      /\btoo early to (?:see|tell|judge|assess|say|evaluate|measure|know)\b|\b(?:will|to) (?:publish|produce|submit|write|prepare|draw up) (?:an? |its |their )?(?:action|improvement|post-inspection) plan\b|\b(?:send|submit) (?:to )?(?:ofsted )?(?:an? |its |the )?(?:action |improvement )?plan\b|\bdraw up (?:an? |its )?(?:action|improvement) plan\b|\bplan,? which must be (?:sent|submitted)\b/i,
    weight: 3,
    triggers: ['too early', 'will', 'to', 'send', 'submit', 'draw up', 'plan'],
    examples: [
      'The council must send Ofsted a plan setting out how it will tackle the weaknesses',
      'A new legal gateway panel was introduced in June 2023, but it is too early to see its impact.',
      'The council will publish an action plan responding to the areas for improvement within 70 working days.',
    ],
  },
  {
    // A demand of national government ("the government should make care experience a protected
    // characteristic"), or support promised ("will provide the challenge and support needed").
    name: 'national-ask',
    pattern:
      /\b(?:the )?(?:government|ministers|the department for education|the dfe) (?:also )?(?:should|must|needs to|ought to)\b|\bwill (?:provide|offer|give) (?:the )?(?:challenge and support|support and challenge|support)\b/i,
    weight: 3,
    triggers: ['government', 'ministers', 'department', 'dfe', 'will'],
    examples: [
      'And the government should make care experience a protected characteristic.',
      'The commissioner will provide the challenge and support needed to make sure these failings are addressed.',
    ],
  },
  {
    // An introduction to criticism that names none ("The report was not without criticism.").
    name: 'criticism-announced',
    pattern: /\bnot without (?:criticism|its critics|concerns?|some concerns?)\s*[.!]?["'”’]?\s*$/i,
    weight: 3,
    triggers: ['not without'],
    examples: ['The report was not without criticism.'],
  },
  {
    // A joint inspection letter's standing line ("This should be a multi-agency response involving
    // the individuals and agencies that this report is addressed to."): who answers, not a finding.
    name: 'who-responds',
    pattern: /\bshould be a (?:multi-agency|joint|partnership) response\b/i,
    weight: 5,
    triggers: ['multi-agency response', 'joint response', 'partnership response'],
    examples: [
      'This should be a multi-agency response involving the individuals and agencies that this report is addressed to.',
    ],
  },
  {
    // A committee paper's own recommendation to its members ("Cabinet is asked to NOTE the outcome
    // of the inspection and to ENDORSE the improvement plan"): a decision asked for, not a finding.
    name: 'members-asked',
    pattern:
      /\b(?:is|are) (?:asked|recommended|invited|requested) to (?:note|endorse|agree|approve|consider|comment|scrutini[sz]e|receive)\b/i,
    weight: 5,
    triggers: ['asked to', 'recommended to', 'invited to', 'requested to'],
    examples: [
      'Recommendations: Cabinet is asked to NOTE the outcome of the inspection and to ENDORSE the improvement plan at Appendix B.',
      'Members are invited to comment on the improvement plan.',
    ],
  },
  {
    // A report's key to its grades ("Inadequate (Grade 4): A service that does not meet minimum
    // requirements"): what a grade means, not a finding.
    name: 'grade-key',
    pattern:
      /\(grade [1-4]\)\s*[:–—-]|\b(?:a|the) (?:service|council|provider|setting) that (?:only )?(?:significantly )?(?:exceeds|meets|does not meet) (?:the )?minimum requirements\b/i,
    weight: 5,
    triggers: ['grade', 'minimum'],
    examples: [
      'Inadequate (Grade 4): A service that does not meet minimum requirements',
      'Adequate: a service that only meets minimum requirements',
    ],
  },
  {
    // A failing grade denied ("None of the three councils was judged inadequate for …").
    name: 'negated-grade',
    pattern:
      /\b(?:none|no|not|never|neither)\b[^.;]{0,60}\b(?:judged|rated|graded|found|deemed)\s+(?:to be\s+|as\s+)?['‘"“]?(?:inadequate|requir\w* improvement|grade(?:inadequate|requir\w*))\b/i,
    weight: 3,
    triggers: ['none', 'no', 'not', 'never', 'neither'],
    examples: [
      'None of the three councils was judged inadequate for the experiences of children in care.',
      'No area was rated gradeinadequate.',
    ],
  },
  {
    // Areas announced and not named, the sentence ending there ("Inspectors identified some areas
    // where the council should do better."): improvement needed with no area.
    name: 'unnamed-areas',
    pattern:
      /\b(?:some|several|a few|a number of|two|three|four|five|six|\d+|other|key|further|the|its|these|those)\s+(?:[\w-]+\s+)?(?:areas?|aspects?|things)\s+(?:(?:for|of|requiring|needing|that need(?:s|ed)?)\s+(?:further\s+)?(?:improvement|development|attention|work|priority action)|where\s+[^.;:]{0,60}?(?:better|improve(?:ments?)?|develop(?:ment)?|strengthen(?:ed)?|progress|good enough(?: \w+)?|well enough))(?:\s+(?:further|still|more))?\s*(?:\([^)]*\))?\s*[.!]?["'”’]?\s*$|\b(?:setting out|sets out|set out|explains?|explaining|describes?|describing|and) what (?:needs|need|has|have) to (?:improve|be improved)\s*[.!]?["'”’]?\s*$/i,
    weight: 5,
    triggers: ['area', 'aspect', 'thing', 'what'],
    examples: [
      'Inspectors also identified some areas where the council should do better.',
      'The council’s improvement plan sets out how it will respond to the areas for improvement.',
      'The report identified three areas for improvement.',
      'Instead, inspectors write to the partners setting out what is working well and what needs to improve.',
    ],
  },
  {
    // Minutes and reports: what a member, a councillor, a commissioner or a scrutineer said or
    // asked, at the sentence's start ("A member said that caseloads were still too high").
    name: 'member-voice',
    pattern:
      /^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*|\d+(?:\.\d+)+\s+)?(?:(?:a|the|one|several|some|other)\s+)?(?:[\w’'-]+\s+){0,3}?(?:members?(?! of staff)|councillors?|cllrs?|scrutineer|commissioner|chair(?:man|woman|person)?|spokes(?:man|woman|person)|group leader|adviser|advisor|MP|charity|union|unison|gmb|branch|association|lga|adcs)\b[^.]{0,60}?\b(?:asked|said|says|questioned|queried|noted|commented|suggested|raised|felt|expressed|wanted|stated|warned|warns)\b(?!\s+(?:about|on)\s+(?:the\s+|ofsted['’]s\s+)?(?:recommendations?|findings?|ofsted|inspectors?|report)\b)/i,
    weight: 5,
    triggers: [
      'member',
      'councillor',
      'cllr',
      'scrutineer',
      'commissioner',
      'chair',
      'spokes',
      'group leader',
      'advis',
      'mp',
      'charity',
      'union',
      'unison',
      'gmb',
      'branch',
      'association',
      'lga',
      'adcs',
    ],
    examples: [
      'Unison’s Tameside branch said caseloads were still too high',
      'The Local Government Association said the ratings were a blunt instrument that took too little account of the rise in referrals',
      'A member said that caseloads in the assessment teams were still too high',
      'Members asked whether the council was on track to address the weaknesses',
      'The partnership’s independent scrutineer said: We need to get much better',
      'Labour’s children’s spokesman, Mike Smith-Clare, said the result was welcome but warned that caseloads were still far too high',
      'Conservative group leader David Thomas said the pace of change was simply not good enough',
      'Medway’s improvement adviser, Eleanor Brazil, said in her final report that some practice still needs to be strengthened',
    ],
  },
  {
    name: 'first-person',
    pattern:
      /^\s*(?:we|our|i)\b|\b(?:we are|we have|we will|we’re|we're|i am|i'm|our|my constituen\w+|we know|we accept|we recognise|we recognize)\b/i,
    weight: 1.5,
    triggers: ['we', 'our', 'i', 'i’m', 'we’r', 'my constituen'],
    examples: [
      'We know that some children have waited too long',
      'We accept the findings',
      'and we will act',
      'I am sorry',
    ],
  },
];

/**
 * Topic labels, the first row that matches wins (so the more specific areas come first). Each row
 * carries examples that must get its label (tested).
 */
/**
 * Topics, tried in order: the first whose pattern the sentence matches names it. `needs`: words
 * (lower case) one of which every text the pattern matches holds; a sentence without one skips
 * the pattern (see needs.ts).
 */
export const TOPICS: { topic: string; pattern: RegExp; needs: string[]; examples: string[] }[] = [
  {
    topic: 'caseloads',
    needs: ['caseload', 'workload', 'casework', 'overloaded', 'overstretched'],
    pattern: /\bcaseloads?\b|\bworkloads?\b|\bcasework\b|\boverloaded\b|\boverstretched\b/i,
    examples: ['caseloads are too high', 'social workers overloaded with casework'],
  },
  {
    topic: 'homeless young people',
    needs: ['homeless', 'sofa', 'bed and breakfast', 'b&b'],
    pattern: /\bhomeless(?:ness)?\b|\bsofa[- ]surfing\b|\bbed and breakfast\b|\bB&B\b/i,
    examples: ['16- and 17-year-olds who present as homeless', 'some teenagers are placed in bed and breakfast'],
  },
  {
    topic: 'private fostering',
    needs: ['private'],
    pattern: /\bprivate fostering\b|\bprivately fostered\b/i,
    examples: ['children who are privately fostered', 'the response to private fostering arrangements'],
  },
  {
    topic: 'management oversight',
    needs: ['oversight', 'supervision'],
    pattern: /\b(?:management oversight|managerial oversight|oversight|supervision)\b/i,
    examples: ['supervision is not regular', 'weak managerial oversight'],
  },
  {
    topic: 'assessments',
    needs: ['assessment'],
    pattern: /\brisk assessments?\b|\bassessments?\b/i,
    examples: ['assessments lack analysis', 'over-optimistic risk assessments'],
  },
  {
    topic: 'timeliness',
    needs: ['timeliness', 'timely', 'delay', 'drift', 'timescale', 'enough', 'too slow', 'too long'],
    pattern:
      /\btimeliness\b|\btimely\b|\bdelays?\b|\bdelayed\b|\bdrift\b|\btimescales?\b|\b(?:quickly|soon) enough\b|\btoo slow|\btoo long\b/i,
    examples: ['children waited too long', 'visits are not timely', 'drift in decisions'],
  },
  {
    topic: 'thresholds and escalation',
    needs: ['threshold', 'escalat'],
    pattern: /\bthresholds?\b|\bescalat\w+/i,
    examples: ['thresholds are not well understood', 'concerns are not escalated'],
  },
  { needs: ['plan'], topic: 'planning', pattern: /\bplans?\b|\bplanning\b/i, examples: ['plans lack clear actions'] },
  {
    topic: 'permanence',
    needs: ['permanence', 'adopt', 'foster', 'concurrent planning'],
    pattern: /\bpermanence\b|\badopt(?:ion|ed)\b|\bfoster(?:ing|-to-adopt)?\b|\bconcurrent planning\b/i,
    examples: ['permanence for older children is not secured', 'children who would benefit from being adopted'],
  },
  {
    topic: 'care leavers',
    needs: ['care leaver', 'pathway plan', 'leaving care', 'leave care'],
    pattern: /\bcare leavers?\b|\bpathway plans?\b|\bleaving care\b|\bleave care\b/i,
    examples: ['support for care leavers in custody', 'young adults who leave care'],
  },
  {
    topic: 'children in care',
    needs: ['children in care', 'looked', 'into care', 'edge of care', 'corporate parent'],
    pattern:
      /\bchildren in care\b|\blooked[- ]after\b|\b(?:come|coming|taken|brought) into care\b|\bedge of care\b|\bcorporate parent\w*/i,
    examples: ['too few looked-after children have a health check', 'children are not taken into care'],
  },
  {
    needs: ['placement', 'sufficiency'],
    topic: 'placements',
    pattern: /\bplacements?\b|\bsufficiency\b/i,
    examples: ['a shortage of placements'],
  },
  {
    topic: 'workforce stability',
    needs: ['workforce', 'recruit', 'retention', 'agency staff', 'turnover', 'changes of social worker'],
    pattern: /\b(?:workforce|recruit\w*|retention|agency staff|turnover|changes of social worker)\b/i,
    examples: ['a high turnover of staff', 'reliance on agency staff'],
  },
  {
    topic: 'performance and quality assurance',
    needs: ['data', 'performance management', 'audit', 'quality assurance'],
    pattern: /\b(?:performance data|performance management|data|audit\w*|quality assurance)\b/i,
    examples: ['audits are overly generous', 'performance data is not used'],
  },
  {
    topic: "children's experiences",
    needs: ['experience', 'voice of the child', 'adult', 'engage', 'views of'],
    pattern:
      /\blived experiences?\b|\bvoice of the child\b|\bchild[’']?s experience\b|\badult[- ]focused\b|\bengage\w* (?:young people|children)\b|\bviews of (?:children|young people)\b/i,
    examples: ['decisions are too adult focused', 'the views of young people are not recorded'],
  },
  {
    topic: 'exploitation and missing children',
    needs: ['exploitation', 'missing', 'extra-familial', 'gang', 'serious youth violence'],
    pattern: /\bexploitation\b|\bmissing\b|\bextra-familial\b|\bgangs?\b|\bserious youth violence\b/i,
    examples: ['children at risk of exploitation', 'return interviews for children who go missing'],
  },
  {
    topic: 'domestic abuse and fathers',
    needs: ['domestic abuse', 'abusive partner', 'men', 'father', 'male'],
    pattern: /\bdomestic abuse\b|\babusive partners?\b|\bmen\b|\bfathers?\b|\bmales?\b/i,
    examples: ['fathers are not assessed'],
  },
  {
    needs: ['early help'],
    topic: 'early help',
    pattern: /\bearly help\b/i,
    examples: ['early help is not coordinated'],
  },
  {
    topic: 'front door',
    needs: ['front door', 'mash', 'referral', 'contact', 'out of'],
    pattern: /\bfront door\b|\bmash\b|\breferrals?\b|\bcontacts?\b|\bout of (?:normal )?(?:office )?hours\b/i,
    examples: ['referrals are not screened', 'the response out of office hours'],
  },
  {
    topic: 'complaints',
    needs: ['complain'],
    pattern: /\bcomplaints?\b/i,
    examples: ['the department needs to demonstrate better learning from complaints'],
  },
  {
    topic: 'education',
    needs: ['school', 'education', 'exclusion'],
    pattern: /\bschools?\b|\beducation(?:al)?\b|\bexclusions?\b/i,
    examples: ['children with no educational provision', 'high levels of exclusions'],
  },
  {
    topic: 'leadership',
    needs: ['leader', 'governance', 'pace of change', 'corporate failure'],
    pattern: /\bleaders(?:hip)?\b|\bgovernance\b|\bpace of change\b|\bcorporate failure\b/i,
    examples: ['leaders do not know the service well', 'a corporate failure by the authority'],
  },
  {
    topic: 'multi-agency working',
    needs: ['multi-agency', 'partner', 'police', 'constabulary', 'health'],
    pattern: /\bmulti-agency\b|\bpartners?\b|\bpolice\b|\bconstabulary\b|\bhealth\b/i,
    examples: ['health partners were not involved', 'the constabulary needs to improve'],
  },
  {
    topic: 'disabled children',
    needs: ['disabled children', 'send', 'learning', 'physical'],
    pattern: /\bdisabled children\b|\bsend\b|\b(?:learning|physical) (?:disabilities|difficulties)\b/i,
    examples: ['children with learning disabilities wait too'],
  },
  {
    topic: 'child protection',
    needs: [
      'help and protection',
      'child protection',
      'protect',
      'safeguard',
      'risk',
      'harm',
      'neglect',
      'abuse',
      'not safe',
    ],
    pattern:
      /\bhelp and protection\b|\bchild protection\b|\bprotect(?:ed|ion)?\b|\bunprotected\b|\bsafeguard(?:ed|ing)?\b|\b(?:at|of) (?:significant )?(?:risk|harm)\b|\bneglect\b|\babuse\b|\bnot safe\b/i,
    examples: [
      'children are left at risk of harm',
      'babies are not protected',
      'help and protection requires improvement',
    ],
  },
  {
    topic: 'quality of practice',
    needs: ['practice', 'social work', 'record'],
    pattern: /\bpractice\b|\bsocial work(?:ers?)?\b|\brecords?\b|\brecording\b/i,
    examples: ['the quality of practice varies', 'records are not up to date'],
  },
  {
    topic: 'overall effectiveness',
    needs: ['widespread', 'deteriorat', 'declin', 'failing', 'children'],
    pattern: /\bwidespread\b|\bdeteriorat\w+|\bdeclin(?:e|ed|ing)\b|\bfailing\b|\bservices? (?:for|to) children\b/i,
    examples: ['serious and widespread failures', 'services to children have declined'],
  },
];

/** The last sentence topicOf read and its topic: a sentence taken is often asked twice in a row. */
let lastTopicOf: string | null = null;
let lastTopic: string | undefined;

/** Short topic label for an improvement sentence. */
export function topicOf(sentence: string): string | undefined {
  if (sentence === lastTopicOf) return lastTopic;
  let topic: string | undefined;
  const lower = lookingUp() ? sentence.toLowerCase() : '';
  for (let i = 0; i < TOPICS.length; i++) {
    const row = TOPICS[i];
    if (holdsAny(lower, row.needs) && row.pattern.test(sentence)) {
      topic = row.topic;
      break;
    }
  }
  lastTopicOf = sentence;
  lastTopic = topic;
  return topic;
}

const THRESHOLD = 2;

/** Packs a word's first four letters (a-z, apostrophes) and its length (capped at 4) into a number. */
function packWord(word: string): number {
  let h = 0;
  const n = Math.min(word.length, 4);
  for (let i = 0; i < n; i++) h = (h << 5) | letterCode(word.charCodeAt(i));
  return h | (n << 20);
}
function letterCode(c: number): number {
  return c === 0x2019 || c === 39 ? 27 : c - 96;
}

/** Trigger prefixes by packed key, in an open-addressed table: one probe or two per word. */
const TABLE_BITS = 10;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
let KEYS: Int32Array | null = null;
/** Packing codes of ASCII characters: letters of either case 1-26, the apostrophe 27, else 0. */
const LETTER = new Uint8Array(128);
/**
 * Per table slot, the cues (index in CUES) and counter-cues (index in AGAINST) the prefix
 * triggers, and for each the longer trigger the text must read from the word's start (or null).
 */
/** The list of an empty slot (shared, never added to). */
const NONE: never[] = [];
let SLOT_CUES: number[][] = [];
let SLOT_AGAINST: number[][] = [];
let SLOT_CUES_READ: (string | null)[][] = [];
let SLOT_AGAINST_READ: (string | null)[][] = [];
/** Per cue and counter-cue, whether the current sentence holds one of its triggers. */
let CUE_SEEN = new Uint8Array(0);
let AGAINST_SEEN = new Uint8Array(0);

/** The key's slot in the table, or the empty slot where it would go. */
function slotOf(keys: Int32Array, key: number): number {
  let i = Math.imul(key, 0x9e3779b1) >>> (32 - TABLE_BITS);
  while (keys[i] !== 0 && keys[i] !== key) i = (i + 1) & TABLE_MASK;
  return i;
}

/**
 * A filled slot of the trigger table: [slot, key, the cues it triggers, each one's longer trigger
 * (or null), the counter-cues it triggers, each one's longer trigger (or null)].
 */
export type CueTableRow = [number, number, number[], (string | null)[], number[], (string | null)[]];

/**
 * The trigger table made from the cues' triggers, its filled slots in order: what
 * cue-table.generated.ts stores (`npx tsx scripts/build-cue-table.ts` writes it; a test checks it),
 * so a page loads the table instead of packing some 330 triggers in code not yet compiled.
 */
export function cueTable(): CueTableRow[] {
  for (let c = 97; c <= 122; c++) LETTER[c] = LETTER[c - 32] = c - 96;
  LETTER[39] = 27;
  const keys = new Int32Array(1 << TABLE_BITS);
  const rows = new Map<number, CueTableRow>();
  const fill = (cues: Cue[], against: boolean) => {
    for (let index = 0; index < cues.length; index++)
      for (const t of cues[index].triggers) {
        // A longer trigger is filed under its first word's prefix and read in full on a hit.
        const long = t.length > 4;
        const key = packWord(long ? firstWord(t) : t);
        const i = slotOf(keys, key);
        keys[i] = key;
        let row = rows.get(i);
        if (!row) {
          row = [i, key, [], [], [], []];
          rows.set(i, row);
        }
        (against ? row[4] : row[2]).push(index);
        (against ? row[5] : row[3]).push(long ? t : null);
      }
  };
  fill(CUES, false);
  fill(AGAINST, true);
  return [...rows.values()].sort((a, b) => a[0] - b[0]);
}

// Built on first use, not when the module loads: every page loads it, few pages analyse.
function buildTable(): Int32Array {
  for (let c = 97; c <= 122; c++) LETTER[c] = LETTER[c - 32] = c - 96;
  LETTER[39] = 27;
  const keys = new Int32Array(1 << TABLE_BITS);
  // Every slot starts with the one shared empty list (most slots stay empty; a page's first
  // analysis builds this table, and a list per slot was 4,096 allocations in cold code).
  SLOT_CUES = new Array(1 << TABLE_BITS).fill(NONE);
  SLOT_AGAINST = new Array(1 << TABLE_BITS).fill(NONE);
  SLOT_CUES_READ = new Array(1 << TABLE_BITS).fill(NONE);
  SLOT_AGAINST_READ = new Array(1 << TABLE_BITS).fill(NONE);
  CUE_SEEN = new Uint8Array(CUES.length);
  AGAINST_SEEN = new Uint8Array(AGAINST.length);
  for (const [slot, key, cues, cueReads, against, againstReads] of CUE_TABLE) {
    keys[slot] = key;
    SLOT_CUES[slot] = cues;
    SLOT_CUES_READ[slot] = cueReads;
    SLOT_AGAINST[slot] = against;
    SLOT_AGAINST_READ[slot] = againstReads;
  }
  return keys;
}

/** A long trigger's first word: its leading letters and apostrophes (the whole trigger when it has none). */
function firstWord(trigger: string): string {
  let n = 0;
  for (; n < trigger.length; n++) {
    const c = trigger.charCodeAt(n);
    if (!((c >= 97 && c <= 122) || c === 39 || c === 0x2019)) break;
  }
  return n ? trigger.slice(0, n) : trigger;
}

/** Whether `text` reads `trigger` (lower case) from `at`, ASCII letters in either case. */
function readsAt(text: string, at: number, trigger: string): boolean {
  if (at + trigger.length > text.length) return false;
  for (let k = 0; k < trigger.length; k++) {
    const t = trigger.charCodeAt(k);
    const c = text.charCodeAt(at + k);
    if (c !== t && !(t >= 97 && t <= 122 && c === t - 32)) return false;
  }
  return true;
}

/**
 * Marks in CUE_SEEN and AGAINST_SEEN the cues the sentence's words could trigger, in one pass
 * with no allocation; returns whether any cue (not counter-cue) may match.
 */
function candidates(text: string): boolean {
  KEYS ??= buildTable();
  const keys = KEYS;
  CUE_SEEN.fill(0);
  AGAINST_SEEN.fill(0);
  let any = false;
  let h = 0;
  let len = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    // ASCII letters only, as the cues' /i matching does. Apostrophes belong to a word only
    // inside it ("i’m"), not as an opening quote ("'weak'").
    const code = c < 128 ? LETTER[c] : c === 0x2019 ? 27 : 0;
    if (code !== 0 && (code !== 27 || len > 0)) {
      if (len < 4) h = (h << 5) | code;
      len++;
    } else if (len) {
      const key = h | ((len < 4 ? len : 4) << 20);
      const s = slotOf(keys, key);
      if (keys[s] === key) {
        // A word such as "is" or "not" files many longer triggers ("is not ", "not always" …) and
        // is followed by one rarely: the character after the next (most often the next word's
        // first letter) turns most away before readsAt is called. It compares the two with case
        // folded (| 32), so it never turns away a trigger readsAt would read.
        const cues = SLOT_CUES[s];
        const cueReads = SLOT_CUES_READ[s];
        for (let j = 0; j < cues.length; j++) {
          const read = cueReads[j];
          if (
            read !== null &&
            !(
              (len + 1 >= read.length || (text.charCodeAt(i + 1) | 32) === (read.charCodeAt(len + 1) | 32)) &&
              readsAt(text, i - len, read)
            )
          )
            continue;
          CUE_SEEN[cues[j]] = 1;
          any = true;
        }
        const against = SLOT_AGAINST[s];
        const againstReads = SLOT_AGAINST_READ[s];
        for (let j = 0; j < against.length; j++) {
          const read = againstReads[j];
          if (
            read === null ||
            ((len + 1 >= read.length || (text.charCodeAt(i + 1) | 32) === (read.charCodeAt(len + 1) | 32)) &&
              readsAt(text, i - len, read))
          )
            AGAINST_SEEN[against[j]] = 1;
        }
      }
      h = 0;
      len = 0;
    }
  }
  return any;
}

/** The cues and counter-cues the last scored sentence matched (indexes), for the model and `why`. */
const firedCues: number[] = [];
const firedAgainst: number[] = [];

/** A quote mark, or an apostrophe (a quote mark unless inside a word). */
const QUOTE_MARK = /["“”‘’']/;
/** Quote marks, not apostrophes inside words ("children’s", "don't"). */
const QUOTE_MARKS = /["“”]|(?<![A-Za-z])['‘’]|['‘’](?![A-Za-z])/g;

/**
 * The text the cues read: the sentence without its quote marks, so a quoted phrase reads as
 * written ("not been “consistently applied”", 'plans were "too vague"').
 */
export function cueText(sentence: string): string {
  return QUOTE_MARK.test(sentence) ? sentence.replace(QUOTE_MARKS, '') : sentence;
}

/** Scores one sentence with the hand cues; >= THRESHOLD means an improvement area. */
export function improvementScore(text: string): number {
  firedCues.length = 0;
  firedAgainst.length = 0;
  if (text.length < 25) return 0;
  const sentence = cueText(text);
  if (!candidates(sentence)) return 0;
  let score = 0;
  for (let i = 0; i < CUES.length; i++)
    if (CUE_SEEN[i] && CUES[i].pattern.test(sentence)) {
      score += CUES[i].weight;
      firedCues.push(i);
    }
  if (score === 0) return 0;
  for (let i = 0; i < AGAINST.length; i++)
    if (AGAINST_SEEN[i] && AGAINST[i].pattern.test(sentence)) {
      score -= AGAINST[i].weight;
      firedAgainst.push(i);
    }
  return score;
}

/** Tests that a text has at least `n` words (a word: a run of characters above U+0020). */
function atLeastWords(n: number): { test(text: string): boolean } {
  return {
    test(text: string) {
      let words = 0;
      let inWord = false;
      for (let i = 0; i < text.length; i++) {
        const word = text.charCodeAt(i) > 32;
        if (word && !inWord && ++words === n) return true;
        inWord = word;
      }
      return false;
    },
  };
}
const THREE_WORDS = atLeastWords(3);
const FOUR_WORDS = atLeastWords(4);
const SIX_WORDS = atLeastWords(6);
const FORTY_ONE_WORDS = atLeastWords(41);
const EIGHT_WORDS = atLeastWords(8);

/**
 * Blocks that are list items under an introduction such as "What needs to improve:" or
 * "Areas for improvement": each is an improvement area whatever its wording.
 */
export function improvementListBlocks(doc: SourceDocument): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < doc.blocks.length; i++) {
    const kind = blockKindOf(doc, i);
    // Most blocks are neither headings nor end with a colon or a question: told without a trimmed copy.
    // A question is an introduction when it is one ("What needs to improve?", set as a paragraph).
    if (kind !== 'heading' && !endsWithColon(doc.blocks[i]) && !endsAsking(doc.blocks[i])) continue;
    const b = doc.blocks[i].trim();
    // The regexes last.
    if (b.length > 240 || isItem(doc, i, kind) || !introducesList(b)) continue;
    // A heading, then a line that hands over to the list ("What needs to improve" / "The report
    // sets out the following areas:"): the list starts after that line.
    // Or a report's "…the local authority and its partners should take the following action."
    if (
      i + 1 < doc.blocks.length &&
      !endsWithColon(doc.blocks[i]) &&
      doc.blocks[i + 1].length <= 300 &&
      (endsWithColon(doc.blocks[i + 1]) ||
        HAND_OVER.test(doc.blocks[i + 1]) ||
        // A second heading of the same list: "What does the local authority need to improve?" / "Recommendations".
        (doc.blocks[i + 1].length <= 60 && listIntro(doc.blocks[i + 1].trim())))
    )
      i++;
    let j = i + 1;
    // The items may be grouped under sub-headings of when or how urgently ("Immediately:", "Within
    // three months:", "Priority and immediate action"): those are passed over, not items.
    for (; j < doc.blocks.length; j++) {
      if (isItem(doc, j, blockKindOf(doc, j)))
        out.add(j + 1); // +1: block 0 is the title
      // A sub-heading of when, or of the agency the items are for ("Metropolitan Police Service"),
      // as its own paragraph before items, or as the first line of a paragraph of bullet lines.
      else if (
        j + 1 < doc.blocks.length &&
        isListSubHeading(doc.blocks[j]) &&
        isItem(doc, j + 1, blockKindOf(doc, j + 1))
      )
        continue;
      else if (headsItemLines(doc.blocks[j])) out.add(j + 1);
      else break;
    }
    // No marked-up items: the list may be written as bare lines, one area to a paragraph with no
    // full stop ("What needs to improve:" / "The timeliness of assessments" / "Placement sufficiency").
    // Two at least, so a lone sub-heading after the introduction is not read as a list.
    if (j === i + 1) {
      while (j < doc.blocks.length && isBareLine(doc.blocks[j])) j++;
      if (j - i - 1 >= 2) for (let k = i + 1; k < j; k++) out.add(k + 1);
      else j = i + 1;
    }
    // Or as paragraphs that are one item each, with a full stop: a noun phrase with no verb ("The
    // quality and timeliness of written plans.") or an instruction ("Ensure that plans are reviewed.").
    // Neither is how a paragraph of prose reads, so one is enough.
    if (j === i + 1) {
      for (; j < doc.blocks.length; j++) {
        if (SUB_HEADING_IN_LIST.test(doc.blocks[j])) continue;
        if (blockKindOf(doc, j) === 'heading' || !isItemSentence(doc.blocks[j])) break;
        out.add(j + 1);
      }
    }
    i = j - 1;
  }
  return out;
}

/** A line handing over to the list it introduces, ended by a full stop: "…should take the following action." */
const HAND_OVER = /\bthe following(?: (?:actions?|areas?|recommendations?|improvements?))?\s*[.:]\s*$/i;
/** A sub-heading inside a list of what must improve: when, or how urgently. */
const SUB_HEADING_IN_LIST =
  /^\s*(?:priority(?: and immediate)? actions?|areas? for priority action|immediate(?:ly| actions?)?|within (?:\w+|\d+) (?:days|weeks|months)|(?:in|over) the (?:next|longer|medium|short)[\w -]{0,20}|by (?:\w+ )?\d{4})\s*:?\s*$/i;

/** A short line naming the agency a joint inspection's items are for ("Southwark Council", "Metropolitan Police Service"). */
const AGENCY_HEADING =
  /^\s*(?:[A-Z][\w’'&-]*\s+){0,5}(?:council|police(?: service)?|constabulary|health|nhs|trust|board|partnership|probation(?: service)?|service|services|icb|integrated care board|clinical commissioning groups?|ccg|authority|partners)\s*:?\s*$/i;

function isListSubHeading(block: string): boolean {
  return block.length <= 80 && (SUB_HEADING_IN_LIST.test(block) || AGENCY_HEADING.test(block));
}

/** A paragraph whose first line is such a sub-heading and whose other lines all open with bullets. */
function headsItemLines(block: string): boolean {
  const nl = block.indexOf('\n');
  if (nl < 0 || !isListSubHeading(block.slice(0, nl))) return false;
  return block
    .slice(nl + 1)
    .split('\n')
    .every((line) => line.trim() === '' || ITEM_LINE.test(line));
}
const ITEM_LINE = new RegExp(`^\\s*${LIST_MARKER_SOURCE}\\s+\\S`);

/** A paragraph that reads as one line of a list: 3 to 200 characters, not ending in a full stop, "!", "?" or ":". */
export function isBareLine(block: string): boolean {
  const b = block.trim();
  if (b.length < 3 || b.length > 200) return false;
  // The last mark before closing quotes and brackets: 'said: "… more to do."' ends a sentence.
  let e = b.length - 1;
  while (e > 0 && CLOSERS.includes(b[e])) e--;
  const last = b.charCodeAt(e);
  return last !== 46 && last !== 33 && last !== 63 && last !== 58;
}
const CLOSERS = '"\'”’)]';

/** The verbs (and verb-like words) whose absence makes a line a noun phrase. */
const FINITE =
  /\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|shall|should|could|can|may|might|must|said|says|say|told|found|finds|remains?|remained|(?:needs?|needed) to|shows?|showed|means|meant|felt|feels?|believes?|welcomed?|accepts?|accepted|added|adds)\b/i;
/** The instructions an item may open with. */
const INSTRUCTION =
  /^(?:Ensure|Improve|Strengthen|Increase|Develop|Make sure|Review|Reduce|Address|Embed|Establish|Extend|Provide|Secure|Raise|Monitor|Take action|Consider|Continue to)\b/;
const INSTRUCTION_LOWER =
  /^(?:ensure|improve|strengthen|increase|develop|make sure|review|reduce|address|embed|establish|extend|provide|secure|raise|monitor|take action|consider|continue to)\b/;
/**
 * A paragraph that reads as one item of a list, ended by a full stop: one sentence of 3 to 40 words,
 * opening with a capital, that is a noun phrase (no verb of FINITE) or opens with an instruction.
 */
function isItemSentence(block: string): boolean {
  const b = block.trim();
  if (b.length < 12 || b.length > 300 || !THREE_WORDS.test(b)) return false;
  const first = b.charCodeAt(0);
  // An instruction in lower case, ended by a semicolon or a full stop, as older reports print them
  // ("ensure that core assessments are completed within timescales;").
  if (first >= 97 && first <= 122)
    return INSTRUCTION_LOWER.test(b) && !/[.!?]\s/.test(b) && /[.;](?:\s*and)?$/.test(b) && !FORTY_ONE_WORDS.test(b);
  if (first < 65 || first > 90) return false;
  // One sentence, ended by its full stop (a line with none is a bare line, or a sub-heading when alone).
  if (b.search(/[.!?](?:\s|$)/) < b.length - 2 || !/\.["'”’)]?$/.test(b) || FORTY_ONE_WORDS.test(b)) return false;
  if (INSTRUCTION.test(b) || !FINITE.test(b)) return true;
  // A noun phrase with a clause after it: "The quality of plans, so that they are specific.",
  // "The response to children who are homeless." (its head, before the clause, has no verb).
  const cut = b.search(ITEM_CLAUSE);
  if (cut < 0) return false;
  const head = b.slice(0, cut);
  return THREE_WORDS.test(head) && ITEM_HEAD_PREPOSITION.test(head) && !FINITE.test(head);
}
/** Where a clause starts after an item's noun phrase. */
const ITEM_CLAUSE =
  /,|\b(?:when|where|so that|which|who|whom|whose|that|including|because|while|if|before|after|until|to ensure)\b/;
/** A preposition in an item's head ("the quality of", "support for", "access to"). */
const ITEM_HEAD_PREPOSITION = /\b(?:of|for|to|in|with|on|between|about|from)\b/i;

/** True when a block ends with a colon, white space after it aside. */
function endsWithColon(block: string): boolean {
  const last = block.charCodeAt(block.length - 1);
  if (last === 58) return true;
  // Only text ending in white space (or nothing) needs trimming to tell.
  return !(last > 32 && last !== 0xa0 && last < 0x1680 && last !== 0x85) && block.trim().endsWith(':');
}

/** A list item: marked up as one, or a paragraph that opens with a bullet character. */
function isItem(doc: SourceDocument, i: number, kind: BlockKind): boolean {
  // A bullet typed into a paragraph (minutes and releases pasted from a word processor): "·  The…",
  // or a number or dash typed before it ("1. Ensure that…", "- the timeliness of…").
  return kind === 'item' || opensWithTypedBullet(doc.blocks[i]) || ITEM_LINE.test(doc.blocks[i]);
}

/** Names of the model's features that are not words: the cues fired and the sentence's context (their keys: NAMED_KEYS). */
export const NAMED = [
  ...CUES.map((c) => `cue:${c.name}`),
  ...AGAINST.map((c) => `against:${c.name}`),
  'rule:hand',
  'ctx:list',
  'ctx:title',
  'ctx:short',
  'ctx:colon',
  'ctx:question',
  'ctx:quote',
];
const RULE_HAND = CUES.length + AGAINST.length;
const [CTX_LIST, CTX_TITLE, CTX_SHORT, CTX_COLON, CTX_QUESTION, CTX_QUOTE] = [1, 2, 3, 4, 5, 6].map(
  (k) => RULE_HAND + k,
);
/** The named features' keys (stored: NAMED_KEYS), and the ones the current sentence fires. */
const FIRED = new Int32Array(NAMED.length);

/**
 * The sentence as the cues read it: each grade judgement replaced by one token ("gradeinadequate"),
 * so "maintained 'requires improvement'" is read as a grade, not as wording.
 */
function withGradeTokens(sentence: Sentence, grades: Span[], g: number): string {
  const text = sentence.text;
  if (g >= grades.length || grades[g].start >= sentence.end) return text;
  const parts: string[] = [];
  let at = 0;
  for (let k = g; k < grades.length && grades[k].start < sentence.end; k++) {
    const a = Math.max(at, grades[k].start - sentence.start);
    const b = grades[k].end - sentence.start;
    parts.push(text.slice(at, a), ` grade${lowerLettersOf(text.slice(a, b).toLowerCase())} `);
    at = b;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** How the hand cues and the learned model are combined (see docs/analysis.md, "Improvement areas"). */
export type ImprovementMode = 'rules' | 'model' | 'either' | 'combined';
let mode: ImprovementMode = 'combined';
/** Switches how sentences are decided (for measuring one against the other). */
export function setImprovementMode(m: ImprovementMode) {
  mode = m;
}

/** One sentence's decision: the model's logit, the hand score, and (with `names`) the features read. */
export interface SentenceDecision {
  logit: number;
  hand: number;
}

/**
 * Reads one sentence: the hand cues' score on `text` (grades as tokens), then the model's logit
 * over its words, the cues fired and its context. `names` collects the features.
 */
export function decideSentence(sentence: Sentence, text: string, inList: boolean, names?: string[]): SentenceDecision {
  const hand = improvementScore(text);
  return { logit: modelLogit(sentence, text, inList, hand, names), hand };
}

/** The model's logit for the sentence whose hand score was just computed (the cues it fired). */
function modelLogit(sentence: Sentence, text: string, inList: boolean, hand: number, names?: string[]): number {
  const keys = NAMED_KEYS;
  resetStrongest();
  let logit = modelBias() + wordScore(text, names);
  let fired = 0;
  for (let k = 0; k < firedCues.length; k++) FIRED[fired++] = firedCues[k];
  for (let k = 0; k < firedAgainst.length; k++) FIRED[fired++] = CUES.length + firedAgainst[k];
  if (hand >= THRESHOLD) FIRED[fired++] = RULE_HAND;
  if (inList) FIRED[fired++] = CTX_LIST;
  if (sentence.block === 0) FIRED[fired++] = CTX_TITLE;
  const t = sentence.text;
  if (!SIX_WORDS.test(t)) FIRED[fired++] = CTX_SHORT;
  let e = t.length - 1;
  while (e > 0 && t.charCodeAt(e) <= 32) e--;
  if (t[e] === ':') FIRED[fired++] = CTX_COLON;
  else if (t[e] === '?') FIRED[fired++] = CTX_QUESTION;
  if (opensWithQuote(t)) FIRED[fired++] = CTX_QUOTE;
  for (let k = 0; k < fired; k++) {
    const f = FIRED[k];
    logit += weightOfKey(keys[f]);
    names?.push(NAMED[f]);
  }
  return logit;
}

/** A sentence as the model reads it, with the features it holds (for training). */
export interface SentenceFeatures {
  sentence: Sentence;
  names: string[];
  /** What the hand rules alone decide. */
  byRules: boolean;
  /** The hand score (cues less counter-cues). */
  hand: number;
}

/** Lists the features of every sentence the finder would read (the training script's input). */
export function sentenceFeatures(
  sentences: Sentence[],
  grades: Span[],
  listBlocks?: Set<number>,
  source?: string,
): SentenceFeatures[] {
  const out: SentenceFeatures[] = [];
  readSentences(
    sentences,
    grades,
    listBlocks,
    (sentence, text, inList) => {
      const names: string[] = [];
      const { hand } = decideSentence(sentence, text, inList, names);
      out.push({ sentence, names, byRules: rulesAccept(sentence, inList, hand), hand });
    },
    source,
  );
  return out;
}

/**
 * The sentences the finder reads (and the training script learns from), in order: at least three
 * words, with their grade judgements read as grade tokens, and whether they are list items.
 * (A callback, not a generator: this runs for every sentence of a page.)
 */
function readSentences(
  sentences: Sentence[],
  grades: Span[],
  listBlocks: Set<number> | undefined,
  read: (sentence: Sentence, text: string, inList: boolean, g: number) => void,
  source?: string,
) {
  let g = 0;
  // Lines of a list inside one block ("Areas for improvement:<br>• the timeliness…<br>• …"): the
  // block of the introduction, while its lines go on.
  let linesOf = -1;
  // Whether the list's first line opened with a bullet (then every line does), and its count.
  let bulleted = false;
  let items = 0;
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k];
    let lineItem = false;
    if (linesOf === sentence.block) {
      const bullet = source !== undefined && bulletBefore(source, sentence.start);
      if (items === 0) bulleted = bullet;
      // A bulleted list ends at a line with no bullet; a list of bare lines at a line that
      // ends a sentence after the first ("…oversight" / "Council leader X said…").
      lineItem = bulleted
        ? bullet
        : !bullet &&
          // The line before had no full stop: the splitter ended it at its line's end.
          ((!endsSentence(sentences[k - 1].text) && (items === 0 || !endsSentence(sentence.text))) ||
            // Or the line is one item ended by a full stop, as such paragraphs are ("The
            // consistency of management oversight." / "Ensure plans are reviewed.").
            (source !== undefined && opensLine(source, sentence.start) && isItemSentence(sentence.text)));
    }
    items = lineItem ? items + 1 : 0;
    linesOf = lineItem || introducesLines(sentence.text) ? sentence.block : -1;
    if (!THREE_WORDS.test(sentence.text)) continue;
    const inList = listBlocks?.has(sentence.block) === true || lineItem || namesListedAreas(sentences, k);
    while (g < grades.length && grades[g].end <= sentence.start) g++;
    read(sentence, withGradeTokens(sentence, grades, g), inList, g);
  }
}

/**
 * A sentence ending in a colon (or a question: "What needs to improve?") that introduces an improvement list: within a block the splitter
 * ends a sentence at a colon only at a line's end, so the lines after it are the list's.
 */
function introducesLines(text: string): boolean {
  return (endsWithColon(text) || endsAsking(text)) && text.length <= 240 && introducesList(text.trim());
}

/** An improvement list's introduction: the words listIntro reads, or what a council must do ending in a colon. */
function introducesList(text: string): boolean {
  return listIntro(text) || MUST_INTRO.test(text);
}

/** An introduction that ends in what a council must or should do: "…inspectors said the council must:", "Ofsted has asked us to focus on:". */
const MUST_INTRO =
  /\b(?:(?:the council|the local authority|the authority|the trust|the partnership|partners|leaders|it|they)\s+(?:must|should|needs? to|(?:was|were) told to)(?:\s+(?:focus on|improve|address|work on|concentrate on|prioritise))?|(?:asked|told|wants?|urged|called on)\s+(?:us|the council|the local authority|the authority|the trust|the partners|leaders|it|them)\s+to(?:\s+(?:focus on|improve|address|work on|look at|concentrate on))?|\b(?:inspectors|ofsted|the report|the letter)\s+(?:said|says|found|concluded)\s+(?:that\s+)?[^.:]{0,60}\b(?:must|should|needs? to|needed to)(?:\s+(?:focus on|improve|address|work on|concentrate on))?|\bneeds? to improve\b[^.:]{0,80}\b(?:the report|the letter|inspectors|ofsted)\s+(?:lists|listed|sets out|set out|identifies|identified|names|named))\s*:\s*$/i;

/** Whether a text ends (white space aside) with a full stop, "!" or "?". */
function endsSentence(text: string): boolean {
  const b = text.trimEnd();
  const last = b.charCodeAt(b.length - 1);
  return last === 46 || last === 33 || last === 63;
}
/** Whether a sentence opens its line (`source`: the text its offsets are in; white space before it aside). */
function opensLine(source: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = source.charCodeAt(i);
    if (c === 10) return true;
    if (!isSpace(c)) return false;
  }
  return true;
}
/** A line's opening bullet, with the white space around it (the splitter leaves it out of the sentence). */
const LINE_BULLET = new RegExp(`^\\s*${LIST_MARKER_SOURCE}\\s+$`);

/** Whether the line a sentence starts opens with a bullet before it (`source`: the text its offsets are in). */
function bulletBefore(source: string, start: number): boolean {
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  return start - lineStart <= 8 && start > lineStart && LINE_BULLET.test(source.slice(lineStart, start));
}

/** A sentence that lists what the one before announced: "These were …", "They included …". */
const LISTS_THEM = /^\s*(?:These|They) (?:are|were|include[sd]?|included)\b/;
/** A sentence announcing areas to improve, weaknesses or recommendations without listing them. */
const ANNOUNCES_AREAS =
  /\b(?:areas?|aspects?|weaknesses|recommendations|priorities)\b[^.!?]{0,80}\b(?:improv\w*|development|priority action|concern)\b/i;

/**
 * Whether sentence k lists the areas the sentence before it announced ("Four areas were
 * highlighted as needing improvement. These were …"): read as a list item.
 */
function namesListedAreas(sentences: Sentence[], k: number): boolean {
  return (
    k > 0 &&
    opensWithT(sentences[k].text) &&
    LISTS_THEM.test(sentences[k].text) &&
    ANNOUNCES_AREAS.test(sentences[k - 1].text)
  );
}

/** Whether the first character after white space is "T" (LISTS_THEM's first letter, tested first). */
function opensWithT(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) return c === 84;
  }
  return false;
}

/** Cues that say only that something must improve, not what: alone, with no topic, they are generic. */
const GENERIC_CUES = new Set(['needs-to', 'improvement-needed', 'must-or-should', 'area-for-improvement']);

/** True when every cue the last sentence fired is generic and the sentence names no topic. */
function onlyGeneric(text: string): boolean {
  for (const i of firedCues) if (!GENERIC_CUES.has(CUES[i].name)) return false;
  return topicOf(text) === undefined && !SAYS_WHAT.test(text);
}

/**
 * What the improvement is for, in so many words: "…is needed to ensure that children's voices are
 * heard", "the council must improve how it tracks children placed out of area".
 */
const SAYS_WHAT = /\b(?:to ensure|to make sure|so that|improve (?:how|the way|the ways in which))\b(?:\s+\S+){4}/i;

function rulesAccept(sentence: Sentence, inList: boolean, hand: number): boolean {
  return (
    sentence.block !== 0 &&
    (inList ||
      // Short sentences only when they end as one and name what is weak ("Care planning is
      // ineffective."): a short line naming nothing, or with no full stop, is a heading or a caption.
      ((SIX_WORDS.test(sentence.text) ||
        (FOUR_WORDS.test(sentence.text) && endsSentence(sentence.text) && topicOf(sentence.text) !== undefined)) &&
        hand >= THRESHOLD &&
        // A line ending in a colon or a question mark introduces what follows (a list): it is not one;
        // nor is one handing over to it ("…should take the following action.").
        !endsIntroducing(sentence.text) &&
        !HAND_OVER.test(sentence.text) &&
        !onlyGeneric(sentence.text)))
  );
}

/** A heading over a list of areas: it opens as one and has no full stop ("Areas for improvement", "What needs to improve in this area"). */
const INTRO_HEADING =
  /^\s*(?:what (?:needs|needed) to (?:improve|be improved|happen)|areas? (?:for|of|requiring) (?:improvement|priority action|development)|(?:ofsted['’]s |key |main )?recommendations?|priority actions?)\b[^.!?]*$/i;

/** Finds improvement-area sentences. Very short lines are skipped.
 * Grade judgements are read as grades, not as wording ("maintained 'requires improvement'"). */
export function findImprovementAreas(
  sentences: Sentence[],
  grades: GradeSpan[] = [],
  listBlocks?: Set<number>,
  /** The text the sentences' offsets are in: tells a list's lines that open with a bullet. */
  source?: string,
): ImprovementArea[] {
  const out: ImprovementArea[] = [];
  readSentences(
    sentences,
    grades,
    listBlocks,
    (sentence, text, inList, g) => {
      const hand = improvementScore(text);
      // Combined, the model only weighs sentences a cue, a list or the title makes candidates
      // (elsewhere it adds nothing in cross-validation): most sentences skip the word scan.
      if (mode === 'combined' && firedCues.length === 0 && !inList && sentence.block !== 0) {
        byFailingArea(sentence, grades, g, hand, out);
        return;
      }
      const logit = modelLogit(sentence, text, inList, hand);
      const byRules = rulesAccept(sentence, inList, hand);
      // A question is a heading or a reader's question ("What needs to improve in this local
      // authority?"), not a finding: the model does not add one.
      // Nor one whose counter-cues outweigh its cues ("… without delay", "a member said …").
      const byModel =
        logit >= modelThreshold() &&
        !endsIntroducing(sentence.text) &&
        !HAND_OVER.test(sentence.text) &&
        !(firedAgainst.length > 0 && hand <= 0);
      const accepted =
        mode === 'rules'
          ? byRules
          : mode === 'model'
            ? byModel
            : mode === 'either'
              ? byRules || byModel
              : (byRules && logit >= modelVeto()) || byModel;
      // A list's heading ("What needs to improve in this area of social work practice") names none.
      if (accepted && !INTRO_HEADING.test(sentence.text) && !isListSubHeading(sentence.text))
        out.push({ sentence, score: hand, topic: topicOf(sentence.text), why: explain(inList, byModel, hand, logit) });
      else byFailingArea(sentence, grades, g, hand, out);
    },
    source,
  );
  return out;
}

/** Whether a dash or a colon stands before offset `at` (spaces and an opening quote aside): a row's "label – Grade". */
function afterSeparator(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (isSpace(text.charCodeAt(i)) || opensWithQuote(text[i]))) i--;
  const c = text.charCodeAt(i);
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 58;
}

/** Takes a sentence the cues and the model left when it grades a judgement area below good. */
function byFailingArea(sentence: Sentence, grades: GradeSpan[], g: number, hand: number, out: ImprovementArea[]) {
  // Most sentences hold no grade: told by the first grade not before it (`g`), without a look at the text.
  if (g >= grades.length || grades[g].start >= sentence.end) return;
  const area = failingArea(sentence, grades, g);
  if (area)
    out.push({ sentence, score: hand, topic: topicOf(sentence.text) ?? area, why: `rule: ${area} graded below good` });
}

/** What the grade finder tells of a grade beyond its place: its value, area and rule. */
type GradeSpan = Span & { grade?: string; area?: string; why?: string };

/**
 * The judgement area a sentence grades below good, in running prose ("the help and protection
 * which children receive requires improvement", "…but the Local Safeguarding Children Board
 * 'requires improvement'"): a grade sentence that names a failing area is an improvement area.
 * Not the title, not a judgement table's row ("Adoption performance Requires improvement"), not a
 * line of fewer than eight words.
 */
function failingArea(sentence: Sentence, grades: GradeSpan[], from: number): string | undefined {
  if (sentence.block === 0 || !EIGHT_WORDS.test(sentence.text)) return undefined;
  for (let i = from; i < grades.length && grades[i].start < sentence.end; i++) {
    const g = grades[i];
    if (g.start < sentence.start || g.end > sentence.end || !g.area) continue;
    if (g.grade !== 'requires improvement' && g.grade !== 'inadequate') continue;
    if (g.why?.startsWith('judgement table row') || afterSeparator(sentence.text, g.start - sentence.start)) continue;
    return g.area;
  }
  return undefined;
}

/** A short line saying why a sentence was taken: the rule, or the model's strongest features. */
function explain(inList: boolean, byModel: boolean, hand: number, logit: number): string {
  if (!byModel)
    return inList
      ? 'rule: item under an improvement heading'
      : `rule: cues ${firedCues.map((i) => CUES[i].name).join(', ')} (score ${hand})`;
  return `model p=${(1 / (1 + Math.exp(-logit))).toFixed(2)}: ${strongestFeatures()}`;
}
