// How inspection reporting states grades, a row per phrasing handled and per near miss refused,
// written for these tests (invented sentences about real councils). Each row is a small page
// (title, then paragraphs) and the grades a reader would take from it: which grade, current or
// previous, and for which councils; the outcomes are checked to follow the grades exactly.
import { describe, expect, test } from 'vitest';
import { analyzeDocument, toResult } from '../../lib/analysis/analyze';

interface Row {
  phrasing: string;
  page: string[];
  /** [grade, current, councils joined by '+' ('' when none can be told)], in text order. */
  grades: [string, boolean, string][];
  area?: string;
}

const HANDLED: Row[] = [
  {
    phrasing:
      'an old report\'s labelled judgements: "quality of practice – adequate", "…young people, families and carers – adequate"',
    page: [
      'Nottinghamshire safeguarding inspection',
      'Nottinghamshire County Council: quality of practice – adequate',
      'The effectiveness of help and protection provided to children, young people, families and carers – adequate',
    ],
    grades: [
      ['other:adequate', true, 'Nottinghamshire'],
      ['other:adequate', true, 'Nottinghamshire'],
    ],
  },
  {
    phrasing:
      'a dashboard table\'s row with its date and earlier grade ("Cornwall | Short | Mar 2023 | Outstanding | Outstanding (2019)"): the first grade is where the council stands',
    page: [
      'South West: inspection outcomes',
      'Updated 3 October 2025. Of the 15 authorities in the region, two are rated outstanding on their most recent graded inspection.',
      'Local authority | Inspection | Published | Overall effectiveness | Previous',
      'Cornwall | Short | Mar 2023 | Outstanding | Outstanding (2019)',
      'Plymouth | Standard | Oct 2024 | Requires improvement | Good (2019)',
    ],
    grades: [
      ['outstanding', true, ''],
      ['outstanding', true, 'Cornwall'],
      ['outstanding', false, 'Cornwall'],
      ['requires improvement', true, 'Plymouth'],
      ['good', false, 'Plymouth'],
    ],
  },
  {
    phrasing:
      'minutes going on in the past perfect after "Members were informed that…" ("The impact of leaders had been judged Good, …"), while a dated earlier inspection stays previous',
    page: [
      'Minutes: Children and Young People Committee',
      'Members were informed that the overall effectiveness of Warrington’s services had been judged as Requires Improvement to be Good.',
      'The impact of leaders on social work practice had been judged Good.',
      'It was noted that at the previous inspection, in 2015, services had been judged Inadequate.',
    ],
    grades: [
      ['requires improvement', true, 'Warrington'],
      ['good', true, 'Warrington'],
      ['inadequate', false, 'Warrington'],
    ],
  },
  {
    phrasing:
      '"the first time Derby has been rated good since the current inspection framework was introduced in 2018" (a first, not a standing grade)',
    page: [
      'Derby rated good',
      'Derby City Council’s children’s services were rated good by Ofsted this week. It is the first time Derby has been rated good since the current inspection framework was introduced in 2018. The council was judged to require improvement in 2019.',
    ],
    grades: [
      ['good', true, 'Derby'],
      ['good', true, 'Derby'],
      ['good', true, 'Derby'],
      ['requires improvement', false, 'Derby'],
    ],
  },
  {
    phrasing:
      'minutes in reported speech ("Members were informed that … had been judged adequate"); "climbed out of Ofsted\'s ‘inadequate’ category"; "after five years as ‘inadequate’"',
    page: [
      'Minutes of the Children and Young People Committee',
      'Members were informed that the overall effectiveness of safeguarding services in Nottinghamshire had been judged adequate, with capacity to improve judged good.',
      'Children’s services in Sandwell have climbed out of Ofsted’s ‘inadequate’ category for the first time in more than a decade.',
      'Gloucestershire children’s services rated ‘requires improvement’ after five years as ‘inadequate’.',
    ],
    grades: [
      ['other:adequate', true, 'Nottinghamshire'],
      ['good', true, 'Nottinghamshire'],
      ['inadequate', false, 'Sandwell'],
      ['requires improvement', true, 'Gloucestershire'],
      ['inadequate', false, 'Gloucestershire'],
    ],
  },
  {
    phrasing: '"All four judgements were good" (not the scale); a key\'s line ("Key: ● Outstanding ● Good …") refused',
    page: [
      'Richmond inspection',
      'At Richmond, all four judgements were good.',
      'Key: ● Outstanding ● Good ● Requires improvement to be good ● Inadequate',
    ],
    grades: [['good', true, 'Richmond upon Thames']],
  },
  {
    phrasing:
      'a month\'s round-up titled "three inspections, two focused visits and two monitoring visits": its inspections\' grades are current, and "(previously good, 2021)" dates the earlier grade only',
    page: [
      'Ofsted in May: three inspections, two focused visits and two monitoring visits',
      'Ofsted published seven reports on council children’s services in May. Here is what they found.',
      '• Derbyshire – good (previously good, 2021). Inspectors said the council should strengthen its oversight of children in unregistered homes.',
    ],
    grades: [
      ['good', true, 'Derbyshire'],
      ['good', false, 'Derbyshire'],
    ],
  },
  {
    phrasing:
      'a chain of moves: "from ‘inadequate’ in 2017 to ‘requires improvement’ in 2022 and now ‘good’" (only the last is current)',
    page: [
      'Somerset judged good',
      'Somerset Council’s children’s services have been judged good. The service has moved from ‘inadequate’ in 2017 to ‘requires improvement’ in 2022 and now ‘good’.',
    ],
    grades: [
      ['good', true, 'Somerset'],
      ['good', true, 'Somerset'],
      ['inadequate', false, 'Somerset'],
      ['requires improvement', false, 'Somerset'],
      ['good', true, 'Somerset'],
    ],
  },
  {
    phrasing:
      '"respectively" after the first grades of a sentence whose last clause has its own ("…rated good and outstanding respectively earlier this year, while Leicester remains rated inadequate")',
    page: [
      'East Midlands round-up',
      'Elsewhere in the region, Leicestershire and Lincolnshire were rated good and outstanding respectively earlier this year, while Leicester remains rated inadequate.',
    ],
    grades: [
      ['good', true, 'Leicestershire'],
      ['outstanding', true, 'Lincolnshire'],
      ['inadequate', true, 'Leicester'],
    ],
  },
  {
    phrasing:
      'a month\'s round-up counting "three full inspections, two focused visits and two monitoring visits": the inspections\' grades are current',
    page: [
      'Ofsted children’s services reports: October',
      'Ofsted published seven reports on local authority children’s services in October 2021: three full inspections, two focused visits and two monitoring visits.',
      'Hertfordshire: outstanding (previously good).',
    ],
    grades: [
      ['outstanding', true, 'Hertfordshire'],
      ['good', false, 'Hertfordshire'],
    ],
  },
  {
    phrasing:
      'league tables: "Council – grade – date – previous grade" rows, rows with a bare year ("Barnsley Good 2018 Adequate (2012)"), "Gateshead – Outstanding (2019)"',
    page: [
      'League table',
      'Barking and Dagenham – Good – June 2023 – Requires improvement (2019)',
      'Barnsley Good 2018 Adequate (2012)',
      'Gateshead – Outstanding (2019)',
    ],
    grades: [
      ['good', true, 'Barking and Dagenham'],
      ['requires improvement', false, 'Barking and Dagenham'],
      ['good', true, 'Barnsley'],
      ['other:adequate', false, 'Barnsley'],
      ['outstanding', true, 'Gateshead'],
    ],
  },
  {
    phrasing:
      'round-ups\' own ways: "has slipped from good", "moved from adequate in 2012 to good in 2016", "neighbouring Bury requires improvement", "Devon is rated requires improvement and Torbay inadequate", "inspectors said they required improvement"',
    page: [
      'South West and North West round-up',
      'Cornwall has slipped from good, the report says.',
      'Hertfordshire moved from adequate in 2012 to good in 2016.',
      'While Bolton was rated good, neighbouring Bury requires improvement.',
      'Devon is rated requires improvement and Torbay inadequate.',
      'Croydon Council’s children’s services have been rated good, four years after inspectors said they required improvement.',
    ],
    grades: [
      ['good', false, 'Cornwall'],
      ['other:adequate', false, 'Hertfordshire'],
      ['good', true, 'Hertfordshire'],
      ['good', true, 'Bolton'],
      ['requires improvement', true, 'Bury'],
      ['requires improvement', true, 'Devon'],
      ['inadequate', true, 'Torbay'],
      ['good', true, 'Croydon'],
      ['requires improvement', false, 'Croydon'],
    ],
  },
  {
    phrasing:
      'a monitoring visit\'s report recalling the standing grade: "the service has been rated inadequate since the full inspection in 2018" (not a full inspection reported)',
    page: [
      'Ofsted’s fourth monitoring visit: what it says',
      'Ofsted published the letter from its fourth monitoring visit to Torbay Council’s children’s services last week. The service has been rated inadequate since the full inspection in 2018, and these visits are how inspectors check whether things are getting better.',
    ],
    grades: [['inadequate', false, 'Torbay']],
  },
  {
    phrasing:
      'years that are not the grade\'s: "good, unchanged from 2018", "the first \'good\' since 2012"; "…at their previous inspection, and inadequate before that"; "All four judgements were graded outstanding" (not the scale)',
    page: [
      'Walsall judged good',
      'Bracknell Forest Council: good, unchanged from 2018',
      'Walsall Council’s children’s services have been judged ‘good’ by Ofsted, the first ‘good’ since 2012.',
      'The council’s children’s services were rated ‘requires improvement to be good’ at their previous inspection, and inadequate before that.',
      'All four judgements were graded outstanding at Trafford.',
    ],
    grades: [
      ['good', true, 'Walsall'],
      ['good', true, 'Bracknell Forest'],
      ['good', true, 'Walsall'],
      ['good', true, 'Walsall'],
      ['requires improvement', false, 'Walsall'],
      ['inadequate', false, 'Walsall'],
      ['outstanding', true, 'Trafford'],
    ],
  },
  {
    phrasing:
      'old-framework reports: "Safeguarding in Medway is adequate but…", "capacity for improvement: Adequate (Grade 3)", a grade key refused',
    page: [
      'Medway safeguarding adequate',
      'Safeguarding in Medway is adequate but the council must reduce delays in completing core assessments, inspectors have said.',
      'Safeguarding – capacity for improvement: Adequate (Grade 3)',
      'Key: Outstanding (Grade 1) / Good (Grade 2) / Adequate (Grade 3) / Inadequate (Grade 4)',
    ],
    grades: [
      ['other:adequate', true, 'Medway'],
      ['other:adequate', true, 'Medway'],
    ],
  },
  {
    phrasing:
      '"services … are good with outstanding features"; "judgements … were both good"; "the other judgements, including adoption performance, require improvement"; "…, and the experiences and progress of care leavers good"',
    page: [
      'Lincolnshire inspection',
      'Lincolnshire County Council’s services for looked-after children are good with outstanding features, according to Ofsted.',
      'Its judgements for help and protection and for children in care were both good.',
      'Leadership was judged good but the other judgements, including adoption performance, require improvement.',
      'Adoption performance was judged outstanding, and the experiences and progress of care leavers good.',
    ],
    grades: [
      ['good', true, 'Lincolnshire'],
      ['outstanding', true, 'Lincolnshire'],
      ['good', true, 'Lincolnshire'],
      ['good', true, 'Lincolnshire'],
      ['requires improvement', true, 'Lincolnshire'],
      ['outstanding', true, 'Lincolnshire'],
      ['good', true, 'Lincolnshire'],
    ],
  },
  {
    phrasing:
      'councils that "both moved up from" a grade, then a contrasting clause\'s own grade ("…, while Stockport was judged outstanding")',
    page: [
      'Inspection round-up',
      'Among the councils inspected during the year, Hartlepool and Middlesbrough both moved up from inadequate, while Stockport was judged outstanding for a second time.',
    ],
    grades: [
      ['inadequate', false, 'Hartlepool+Middlesbrough'],
      ['outstanding', true, 'Stockport'],
    ],
  },
  {
    phrasing:
      'a dashboard row whose latest grade is "Requires improvement to be good" (read by its own rule, timed as the row\'s latest)',
    page: [
      'South East dashboard',
      'Local authority Latest judgement Published Previous judgement',
      'Isle of Wight Requires improvement to be good January 2025 Good (2021)',
      'Windsor and Maidenhead Good February 2024 Requires improvement to be good (2021)',
    ],
    grades: [
      ['requires improvement', true, 'Isle of Wight'],
      ['good', false, 'Isle of Wight'],
      ['good', true, 'Windsor and Maidenhead'],
      ['requires improvement', false, 'Windsor and Maidenhead'],
    ],
  },
  {
    phrasing:
      'national statistics: shares of councils ("51% were judged good"), councils named moving "from inadequate to good", in a year of graded inspections and visits',
    page: [
      'Main findings: local authority children’s services inspection outcomes',
      'By 31 August 2024, all 153 local authorities had received at least one inspection. At their most recent inspection:',
      '14% of local authorities were judged outstanding for overall effectiveness',
      '51% were judged good',
      'Ofsted carried out 46 graded inspections of local authorities, as well as 38 focused visits and 41 monitoring visits.',
      'Two local authorities, Tameside and Torbay, improved from inadequate to good.',
    ],
    grades: [
      ['outstanding', true, ''],
      ['good', true, ''],
      ['inadequate', false, 'Tameside+Torbay'],
      ['good', true, 'Tameside+Torbay'],
    ],
  },
  {
    phrasing: 'a rating verb as a gerund: "with inspectors rating its services for care leavers inadequate"',
    page: [
      'Wokingham children’s services require improvement',
      'Wokingham Borough Council’s children’s services have been judged to ‘require improvement’ following an Ofsted inspection, with inspectors rating its services for care leavers inadequate.',
    ],
    grades: [
      ['requires improvement', true, 'Wokingham'],
      ['requires improvement', true, 'Wokingham'],
      ['inadequate', true, 'Wokingham'],
    ],
  },
  {
    phrasing:
      'an aside about the last inspection closed before the main verb: "The council, whose services were rated adequate at its last inspection in 2011, had its adoption performance judged good"',
    page: [
      'Wokingham inspection report published',
      'Ofsted has published its report on Wokingham Borough Council’s children’s services.',
      'The council, whose safeguarding services were rated ‘adequate’ at its last inspection in 2011, had its adoption performance judged good.',
    ],
    grades: [
      ['other:adequate', false, 'Wokingham'],
      ['good', true, 'Wokingham'],
    ],
  },
  {
    phrasing:
      'a dashboard\'s table flattened into lines: "Brighton and Hove Good April 2024 Good (2018)" (the latest, then the earlier)',
    page: [
      'South East dashboard',
      'Local authority Latest judgement Published Previous judgement',
      'Brighton and Hove Good April 2024 Good (2018)',
      'Windsor and Maidenhead Good February 2024 Requires improvement to be good (2021)',
      'East Sussex Outstanding March 2025 Outstanding (2022)',
    ],
    grades: [
      ['good', true, 'Brighton and Hove'],
      ['good', false, 'Brighton and Hove'],
      ['good', true, 'Windsor and Maidenhead'],
      ['requires improvement', false, 'Windsor and Maidenhead'],
      ['outstanding', true, 'East Sussex'],
      ['outstanding', false, 'East Sussex'],
    ],
  },
  {
    phrasing: 'a pipe table read by its header: "Council | Previous grade | New grade" (the earlier column first)',
    page: [
      'Results this quarter',
      'Council | Previous grade | New grade',
      'Rochdale | Inadequate | Requires improvement',
      'Devon | Inadequate | Good',
    ],
    grades: [
      ['inadequate', false, 'Rochdale'],
      ['requires improvement', true, 'Rochdale'],
      ['inadequate', false, 'Devon'],
      ['good', true, 'Devon'],
    ],
  },
  {
    phrasing: 'a pipe table with years in its header: "Judgement | 2019 | 2017"',
    page: [
      'Tower Hamlets rated good',
      'Tower Hamlets Council',
      'Judgement | 2019 | 2017',
      'Overall effectiveness | Good | Inadequate',
    ],
    grades: [
      ['good', true, 'Tower Hamlets'],
      ['good', true, 'Tower Hamlets'],
      ['inadequate', false, 'Tower Hamlets'],
    ],
  },
  {
    phrasing:
      'a list of names and grades with the previous grade in brackets: "Ealing - Outstanding (previously Good, 2019)"',
    page: [
      'London round-up',
      'At a glance',
      'Ealing - Outstanding (previously Good, 2019)',
      'Sefton: requires improvement',
    ],
    grades: [
      ['outstanding', true, 'Ealing'],
      ['good', false, 'Ealing'],
      ['requires improvement', true, 'Sefton'],
    ],
  },
  {
    phrasing:
      'what councils with a grade get is no council\'s grade: "Councils judged good or outstanding get a shorter inspection"',
    page: ['How inspections work', 'Councils judged good or outstanding get a shorter inspection next time.'],
    grades: [],
  },
  {
    phrasing:
      'the grade left, as an aside before the new one: "Ealing, up from requires improvement in 2019, is rated good"',
    page: [
      'London round-up',
      'Ealing, up from requires improvement in 2019, is rated good for the first time since 2012.',
    ],
    grades: [
      ['requires improvement', false, 'Ealing'],
      ['good', true, 'Ealing'],
    ],
  },
  {
    phrasing: 'the grade left after a year: "rated good in 2022, up from requires improvement in 2018"',
    page: [
      'Cumbria history',
      'Cumbria County Council’s services had been rated good in 2022, up from requires improvement in 2018.',
    ],
    grades: [
      ['good', false, 'Cumbria'],
      ['requires improvement', false, 'Cumbria'],
    ],
  },
  {
    phrasing: 'a list under each grade: "Outstanding: Gateshead (2023), North Tyneside (2022)" (where they stand now)',
    page: ['North East results', 'Outstanding: Gateshead (2023), North Tyneside (2022)'],
    grades: [['outstanding', true, 'Gateshead+North Tyneside']],
  },
  {
    phrasing: 'a move with the years between: "went straight from good in 2019 to outstanding in 2023"',
    page: [
      'Northumberland history',
      'Northumberland, by contrast, went straight from good in 2019 to outstanding in 2023.',
    ],
    grades: [
      ['good', false, 'Northumberland'],
      ['outstanding', true, 'Northumberland'],
    ],
  },
  {
    phrasing: 'a council that "remains outstanding for children’s services"',
    page: ['North Yorkshire news', 'North Yorkshire remains outstanding for children’s services, inspectors said.'],
    grades: [['outstanding', true, 'North Yorkshire']],
  },
  {
    phrasing:
      'a year opening a clause of its own after an earlier grade: "…good, while in 2015 the county was rated inadequate"',
    page: [
      'Norfolk history',
      'Norfolk’s last full inspection, in 2018, found services required improvement to be good, while in 2015 the county was rated inadequate.',
    ],
    grades: [
      ['requires improvement', false, 'Norfolk'],
      ['inadequate', false, 'Norfolk'],
    ],
  },
  {
    phrasing: '"the new framework" does not make a dated grade current',
    page: [
      'Oxfordshire history',
      'Before the new framework was introduced, Oxfordshire’s safeguarding services were rated adequate in 2011.',
    ],
    grades: [['other:adequate', false, 'Oxfordshire']],
  },
  {
    phrasing: '"the days when" a grade was given: previous',
    page: [
      'Norfolk children’s services rated good',
      'Children’s services in Norfolk have been rated good by Ofsted - a far cry from the days when the county’s care for vulnerable youngsters was branded inadequate.',
    ],
    grades: [
      ['good', true, 'Norfolk'],
      ['good', true, 'Norfolk'],
      ['inadequate', false, 'Norfolk'],
    ],
  },
  {
    phrasing:
      'a year in an apposition about the council is not the grade’s: "Cumberland Council, one of two unitaries created in April 2023, was rated…"',
    page: [
      'Cumberland children’s services inadequate',
      'Cumberland Council, one of two unitaries created in April 2023, was rated inadequate for help and protection, and requires improvement to be good for care leavers.',
    ],
    grades: [
      ['inadequate', true, 'Cumberland'],
      ['inadequate', true, 'Cumberland'],
      ['requires improvement', true, 'Cumberland'],
    ],
  },
  {
    phrasing: 'a headline in the present tense: "children’s services slump to inadequate"',
    page: [
      'Nottingham City Council’s children’s services slump to inadequate',
      'Ofsted published its report on Tuesday.',
    ],
    grades: [['inadequate', true, 'Nottingham']],
  },
  {
    phrasing: 'an area "still required improvement" (the grade as the verb after "the experiences of…")',
    page: [
      'Medway children’s services rated good',
      'But the report said the experiences of children in care in Medway still required improvement.',
    ],
    grades: [
      ['good', true, 'Medway'],
      ['requires improvement', true, 'Medway'],
    ],
  },
  {
    phrasing: 'a statistics table with grades as labels, and a regional count of grades',
    page: [
      'Children’s social care in England 2023',
      'Outstanding: 23 (15%)',
      'Inadequate: 17 (11%)',
      'Regional picture at 31 December 2022: 5 outstanding, 4 good, 2 requires improvement, 1 inadequate.',
    ],
    grades: [
      ['outstanding', true, ''],
      ['inadequate', true, ''],
      ['outstanding', true, ''],
      ['good', true, ''],
      ['requires improvement', true, ''],
      ['inadequate', true, ''],
    ],
  },
  {
    phrasing: 'a slump to a grade: "slumped to inadequate, having been rated good…"',
    page: [
      'Reading children’s services inspected',
      'Reading’s services slumped to inadequate, having been rated good only three years earlier.',
    ],
    grades: [
      ['inadequate', true, 'Reading'],
      ['good', false, 'Reading'],
    ],
  },
  {
    phrasing: 'grades listed with their years: "inadequate in 2015, good in 2019 and outstanding in 2023"',
    page: [
      'Wigan’s inspection history',
      'Wigan Council’s children’s services had been deemed inadequate in 2015, good in 2019 and outstanding in 2023.',
    ],
    grades: [
      ['inadequate', false, 'Wigan'],
      ['good', false, 'Wigan'],
      ['outstanding', false, 'Wigan'],
    ],
  },
  {
    phrasing:
      'a council, an aside with its earlier grades, then its linking verb: "Surrey…, which was rated…, is now good"',
    page: [
      'Surrey children’s services inspected',
      'Surrey County Council, which was rated inadequate in 2018 and requires improvement in 2022, is now good.',
    ],
    grades: [
      ['inadequate', false, 'Surrey'],
      ['requires improvement', false, 'Surrey'],
      ['good', true, 'Surrey'],
    ],
  },
  {
    phrasing: 'a grade in an aside after a council in a round-up: "Hartlepool, now outstanding"',
    page: [
      'Ofsted publishes this year’s children’s services results',
      'Among those moving up were Wigan, which went from requires improvement to good, and Hartlepool, now outstanding.',
    ],
    grades: [
      ['requires improvement', false, 'Wigan'],
      ['good', true, 'Wigan'],
      ['outstanding', true, 'Hartlepool'],
    ],
  },
  {
    phrasing:
      'a previous grade in an aside, then a move to the current one: "Birmingham, previously good, dropped to…"',
    page: [
      'Birmingham children’s services downgraded',
      'Birmingham, previously good, dropped to requires improvement.',
    ],
    grades: [
      ['good', false, 'Birmingham'],
      ['requires improvement', true, 'Birmingham'],
    ],
  },
  {
    phrasing:
      'a clause opened by ", with" names its own council: "…both came out of inadequate, with Torbay now rated…"',
    page: [
      'Two councils leave inadequate',
      'Torbay and Sefton both came out of inadequate, with Torbay now rated requires improvement.',
    ],
    grades: [
      ['inadequate', false, 'Torbay+Sefton'],
      ['requires improvement', true, 'Torbay'],
    ],
  },
  {
    phrasing: 'the judgement area "the impact of leaders" given a grade by a linking verb',
    page: [
      'Cheshire East children’s services inadequate',
      'Help and protection was judged good by Ofsted inspectors of Cheshire East, while the impact of leaders was inadequate.',
    ],
    grades: [
      // The title's grade (a headline with no verb).
      ['inadequate', true, 'Cheshire East'],
      ['good', true, 'Cheshire East'],
      ['inadequate', true, 'Cheshire East'],
    ],
  },
  {
    phrasing: 'the subject’s linking verb again after "and": "…was judged good in 2019 and is now outstanding"',
    page: [
      'Kirklees children’s services inspected',
      'Kirklees, rated inadequate in 2016, was judged good in 2019 and is now outstanding.',
    ],
    grades: [
      ['inadequate', false, 'Kirklees'],
      ['good', false, 'Kirklees'],
      ['outstanding', true, 'Kirklees'],
    ],
  },
  {
    phrasing: 'an area excepted from one grade and given another in a relative clause',
    page: [
      'Ofsted rates Rochdale children’s services',
      'Rochdale was rated as requires improvement in every area except leadership, which was judged inadequate.',
    ],
    grades: [
      ['requires improvement', true, 'Rochdale'],
      ['inadequate', true, 'Rochdale'],
    ],
    area: 'leadership',
  },
  {
    phrasing: 'a judgement table over two lines whose grade is a judgement on its own line',
    page: [
      'Northumberland’s judgements',
      'The experiences and progress of care leavers',
      'Requires improvement to be good',
      'Overall effectiveness',
      'Good',
    ],
    grades: [
      ['requires improvement', true, 'Northumberland'],
      ['good', true, 'Northumberland'],
    ],
    area: 'care leavers',
  },
  {
    phrasing: 'a headline whose label is the grade',
    page: [
      'INADEQUATE: Bromley children’s services and safeguarding slammed in inspection report',
      'Ofsted published its report on Tuesday.',
    ],
    grades: [['inadequate', true, 'Bromley']],
  },
  {
    phrasing: 'judgement areas listed with their grades, separated by semicolons',
    page: [
      'Walsall’s judgements',
      'In Walsall, help and protection requires improvement; care leavers inadequate; children in care good.',
    ],
    grades: [
      ['requires improvement', true, 'Walsall'],
      ['inadequate', true, 'Walsall'],
      ['good', true, 'Walsall'],
    ],
  },
  {
    phrasing: 'a second grade after ", with"',
    page: [
      'Walsall’s judgements',
      'Walsall was rated good, with outstanding for the experiences and progress of children in care.',
    ],
    grades: [
      ['good', true, 'Walsall'],
      ['outstanding', true, 'Walsall'],
    ],
    area: 'children in care',
  },
  {
    phrasing: 'an older framework’s word in a parallel clause of its own',
    page: [
      'Doncaster’s record',
      'In 2011, Ofsted rated Doncaster’s safeguarding services as inadequate and its services for looked after children as adequate.',
    ],
    grades: [
      ['inadequate', false, 'Doncaster'],
      ['other:adequate', false, 'Doncaster'],
    ],
  },
  {
    phrasing: 'a named council, a linking verb and the grade, with no rating verb',
    page: [
      'Inspection round-up',
      'Tower Hamlets is now good, inspectors said.',
      'Kingston upon Thames and Richmond upon Thames were both outstanding in 2019.',
      'Croydon’s children’s services remain inadequate after the latest inspection.',
    ],
    grades: [
      ['good', true, 'Tower Hamlets'],
      ['outstanding', false, 'Kingston upon Thames+Richmond upon Thames'],
      ['inadequate', true, 'Croydon'],
    ],
  },
  {
    phrasing: 'a round-up list with each council’s grade in brackets',
    page: [
      'Greater Manchester results',
      'Bury (good) and Bolton (requires improvement) were both inspected this year.',
    ],
    grades: [
      ['good', true, 'Bury'],
      ['requires improvement', true, 'Bolton'],
    ],
  },
  {
    phrasing: 'an opening "previously rated" clause, then the council named and "is now"',
    page: ['Bury results', 'Previously rated requires improvement, Bury is now outstanding, inspectors said.'],
    grades: [
      ['requires improvement', false, 'Bury'],
      ['outstanding', true, 'Bury'],
    ],
  },
  {
    phrasing: 'a grade word after a parallel clause whose subject is not a name',
    page: ['Bury results', 'Bury’s services were rated inadequate, while staff morale is good.'],
    grades: [['inadequate', true, 'Bury']],
  },
  {
    phrasing: 'a round-up: counted grades after "are", and a second clause naming councils',
    page: [
      'North West results',
      'Of 153 councils, 14 are rated inadequate, 66 are good and 18 are outstanding.',
      'In the region, Blackpool and Tameside are rated inadequate, while Trafford and Wigan are outstanding.',
    ],
    grades: [
      ['inadequate', true, ''],
      ['good', true, ''],
      ['outstanding', true, ''],
      ['inadequate', true, 'Blackpool+Tameside'],
      ['outstanding', true, 'Trafford+Wigan'],
    ],
  },
  {
    phrasing: 'the judgement area as the object of the rating verb',
    page: [
      'Bury results',
      'Inspectors rated the experiences and progress of children in care in Bury as requires improvement.',
    ],
    grades: [['requires improvement', true, 'Bury']],
    area: 'children in care',
  },
  {
    phrasing: '"up from" a grade: that grade found, and previous',
    page: ['Bury results', 'Children’s services in Bury have been rated good, up from requires improvement in 2019.'],
    grades: [
      ['good', true, 'Bury'],
      ['requires improvement', false, 'Bury'],
    ],
  },
  {
    phrasing: '"once again" judged: the grade is current, not a former one',
    page: ['Leeds results', 'In its latest inspection, Leeds was once again judged outstanding by Ofsted.'],
    grades: [['outstanding', true, 'Leeds']],
  },
  {
    phrasing: '"once" rated, "but is now": the first previous, the second found and current',
    page: ['Croydon results', 'Croydon was once rated inadequate, but is now good, inspectors said.'],
    grades: [
      ['inadequate', false, 'Croydon'],
      ['good', true, 'Croydon'],
    ],
  },
  {
    phrasing: 'a rating verb, a formal name with "the" as its object, then the grade',
    page: ['Tower Hamlets results', 'Ofsted rated the London Borough of Tower Hamlets good this week.'],
    grades: [['good', true, 'Tower Hamlets']],
  },
  {
    phrasing: '"judged to require improvement" after an earlier grade in the same sentence',
    page: [
      'Sunderland results',
      'Sunderland’s children’s services, rated inadequate in 2015, have now been judged to require improvement.',
    ],
    grades: [
      ['inadequate', false, 'Sunderland'],
      ['requires improvement', true, 'Sunderland'],
    ],
  },
  {
    phrasing: 'several councils in one clause: one grade shared by each',
    page: ['Ofsted results', 'Thurrock, Bexley and Havering were all judged good by Ofsted this week.'],
    grades: [['good', true, 'Thurrock+Bexley+Havering']],
  },
  {
    phrasing: 'from one grade to another: the first previous, the second current',
    page: ['Sefton improves', 'Sefton’s children’s services have moved from inadequate to good.'],
    grades: [
      ['inadequate', false, 'Sefton'],
      ['good', true, 'Sefton'],
    ],
  },
  {
    phrasing: 'a grade with a second grade for one part of the service',
    page: ['Wigan inspection', 'Inspectors rated Wigan’s services good with outstanding leadership.'],
    grades: [
      ['good', true, 'Wigan'],
      ['outstanding', true, 'Wigan'],
    ],
  },
  {
    phrasing: 'an older framework’s word, dated',
    page: ['Rochdale history', 'In 2010 Rochdale’s safeguarding services were judged ‘adequate’ by inspectors.'],
    grades: [['other:adequate', false, 'Rochdale']],
  },
  {
    phrasing: 'an older framework’s "poor" after a rating verb and its object',
    page: ['Assessment results', 'The annual assessment rated Bury’s services poor.'],
    grades: [['other:poor', true, 'Bury']],
  },
  {
    phrasing: 'a judgement table printed one cell per line',
    page: ['Inspection of Leeds City Council', 'Overall effectiveness', 'Outstanding', 'Care leavers', 'Good'],
    grades: [
      ['outstanding', true, 'Leeds'],
      ['good', true, 'Leeds'],
    ],
  },
  {
    phrasing: 'a judgement table printed on one line',
    page: ['Inspection of Leeds City Council', 'Help and protection Good Children in care Requires improvement'],
    grades: [
      ['good', true, 'Leeds'],
      ['requires improvement', true, 'Leeds'],
    ],
  },
  {
    phrasing: 'a company running the service: its grade is its council’s',
    page: ['Trust inspected', 'Worcestershire Children First has been rated good by Ofsted.'],
    grades: [['good', true, 'Worcestershire']],
  },
  {
    phrasing: 'a judgement area named as the subject',
    page: ['Kent report', 'Adoption performance in Kent was judged outstanding.'],
    grades: [['outstanding', true, 'Kent']],
    area: 'adoption',
  },
  {
    phrasing: 'an aggregate of councils: no council',
    page: ['National picture', 'The nine councils rated inadequate this year face intervention.'],
    grades: [['inadequate', true, '']],
  },
  {
    phrasing: 'a monitoring visit report: the standing grade is not new',
    page: [
      'Monitoring visit finds progress in Stoke-on-Trent',
      'Stoke-on-Trent’s children’s services, rated inadequate, are getting better, inspectors found.',
    ],
    grades: [['inadequate', false, 'Stoke-on-Trent']],
  },
  {
    phrasing: 'a visit report that names the visit only in its third paragraph, past a photo credit',
    page: [
      'Signs of progress at ‘inadequate’ Rotherham',
      'Inspectors say leaders in Rotherham have a firmer grip on casework but much is left to do.',
      'Picture: a stock image',
      'Ofsted has seen progress at Rotherham, though the ‘inadequate’ council still has high caseloads.',
      'In the latest monitoring visit, inspectors said practice with families had become more consistent.',
    ],
    grades: [
      ['inadequate', false, 'Rotherham'],
      ['inadequate', false, 'Rotherham'],
    ],
  },
  {
    phrasing: 'a title that rates the council reports a graded inspection, though the lead recalls visits',
    page: [
      'Bexley children’s services rated good',
      'Inspectors found services for children in Bexley to be good.',
      'Picture: council offices',
      'Leaders said the good grade reflected years of work by social workers in the borough.',
      'Two monitoring visits had followed the last inspection, which found services inadequate.',
    ],
    grades: [
      ['good', true, 'Bexley'],
      ['good', true, 'Bexley'],
      ['good', true, 'Bexley'],
      ['inadequate', false, 'Bexley'],
    ],
  },
  {
    phrasing: 'a year before the reported inspection’s makes a grade previous',
    page: [
      'Oldham report published',
      'The inspection report on Oldham was published in May 2024.',
      'Back in 2019 services in Oldham were still rated inadequate.',
    ],
    grades: [['inadequate', false, 'Oldham']],
  },
  {
    phrasing: 'three grades over the years: only the one said to be now is current',
    page: [
      'Plymouth report',
      "Services in Plymouth were rated 'good' in 2017, 'requires improvement' in 2021 and are now 'good' again.",
    ],
    grades: [
      ['good', false, 'Plymouth'],
      ['requires improvement', false, 'Plymouth'],
      ['good', true, 'Plymouth'],
    ],
  },
  {
    phrasing: 'reported speech in minutes: "had been judged" is the new grade',
    page: [
      'Committee minutes',
      'The committee noted that services in Stockport had been judged to be good at the inspection.',
    ],
    grades: [['good', true, 'Stockport']],
  },
];

