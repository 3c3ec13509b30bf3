import type { EvidenceSummary } from '@/utils/coverage/types';
import type { AuditPlan, ControlState, Finding } from '@/utils/isms/types';
import type { CoverageData } from '@/utils/coverage/assessment';
import type { Risk } from '@/utils/risk/types';

/** Fixtures shared by the component tests (only tests import this file). */

export function plan(extra: Partial<AuditPlan> = {}): AuditPlan {
  return {
    id: 'current',
    certificationBody: 'Cert Co',
    organisation: 'Example Ltd',
    scope: 'Cloud platform',
    stage1Date: '2025-07-01',
    stage2Date: '2025-07-29',
    windowStart: '2025-01-01',
    windowEnd: '2025-06-30',
    certificationDate: null,
    surveillance1Date: null,
    surveillance2Date: null,
    recertificationDate: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

export function controlState(controlId: string, extra: Partial<ControlState> = {}): ControlState {
  return {
    controlId,
    applicable: true,
    justification: '',
    implementation: 'implemented',
    owner: '',
    cadenceDays: null,
    notes: '',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

export function finding(id: string, extra: Partial<Finding> = {}): Finding {
  return {
    id,
    grade: 'minor',
    source: 'internal-audit',
    controls: [],
    description: `Finding ${id}`,
    rootCause: '',
    correctiveAction: '',
    dueDate: null,
    status: 'open',
    evidenceIds: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

export function summary(id: string, controls: string[], effectiveDate: string): EvidenceSummary {
  return { id, controls, effectiveDate, status: 'ready' };
}

export function data(extra: Partial<CoverageData> = {}): CoverageData {
  return { controlStates: [], plan: plan(), findings: [], evidence: [], ...extra };
}

export function risk(id: string, extra: Partial<Risk> = {}): Risk {
  return {
    id,
    title: `Risk ${id}`,
    asset: '',
    threat: '',
    vulnerability: '',
    consequence: '',
    owner: '',
    likelihood: 3,
    impact: 3,
    treatment: 'modify',
    controls: [],
    residualLikelihood: null,
    residualImpact: null,
    acceptance: null,
    nextReview: null,
    status: 'open',
    notes: '',
    updatedAt: '2025-06-01T00:00:00.000Z',
    ...extra,
  };
}
