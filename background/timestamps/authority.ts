import { hasOriginPermission } from '@/platform/origin-permission';
import {
  hexToBytes,
  nonceFrom,
  timestampRequest,
  verifyTimestampReply,
  type TimestampFacts,
} from '@/utils/timestamp';
import { sha256Hex } from '@/utils/integrity/sha256';
import { timestampText } from '@/utils/text';

const t = timestampText.problem;
const REQUEST_TIMEOUT_MS = 20_000;

export type AuthorityAnswer =
  { ok: true; reply: Uint8Array; facts: TimestampFacts } | { ok: false; problem: string };

/**
 * Asks the authority to stamp these bytes' SHA-256 (only the hash leaves the machine) and checks the reply: the
 * imprint, the nonce just sent, the signature, and the chain when the organisation trusts certificates for it.
 * Never asks when the browser does not grant the authority's origin: the default install makes no requests.
 */
export async function askAuthority(
  url: string,
  data: Uint8Array,
  trustedPem: string,
): Promise<AuthorityAnswer> {
  if (!(await hasOriginPermission(url))) return { ok: false, problem: t.permission };
  const nonce = nonceFrom(crypto.getRandomValues(new Uint8Array(8)));
  const request = timestampRequest(hexToBytes(await sha256Hex(data)), nonce);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: request as Uint8Array<ArrayBuffer>,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    return { ok: false, problem: t.network(error instanceof Error ? error.message : String(error)) };
  }
  if (!response.ok) return { ok: false, problem: t.http(response.status) };
  const reply = new Uint8Array(await response.arrayBuffer());
  const check = await verifyTimestampReply(reply, { data, nonce, trustedPem: trustedPem || undefined });
  return check.ok ? { ok: true, reply, facts: check.facts } : { ok: false, problem: check.problem };
}
