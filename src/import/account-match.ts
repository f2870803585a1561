/**
 * Which workbook account a broker file belongs to: `--account NAME`, or the account whose
 * `Broker ID` (Accounts tab) is the number the file shows. Brokers mask numbers differently
 * (`XXXX-4321`, `...321`, `Individual ...321`), so two ids match when they are equal ignoring
 * case and punctuation, or when one's last digits (three or more) end the other's digits.
 */
export function brokerIdsMatch(fileId: string, brokerId: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (norm(fileId) !== '' && norm(fileId) === norm(brokerId)) return true;
  const digits = (s: string) => s.replace(/\D/g, '');
  const [a, b] = [digits(fileId), digits(brokerId)];
  if (a.length < 3 || b.length < 3) return false;
  return a.length <= b.length ? b.endsWith(a) : a.endsWith(b);
}

/** Names of the accounts whose Broker ID matches the file's account number. */
export function accountsForBrokerId(fileId: string, brokerIds: ReadonlyMap<string, string>): string[] {
  return [...brokerIds].filter(([, id]) => brokerIdsMatch(fileId, id)).map(([name]) => name);
}