const REFUSED: Row[] = [
  {
    phrasing: 'a rule for councils with a grade, a move no council has made, and a grade hoped for',
    page: [
      'Ofsted explainer',
      'Councils rated inadequate are monitored by Ofsted and usually receive a visit from an adviser.',
      'No council has yet moved directly from inadequate to outstanding in a single inspection.',
      'The portfolio holder said Luton would not rest until we are good.',
    ],
    grades: [],
  },
  {
    phrasing: '"a good service" received, in prose',
    page: [
      'Richmond report',
      'They said that while most children in Richmond received a good service, the response to exploitation was not consistently effective.',
    ],
    grades: [],
  },
  {
    phrasing: 'no council "has yet been rated" a grade',
    page: [
      'Care leavers judgement',
      'No council inspected under the new care leavers judgement has yet been rated outstanding for it.',
    ],
    grades: [],
  },
  {
    phrasing: '"no longer" a grade: what the council is not (as the corpus labels it)',
    page: ['Medway report', 'Children’s services in Medway are no longer inadequate, inspectors said.'],
    grades: [],
  },
  {
    phrasing: 'counts before grade words that judge no council: "5 good teachers, 2 outstanding ones"',
    page: ['Kent school news', 'The school has 5 good teachers, 2 outstanding ones and a new head.'],
    grades: [],
  },
  {
    phrasing: 'a headline label that is not a grade',
    page: [
      'Good news: Wigan’s children’s services improve after inspection',
      'Ofsted published its report on Tuesday.',
    ],
    grades: [],
  },
  {
    phrasing: 'a council’s name with a linking verb and a grade word in ordinary prose',
    page: [
      'Around the region',
      'Leeds was good at listening to families, a parent said.',
      'The food in Bristol is outstanding, according to the guide.',
      'Wigan is good value for families moving north.',
      'Children’s experiences in Devon remain poor, the report found.',
    ],
    grades: [],
  },
  {
    phrasing: 'negated',
    page: ['Durham', 'No council in the North East has yet been judged outstanding, Durham’s director said.'],
    grades: [],
  },
  {
    phrasing: 'hypothetical',
    page: ['Swindon', 'Swindon’s director wants services to be rated good before long.'],
    grades: [],
  },
  {
    phrasing: 'describing the scale',
    page: ['Funding', 'Only councils rated above inadequate, such as Dorset, can apply for the fund.'],
    grades: [],
  },
  {
    phrasing: 'a children’s home run by a council',
    page: ['Wigan home', 'A children’s home run by Wigan Council was rated outstanding.'],
    grades: [],
  },
  {
    phrasing: 'youth justice, inspected by probation inspectors',
    page: ['Wigan youth justice', 'Wigan’s youth offending service was rated inadequate by probation inspectors.'],
    grades: [],
  },
  {
    phrasing: 'a grade word in praise',
    page: ['Hull', 'Inspectors saw outstanding practice from social workers in Hull.'],
    grades: [],
  },
];

