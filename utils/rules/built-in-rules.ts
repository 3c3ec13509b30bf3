import type { MappingRule } from '../isms/types';

/**
 * Default suggestions, drawn from the operational evidence map. Keyword patterns list `|`-separated
 * words or phrases matched as whole words (plurals included); URL patterns are `*` globs matched
 * anywhere in the URL. Deliberately specific phrases where a bare word ('network', 'training',
 * 'device') would tag most admin pages.
 */
const KEYWORD_RULES: [id: string, pattern: string, controls: string[]][] = [
  ['backup', 'backup|restore|restore test|job history|backup job|snapshot', ['A.8.13']],
  [
    'access-review',
    'access review|access certification|access recertification|user access review',
    ['A.5.18'],
  ],
  ['access-rights', 'member|role|permission|entitlement|group membership', ['A.5.18']],
  [
    'privileged-access',
    'privileged access|privileged account|privileged identity|privileged role|super admin|admin role|global administrator|org owner',
    ['A.8.2'],
  ],
  ['access-rules', 'conditional access|access policy|access control policy', ['A.5.15']],
  [
    'identity-lifecycle',
    'user provisioning|account provisioning|deprovisioning|scim|joiner|leaver',
    ['A.5.16'],
  ],
  [
    'authentication',
    'mfa|2fa|2sv|2-step verification|two-step verification|multi-factor|two-factor|authentication|sso|single sign-on|password policy',
    ['A.5.17', 'A.8.5'],
  ],
  ['incident', 'incident', ['A.5.25', 'A.5.26']],
  [
    'incident-planning',
    'incident response plan|incident management plan|incident response procedure|incident playbook|runbook',
    ['A.5.24'],
  ],
  ['incident-learning', 'post-incident review|postmortem|post-mortem|lessons learned', ['A.5.27']],
  ['forensics', 'forensic|chain of custody|legal hold', ['A.5.28']],
  ['change', 'change|change request|deployment|pull request|merge request', ['A.8.32']],
  [
    'secure-development',
    'branch protection|code review|code scanning|sast|secret scanning',
    ['A.8.25', 'A.8.28', 'A.8.29'],
  ],
  ['audit-log', 'audit log|activity log|cloudtrail|unified audit log|sign-in log|log retention', ['A.8.15']],
  ['logging', 'logging', ['A.8.15', 'A.8.16']],
  ['monitoring', 'monitoring|alert|siem|guardduty|security alert', ['A.8.16']],
  ['training', 'training completion|awareness training|security awareness|phishing simulation', ['A.6.3']],
  ['vulnerability', 'vulnerability|cve|dependabot|vulnerability scan', ['A.8.8']],
  ['malware', 'malware|anti-malware|antivirus|endpoint protection|edr', ['A.8.7']],
  [
    'endpoint-compliance',
    'device compliance|compliance policy|mdm|intune|jamf|kandji|screen lock',
    ['A.8.1'],
  ],
  ['asset-inventory', 'asset inventory|device inventory|asset register|cmdb', ['A.5.9']],
  ['asset-return', 'asset return|returned asset|device return', ['A.5.11']],
  [
    'configuration',
    'configuration baseline|config rule|configuration profile|cis benchmark|configuration drift',
    ['A.8.9'],
  ],
  ['redundancy', 'high availability|multi-az|redundancy|availability set|replication', ['A.8.14']],
  ['time-sync', 'ntp|time sync|time synchronization|time synchronisation', ['A.8.17']],
  ['network', 'firewall|security group|network acl|nacl|nsg|network security|network rule', ['A.8.20']],
  ['web-filter', 'web filter|web filtering|url filtering|dns filtering', ['A.8.23']],
  [
    'encryption',
    'encryption|encrypted|kms|key vault|key management|customer-managed key|key rotation|tls',
    ['A.8.24'],
  ],
  ['environments', 'environment separation|production environment|staging environment', ['A.8.31']],
  ['supplier', 'supplier|vendor|third party|third-party|tprm|supplier register', ['A.5.19']],
  [
    'supplier-agreement',
    'supplier agreement|supplier contract|data processing agreement|dpa|security schedule',
    ['A.5.20'],
  ],
  ['supply-chain', 'ict supply chain|software supply chain|sbom|software bill of materials', ['A.5.21']],
  [
    'supplier-review',
    'supplier review|vendor review|supplier assessment|vendor assessment|security questionnaire|questionnaire|soc 2|soc 2 report',
    ['A.5.22'],
  ],
  ['cloud-security', 'secure score|security hub|security health|cloud security posture|cspm', ['A.5.23']],
  ['continuity', 'business continuity|continuity plan|crisis management', ['A.5.29', 'A.5.30']],
  [
    'disaster-recovery',
    'disaster recovery|dr test|failover test|recovery time objective|recovery point objective|rto|rpo',
    ['A.5.30'],
  ],
  ['compliance-review', 'internal audit|compliance review|audit report', ['A.5.35', 'A.5.36']],
  ['background-check', 'background check|background screening|pre-employment screening', ['A.6.1']],
  ['onboarding', 'onboarding|new starter|new hire|pre-employment', ['A.6.1', 'A.6.2']],
  [
    'employment-terms',
    'employment contract|terms of employment|terms and conditions of employment|confidentiality clause',
    ['A.6.2'],
  ],
  ['offboarding', 'offboarding|employee termination|deactivated user|suspended user', ['A.6.5', 'A.5.11']],
  ['event-reporting', 'phishing report|reported phishing|report phishing|security event report', ['A.6.8']],
  [
    'physical-access',
    'badge access|badge reader|door access|visitor log|cctv|video surveillance',
    ['A.7.2', 'A.7.4'],
  ],
  ['disposal', 'disposal|device wipe|data destruction|certificate of destruction|itad', ['A.7.14']],
];

