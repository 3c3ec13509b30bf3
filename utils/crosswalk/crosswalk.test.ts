import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../catalogue/catalogue';
import { frameworkCoverage } from './crosswalk';
import { MAPPED_FRAMEWORKS, type FrameworkId } from './frameworks';
import { NIST_CSF_TO_ISO } from './nist-csf-2.0-mapping';

const soc2 = MAPPED_FRAMEWORKS.find((framework) => framework.id === 'soc2')!;
const csf = MAPPED_FRAMEWORKS.find((framework) => framework.id === 'nist-csf')!;
const all = new Set<FrameworkId>(['iso27001', 'soc2', 'nist-csf']);

describe('framework data', () => {
  it('maps every SOC 2 and CSF entry only to IDs the ISO catalogue has', () => {
    const known = new Set(DEFAULT_CATALOGUE.items.map((item) => item.id));
    for (const framework of MAPPED_FRAMEWORKS)
      for (const entry of framework.entries) {
        expect(entry.iso.length, entry.id).toBeGreaterThan(0);
        for (const id of entry.iso) expect(known.has(id), `${entry.id} → ${id}`).toBe(true);
      }
    expect(soc2.entries.map((entry) => entry.id)).toContain('CC6.1');
    expect(new Set(soc2.entries.map((entry) => entry.id)).size).toBe(soc2.entries.length);
  });

  it("carries every pair of NIST's informative references from the data file", () => {
    const rows = readFileSync('utils/crosswalk/data/nist-csf-2.0-to-iso27001-2022.tsv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    expect(rows).toHaveLength(343);
    for (const [source, target] of rows) {
      const folded = target!.replace(/^(9\.[23])\.\d$/, '$1');
      expect(NIST_CSF_TO_ISO[source!], source).toContain(folded);
    }
    expect(csf.entries).toHaveLength(106);
    expect(csf.entries.find((entry) => entry.id === 'PR.DS-11')?.title).toBe('Data Security 11');
  });
});

describe('frameworkCoverage', () => {
  const evidence = [
    { id: 'EV-1', controls: ['A.8.13'] },
    { id: 'EV-2', controls: ['CC6.1'] },
    { id: 'EV-3', controls: ['A.5.15', 'CC6.1'] },
  ];

  it('counts ISO evidence for a mapped SOC 2 criterion and says which ISO ID it came from', () => {
    const coverage = frameworkCoverage(soc2, all, evidence)!;
    expect(coverage.find((entry) => entry.id === 'A1.3')?.evidence).toEqual([
      { evidenceId: 'EV-1', mappedFrom: 'A.8.13' },
    ]);
    expect(coverage.find((entry) => entry.id === 'CC9.2')?.evidence).toEqual([]);
  });

  it('counts a direct tag as direct, even when the evidence also carries a mapped ISO tag', () => {
    const cc61 = frameworkCoverage(soc2, all, evidence)!.find((entry) => entry.id === 'CC6.1');
    expect(cc61?.evidence).toEqual([
      { evidenceId: 'EV-2', mappedFrom: null },
      { evidenceId: 'EV-3', mappedFrom: null },
    ]);
  });

  it('gives a framework turned off no coverage at all', () => {
    expect(frameworkCoverage(soc2, new Set(['iso27001', 'nist-csf']), evidence)).toBeNull();
    const backups = frameworkCoverage(csf, all, evidence)!.filter((entry) =>
      entry.evidence.some((counted) => counted.mappedFrom === 'A.8.13'),
    );
    expect(backups.map((entry) => entry.id)).toContain('PR.DS-11');
  });
});
