#!/usr/bin/env bash
# npm audit of what ships (production dependencies only: decimal.js and exceljs; only decimal.js
# reaches dist/Code.js). Exit codes: 0 no known vulnerability, 1 vulnerabilities found,
# 2 the advisory endpoint could not be reached (offline, a proxy, or a registry mirror that does
# not implement /-/npm/v1/security/advisories/bulk and answers 405): then NOTHING was checked.
set -u
cd "$(dirname "$0")/.."
out="$(npm audit --omit=dev --json 2>&1)"
rc=$?
if printf '%s' "$out" | grep -qiE '405 Method Not Allowed|audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ECONNRESET'; then
  echo "audit: UNREACHABLE - the npm advisory endpoint did not answer; no vulnerability check was done." >&2
  printf '%s\n' "$out" | grep -iE 'npm (warn|error)' | head -3 >&2
  echo "audit: run 'npm audit --omit=dev' where registry.npmjs.org is reachable (e.g. in CI)." >&2
  exit 2
fi
printf '%s\n' "$out" | node -e '
  let text = ""; process.stdin.on("data", (d) => (text += d)).on("end", () => {
    try {
      const report = JSON.parse(text);
      const v = report.metadata?.vulnerabilities ?? {};
      const total = Object.values(v).reduce((a, n) => a + n, 0);
      console.log(`audit: ${total} known vulnerabilities in production dependencies ${JSON.stringify(v)}`);
    } catch { console.log(text); }
  });'
exit $rc
