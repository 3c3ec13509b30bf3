// Seeds a fresh demo profile with a capturer name, an organisation, an example audit plan, a small risk
// register of an IT-operations team with its SoA reasons, three documents as file evidence, one internal
// audit and one management review, through the extension's own messages (the same path the dashboard
// uses), so coverage has a window and the traceability view has rows from the first start.
import { openBackgroundPage } from '../tests/e2e/chromium.mjs';

const DAY = 86_400_000;
const day = (offsetDays) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** An ISMS that has run for four months, with Stage 1 next month and Stage 2 five weeks later. */
export function exampleAuditPlan() {
  return {
    certificationBody: 'Example Certification Ltd (demo)',
    organisation: 'Northwind Demo',
    scope: 'Cloud operations and IT administration of the Northwind demo consoles',
    stage1Date: day(30),
    stage2Date: day(65),
    windowStart: day(-120),
    windowEnd: day(60),
    certificationDate: null,
    surveillance1Date: null,
    surveillance2Date: null,
    recertificationDate: null,
  };
}

/** The documents the demo files as evidence: what an IT-operations team would have in its shared drive. */
export function exampleDocuments() {
  return [
    {
      fileName: 'restore-test-nightly-backup.txt',
      controls: ['A.8.13'],
      effectiveDate: day(-6),
      notes: 'Quarterly restore test of the nightly backup (demo).',
      text: 'Restore test, nightly backup of the customer database (demo)\nRestored 412 GB to the staging host in 3 h 10 min; checksums match; RTO 4 h met.\n',
    },
    {
      fileName: 'privileged-access-review-q3.txt',
      controls: ['A.5.18', 'A.8.2'],
      effectiveDate: day(-12),
      notes: 'Quarterly review of administrator accounts (demo).',
      text: 'Privileged access review, Q3 (demo)\n37 admin accounts reviewed; 3 of leavers removed; 2 shared accounts replaced by named ones.\n',
    },
    {
      fileName: 'internal-audit-report-ia-1.txt',
      controls: ['9.2'],
      effectiveDate: day(-20),
      notes: 'Report of internal audit IA-1 (demo).',
      text: 'Internal audit IA-1, IT operations (demo)\nScope: backups, privileged access, patching. One minor nonconformity: F-1.\n',
    },
    {
      fileName: 'management-review-minutes-mr-1.txt',
      controls: ['9.3'],
      effectiveDate: day(-10),
      notes: 'Minutes of management review MR-1 (demo).',
      text: 'Management review MR-1 (demo)\nAttendees: Managing Director, Head of IT Operations, ISMS manager. All clause 9.3.2 inputs covered.\n',
    },
  ];
}

/**
 * Ten risks of an IT-operations team on the default criteria (1–5 scales, likelihood × impact, acceptance
 * above 9): each with its treating Annex A controls; two residual risks accepted by their owners.
 */
