import GLPK from 'glpk.js/node';

// What an attacker can deduce from published counts. The true counts are unknown
// integer variables; every published number bounds a linear expression over them,
// and identities the attacker knows (sums, draft = current − leaving + entering,
// flags = previous − dropped + new) bind them together. For every hidden cell an
// exact integer program (GLPK) finds the least and the greatest value it can have.

/** A linear expression: variable name → coefficient. */
export type Expr = Record<string, number>;

export interface Band {
  lo: number;
  hi: number;
}

/** What one published value tells about the true count, and whether it is hidden. */
export type Reading = (published: unknown) => Band & { hidden: boolean };

/** Today's publication: "<5" is 0..4, a number r is r−5..r+4 (0 would be exact). */
export const roundedReading: Reading = (p) => {
  if (p === '<5') return { lo: 0, hi: 4, hidden: true };
  if (typeof p !== 'number') throw new Error(`unexpected published value ${JSON.stringify(p)}`);
  return p === 0 ? { lo: 0, hi: 0, hidden: false } : { lo: p - 5, hi: p + 4, hidden: false };
};

/** The publication before: exact numbers, "<5" is 1..4, "x" is 5 or more. */
export const exactReading: Reading = (p) => {
  if (p === '<5') return { lo: 1, hi: 4, hidden: true };
  if (p === 'x') return { lo: 5, hi: BIG, hidden: true };
  if (typeof p !== 'number') throw new Error(`unexpected published value ${JSON.stringify(p)}`);
  return { lo: p, hi: p, hidden: false };
};

const BIG = 100_000;

export const sumOf = (...exprs: Expr[]): Expr => {
  const out: Expr = {};
  for (const e of exprs) for (const [v, c] of Object.entries(e)) out[v] = (out[v] ?? 0) + c;
  return out;
};
export const minus = (a: Expr, b: Expr): Expr => sumOf(a, Object.fromEntries(Object.entries(b).map(([v, c]) => [v, -c])));
export const single = (v: string): Expr => ({ [v]: 1 });

export const valueAt = (e: Expr, values: Record<string, number>): number => Object.entries(e).reduce((a, [v, k]) => a + k * (values[v] ?? 0), 0);

function canonical(e: Expr): string {
  return Object.entries(e)
    .filter(([, c]) => c !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([v, c]) => `${c}*${v}`)
    .join('+');
}

export interface HiddenCell {
  labels: string[];
  /** Values the cell takes in integer solutions found; one value means the solver proved it pinned. */
  values: number[];
}

export class Disclosure {
  private readonly vars = new Set<string>();
  private readonly rows = new Map<string, { expr: Expr; lo: number; hi: number; label: string }>();
  private readonly hidden = new Map<string, { expr: Expr; labels: string[] }>();
  /** Published values that are hidden but a constant of the model (a structural 0, no person behind it). */
  readonly structural: string[] = [];
  /** Integer programs solved by hiddenCells. */
  solves = 0;

  /**
   * With `republish`, every shown value is replaced by another publication of its
   * true value: to show what the same attacker learns from another method.
   */
  constructor(
    private readonly reading: Reading,
    private readonly republish?: { truth: Record<string, number>; publish: (n: number) => unknown },
  ) {}

  variable(name: string): Expr {
    this.vars.add(name);
    return single(name);
  }

  /** The attacker knows lo ≤ expr ≤ hi. */
  relate(expr: Expr, lo: number, hi: number, label = 'a relation'): void {
    for (const v of Object.keys(expr)) this.vars.add(v);
    const key = canonical(expr);
    if (key === '') {
      if (lo > 0 || hi < 0) throw new Error(`model contradicts itself: constant 0 outside ${lo}..${hi} (${label})`);
      return;
    }
    const row = this.rows.get(key);
    if (row) Object.assign(row, { lo: Math.max(row.lo, lo), hi: Math.min(row.hi, hi) });
    else this.rows.set(key, { expr, lo, hi, label });
  }

  /** A value shown to the beleidsmaker whose true count is `expr`. */
  shown(label: string, expr: Expr, published: unknown): void {
    const band = this.reading(this.republish ? this.republish.publish(valueAt(expr, this.republish.truth)) : published);
    this.relate(expr, band.lo, band.hi, label);
    if (!band.hidden) return;
    const key = canonical(expr);
    if (key === '') return void this.structural.push(label);
    const h = this.hidden.get(key);
    if (h) h.labels.push(label);
    else this.hidden.set(key, { expr, labels: [label] });
  }

  /** Relations the true counts break: none, or the model is wrong. */
  violations(truth: Record<string, number>): string[] {
    const missing = [...this.vars].filter((v) => truth[v] === undefined);
    if (missing.length > 0) return [`no true value for ${missing.join(', ')}`];
    return [...this.rows.values()]
      .filter((r) => valueAt(r.expr, truth) < r.lo || valueAt(r.expr, truth) > r.hi)
      .map((r) => `${r.label}: ${valueAt(r.expr, truth)} not in ${r.lo}..${r.hi}`);
  }

  get hiddenCount(): number {
    return this.hidden.size;
  }

  get size(): { variables: number; relations: number } {
    return { variables: this.vars.size, relations: this.rows.size };
  }

  /**
   * For every hidden cell, two feasible values or proof that there is only one. The
   * cell's least and greatest value are solved exactly (GLPK, integer), but a cell
   * already seen with two values in earlier solutions needs no solve of its own.
   */
  async hiddenCells(): Promise<HiddenCell[]> {
    const glpk = await GLPK();
    const vars = [...this.vars];
    const lp = (objective: Expr, direction: number) => ({
      name: 'attacker',
      objective: { direction, name: 'cell', vars: Object.entries(objective).map(([name, coef]) => ({ name, coef })) },
      subjectTo: [...this.rows.values()].map((r, i) => ({
        name: `r${i}`,
        vars: Object.entries(r.expr).map(([name, coef]) => ({ name, coef })),
        bnds: r.lo === r.hi ? { type: glpk.GLP_FX, lb: r.lo, ub: r.hi } : { type: glpk.GLP_DB, lb: r.lo, ub: r.hi },
      })),
      bounds: vars.map((name) => ({ name, type: glpk.GLP_DB, lb: 0, ub: BIG })),
      generals: vars,
    });
    const cells = [...this.hidden.values()].map((h) => ({ ...h, seen: new Set<number>() }));
    const solve = (expr: Expr, direction: number) => {
      this.solves += 1;
      const r = glpk.solve(lp(expr, direction), { msglev: glpk.GLP_MSG_OFF }).result;
      if (r.status !== glpk.GLP_OPT) throw new Error(`solver status ${r.status}: the relations admit no solution, so the model is wrong`);
      for (const c of cells) c.seen.add(Math.round(valueAt(c.expr, r.vars)));
    };
    for (const c of cells) {
      if (c.seen.size < 2) solve(c.expr, glpk.GLP_MIN);
      if (c.seen.size < 2) solve(c.expr, glpk.GLP_MAX);
    }
    return cells.map((c) => ({ labels: c.labels, values: [...c.seen].sort((a, b) => a - b) }));
  }
}
