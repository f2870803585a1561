/**
 * A small writer for CPLEX LP format, the text HiGHS reads (`highs.solve(text)`). Names must
 * be LP-safe (letters, digits, underscore), which is why the optimal-plan model names its
 * variables by index and keeps its own tables from index back to lot, account and class.
 */
export type Sense = '<=' | '>=' | '=';
export type Term = readonly [coefficient: number, variable: string];

export class LpModel {
  private readonly objective = new Map<string, number>();
  private readonly rows: string[] = [];
  private readonly bounds = new Map<string, [number, number | null]>();
  private readonly generals: string[] = [];
  private readonly binaries: string[] = [];
  private readonly variables = new Set<string>();

  /** Declares a continuous variable in [lower, upper] (upper null: unbounded above). */
  variable(name: string, lower = 0, upper: number | null = null): string {
    this.variables.add(name);
    this.bounds.set(name, [lower, upper]);
    return name;
  }

  integer(name: string, lower = 0, upper: number | null = null): string {
    this.variable(name, lower, upper);
    this.generals.push(name);
    return name;
  }

  binary(name: string): string {
    this.variables.add(name);
    this.binaries.push(name);
    return name;
  }

  cost(variable: string, coefficient: number): void {
    this.objective.set(variable, (this.objective.get(variable) ?? 0) + coefficient);
  }

  row(name: string, terms: readonly Term[], sense: Sense, rhs: number): void {
    const live = terms.filter(([c]) => c !== 0);
    if (live.length === 0) return;
    this.rows.push(` ${name}: ${expression(live)} ${sense} ${num(rhs)}`);
  }

  get size(): { variables: number; integers: number; binaries: number; constraints: number } {
    return { variables: this.variables.size, integers: this.generals.length, binaries: this.binaries.length, constraints: this.rows.length };
  }

  toString(): string {
    const objective = [...this.objective].filter(([, c]) => c !== 0).map(([v, c]) => [c, v] as const);
    const lines = ['Minimize', ` obj: ${objective.length ? expression(objective) : '0 x_empty'}`, 'Subject To', ...this.rows, 'Bounds'];
    for (const [name, [lower, upper]] of this.bounds) {
      lines.push(upper === null ? ` ${name} >= ${num(lower)}` : ` ${num(lower)} <= ${name} <= ${num(upper)}`);
    }
    if (objective.length === 0) lines.push(' x_empty = 0');
    if (this.generals.length) lines.push('Generals', ...chunk(this.generals));
    if (this.binaries.length) lines.push('Binaries', ...chunk(this.binaries));
    lines.push('End');
    return lines.join('\n');
  }
}

/** Terms eight to a line: LP readers accept continuation lines, and short lines stay readable. */
function expression(terms: readonly Term[]): string {
  const parts = terms.map(([c, v], i) => `${c < 0 ? '-' : i === 0 ? '' : '+'} ${num(Math.abs(c))} ${v}`.trim());
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(' '));
  return lines.join('\n   ');
}

function chunk(names: readonly string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += 12) lines.push(` ${names.slice(i, i + 12).join(' ')}`);
  return lines;
}

/** Plain decimal text (no exponent), 10 places at most: LP coefficients in dollars and shares. */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`LP coefficient is not finite: ${x}`);
  const text = x.toFixed(10).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}
