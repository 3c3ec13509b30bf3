import { productMatrix } from './criteria';
import type { RiskCriteria, ScalePoint } from './types';

export type ScaleName = 'likelihood' | 'impact';

/** A scale of `length` points, keeping the names of the points that stay. */
export function resizeScale(points: readonly ScalePoint[], length: number): ScalePoint[] {
  return Array.from({ length }, (_, index) => ({ value: index + 1, name: points[index]?.name ?? '' }));
}

/**
 * The criteria with one scale resized. An edited matrix keeps its cells where they still exist and
 * takes the product where the new shape adds one, so no cell is left empty.
 */
export function withScaleLength(criteria: RiskCriteria, scale: ScaleName, length: number): RiskCriteria {
  const next = { ...criteria, [scale]: resizeScale(criteria[scale], length) };
  if (criteria.combination.method !== 'matrix') return next;
  const old = criteria.combination.matrix;
  const products = productMatrix(next);
  const matrix = products.map((row, l) => row.map((product, i) => old[l]?.[i] ?? product));
  return { ...next, combination: { method: 'matrix', matrix } };
}

/** Switching to a matrix starts it from the products, so nothing changes until a cell is edited. */
export function withMethod(criteria: RiskCriteria, method: 'product' | 'matrix'): RiskCriteria {
  if (method === criteria.combination.method) return criteria;
  return {
    ...criteria,
    combination: method === 'product' ? { method } : { method, matrix: productMatrix(criteria) },
  };
}

export function withMatrixCell(
  criteria: RiskCriteria,
  likelihood: number,
  impact: number,
  score: number,
): RiskCriteria {
  if (criteria.combination.method !== 'matrix') return criteria;
  const matrix = criteria.combination.matrix.map((row, l) =>
    row.map((cell, i) => (l === likelihood - 1 && i === impact - 1 ? score : cell)),
  );
  return { ...criteria, combination: { method: 'matrix', matrix } };
}
