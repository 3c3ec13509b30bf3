/**
 * `data/VERIFY.txt`: how an auditor checks the bag with nothing but the tools of their computer. One guide per
 * platform (Linux, macOS, Windows), each a list of numbered steps: the hashes, the signature, the trusted time
 * stamps, the custody chain. A feature that adds a check adds one step here and its words in
 * utils/text/en/verify-guide.ts.
 */
import { verifyGuideText as t, type GuidePlatform } from '../text';

/** Commands per platform for one step; each line is pasted as is (`#` lines are comments). */
export type PlatformCommands = Readonly<Record<GuidePlatform, readonly string[]>>;

export interface VerifyStep {
  /** What the step proves, one line (it is numbered in the guide). */
  title: string;
  commands: PlatformCommands;
}

export interface VerifyGuide {
  bundleName: string;
  /** The bundle's signature; null when it is not signed. */
  signature: { algorithm: string; fingerprint: string } | null;
  /**
   * The trusted time stamps' step (`openssl ts -verify -data … -in … -CAfile …` per platform), and the
   * paragraph that says what they prove; null when the bundle carries none.
   */
  timestamps: { step: VerifyStep; about: string } | null;
  custody: { entries: number; withheld: number };
}

const PLATFORMS: readonly GuidePlatform[] = ['linux', 'macos', 'windows'];

const perPlatform = (commands: (platform: GuidePlatform) => string[]): PlatformCommands => ({
  linux: commands('linux'),
  macos: commands('macos'),
  windows: commands('windows'),
});

/** The steps in the order an auditor runs them. */
export function verifySteps(guide: VerifyGuide): VerifyStep[] {
  const steps: VerifyStep[] = [{ title: t.hashesStep, commands: perPlatform(t.hashes) }];
  const { signature, timestamps } = guide;
  if (signature)
    steps.push({
      title: t.signatureStep,
      commands: perPlatform((platform) => t.signature(platform, signature.algorithm)),
    });
  if (timestamps) steps.push(timestamps.step);
  steps.push({ title: t.custodyStep, commands: perPlatform(t.custody) });
  return steps;
}

function platformSection(platform: GuidePlatform, steps: readonly VerifyStep[]): string {
  const lines = steps.flatMap((step, index) => [
    `# ${index + 1}. ${step.title}`,
    ...step.commands[platform],
    '',
  ]);
  return `${t.heading(platform)}\n${lines.map((line) => (line ? `    ${line}` : '')).join('\n')}`;
}

export function verifyText(guide: VerifyGuide): string {
  const about = [
    guide.signature ? t.signed(guide.signature.algorithm, guide.signature.fingerprint) : t.unsigned,
    guide.timestamps?.about ?? '',
    t.custodyAbout(guide.custody.entries, guide.custody.withheld),
  ].filter(Boolean);
  const steps = verifySteps(guide);
  return [
    t.intro(guide.bundleName),
    ...about,
    '',
    ...PLATFORMS.map((platform) => platformSection(platform, steps)),
    t.validator(guide.bundleName),
    '',
    t.contents,
    '',
  ].join('\n');
}
