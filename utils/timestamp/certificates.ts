/** X.509 certificates as PEM text and back, for the TSA chain an auditor is handed and an organisation pins. */
import * as pkijs from 'pkijs';
import { fromBase64, toBase64 } from '../signing/pem';

export function certificateToPem(certificate: pkijs.Certificate): string {
  const der = new Uint8Array(certificate.toSchema().toBER(false));
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Every certificate in a PEM text; a block that is not a certificate is skipped. */
export function certificatesFromPem(pem: string): pkijs.Certificate[] {
  const certificates: pkijs.Certificate[] = [];
  for (const match of pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) {
    try {
      certificates.push(pkijs.Certificate.fromBER(Uint8Array.from(fromBase64(match[1]!.replace(/\s/g, '')))));
    } catch {
      // not a certificate: nothing to trust
    }
  }
  return certificates;
}

/** The subject's common name (or the whole subject when it has none), for people to read. */
export function subjectName(certificate: pkijs.Certificate): string {
  const parts = certificate.subject.typesAndValues.map((part) => ({
    type: part.type,
    value: String(part.value.valueBlock.value),
  }));
  return parts.find((part) => part.type === '2.5.4.3')?.value ?? parts.map((part) => part.value).join(', ');
}
