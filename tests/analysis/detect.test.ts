import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../lib/analysis/analyze';
import { documentFromPlainText } from '../../lib/analysis/text';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const detect = (title: string, ...blocks: string[]) => analyzeDocument({ title, blocks }).detection;

describe('article detection', () => {
  test.each(fs.readdirSync(path.join(fixtures, 'gold')).filter((f) => f.endsWith('.json')))('%s', (file) => {
    const gold = JSON.parse(fs.readFileSync(path.join(fixtures, 'gold', file), 'utf8'));
    const id = file.replace(/\.json$/, '');
    const dir = fs.existsSync(path.join(fixtures, 'seeds', `${id}.txt`)) ? 'seeds' : 'cases';
    const doc = documentFromPlainText(fs.readFileSync(path.join(fixtures, dir, `${id}.txt`), 'utf8'));
    const d = analyzeDocument(doc).detection;
    expect(d.isInspectionArticle).toBe(gold.isInspectionArticle);
    expect(d.reasons.length).toBeGreaterThan(0);
  });

  test('a JTAI letter story with no grade is an inspection article', () => {
    const d = detect(
      'Joint inspection finds agencies in Solihull must improve response to domestic abuse',
      'A joint targeted area inspection by Ofsted, the CQC, HMICFRS and HM Inspectorate of Probation found that Solihull Council, police and health partners must improve how they share information about children living with domestic abuse.',
      'Inspectors said the multi-agency safeguarding hub was not always effective and that some children were left at risk for too long.',
      'The local safeguarding partnership said it accepted the findings.',
    );
    expect(d.isInspectionArticle).toBe(true);
    expect(d.confidence).toBeGreaterThan(0.5);
  });

  test('a story about the trust running a council’s children’s services is one, though it never says "children’s services"', () => {
    const d = detect(
      'Ofsted inspection news',
      'Birmingham Children’s Trust has been judged good by Ofsted, the first time since the trust was set up.',
    );
    expect(d.isInspectionArticle).toBe(true);
  });

  test('a national Ofsted warning naming no council, grade or council inspection is not', () => {
    const d = detect(
      'Ofsted warns on children’s social care',
      'Ofsted’s annual report warns that children’s social care is under strain, with councils facing rising demand. The chief inspector said too many children are placed in unregistered homes.',
    );
    expect(d.isInspectionArticle).toBe(false);
    // The same story with a council's result in it is one.
    const withResult = detect(
      'Ofsted warns on children’s social care',
      'Ofsted’s annual report warns that children’s social care is under strain. It comes as Bury’s children’s services were rated inadequate this week.',
    );
    expect(withResult.isInspectionArticle).toBe(true);
  });

  test('a councillor’s own account that reports the council’s grade as news is one; a reflection that only recalls one is not', () => {
    const lead =
      'As a councillor I have spent years pushing for better support for our most vulnerable children, so I was pleased to read this week’s Ofsted report on Tameside’s children’s services.';
    const blog = detect(
      'My thoughts on this week’s Ofsted report',
      lead,
      'The inspectors found that services have improved significantly since 2016, when they were judged inadequate, and they are now rated requires improvement to be good.',
    );
    expect(blog.isInspectionArticle).toBe(true);
    const recalled = detect(
      'My thoughts on this week’s Ofsted report',
      lead,
      'When I was first elected in 2016, the council was judged inadequate.',
    );
    expect(recalled.isInspectionArticle).toBe(false);
  });

  test('a council’s job advert that boasts of its grade is not; a report of the grade that mentions recruiting is', () => {
    const advert = detect(
      'Social workers: join our Good-rated children’s services in Solihull',
      'Solihull Council is recruiting experienced social workers to join its family safeguarding teams.',
      'Our children’s services were rated good by Ofsted in 2023, and we are proud of our stable, supportive workforce.',
      'We offer manageable caseloads and a clear career pathway. To apply, visit our careers page before 31 January.',
    );
    expect(advert.isInspectionArticle).toBe(false);
    const report = detect(
      'Solihull children’s services rated good by Ofsted',
      'Solihull Council’s children’s services have been rated good by Ofsted after an inspection in March.',
      'Inspectors said the council, which is recruiting more social workers, had reduced caseloads.',
    );
    expect(report.isInspectionArticle).toBe(true);
  });

  test('a page that only uses the grade words is not', () => {
    const d = detect(
      'Ten outstanding walks in the Peak District',
      'These good routes are perfect for families.',
      'The views are outstanding and the pubs are good.',
    );
    expect(d.isInspectionArticle).toBe(false);
    expect(d.confidence).toBeLessThan(0.2);
  });

  test('general social-work news without an inspection is not', () => {
    const d = detect(
      'Social worker caseloads rise again, government figures show',
      'The number of children in need rose by 2% last year, according to Department for Education figures.',
      'Councils said recruiting social workers remained difficult, with agency staff filling one in five posts.',
      'The Local Government Association called for more funding for children’s social care.',
    );
    expect(d.isInspectionArticle).toBe(false);
  });
});