const URL_RULES: [id: string, pattern: string, controls: string[]][] = [
  ['aws-backup', 'console.aws.amazon.com/backup', ['A.8.13']],
  ['aws-cloudtrail', 'console.aws.amazon.com/cloudtrail', ['A.8.15']],
  ['aws-guardduty', 'console.aws.amazon.com/guardduty', ['A.8.16']],
  ['aws-iam', 'console.aws.amazon.com/iam', ['A.5.15', 'A.5.18', 'A.8.2']],
  ['aws-kms', 'console.aws.amazon.com/kms', ['A.8.24']],
  ['aws-inspector', 'console.aws.amazon.com/inspector', ['A.8.8']],
  ['aws-security-hub', 'console.aws.amazon.com/securityhub', ['A.5.23']],
  ['aws-config', 'console.aws.amazon.com/config', ['A.8.9']],
  ['github-people', 'github.com/orgs/*/people', ['A.5.18']],
  ['github-pull-request', 'github.com/*/pull/', ['A.8.32']],
  ['github-branch-protection', 'github.com/*/settings/branch', ['A.8.25', 'A.8.28', 'A.8.29']],
  ['github-dependabot', 'github.com/*/security/dependabot', ['A.8.8']],
  ['google-users', 'admin.google.com/ac/users', ['A.5.16']],
  ['google-2sv', 'admin.google.com/ac/security/2sv', ['A.5.17', 'A.8.5']],
  ['google-audit', 'admin.google.com/ac/reporting', ['A.8.15']],
  ['entra-conditional-access', 'conditionalaccess', ['A.5.15']],
  ['entra-access-reviews', 'accessreviews', ['A.5.18', 'A.8.2']],
  ['microsoft-secure-score', 'security.microsoft.com/securescore', ['A.5.23']],
  ['pagerduty-incidents', 'pagerduty.com/incidents', ['A.5.24', 'A.5.25', 'A.5.26']],
  ['knowbe4', 'knowbe4.com', ['A.6.3']],
];

export const BUILT_IN_RULES: MappingRule[] = [
  ...KEYWORD_RULES.map(([id, pattern, controls]) => builtIn(`keyword-${id}`, 'keyword', pattern, controls)),
  ...URL_RULES.map(([id, pattern, controls]) => builtIn(`url-${id}`, 'url', pattern, controls)),
];

function builtIn(id: string, kind: MappingRule['kind'], pattern: string, controls: string[]): MappingRule {
  return { id: `builtin-${id}`, kind, pattern, controls, enabled: true, builtIn: true };
}
