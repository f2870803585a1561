import type { InMemoryRange } from './spreadsheet';

export type FakeChartType = 'AREA' | 'BAR' | 'COLUMN' | 'LINE' | 'PIE' | 'SCATTER' | 'TABLE';

/** What a built chart records, for tests to read: type, ranges (A1), options and position. */
export interface ChartRecord {
  type: FakeChartType;
  ranges: string[];
  options: Record<string, unknown>;
  numHeaders: number;
  position: { row: number; column: number; offsetX: number; offsetY: number } | null;
}

/** An EmbeddedChart: no rendering, just what it was built from. */
export class FakeEmbeddedChart {
  constructor(readonly record: ChartRecord, private readonly rangeObjects: readonly InMemoryRange[]) {}

  getRanges(): InMemoryRange[] {
    return [...this.rangeObjects];
  }

  getOptions(): { get(key: string): unknown } {
    const options = this.record.options;
    return { get: (key: string) => options[key] ?? null };
  }

  getType(): FakeChartType {
    return this.record.type;
  }
}

/**
 * Sheet.newChart()'s builder. `asColumnChart()` and friends return the same builder here (Google
 * returns a typed builder with the same methods we use). Building needs no authorization; the
 * sheet's insertChart is the write.
 */
export class FakeEmbeddedChartBuilder {
  private type: FakeChartType = 'COLUMN';
  private readonly ranges: InMemoryRange[] = [];
  private readonly options: Record<string, unknown> = {};
  private numHeaders = -1;
  private position: ChartRecord['position'] = null;

  asColumnChart(): this {
    this.type = 'COLUMN';
    return this;
  }

  asBarChart(): this {
    this.type = 'BAR';
    return this;
  }

  asLineChart(): this {
    this.type = 'LINE';
    return this;
  }

  asPieChart(): this {
    this.type = 'PIE';
    return this;
  }

  setChartType(type: FakeChartType): this {
    this.type = type;
    return this;
  }

  addRange(range: InMemoryRange): this {
    this.ranges.push(range);
    return this;
  }

  setOption(key: string, value: unknown): this {
    this.options[key] = value;
    return this;
  }

  setNumHeaders(n: number): this {
    this.numHeaders = n;
    return this;
  }

  setPosition(row: number, column: number, offsetX: number, offsetY: number): this {
    this.position = { row, column, offsetX, offsetY };
    return this;
  }

  build(): FakeEmbeddedChart {
    if (this.ranges.length === 0) throw new Error('Chart has no data: add a range before building it.');
    return new FakeEmbeddedChart(
      { type: this.type, ranges: this.ranges.map((r) => r.a1Raw()), options: { ...this.options }, numHeaders: this.numHeaders, position: this.position },
      this.ranges,
    );
  }
}
