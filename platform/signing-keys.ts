import { knownSigningKeys } from '@/storage/signing-keys';
import type { EvidenceDatabase } from '@/storage/db';
import type { SignatureKeys } from '@/utils/bundle/bundle-signature';
import type { PinnedSigningKey } from '@/utils/settings/policy';
import { signingText } from '@/utils/text';
import { readManagedPolicy } from './managed-policy';

/** The signing keys the organisation's policy pins; none without a policy. */
export async function readPinnedSigningKeys(): Promise<PinnedSigningKey[]> {
  return (await readManagedPolicy()).policy.pinnedSigningKeys ?? [];
}

/** The keys an import places a bundle's signer with: this installation's (current and retired), the policy's pins. */
export async function readSignatureKeys(db: EvidenceDatabase): Promise<SignatureKeys> {
  const pinned = await readPinnedSigningKeys();
  const known = await knownSigningKeys(
    db,
    pinned.map((key) => ({ fingerprint: key.fingerprint, label: signingText.pinnedKeyLabel(key.label) })),
    { current: signingText.currentKeyLabel, retired: signingText.retiredKeyLabel },
  );
  return { known, pinned: pinned.map((key) => key.fingerprint) };
}