const run = (row: Row) => {
  const [title, ...blocks] = row.page;
  return analyzeDocument({ title, blocks });
};

describe('grade phrasings handled', () => {
  test.each(HANDLED.map((r) => [r.phrasing, r] as const))('%s', (_, row) => {
    const a = run(row);
    expect(a.grades.map((g) => [g.grade, g.current, g.councils.map((c) => c.name).join('+')])).toEqual(row.grades);
    if (row.area) expect(a.grades.map((g) => g.area)).toContain(row.area);
    // An outcome exists exactly where a grade has a council (as the scorer builds gold outcomes).
    const expected = new Set(
      a.grades.flatMap((g) => g.councils.map((c) => `${c.code}|${g.grade}|${g.current}|${g.area ?? ''}`)),
    );
    expect(new Set(a.outcomes.map((o) => `${o.council.code}|${o.grade}|${o.current}|${o.area ?? ''}`))).toEqual(
      expected,
    );
    for (const g of a.grades) expect(g.why).toMatch(/; .*; council: /);
  });
});

describe('near misses refused', () => {
  test.each(REFUSED.map((r) => [r.phrasing, r] as const))('%s', (_, row) => {
    const a = run(row);
    expect(a.grades).toEqual([]);
    expect(a.outcomes).toEqual([]);
  });
});