export function exampleRisks() {
  const base = {
    asset: '',
    threat: '',
    vulnerability: '',
    consequence: '',
    treatment: 'modify',
    acceptance: null,
    nextReview: day(180),
    status: 'in-treatment',
    notes: '',
    updatedAt: new Date().toISOString(),
  };
  const risk = (fields) => ({ ...base, ...fields });
  const accepted = (by) => ({ acceptedBy: by, acceptedAt: day(-15), acceptedUntil: day(350) });
  return [
    risk({
      id: 'R-1',
      title: 'Backups fail silently and cannot be restored',
      asset: 'Customer database and its nightly backup',
      threat: 'Storage failure or ransomware on the primary site',
      vulnerability: 'Backup jobs not monitored; restores rarely tested',
      consequence: 'Customer data lost; days of downtime',
      owner: 'Head of IT Operations',
      likelihood: 3,
      impact: 5,
      controls: ['A.8.13', 'A.5.30'],
      residualLikelihood: 2,
      residualImpact: 4,
    }),
    risk({
      id: 'R-2',
      title: 'Stale privileged accounts of leavers and contractors',
      asset: 'Admin accounts of the cloud consoles and the directory',
      threat: 'Misuse by a former employee or an attacker using a forgotten account',
      vulnerability: 'Leaver process does not reach every console',
      consequence: 'Unauthorised changes and data access',
      owner: 'Identity and access lead',
      likelihood: 4,
      impact: 4,
      controls: ['A.5.18', 'A.8.2', 'A.5.15'],
      residualLikelihood: 2,
      residualImpact: 3,
    }),
    risk({
      id: 'R-3',
      title: 'Servers left unpatched',
      asset: 'Linux and Windows servers of the production network',
      threat: 'Exploitation of a published vulnerability',
      vulnerability: 'Patching is manual and falls behind',
      consequence: 'Compromise of production servers',
      owner: 'Infrastructure team lead',
      likelihood: 4,
      impact: 4,
      controls: ['A.8.8', 'A.8.9'],
      residualLikelihood: 2,
      residualImpact: 4,
    }),
    risk({
      id: 'R-4',
      title: 'Phishing steals an administrator’s credentials',
      asset: 'Administrator mailboxes and sessions',
      threat: 'Targeted phishing',
      vulnerability: 'Password-only sign-in on some consoles',
      consequence: 'Account takeover',
      owner: 'ISMS manager',
      likelihood: 4,
      impact: 3,
      controls: ['A.6.3', 'A.8.5'],
      residualLikelihood: 2,
      residualImpact: 3,
    }),
    risk({
      id: 'R-5',
      title: 'Outage of the cloud hosting supplier',
      asset: 'Customer-facing services hosted by one provider',
      threat: 'Regional outage at the supplier',
      vulnerability: 'Single region, no tested failover',
      consequence: 'Service unavailable beyond the agreed hours',
      owner: 'Head of IT Operations',
      likelihood: 2,
      impact: 4,
      treatment: 'share',
      controls: ['A.5.19', 'A.5.22', 'A.5.30'],
      residualLikelihood: 2,
      residualImpact: 3,
      acceptance: accepted('Managing Director'),
      status: 'monitored',
    }),
    risk({
      id: 'R-6',
      title: 'Ransomware on the file servers',
      asset: 'Shared file servers',
      threat: 'Ransomware delivered by e-mail or a compromised laptop',
      vulnerability: 'Broad write access to shares',
      consequence: 'Files encrypted; restore from backup needed',
      owner: 'Infrastructure team lead',
      likelihood: 3,
      impact: 5,
      controls: ['A.8.7', 'A.8.13'],
      residualLikelihood: 2,
      residualImpact: 4,
    }),
    risk({
      id: 'R-7',
      title: 'Too little logging to investigate an incident',
      asset: 'Logs of the consoles and servers',
      threat: 'An incident that cannot be reconstructed',
      vulnerability: 'Short log retention; no central collection',
      consequence: 'Incident scope unknown; late notification',
      owner: 'Security operations lead',
      likelihood: 3,
      impact: 3,
      controls: ['A.8.15', 'A.8.16'],
      residualLikelihood: 2,
      residualImpact: 3,
    }),
    risk({
      id: 'R-8',
      title: 'Unreviewed firewall change opens the internal network',
      asset: 'Perimeter firewalls',
      threat: 'A mistaken or malicious rule change',
      vulnerability: 'Changes made without a second pair of eyes',
      consequence: 'Internal services exposed to the internet',
      owner: 'Network lead',
      likelihood: 2,
      impact: 4,
      controls: ['A.8.32', 'A.8.20'],
      residualLikelihood: 1,
      residualImpact: 4,
    }),
    risk({
      id: 'R-9',
      title: 'Monitoring tool past its vendor support',
      asset: 'Infrastructure monitoring server',
      threat: 'Unpatched flaw in unsupported software',
      vulnerability: 'Vendor support ended; replacement budgeted next year',
      consequence: 'Monitoring blind spot; foothold for an attacker',
      owner: 'Head of IT Operations',
      likelihood: 2,
      impact: 5,
      treatment: 'retain',
      controls: [],
      residualLikelihood: 2,
      residualImpact: 5,
      acceptance: accepted('Managing Director'),
      status: 'monitored',
      notes: 'Retained until the replacement next year; isolated in the management network.',
    }),
    risk({
      id: 'R-10',
      title: 'Theft of an administrator’s laptop',
      asset: 'Administrator laptops',
      threat: 'Theft while travelling',
      vulnerability: 'Cached credentials and local copies of configuration',
      consequence: 'Disclosure of credentials and configuration',
      owner: 'IT service desk lead',
      likelihood: 3,
      impact: 3,
      controls: ['A.8.1', 'A.8.24'],
      residualLikelihood: 1,
      residualImpact: 3,
      status: 'monitored',
    }),
  ];
}

