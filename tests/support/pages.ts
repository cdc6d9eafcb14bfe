// Small pages built for tests that more than one suite loads.

/**
 * An article whose body div holds text directly, before and after nested paragraphs: one
 * element, several blocks. Three grades, three councils, one in each run of the div's own text.
 */
export const MIXED_BLOCKS_TITLE = 'Ofsted inspection: Kent children’s services';
export const MIXED_BLOCKS_BODY = `<article>
      <h1>Ofsted rates Kent children’s services outstanding</h1>
      <div>Ofsted inspectors rated Essex County Council’s children’s services ‘good’ in 2019, the report said.
        <p>The inspection took place over three weeks in March and looked at the experiences of children.</p>
        Inspectors have now rated Kent County Council’s children’s services ‘outstanding’ after the full inspection.
        <p>Leaders said the judgement reflected years of work by social workers, managers and partners.</p>
        Ofsted also said Medway Council’s children’s services were ‘inadequate’ in the last inspection.
      </div></article>`;
export const mixedBlocksPage = () =>
  `<!doctype html><html><head><title>${MIXED_BLOCKS_TITLE}</title></head><body>${MIXED_BLOCKS_BODY}</body></html>`;
