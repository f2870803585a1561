import { describeLots } from '../../engine/index';
import { lotsJson, lotsTableCells } from '../../present/lots-table';
import { alignTable } from '../../present/drift-table';
import { has, type CommandSpec, type ParsedArgs } from '../args';
import { AS_OF, JSON_FLAG, WORKBOOK } from '../common-flags';
import type { CommandResult } from '../io';
import { loadHousehold, warningLines } from '../load-household';

/** Number columns, right-aligned (Shares on its decimal point). */
const RIGHT = new Set(['Cost Basis', 'Value', 'Gain', 'Gain/Share', 'Days Held', 'Days to Long-Term', 'Tax If Sold']);

export async function lotsCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path] = args.positionals;
  const loaded = await loadHousehold(path, args);
  if (!loaded.ok) return { stdout: '', stderr: loaded.message, exitCode: 1 };
  const lots = describeLots(loaded.household, loaded.household.settings.asOf!);
  if (has(args, JSON_FLAG)) return { stdout: JSON.stringify(lotsJson(lots), null, 2), exitCode: 0 };
  const cells = lotsTableCells(lots).map((r) => r.map((c) => String(c)));
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