/** SoA rows of the treating controls with their other reasons: a law, a contract, a decision. */
export function exampleControlStates() {
  const other = {
    'A.8.13': [{ kind: 'legal', reference: 'GDPR Art. 32(1)(c): restore availability in a timely manner' }],
    'A.5.19': [{ kind: 'contractual', reference: 'Customer master services agreement §12' }],
    'A.8.15': [{ kind: 'regulatory', reference: 'NIS2 Art. 21(2)(b) incident handling' }],
    'A.8.24': [{ kind: 'business', reference: 'IT steering decision 2025-03: full-disk encryption' }],
  };
  const controls = [...new Set(exampleRisks().flatMap((risk) => risk.controls))].sort();
  return controls.map((controlId) => {
    const risks = exampleRisks().filter((risk) => risk.controls.includes(controlId));
    const reasons = other[controlId] ?? [];
    const justification = [
      `Treats ${risks.map((risk) => risk.id).join(', ')}.`,
      ...reasons.map((reason) => `Required by ${reason.reference}.`),
    ].join(' ');
    return {
      controlId,
      applicable: true,
      justification,
      implementation: controlId === 'A.8.16' ? 'partial' : 'implemented',
      owner: risks[0].owner,
      cadenceDays: null,
      notes: '',
      reasons,
    };
  });
}

/** The finding IA-1 raised, one internal audit and one management review, linked to the documents. */
export function exampleRecords(evidenceIds) {
  const finding = {
    id: 'F-1',
    grade: 'minor',
    source: 'internal-audit',
    controls: ['A.8.8'],
    description: 'Two production servers were 60 days behind on security patches.',
    rootCause: 'Patching depends on one person’s calendar.',
    correctiveAction: 'Automated patch window with a weekly report.',
    dueDate: day(40),
    status: 'in-progress',
    evidenceIds: [],
  };
  const audit = {
    id: 'IA-1',
    title: 'IT operations: backups, privileged access and patching',
    scope: 'IT operations: A.5.15–A.5.18, A.8.2, A.8.8, A.8.13',
    criteria: 'ISO/IEC 27001:2022 clauses 4–10; backup and access control policies',
    auditor: 'Group internal audit (demo)',
    auditorIndependent: true,
    independenceNote: 'Group internal audit reports to the board, outside IT operations',
    plannedDate: day(-25),
    completedDate: day(-20),
    status: 'completed',
    reportEvidenceId: evidenceIds['internal-audit-report-ia-1.txt'],
    findingIds: ['F-1'],
    notes: '',
  };
  const review = {
    id: 'MR-1',
    meetingDate: day(-10),
    status: 'held',
    attendees: ['Managing Director', 'Head of IT Operations', 'ISMS manager'],
    topManagementPresent: true,
    coveredInputs: [
      'previous-actions',
      'issues',
      'interested-party-needs',
      'nonconformities',
      'monitoring-results',
      'audit-results',
      'objectives',
      'interested-party-feedback',
      'risk-assessment',
      'improvement',
    ],
    decisions: 'Keep the ISMS scope; fund a failover region for the customer services (R-5).',
    actions: [
      {
        description: 'Quote a failover region',
        owner: 'Head of IT Operations',
        dueDate: day(45),
        status: 'open',
      },
    ],
    minutesEvidenceId: evidenceIds['management-review-minutes-mr-1.txt'],
    notes: '',
  };
  return { finding, audit, review };
}

/** @param {import('../tests/e2e/chromium.mjs').LaunchedExtension} extension */
export async function seedDemo(extension) {
  const page = await openBackgroundPage(
    extension,
    `chrome-extension://${extension.extensionId}/dashboard.html?seed`,
  );
  try {
    /* eslint-disable no-undef -- runs in the extension page, where chrome, URL and Blob are defined */
    const send = (type, payload) =>
      page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ type, payload }), [type, payload]);
    const check = (reply, what) => {
      if (!reply?.ok) throw new Error(`Seeding the demo failed (${what}): ${reply?.error}`);
      return reply.value;
    };
    check(await send('saveSettings', { capturer: 'Demo Admin', organisation: 'Northwind Demo' }), 'settings');
    check(await send('saveAuditPlan', exampleAuditPlan()), 'audit plan');
    for (const risk of exampleRisks()) check(await send('saveRisk', { risk }), risk.id);
    for (const state of exampleControlStates()) check(await send('saveControlState', state), state.controlId);
    const evidenceIds = {};
    for (const { text, ...document } of exampleDocuments()) {
      const reply = await page.evaluate(
        async ([text, document]) => {
          const blobUrl = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
          try {
            const payload = { ...document, blobUrl, lastModified: Date.now() };
            return await chrome.runtime.sendMessage({ type: 'addFileEvidence', payload });
          } finally {
            URL.revokeObjectURL(blobUrl);
          }
        },
        [text, document],
      );
      evidenceIds[document.fileName] = check(reply, document.fileName).id;
    }
    /* eslint-enable no-undef */
    const { finding, audit, review } = exampleRecords(evidenceIds);
    check(await send('saveFinding', finding), finding.id);
    check(await send('saveInternalAudit', audit), audit.id);
    check(await send('saveManagementReview', review), review.id);
  } finally {
    await page.close();
  }
}
