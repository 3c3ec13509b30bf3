/** RFC 3161 requests, built with pkijs: a SHA-256 imprint, a fresh nonce, and the TSA's certificate asked for. */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const SHA256_OID = '2.16.840.1.101.3.4.2.1';

/**
 * A nonce of eight random bytes, made a positive INTEGER of minimal encoding (top bit clear, first byte not
 * zero), so the TSA's copy compares byte for byte.
 */
export function nonceFrom(random: Uint8Array): Uint8Array {
  const nonce = Uint8Array.from(random.subarray(0, 8));
  if (nonce.length !== 8) throw new RangeError('A nonce needs eight random bytes.');
  nonce[0] = (nonce[0]! & 0x7f) | 0x40;
  return nonce;
}

/** The DER TimeStampReq for one SHA-256 digest (32 bytes) with `certReq` set, so the reply names its signer. */
export function timestampRequest(sha256: Uint8Array, nonce: Uint8Array): Uint8Array {
  if (sha256.length !== 32) throw new RangeError('A SHA-256 digest is 32 bytes.');
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: SHA256_OID,
        algorithmParams: new asn1js.Null(),
      }),
      hashedMessage: new asn1js.OctetString({ valueHex: Uint8Array.from(sha256) }),
    }),
    nonce: new asn1js.Integer({ valueHex: Uint8Array.from(nonce) }),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER(false));
}
