// Shapes of the council gazetteer records (see gazetteer.generated.ts).

/** A current English local authority with children's services duties. */
export interface CouncilRecord {
  /** ONS GSS code (E06…, E08…, E09…, E10…). */
  code: string;
  /** Canonical everyday name ("Kingston upon Hull", "Hackney"). */
  name: string;
  /** DfE three-digit LA code. */
  dfeCode: string;
  type: string;
  region: string;
}

/** An authority that no longer exists (reorganised away), with its successors. */
export interface FormerCouncilRecord {
  code: string;
  name: string;
  /** Its council name when it differs from the place ("Northamptonshire County Council"). */
  formalName: string;
  dfeCode: string;
  endedYear: number;
  replacedBy: string[];
}
