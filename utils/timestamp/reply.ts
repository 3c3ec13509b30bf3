/**
 * RFC 3161 replies, parsed and verified with pkijs: the token must stamp the hash that was sent (SHA-256), answer
 * this request's nonce, carry a signature that verifies with a certificate for time-stamping, and — when trusted
 * certificates are given — chain to one of them. A reply that fails any check is never stored as a token.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toHex } from '../signing/fingerprint';
import { timestampText } from '../text';
import { certificateToPem, certificatesFromPem, subjectName } from './certificates';
import { SHA256_OID } from './request';

const t = timestampText.problem;
const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
const EXTENDED_KEY_USAGE = '2.5.29.37';

/** What a verified token says. */
export interface TimestampFacts {
  /** The authority's time, ISO 8601 UTC. */
  genTime: string;
  /** Hex, as `openssl ts -reply -text` prints it. */
  serialNumber: string;
  policy: string;
  /** The signing certificate's common name. */
  signer: string;
  /** Every certificate the token carries, PEM: the chain an auditor is handed (and must not trust by itself). */
  certificatesPem: string[];
  /** True when the chain was checked against certificates the organisation trusts. */
  chainChecked: boolean;
}

export type TimestampCheck = { ok: true; facts: TimestampFacts } | { ok: false; problem: string };

export interface TimestampExpectation {
  /** The bytes that were stamped: their SHA-256 must be the token's imprint. */
  data: Uint8Array;
  /** The nonce sent with the request; left out on import, where the request is long gone. */
  nonce?: Uint8Array | undefined;
  /** PEM certificates to build the chain to; when absent, only the signature is checked. */
  trustedPem?: string | undefined;
}

interface ParsedReply {
  reply: pkijs.TimeStampResp;
  signed: pkijs.SignedData;
  info: pkijs.TSTInfo;
}

function parse(der: Uint8Array): ParsedReply | { problem: string } {
  let reply: pkijs.TimeStampResp;
  try {
    const asn1 = asn1js.fromBER(Uint8Array.from(der));
    if (asn1.offset === -1 || asn1.offset !== der.length) return { problem: t.malformed };
    reply = new pkijs.TimeStampResp({ schema: asn1.result });
  } catch {
    return { problem: t.malformed };
  }
  const status = reply.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const text = reply.status.statusStrings?.map((value) => value.valueBlock.value).join(' ') ?? '';
    return { problem: t.refused(status, text) };
  }
  if (!reply.timeStampToken || reply.timeStampToken.contentType !== pkijs.ContentInfo.SIGNED_DATA)
    return { problem: t.noToken };
  try {
    const signed = new pkijs.SignedData({ schema: reply.timeStampToken.content });
    const content = signed.encapContentInfo;
    if (content.eContentType !== pkijs.id_eContentType_TSTInfo || !content.eContent)
      return { problem: t.noToken };
    const info = pkijs.TSTInfo.fromBER(content.eContent.getValue());
    return { reply, signed, info };
  } catch {
    return { problem: t.malformed };
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

function signerCertificate(signed: pkijs.SignedData): pkijs.Certificate | undefined {
  const sid = signed.signerInfos[0]?.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber)) return undefined;
  return signed.certificates?.find(
    (certificate): certificate is pkijs.Certificate =>
      certificate instanceof pkijs.Certificate &&
      certificate.issuer.isEqual(sid.issuer) &&
      certificate.serialNumber.isEqual(sid.serialNumber),
  );
}

function isForTimeStamping(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((item) => item.extnID === EXTENDED_KEY_USAGE);
  const usage = extension?.parsedValue as pkijs.ExtKeyUsage | undefined;
  return Boolean(extension?.critical && usage?.keyPurposes.includes(TIME_STAMPING));
}

async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(data)));
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error && 'message' in error) return String(error.message);
  return String(error);
}

/** Checks one DER TimeStampResp against what was asked; never throws. */
export async function verifyTimestampReply(
  der: Uint8Array,
  expected: TimestampExpectation,
): Promise<TimestampCheck> {
  const parsed = parse(der);
  if ('problem' in parsed) return { ok: false, problem: parsed.problem };
  const { signed, info } = parsed;
  if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID)
    return { ok: false, problem: t.wrongAlgorithm };
  const imprint = new Uint8Array(info.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (!sameBytes(imprint, await sha256(expected.data))) return { ok: false, problem: t.wrongImprint };
  if (expected.nonce) {
    const nonce = info.nonce ? new Uint8Array(info.nonce.valueBlock.valueHexView) : new Uint8Array();
    if (!sameBytes(nonce, expected.nonce)) return { ok: false, problem: t.wrongNonce };
  }
  const signer = signerCertificate(signed);
  if (!signer) return { ok: false, problem: t.badSignature('no signing certificate in the token') };
  if (!isForTimeStamping(signer)) return { ok: false, problem: t.notTimestamping };
  const trusted = expected.trustedPem ? certificatesFromPem(expected.trustedPem) : [];
  const chainChecked = trusted.length > 0;
  try {
    const result = await signed.verify({
      signer: 0,
      data: Uint8Array.from(expected.data).buffer,
      checkChain: chainChecked,
      trustedCerts: trusted,
      extendedMode: true,
    });
    if (!result.signatureVerified) return { ok: false, problem: t.badSignature(result.message) };
  } catch (error) {
    const code = typeof error === 'object' && error && 'code' in error ? error.code : undefined;
    return {
      ok: false,
      problem: code === 5 ? t.untrusted(errorText(error)) : t.badSignature(errorText(error)),
    };
  }
  const certificatesPem = (signed.certificates ?? [])
    .filter((certificate): certificate is pkijs.Certificate => certificate instanceof pkijs.Certificate)
    .map(certificateToPem);
  return {
    ok: true,
    facts: {
      genTime: info.genTime.toISOString(),
      serialNumber: toHex(new Uint8Array(info.serialNumber.valueBlock.valueHexView)),
      policy: info.policy,
      signer: subjectName(signer),
      certificatesPem,
      chainChecked,
    },
  };
}
