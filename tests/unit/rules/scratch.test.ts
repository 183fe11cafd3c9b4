import { it } from 'vitest';
import { AhoCorasick } from '$lib/server/rules/aho-corasick';
import { foldText } from '$lib/server/rules/text';
import { compileRules, categorise } from '$lib/server/rules/engine';
import { normaliseLabel } from '$lib/server/rules/normalise';
import { DEFAULT_RULES } from '$lib/server/rules/default-rules';
import { generateTransactions } from '$lib/server/rules/bench';
it('scratch', async () => {
  const pats = new Map<string, boolean>();
  for (const r of DEFAULT_RULES) for (const c of r.conditions) if (c.field==='label' && c.op==='contains') for (const v of (Array.isArray(c.value)?c.value:[c.value])) pats.set(foldText(String(v)), true);
  console.log('distinct label patterns', pats.size, 'total chars', [...pats.keys()].join('').length);
  for (let i=0;i<3;i++){ const t=(process.cpuUsage().user/1000); new AhoCorasick([...pats.keys()].map(t=>({text:t,wholeWord:true}))); console.log('AC ms', (process.cpuUsage().user/1000)-t); }
  for (let i=0;i<3;i++){ const t=(process.cpuUsage().user/1000); compileRules(DEFAULT_RULES); console.log('compile ms', (process.cpuUsage().user/1000)-t); }
  const txs = generateTransactions(100000);
  const set = compileRules(DEFAULT_RULES);
  for (let i=0;i<3;i++){
  let t=(process.cpuUsage().user/1000); const ns = txs.map(tx => normaliseLabel(tx.rawLabel, {amount: tx.amount, bookingDate: tx.date})); const tn = (process.cpuUsage().user/1000)-t;
  t=(process.cpuUsage().user/1000); for (let k=0;k<txs.length;k++) categorise(set, txs[k], ns[k]); const tc = (process.cpuUsage().user/1000)-t;
  console.log('normalise ms', tn, 'run ms', tc, 'candidates/tx', (set as any).candidates.length);
  }
}, 120000);
