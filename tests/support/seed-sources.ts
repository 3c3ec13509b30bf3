/** Synthetic admin-console pages, people and words for seedEvidence: realistic enough to search. */

export interface SeedSource {
  title: string;
  host: string;
  path: string;
  controls: string[];
  vocabulary: string[];
}

export const SOURCES: SeedSource[] = [
  {
    title: 'Users — Google Admin',
    host: 'admin.google.com',
    path: '/ac/users',
    controls: ['A.5.15', 'A.5.18', 'A.8.2'],
    vocabulary: [
      'user',
      'suspended',
      'admin',
      'role',
      'organisational',
      'unit',
      'last',
      'sign',
      'in',
      '2sv',
      'enforced',
    ],
  },
  {
    title: 'Conditional Access policies — Microsoft Entra',
    host: 'entra.microsoft.com',
    path: '/#view/Microsoft_AAD_ConditionalAccess',
    controls: ['A.5.15', 'A.8.5'],
    vocabulary: [
      'policy',
      'grant',
      'mfa',
      'require',
      'device',
      'compliant',
      'block',
      'legacy',
      'authentication',
      'report',
      'only',
    ],
  },
  {
    title: 'IAM users — AWS console',
    host: 'console.aws.amazon.com',
    path: '/iam/home#/users',
    controls: ['A.5.16', 'A.5.18', 'A.8.2'],
    vocabulary: [
      'access',
      'key',
      'age',
      'days',
      'console',
      'password',
      'mfa',
      'group',
      'policy',
      'attached',
      'administratoraccess',
    ],
  },
  {
    title: 'Backup jobs — Veeam Backup & Replication',
    host: 'veeam.internal.example',
    path: '/jobs',
    controls: ['A.8.13'],
    vocabulary: [
      'job',
      'success',
      'warning',
      'failed',
      'restore',
      'point',
      'retention',
      'repository',
      'immutable',
      'copy',
      'offsite',
    ],
  },
  {
    title: 'Restore test report — Veeam SureBackup',
    host: 'veeam.internal.example',
    path: '/surebackup',
    controls: ['A.8.13', 'A.5.30'],
    vocabulary: [
      'surebackup',
      'verified',
      'boot',
      'heartbeat',
      'ping',
      'application',
      'test',
      'passed',
      'lab',
      'virtual',
    ],
  },
  {
    title: 'Branch protection rules — GitHub',
    host: 'github.com',
    path: '/acme/platform/settings/branches',
    controls: ['A.8.4', 'A.8.32'],
    vocabulary: [
      'branch',
      'protection',
      'require',
      'pull',
      'request',
      'reviews',
      'status',
      'checks',
      'signed',
      'commits',
      'main',
    ],
  },
  {
    title: 'Change requests — Jira Service Management',
    host: 'acme.atlassian.net',
    path: '/jira/servicedesk/projects/CHG',
    controls: ['A.8.32', 'A.5.37'],
    vocabulary: [
      'change',
      'approved',
      'cab',
      'implemented',
      'rollback',
      'plan',
      'risk',
      'low',
      'medium',
      'emergency',
    ],
  },
  {
    title: 'Security incidents — Jira Service Management',
    host: 'acme.atlassian.net',
    path: '/jira/servicedesk/projects/SEC',
    controls: ['A.5.24', 'A.5.25', 'A.5.26'],
    vocabulary: [
      'incident',
      'phishing',
      'triage',
      'severity',
      'resolved',
      'lessons',
      'learned',
      'containment',
      'reported',
    ],
  },
  {
    title: 'Security awareness training completions — KnowBe4',
    host: 'training.knowbe4.com',
    path: '/reports/training',
    controls: ['A.6.3'],
    vocabulary: [
      'training',
      'campaign',
      'completed',
      'overdue',
      'enrolled',
      'phishing',
      'simulation',
      'score',
      'module',
    ],
  },
  {
    title: 'Vulnerability report — Microsoft Defender',
    host: 'security.microsoft.com',
    path: '/vulnerabilities',
    controls: ['A.8.8', 'A.8.7'],
    vocabulary: [
      'cve',
      'exposure',
      'critical',
      'high',
      'remediation',
      'patch',
      'devices',
      'exploit',
      'available',
      'score',
    ],
  },
  {
    title: 'Supplier review — Vendor register',
    host: 'grc.example.com',
    path: '/suppliers/review',
    controls: ['A.5.19', 'A.5.20', 'A.5.22'],
    vocabulary: [
      'supplier',
      'review',
      'soc',
      'report',
      'contract',
      'dpa',
      'critical',
      'renewal',
      'assessment',
    ],
  },
  {
    title: 'Audit log — Google Workspace',
    host: 'admin.google.com',
    path: '/ac/reporting/audit',
    controls: ['A.8.15', 'A.8.16'],
    vocabulary: [
      'event',
      'login',
      'audit',
      'ip',
      'address',
      'actor',
      'drive',
      'shared',
      'externally',
      'alert',
    ],
  },
];

export const CAPTURERS = ['Alice Schmidt', 'Bob Jones', 'Chen Wei', 'Dana Okafor', 'Emil Novak'];
export const COMMON =
  'the and for with status date name owner total page filter export search results showing of rows per updated by last next previous settings help'.split(
    ' ',
  );
export const PEOPLE =
  'anna ben carla david eva farid greta hiro ines jonas kira lars maria nils olga paul quinn rosa sven tara'.split(
    ' ',
  );
// A 1×1 transparent PNG: enough for a thumbnail placeholder.
export const TINY_PNG = Uint8Array.from(
  atobBytes('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='),
);

function atobBytes(base64: string): number[] {
  const binary = atob(base64);
  return Array.from(binary, (char) => char.charCodeAt(0));
}
