import { planRebalance } from '../src/engine/planner';
import { dec } from '../src/engine/money';
import { generateHousehold } from '../src/generate/generate-household';
const g = generateHousehold(201, 'M');
const mode = process.argv[2];
const t = { ...g, settings: { ...g.settings, ...(mode === 'tables' ? { filingStatus: 'Married Filing Jointly' as const, income: dec(60_000), harvestGains: true } : {}) } };
for (let i = 0; i < 25; i++) planRebalance({ ...t, settings: { ...t.settings } });
