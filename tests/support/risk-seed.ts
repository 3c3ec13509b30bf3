import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { RISK_STATUSES, TREATMENT_OPTIONS, type Risk } from '@/utils/risk/types';

/**
 * A synthetic risk register for benchmarks: an IT-operations register of `count` risks, each treated by
 * 1–4 Annex A controls (every one of the 93 controls treats at least one risk once `count` ≥ 93),
 * likelihood and impact over the default 1–5 scales, residual values, some acceptances. Deterministic
 * for a given seed. Not used by the product.
 */

const ASSETS = [
  'Backup system',
  'Admin console',
  'Payroll database',
  'Build pipeline',
  'Laptop fleet',
  'CRM',
];
const THREATS = [
  'Ransomware',
  'Phishing',
  'Insider misuse',
  'Hardware failure',
  'Supplier outage',
  'Misconfiguration',
];
const OWNERS = ['Ops lead', 'Security', 'IT manager', 'HR', 'Finance', 'CTO', 'Facilities', 'DPO'];

export interface RiskSeedOptions {
  /** PRNG seed (default 1). */
  seed?: number;
  /** Stamped on every risk (default 2026-01-01). */
  updatedAt?: string;
}

export function syntheticRisks(count: number, options: RiskSeedOptions = {}): Risk[] {
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const scale = () => 1 + Math.floor(random() * 5);
  const controls = DEFAULT_CATALOGUE.items.filter((item) => item.kind === 'control').map((item) => item.id);
  return Array.from({ length: count }, (_, index) => {
    const asset = pick(ASSETS);
    const threat = pick(THREATS);
    const treated = new Set([controls[index % controls.length]!]);
    const extra = Math.floor(random() * 4);
    for (let n = 0; n < extra; n++) treated.add(pick(controls));
    const likelihood = scale();
    const impact = scale();
    const treatment = pick(TREATMENT_OPTIONS);
    const residualLikelihood = Math.max(1, likelihood - Math.floor(random() * 3));
    const accepted = treatment === 'retain' && random() < 0.7;
    return {
      id: `R-${index + 1}`,
      title: `${threat} hits the ${asset.toLowerCase()}`,
      asset,
      threat,
      vulnerability: pick([
        'No tested restore',
        'Shared admin accounts',
        'Unpatched hosts',
        'Single supplier',
      ]),
      consequence: pick(['Outage of a day', 'Data disclosed', 'Fines', 'Lost customer trust']),
      owner: pick(OWNERS),
      likelihood,
      impact,
      treatment,
      controls: [...treated],
      residualLikelihood,
      residualImpact: impact,
      acceptance: accepted
        ? { acceptedBy: pick(OWNERS), acceptedAt: '2026-01-15', acceptedUntil: '2027-01-15' }
        : null,
      nextReview: `2026-${String(1 + (index % 12)).padStart(2, '0')}-15`,
      status: RISK_STATUSES[Math.floor(random() * 3)]!,
      notes: random() < 0.2 ? 'Reviewed at the quarterly risk meeting.' : '',
      updatedAt: options.updatedAt ?? '2026-01-01T00:00:00.000Z',
    };
  });
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
