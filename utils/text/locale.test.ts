import { describe, expect, it } from 'vitest';
import * as en from './en';
import type { Text } from '.';

describe('the locale type', () => {
  it('is what a second locale must satisfy, feature by feature', () => {
    const copy: Text = { ...en };
    expect(Object.keys(copy).sort()).toEqual(Object.keys(en).sort());

    // The compiler (npm run typecheck) refuses a locale that lacks a feature, a sentence or a parameter.
    const { planText: _missing, ...withoutPlan } = en;
    // @ts-expect-error planText is missing
    const incomplete: Text = withoutPlan;
    // @ts-expect-error a sentence with a count must stay a function of the count
    const wrongShape: Text = { ...en, overviewText: { ...en.overviewText, notReady: 'Not ready' } };
    expect([incomplete, wrongShape]).toHaveLength(2);
  });

  it('has no empty sentence', () => {
    const empty: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string') {
        if (value.trim() === '') empty.push(path);
      } else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
      else if (value && typeof value === 'object')
        for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
    };
    walk(en, 'en');
    expect(empty).toEqual([]);
  });
});
