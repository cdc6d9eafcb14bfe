// Site furniture that sits inside an article's own container: "Read more" links to other
// stories, "Most read" headings, share bars, newsletter and paywall lines, cookie notices. These
// lines are not the story: a council or grade named in them is not a finding. Captions and
// photo credits are not furniture (a credit naming the council is a mention of it).
import { holdsOneOfEach, lettersAt, type Matcher } from './scan';
import { isSpace } from './text';

export interface FurnitureRule {
  name: string;
  re: RegExp;
  /** Longest block the rule applies to (a long paragraph is story text whatever its first words). */
  maxLength: number;
  /** Lines the rule must recognise (tested). */
  examples: string[];
  /** Story lines it must leave alone (tested). */
  nearMisses: string[];
  /**
   * A cheaper test every line the rule matches passes (a literal found far faster than `re`'s
   * search through the line), tried first: most blocks are story text that no rule matches.
   */
  hint?: Matcher;
}

export const FURNITURE_RULES: FurnitureRule[] = [
  {
    name: 'link to another story',
    re: /^(?:read more|read next|more on this story|see also|also read|also see|related(?: articles?| stories| story| content| topics| links| internet links)?|you may also like|recommended(?: for you)?|more from \w+(?: \w+)?|more like this|most read|most popular|trending(?: now)?|top stories|latest(?: news| stories)?|editor['’]s picks?)\s*(?:[:|>»–—-]|$)/i,
    maxLength: 240,
    examples: [
      'READ MORE: Councillors question the cost of the new town hall',
      'Most Read',
      'Related topics',
      'Read more: Hospital parking charges to rise',
      'Latest news',
      'More like this',
    ],
    nearMisses: [
      'Related to the findings, the council said it would recruit more staff.',
      'Read the full report on the Ofsted website.',
      'Most readers will know the service was rated good.',
    ],
  },
  {
    name: 'invitation to other stories',
    re: /^(?:see|read|find|get|browse) (?:more|all|the latest|other) (?:our |local )*(?:stories|news|articles|coverage|updates)\b/i,
    maxLength: 160,
    examples: [
      'See more stories from across Kent and Medway here',
      'Find more news from Teesside',
      'Read all our coverage',
    ],
    nearMisses: ['See more of the findings in the full report.', 'Read the inspectors’ letter on the council website.'],
  },
  {
    name: 'share bar',
    re: /^(?:share(?: this (?:article|story|page))?|share on \w+|tweet|email this|print this (?:article|page)|copy link|share via \w+)\s*$/i,
    maxLength: 40,
    examples: ['Share this article', 'Share', 'Share on Facebook', 'Copy link'],
    nearMisses: ['Share your views with the council by Friday.'],
  },
  {
    name: 'newsletter or paywall line',
    re: /\b(?:sign up (?:to|for) (?:our|the) [\w ]*(?:newsletter|email|bulletin)|get (?:daily|weekly|the latest|our) (?:\w+ )?(?:updates|news|newsletter)\b.*\binbox|thank you for subscribing|invalid email|subscribe to (?:continue|read|unlock)|continue reading|to keep reading|already a subscriber|register (?:now )?to (?:read|continue)|log ?in to (?:read|continue)|this (?:article|content) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members))\b/i,
    maxLength: 300,
    // Each alternative holds one of these (in any case).
    hint: {
      test: holdsOneOfEach([
        'sign up',
        'inbox',
        'subscri',
        'invalid email',
        'continue reading',
        'to keep reading',
        'register',
        'log',
        'this article',
        'this content',
      ]),
    },
    examples: [
      'Get daily updates directly to your inbox + Subscribe Thank you for subscribing!',
      'Continue reading',
      'Sign up for our free weekly newsletter.',
      'Already a subscriber? Log in to read this article.',
    ],
    nearMisses: ['The council will continue to read every case file, inspectors were told.'],
  },
  {
    name: 'cookie notice',
    re: /\bcookies?\b.*\b(?:accept|consent|best experience|turn (?:them )?off|settings|preferences|on your device)\b|\b(?:accept|reject) (?:all )?cookies\b/i,
    maxLength: 300,
    // Both alternatives hold the word.
    hint: /cookie/i,
    examples: [
      'We store cookies on your device to make sure we give you the best experience on this website.',
      'Accept all cookies',
    ],
    nearMisses: ['Staff baked cookies for the children in care council.'],
  },
  {
    name: 'advertisement or promotion',
    re: /^(?:advertisement|advert|advertorial|sponsored(?: content)?|promoted(?: content)?|partner content|ad)\s*(?:$|[:|–—-])/i,
    maxLength: 200,
    examples: ['Advertisement', 'Sponsored content', 'Sponsored: Find your perfect weekend in Leeds'],
    nearMisses: ['Advertisements for foster carers ran all summer.'],
  },
  {
    name: 'social or newsroom call',
    re: /^(?:follow us on|like us on|download (?:our|the) (?:free )?app|(?:got|have you got|do you have) a (?:news )?story|(?:get in touch|contact (?:us|the newsdesk)|email us)\b)/i,
    maxLength: 200,
    examples: ['Follow us on Facebook and X', 'Got a story? Email our newsdesk', 'Download our free app'],
    nearMisses: ['Following the inspection, the council said it would act.'],
  },
];

/** Rules that can match only at a line's start (their expression begins with `^`, no flag but `i`). */
const anchored = (rule: FurnitureRule) => rule.re.source.startsWith('^') && rule.re.flags === 'i';
/**
 * The rules anchored at the start as one expression (their own, as alternatives: it matches a
 * line exactly when one of them does): one call rules them all out for most blocks, instead of one each.
 */
const ANY_ANCHORED = new RegExp(
  FURNITURE_RULES.filter(anchored)
    .map((rule) => `(?:${rule.re.source})`)
    .join('|'),
  'i',
);
const IS_ANCHORED = FURNITURE_RULES.map(anchored);
/**
 * The first words of the anchored rules' alternatives (each followed by a character that is not
 * a letter): a block whose first word (its ASCII letters, any case) is not one of them matches
 * none, and ANY_ANCHORED is not run (nor compiled). tests/analysis/pattern-gates.test.ts checks it.
 */
export const ANCHORED_FIRST_WORDS = new Set(
  'read more see also related you recommended most trending top latest editor find get browse share tweet email print copy advertisement advert advertorial sponsored promoted partner ad follow like download got have do contact'.split(
    ' ',
  ),
);

/** The furniture rule a block of an article matches, or null when it is story text. */
export function furnitureRule(block: string): FurnitureRule | null {
  const text = block.trim();
  if (!text || text.length > 300) return null;
  const start = ANCHORED_FIRST_WORDS.has(lettersAt(text, 0)) && ANY_ANCHORED.test(text);
  for (let i = 0; i < FURNITURE_RULES.length; i++) {
    const rule = FURNITURE_RULES[i];
    if (text.length > rule.maxLength || (IS_ANCHORED[i] && !start) || (rule.hint && !rule.hint.test(text))) continue;
    if (rule.re.test(text)) return rule;
  }
  return null;
}

/** A bare heading over a list of links to other stories ("Most read", "More like this", "Related"). */
const TEASER_HEADING = FURNITURE_RULES[0];
/** A teaser under such a heading: a short headline or label, not a finished sentence. */
const TEASER = /^[^\n]{1,120}$/;
const FINISHED_SENTENCE = /[.!?]["'”’)]*$/;

/**
 * Which blocks of an article are furniture: each block a rule matches, and the teasers listed
 * under a bare "related stories" heading (short lines that are not finished sentences: other
 * stories' headlines, job titles, places), up to the first block that reads as story text
 * (`withTeasers`; a whole page body keeps its sidebars' lists).
 */
export function furnitureFlags(
  blocks: readonly string[],
  withTeasers = true,
  /** The rule block `i` matches, when the caller keeps them (a page re-extracted slice by slice). */
  ruleOf: (i: number) => FurnitureRule | null = (i) => furnitureRule(blocks[i]),
): boolean[] {
  const flags = new Array<boolean>(blocks.length).fill(false);
  let teasers = false;
  for (let i = 0; i < blocks.length; i++) {
    const raw = blocks[i];
    // A long block with no white space at its ends is story text: no copy, no rule to try (its
    // ends read by character code: a regular expression for the last one scans the whole block).
    if (!teasers && raw.length > 300 && !isSpace(raw.charCodeAt(0)) && !isSpace(raw.charCodeAt(raw.length - 1)))
      continue;
    const text = raw.trim();
    if (teasers && text && TEASER.test(text) && !FINISHED_SENTENCE.test(text)) {
      flags[i] = true;
      continue;
    }
    const rule = text.length <= 300 ? ruleOf(i) : null;
    flags[i] = rule !== null;
    teasers = withTeasers && rule === TEASER_HEADING && text.length <= 40 && /^[\w '’]+[:»>]?$/.test(text);
  }
  return flags;
}
