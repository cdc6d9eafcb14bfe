// The trace and bench scripts' build arguments: `name=<build dir>` (or a bare dir, named by itself).
export interface NamedBuild {
  name: string;
  dir: string;
}

export function namedBuilds(args: string[]): NamedBuild[] {
  return args.map((p) => {
    const eq = p.indexOf('=');
    return eq > 0 ? { name: p.slice(0, eq), dir: p.slice(eq + 1) } : { name: p, dir: p };
  });
}