test('a judgement table run into one sentence: each row is its grade’s sentence in the result', () => {
  const doc = {
    title: 'Inspection of Leeds City Council',
    blocks: ['1. Help and protection Good 2. Children in care Requires improvement 2.1 Adoption performance Good'],
  };
  const result = toResult('leeds.txt', analyzeDocument(doc), doc.title);
  expect(result.grades.map((g) => [g.grade, g.sentence])).toEqual([
    ['good', 'Help and protection Good'],
    ['requires improvement', 'Children in care Requires improvement'],
    ['good', '2.1 Adoption performance Good'],
  ]);
});

test('an area excepted from a grade is not that grade’s area; the relative clause’s is', () => {
  const a = analyzeDocument({
    title: 'Ofsted rates Rochdale children’s services',
    blocks: [
      'Rochdale was rated as requires improvement in every area except leadership, which was judged inadequate.',
    ],
  });
  expect(a.grades.map((g) => [g.grade, g.area ?? ''])).toEqual([
    ['requires improvement', ''],
    ['inadequate', 'leadership'],
  ]);
});

test('a grade of the council itself has no area, whatever area the sentence names before it', () => {
  const a = analyzeDocument({
    title: 'Ofsted criticises ‘drift’ for children in care at inadequate-rated council',
    blocks: ['Havering’s children’s services were rated inadequate by Ofsted this week.'],
  });
  expect(a.grades.map((g) => [g.grade, g.area ?? ''])).toEqual([
    ['inadequate', ''],
    ['inadequate', ''],
  ]);
  expect(a.outcomes.map((o) => [o.council.name, o.grade, o.area ?? ''])).toEqual([['Havering', 'inadequate', '']]);
});
