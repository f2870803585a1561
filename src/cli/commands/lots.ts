import { describeLots, taxCell } from '../../engine/index';
import { Decimal, formatDollars } from '../../engine/money';
import { lotsJson, lotsTableCells } from '../../present/lots-table';
import { alignTable } from '../../present/drift-table';
import { has, type CommandSpec, type ParsedArgs } from '../args';
import { AS_OF, JSON_FLAG, WORKBOOK } from '../common-flags';
import type { CommandResult } from '../io';
import { loadHousehold, warningLines } from '../load-household';

/** Dollar columns, read as dollars like every other table ($1,303.92); a tax saving reads "saves $165.00". */
const DOLLARS = new Set(['Cost Basis', 'Value', 'Gain', 'Gain/Share']);
const TAX = 'Tax If Sold';

function shown(header: string, cell: unknown): string {
  if (typeof cell !== 'number' || !(DOLLARS.has(header) || header === TAX)) return String(cell);
  const d = new Decimal(cell);
  return header === TAX ? taxCell(d) : formatDollars(d);
}

/** Number columns, right-aligned (Shares on its decimal point). */
const RIGHT = new Set(['Cost Basis', 'Value', 'Gain', 'Gain/Share', 'Days Held', 'Days to Long-Term', 'Tax If Sold']);

export async function lotsCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path] = args.positionals;
  const loaded = await loadHousehold(path, args);
  if (!loaded.ok) return { stdout: '', stderr: loaded.message, exitCode: 1 };
  const lots = describeLots(loaded.household, loaded.household.settings.asOf!);
  if (has(args, JSON_FLAG)) return { stdout: JSON.stringify(lotsJson(lots), null, 2), exitCode: 0 };
  const [header, ...rows] = lotsTableCells(lots);
  const cells = [header.map(String), ...rows.map((r) => r.map((c, i) => shown(String(header[i]), c)))];
  return {
    stdout: `Tax lots as of ${loaded.household.settings.asOf}\n\n${alignTable(cells, cells[0].map((h) => (h === 'Shares' ? 'point' : RIGHT.has(h))))}`,
    stderr: warningLines(loaded.warnings),
    exitCode: 0,
  };
}

export const command: CommandSpec = {
  name: 'lots',
  summary: 'every tax lot: term, days held, the date it turns long-term, gain, tax if sold, wash-sale flag',
  positionals: [WORKBOOK],
  flags: [JSON_FLAG, AS_OF],
  run: lotsCommand,
};
