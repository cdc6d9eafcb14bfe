// Detection by what a page is about: one row per kind of page accepted or refused, each a short
// invented title and paragraphs (real council names, made-up events), and every cue row's own
// examples and near misses.
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../lib/analysis/analyze';
import { PASSING_CUES, SUBJECT_CUES } from '../../lib/analysis/detect';

interface PageRow {
  kind: string;
  accept: boolean;
  title: string;
  blocks: string[];
}

const PAGES: PageRow[] = [
  {
    kind: 'a Welsh council inspected by CIW, Ofsted named only as the contrast and in a director’s past (probe m007)',
    accept: false,
    title: 'Care inspectors find ‘good progress’ in Cardiff children’s services',
    blocks: [
      'News › Cardiff › Politics',
      'By Elin Prydderch',
      'Published 17:20, 6 September 2023',
      'Inspectors have found “good progress” in Cardiff Council’s children’s services, two years after raising concerns about the number of children waiting for an assessment.',
      'Care Inspectorate Wales (CIW), which inspects social services in Wales, carried out a performance evaluation inspection of the council’s services for children in June.',
      'Unlike Ofsted in England, CIW does not give councils a grade. Instead, its letter sets out strengths and areas for improvement.',
      'The inspectors found that children and families felt “listened to” and that the council’s early help hub was “a real strength”. Waiting lists for assessments had fallen sharply since 2021, they said.',
      'However, they said the council needed to do more to recruit its own foster carers, with too many children placed with independent fostering agencies, often outside the city. Some care leavers told inspectors they had been moved into accommodation where they did not feel safe.',
      'The council’s director of children’s services, Claire Hanbury-Rees, said she was “proud” of the report.',
      '“We have a stable, committed workforce and it shows. But we know we need more foster carers in Cardiff, and we will be launching a new recruitment campaign this autumn,” she said.',
      'Ms Hanbury-Rees joined Cardiff in 2021 from Gloucestershire County Council, where she helped steer children’s services out of an inadequate Ofsted rating.',
      'Cardiff’s cabinet member for children and families, Cllr Ash Lewis-Morgan, said the report was “a credit to our social workers”.',
      'CIW will publish a follow-up review next year.',
    ],
  },

  // Accepted: the subject is a council's children's services inspection outcome.
  {
    kind: 'full inspection, local press',
    accept: true,
    title: "Ofsted rates Sunderland children's services inadequate",
    blocks: [
      "Sunderland City Council's children's services have been judged inadequate by Ofsted after an inspection in the spring.",
      'Inspectors found that managers did not check social workers’ decisions often enough and that some children waited too long for help.',
    ],
  },
  {
    kind: 'headline-only stub',
    accept: true,
    title: "Barnsley children's services rated 'good' by Ofsted",
    blocks: ['Subscribe to read the full story.'],
  },
  {
    kind: 'headline-only stub with no Ofsted in the headline',
    accept: true,
    title: "Derby children's social care judged outstanding",
    blocks: [],
  },
  {
    kind: 'focused visit with no grade',
    accept: true,
    title: 'Inspectors find progress for care leavers in Wakefield',
    blocks: [
      'A focused visit by Ofsted in June looked at how Wakefield Council supports young people leaving care.',
      'The letter published this week says personal advisers know their young people well, but pathway plans are not always updated.',
    ],
  },
  {
    kind: 'monitoring visit of an inadequate council',
    accept: true,
    title: 'Monitoring visit finds Torbay making slow progress',
    blocks: [
      "Ofsted's third monitoring visit since Torbay Council was judged inadequate found that too many children in need still have plans that drift.",
    ],
  },
  {
    kind: 'joint targeted area inspection naming partner inspectorates',
    accept: true,
    title: 'Joint inspection of Rotherham finds partners must share information faster',
    blocks: [
      'A joint targeted area inspection by Ofsted, the Care Quality Commission, HMICFRS and HM Inspectorate of Probation looked at the response to children at risk of exploitation in Rotherham.',
      'Inspectors said police and Rotherham Metropolitan Borough Council did not always share information quickly.',
    ],
  },
  {
    kind: 'national round-up counting councils',
    accept: true,
    title: "Ofsted figures show more councils' children's services rated good",
    blocks: [
      'Sixty per cent of local authorities now have children’s services judged good or outstanding, according to Ofsted’s latest official statistics.',
      'Twelve councils remain rated inadequate following their most recent inspections.',
    ],
  },
  {
    kind: "council's own press release",
    accept: true,
    title: 'Council welcomes Ofsted report on services for children',
    blocks: [
      'Medway Council has welcomed an Ofsted report which rated its services for children as requiring improvement to be good.',
      'The inspection found that help for families at the front door had improved since the last inspection in 2019.',
    ],
  },
  {
    kind: 'committee minutes reporting the outcome',
    accept: true,
    title: 'Oldham Council minutes: Children and Young People Scrutiny Committee',
    blocks: [
      'Apologies were received from two members.',
      "The Director of Children's Services reported that Ofsted had inspected the service in May and judged it good overall, with leadership judged outstanding.",
      'Members asked how the areas for improvement would be tracked.',
    ],
  },
  {
    kind: "councillor's blog",
    accept: true,
    title: 'Good news for our children',
    blocks: [
      "I am delighted that Ofsted has rated Islington's children's services outstanding after their inspection last month.",
      'Inspectors praised our social workers for knowing their children well.',
    ],
  },
  {
    kind: 'old framework (annual performance assessment)',
    accept: true,
    title: 'Council services for children judged adequate',
    blocks: [
      "Ofsted's annual performance assessment has judged Swindon Borough Council's services for children and young people adequate.",
      'The report says safeguarding needs to improve.',
    ],
  },
  {
    kind: 'trust running the service',
    accept: true,
    title: "Children's trust rated requires improvement by Ofsted",
    blocks: [
      "Sandwell Children's Trust, which runs children's social care for Sandwell Council, has been judged requires improvement to be good by Ofsted.",
      'Inspectors found that caseloads had fallen.',
    ],
  },
  {
    kind: 'joint inspection described without its formal name',
    accept: true,
    title: 'Agencies in Hartlepool must improve response to neglect, inspectors say',
    blocks: [
      'Ofsted, the CQC, HMICFRS and HMI Probation carried out a joint inspection of how agencies in Hartlepool respond to children living with neglect.',
      'Inspectors found Hartlepool Borough Council, police and health services did not always act quickly enough.',
    ],
  },
  {
    kind: 'stub: Ofsted and a council in the headline, no grade',
    accept: true,
    title: "Ofsted: Thurrock children's services improving",
    blocks: [],
  },
  {
    kind: 'stub: a grade for a council left unnamed',
    accept: true,
    title: "Children's services judged inadequate by Ofsted",
    blocks: [],
  },
  {
    kind: "stub: 'no longer' a grade",
    accept: true,
    title: "Thurrock children's services no longer inadequate",
    blocks: ['Read the full story on our website.'],
  },
  {
    kind: 'a councillor’s blog: last week’s report, "we have been rated good", a visit to the council’s homes',
    accept: true,
    title: 'Ofsted’s verdict on our children’s services - a personal view',
    blocks: [
      'Last week Ofsted published its report on Hartlepool Borough Council’s children’s services, and I am delighted to say that we have been rated good.',
      'When inspectors last came, in 2018, we were judged to require improvement, and some people told me they expected worse this time, given the pressure on council budgets and the rising number of children in care.',
      'This result belongs to the social workers, family support workers, foster carers and early help staff. I have sat in on team meetings and visited our children’s homes, and I have seen how much they care.',
      'Inspectors said that some children living with neglect stay on child protection plans for too long before decisions are made about their future.',
    ],
  },
  {
    kind: 'a border story comparing Ofsted with the Welsh system, children’s homes named in passing',
    accept: true,
    title: 'Ofsted rates Shropshire children’s services ‘good’ - so how does the Welsh system compare?',
    blocks: [
      'Children’s services run by Shropshire Council have been rated good by Ofsted, in a report that will be watched closely by families on both sides of the border.',
      'Some children in care from Welsh councils live in foster homes or children’s homes in Shropshire.',
      'Inspectors said the council should improve the timeliness of initial health assessments for children coming into care.',
    ],
  },
  // Refused: providers, other inspectorates, passing mentions.
  {
    kind: 'a Scottish council’s joint inspection',
    accept: false,
    title: 'Fife’s services for children at risk of harm rated ‘good’ in joint inspection',
    blocks: [
      'A joint inspection of services for children and young people at risk of harm in Fife has rated the partnership’s leadership good and its impact on children’s wellbeing adequate.',
      'Inspectors said police, health and the council worked well together.',
    ],
  },
  {
    kind: 'a job advert with its salary',
    accept: false,
    title: 'Senior Social Worker - Children in Care Team | North Yorkshire Council',
    blocks: [
      'Salary: £41,511 to £45,718 per annum plus £2,000 market supplement',
      'Our children’s services were rated outstanding by Ofsted in 2023, and we are proud of our children in care team.',
    ],
  },
  {
    kind: 'an opinion piece on dropping the headline grade',
    accept: false,
    title: 'Dropping the headline grade won’t fix children’s services inspection on its own',
    blocks: [
      'From April 2026 Ofsted will no longer give councils a single overall effectiveness grade for their children’s services.',
      'The fear of being labelled inadequate has too often led councils to prioritise what inspectors will look at.',
    ],
  },
  {
    kind: 'an annual report recalling a past grade',
    accept: false,
    title: 'Safeguarding partnership publishes its annual report',
    blocks: [
      'The Bristol Safeguarding Children Partnership has published its annual report, which recalls the Ofsted inspection in 2023 that rated the council good.',
    ],
  },
  {
    kind: 'cabinet budget minutes recalling a past grade',
    accept: false,
    title: 'Cabinet - Tuesday 12 February: minutes',
    blocks: [
      'Revenue budget 2024/25',
      "The cabinet member for children's services said the service, rated good by Ofsted in 2022, faced rising placement costs.",
      'Resolved: that the budget be recommended to Medway Council.',
    ],
  },
  {
    kind: "a trust's appointment mentioning its past grade",
    accept: false,
    title: "New chief executive for Doncaster children's trust",
    blocks: [
      'The trust, which runs children’s services for Doncaster Council, has appointed a new chief executive.',
      'The trust was rated good by Ofsted in 2019.',
    ],
  },
  {
    kind: "council-run children's centres",
    accept: false,
    title: "Council's children's centres praised by Ofsted",
    blocks: ['Ofsted has praised the children’s centres run by Lambeth Council, rating them good.'],
  },
  {
    kind: 'a Welsh council, the country unnamed',
    accept: false,
    title: "Cardiff children's services 'need to improve', inspectors say",
    blocks: [
      'Inspectors found that social workers in Cardiff had too many cases.',
      'Cardiff Council said it accepted the findings.',
    ],
  },
  {
    kind: 'school statistics',
    accept: false,
    title: 'Nine in ten schools now good or outstanding',
    blocks: [
      'The proportion of schools rated good or outstanding by Ofsted has risen again, official figures show.',
      'Primary schools did better than secondary schools.',
    ],
  },
  {
    kind: 'minutes with outstanding in prose',
    accept: false,
    title: 'Minutes of the Full Council meeting',
    blocks: [
      'The Mayor thanked the outgoing leader for his outstanding service to the borough of Croydon.',
      'Members approved the budget for children’s services and adult social care.',
    ],
  },
  {
    kind: 'council adoption agency',
    accept: false,
    title: 'Council adoption agency judged outstanding',
    blocks: [
      "Ofsted has judged Hampshire County Council's adoption agency outstanding, praising how it prepares adopters.",
    ],
  },
  {
    kind: 'primary school',
    accept: false,
    title: 'Village primary school rated inadequate by Ofsted',
    blocks: [
      'A primary school near Ely has been rated inadequate after inspectors found pupils’ behaviour was poor.',
      'Cambridgeshire County Council said it was supporting the headteacher.',
    ],
  },
  {
    kind: 'nursery',
    accept: false,
    title: "Toddlers' nursery praised in Ofsted report",
    blocks: ['A nursery in Luton has been judged good, with inspectors praising how staff help children learn.'],
  },
  {
    kind: "council-run children's home",
    accept: false,
    title: "Council children's home downgraded to requires improvement",
    blocks: [
      "A children's home run by Stockport Council has been rated requires improvement by Ofsted.",
      'Inspectors found the registered manager had not notified the regulator of two incidents.',
    ],
  },
  {
    kind: "secure children's home",
    accept: false,
    title: 'Secure unit for teenagers keeps outstanding rating',
    blocks: [
      "Ofsted inspectors have again rated the secure children's home run by Lancashire County Council outstanding.",
    ],
  },
  {
    kind: 'council fostering agency',
    accept: false,
    title: 'Council fostering service judged good with outstanding features',
    blocks: [
      "Dorset Council's fostering service has been judged good by Ofsted, with outstanding features for how carers are supported.",
    ],
  },
  {
    kind: 'council adult-learning provider',
    accept: false,
    title: 'Adult learning service rated requires improvement',
    blocks: [
      "Ofsted has rated Kent County Council's adult and community learning service as requires improvement.",
      'Inspectors said learners on some courses did not make enough progress.',
    ],
  },
  {
    kind: 'youth justice (HMI Probation)',
    accept: false,
    title: "Youth offending service rated 'good' by probation inspectors",
    blocks: [
      'HM Inspectorate of Probation has rated the youth offending service run by Wiltshire Council as good.',
      'Inspectors praised staff for their work with children in custody.',
    ],
  },
  {
    kind: 'police child-protection inspection',
    accept: false,
    title: "Police force's child protection work found inadequate",
    blocks: [
      'HMICFRS found that the force did not always identify children at risk, and some cases were not investigated quickly.',
      'The chief constable said a plan was in place.',
    ],
  },
  {
    kind: 'CQC adult social care',
    accept: false,
    title: "Council's adult social care rated good by CQC",
    blocks: [
      'The Care Quality Commission has rated the adult social care services of Norfolk County Council as good.',
      'Inspectors said carers were well supported.',
    ],
  },
  {
    kind: 'Welsh inspectorate',
    accept: false,
    title: "Inspectors raise concerns about children's services in Cardiff",
    blocks: [
      "Care Inspectorate Wales has published a report on children's services in Cardiff, saying social workers' caseloads are too high.",
    ],
  },
  {
    kind: 'Scottish inspectorate',
    accept: false,
    title: "Watchdog reports on children's services in Fife",
    blocks: [
      "Scotland's Care Inspectorate has published a joint inspection of services for children in Fife, finding good practice and areas for improvement.",
    ],
  },
  {
    kind: 'SEND local-area inspection',
    accept: false,
    title: 'SEND inspection finds weaknesses in Suffolk',
    blocks: [
      'A joint local area SEND inspection by Ofsted and the CQC found that families of children with special educational needs wait too long for assessments.',
      'Suffolk County Council must produce a written statement of action.',
    ],
  },
  {
    kind: 'inspection-readiness paper',
    accept: false,
    title: "Getting ready for the inspection of local authority children's services",
    blocks: [
      'The director of children’s services presented plans for preparing for the next Ofsted inspection, which is expected later this year.',
      'Bolton Council was rated good at its last inspection in 2019, and inspectors would be looking at the self-evaluation.',
    ],
  },
  {
    kind: "director's appointment mentioning a past grade",
    accept: false,
    title: "Council appoints new director of children's services",
    blocks: [
      'Walsall Council has appointed a new director of children’s services, who will start in January.',
      'The service was rated good by Ofsted in 2021.',
    ],
  },
  {
    kind: "national statistics release covering councils and children's homes",
    accept: true,
    title: "Local authority and children's homes inspection outcomes at 31 March: main findings",
    blocks: [
      "This release covers the outcomes of local authority children's services inspections and of children's homes inspections published by 30 April.",
      'The share of LAs judged good or better rose to 40%, and fewer LAs were judged inadequate.',
      'Halton and Wigan were judged good for overall effectiveness.',
      'Of the 60 homes judged inadequate at their first inspection, most improved when inspectors returned.',
    ],
  },
  {
    kind: "round-up headline naming a council-run children's service (singular)",
    accept: true,
    title: "No council-run children's service in Lancashire is rated good",
    blocks: [
      'Figures published by Ofsted this week show that none of the councils in the county has a good rating.',
      "Blackpool Council and Lancashire County Council were both judged to 'require improvement'.",
    ],
  },
  {
    kind: "follow-up naming child protection, not 'children's services'",
    accept: true,
    title: 'Ofsted: Enfield still failing vulnerable children',
    blocks: [
      'Child protection in Enfield is still not good enough, inspectors say.',
      'Their report, published today, found only limited progress since the spring.',
    ],
  },
  {
    kind: "new director's arrival told after an inspection",
    accept: false,
    title: "New children's services director vows to win back trust in Halton after Ofsted criticism",
    blocks: [
      'The new director of a council children’s services department criticised by inspectors says she will restore confidence in it.',
      "Halton Borough Council's children's services were rated 'inadequate' by Ofsted earlier this year.",
      'She took up her post on Monday, having led a similar department in another county.',
    ],
  },
  {
    kind: 'launch of a new inspection framework',
    accept: false,
    title: "Ofsted launches new inspections of council children's services",
    blocks: [
      'A new single framework for inspecting local authority services for children comes into effect in the autumn.',
      "Any service that is not good will be judged to 'require improvement'.",
      "If a council is judged 'inadequate' in one key area, it will be judged 'inadequate' overall, Ofsted said.",
      'The chief executive of Sefton Council welcomed the change.',
    ],
  },
  {
    kind: 'award mentioning a past grade',
    accept: false,
    title: 'Social work team wins national award',
    blocks: [
      'A team from Leeds City Council has won the children’s team of the year prize at a national awards ceremony.',
      'The council’s children’s services were rated outstanding by Ofsted in 2022.',
    ],
  },
  {
    kind: 'credit rating',
    accept: false,
    title: 'Agency downgrades council credit rating',
    blocks: ['Moody’s has cut the credit rating of Thurrock Council, saying its finances were inadequate.'],
  },
  {
    kind: 'framework change',
    accept: false,
    title: 'Ofsted to scrap single-word judgements for councils',
    blocks: [
      'Ofsted has set out plans to change the way it inspects local authority children’s services, with report cards replacing the single-word grades.',
    ],
  },
  {
    kind: 'explainer with no council and no outcome',
    accept: false,
    title: 'Social work: what Ofsted looks for',
    blocks: ['An explainer for staff new to children’s services.'],
  },
  {
    kind: 'opinion piece on inspections in general',
    accept: false,
    title: 'What an Ofsted visit feels like from the front line',
    blocks: [
      'I have worked through three inspections, and I believe the drive to look good for inspectors can change what a local authority does.',
    ],
  },
  {
    kind: 'budget news mentioning a grade',
    accept: false,
    title: "Council warns of overspend on children's services",
    blocks: [
      "Hertfordshire County Council expects to overspend its children's services budget by £8m this year because of placement costs.",
      'The service was rated good by Ofsted in 2023.',
    ],
  },
];

describe('detection by subject', () => {
  test.each(PAGES)('$kind: accept $accept', ({ title, blocks, accept }) => {
    const d = analyzeDocument({ title, blocks }).detection;
    expect(d.isInspectionArticle, d.why).toBe(accept);
    expect(d.why).toMatch(accept ? /^inspection article/ : /^not an inspection article/);
  });
});

describe('subject cues', () => {
  test.each(SUBJECT_CUES.map((c) => [`${c.subject}: ${c.label}`, c] as const))('%s', (_, cue) => {
    for (const e of cue.examples) expect(cue.re.test(e), e).toBe(true);
    for (const e of cue.nearMisses) expect(cue.re.test(e), e).toBe(false);
  });
});

describe('passing-mention cues', () => {
  test.each(PASSING_CUES.map((c) => [c.label, c] as const))('%s', (_, cue) => {
    for (const e of cue.examples) expect(cue.re.test(e), e).toBe(true);
    for (const e of cue.nearMisses) expect(cue.re.test(e), e).toBe(false);
  });
});
