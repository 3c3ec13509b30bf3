import { describe, expect, it } from 'vitest';
import {
  BAGIT_TXT,
  bagInfoTxt,
  manifestText,
  parseBagInfoFields,
  parseBagitTxt,
  parseManifest,
  parsePayloadOxum,
} from './bagit';

const HASH = 'a'.repeat(64);

describe('BagIt tag files', () => {
  it('writes bagit.txt exactly as RFC 8493 shows it', () => {
    expect(BAGIT_TXT).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expect(parseBagitTxt(BAGIT_TXT)).toEqual([]);
    expect(parseBagitTxt('BagIt-Version: 1.0\r\nTag-File-Character-Encoding: UTF-8\r\n')).toEqual([]);
    expect(parseBagitTxt('BagIt-Version: 1.0\n')).toEqual([
      'bagit.txt: the second line must be "Tag-File-Character-Encoding: UTF-8".',
    ]);
  });

  it('writes bag-info values on one line each and reads folded ones back', () => {
    const text = bagInfoTxt({
      sourceOrganization: 'Acme\nGmbH',
      baggingDate: '2025-04-02',
      payloadOctets: 1234,
      payloadStreams: 5,
      externalDescription: 'Audit window: 2025-01-01 to 2025-03-31.',
      bagSoftwareAgent: 'ISMS Evidence Collector 0.1.0',
      externalIdentifier: 'isms-evidence_acme_2025-04-02',
    });
    expect(text).toContain('Source-Organization: Acme GmbH\n');
    expect(text).toContain('Payload-Oxum: 1234.5\n');
    expect(parseBagInfoFields(`${text}  continued\n`).fields.at(-1)).toEqual([
      'Bag-Software-Agent',
      'ISMS Evidence Collector 0.1.0 continued',
    ]);
    expect(parseBagInfoFields('no colon here\n').problems).toEqual([
      'bag-info.txt, line 1: not "<label>: <value>".',
    ]);
  });

  it('parses Payload-Oxum', () => {
    expect(parsePayloadOxum('1234.5')).toEqual({ octets: 1234, streams: 5 });
    expect(parsePayloadOxum('12.5.1')).toBeNull();
  });

  it('writes sha256sum lines sorted by path and reads them back', () => {
    const text = manifestText([
      { path: 'data/b.txt', sha256: HASH },
      { path: 'data/a b.txt', sha256: HASH },
    ]);
    expect(text).toBe(`${HASH}  data/a b.txt\n${HASH}  data/b.txt\n`);
    expect(parseManifest(text, 'manifest-sha256.txt')).toEqual({
      entries: [
        { path: 'data/a b.txt', sha256: HASH },
        { path: 'data/b.txt', sha256: HASH },
      ],
      problems: [],
    });
  });

  it('reports malformed and repeated manifest lines by line number', () => {
    const { problems } = parseManifest(
      `${HASH}  data/a\nnot a line\n${HASH}  data/a\n`,
      'manifest-sha256.txt',
    );
    expect(problems).toEqual([
      'manifest-sha256.txt, line 2: not "<sha256>  <path>".',
      'manifest-sha256.txt, line 3: data/a is listed twice.',
    ]);
  });

  it('decodes the percent-encoding BagIt uses for line breaks and %', () => {
    expect(parseManifest(`${HASH}  data/100%25%0Ax\n`, 'm').entries[0]!.path).toBe('data/100%\nx');
  });
});
