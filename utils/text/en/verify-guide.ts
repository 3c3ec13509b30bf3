/**
 * `data/VERIFY.txt`, piece by piece: utils/bundle/verify-text.ts puts the pieces together for one bundle.
 * Commands are exact: an auditor pastes them into a terminal in the bag's folder.
 */

export type GuidePlatform = 'linux' | 'macos' | 'windows';

const platformHeading: Record<GuidePlatform, string> = {
  linux: 'Linux',
  macos: 'macOS (Terminal)',
  windows: 'Windows (PowerShell)',
};

/** The openssl command each platform runs: macOS's own /usr/bin/openssl is LibreSSL, which lacks -rawin. */
const openssl: Record<GuidePlatform, string> = {
  linux: 'openssl',
  macos: '"$(brew --prefix openssl@3)/bin/openssl"',
  windows: '& $openssl',
};

export const verifyGuideText = {
  intro: (bundleName: string) => `HOW TO VERIFY THIS BUNDLE
=========================

This folder is a BagIt 1.0 bag (RFC 8493). manifest-sha256.txt lists the SHA-256 of every file
under data/; tagmanifest-sha256.txt lists the SHA-256 of the tag files, including that manifest.
The lines are in the format of "sha256sum -c", so stock tools check them. Run the commands in the
bag's folder, the one that holds bagit.txt:

    cd ${bundleName}

Every hash line must report OK. A missing file, a changed byte or a renamed file shows as FAILED.`,

  signed: (algorithm: string, fingerprint: string) => `
The bundle is signed (${algorithm}). signature/bag.sig is the signature over tagmanifest-sha256.txt,
which lists manifest-sha256.txt, which lists every file: one check covers every byte. The
signature is made after the tag manifest, so the tag manifest cannot list it; bag-info.txt names
the algorithm and the key's fingerprint, and signature/public-key.pem is the key itself.
The key travels with the bundle: a valid signature proves the bundle is unchanged since that key
signed it. Who holds the key is proven by the fingerprint: compare it with the one the
organisation published (Settings > Bundle signing key in the extension shows it):

    ${fingerprint}

The fingerprint is the SHA-256 of the key's DER bytes; the command below prints the same digits,
in lower case and without spaces.`,

  unsigned: `
This bundle is not signed: its hashes prove that nothing changed after it was bagged, not who
bagged it.`,

  heading: (platform: GuidePlatform) =>
    `${platformHeading[platform]}\n${'-'.repeat(platformHeading[platform].length)}`,

  hashesStep: 'Every file is unchanged:',
  hashes: (platform: GuidePlatform): string[] => {
    if (platform === 'linux')
      return [
        'sha256sum -c manifest-sha256.txt',
        'sha256sum -c tagmanifest-sha256.txt',
        '# No file under data/ may be missing from the manifest (no output = none extra):',
        'diff <(find data -type f | sort) <(cut -c67- manifest-sha256.txt | sort)',
      ];
    if (platform === 'macos')
      return ['shasum -a 256 -c manifest-sha256.txt', 'shasum -a 256 -c tagmanifest-sha256.txt'];
    return [
      "foreach ($manifest in 'manifest-sha256.txt', 'tagmanifest-sha256.txt') {",
      '  Get-Content -Encoding UTF8 $manifest | ForEach-Object {',
      "    $expected, $path = $_ -split '  ', 2",
      '    $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath $path).Hash.ToLower()',
      '    if ($actual -eq $expected) { "OK      $path" } else { "FAILED  $path" }',
      '  }',
      '}',
    ];
  },

  signatureStep: 'The signature over tagmanifest-sha256.txt, and the signing key:',
  /** Ed25519 is verified over the raw file (-rawin, OpenSSL 3); ECDSA signatures are DER, which dgst reads. */
  signature: (platform: GuidePlatform, algorithm: string): string[] => {
    const run = openssl[platform];
    const setup =
      platform === 'windows'
        ? [
            '# OpenSSL 3 comes with Git for Windows; any other openssl.exe 3.x works as well.',
            '$openssl = "$env:ProgramFiles\\Git\\usr\\bin\\openssl.exe"',
          ]
        : platform === 'macos'
          ? ['# OpenSSL 3 from Homebrew (brew install openssl@3).']
          : [];
    const verify =
      algorithm === 'Ed25519'
        ? [
            `${run} pkeyutl -verify -pubin -inkey signature/public-key.pem -rawin -in tagmanifest-sha256.txt -sigfile signature/bag.sig`,
            '# prints "Signature Verified Successfully"; a changed byte prints "Signature Verification Failure".',
          ]
        : [
            `${run} dgst -sha256 -verify signature/public-key.pem -signature signature/bag.sig tagmanifest-sha256.txt`,
            '# prints "Verified OK"; a changed byte prints "Verification failure".',
          ];
    const fingerprint =
      platform === 'windows'
        ? [
            `${run} pkey -pubin -in signature/public-key.pem -outform DER -out "$env:TEMP\\bag-key.der"`,
            '(Get-FileHash -Algorithm SHA256 -LiteralPath "$env:TEMP\\bag-key.der").Hash',
          ]
        : [
            `${run} pkey -pubin -in signature/public-key.pem -outform DER | ${platform === 'linux' ? 'sha256sum' : 'shasum -a 256'}`,
          ];
    return [
      ...setup,
      ...verify,
      "# The key's fingerprint, to compare with the published one:",
      ...fingerprint,
    ];
  },

  timestampsStep: 'The trusted time stamps (RFC 3161), each over the file beside it:',
  /**
   * `openssl ts -verify` on every capture's token and on the tag manifest's; "Verification: OK" for each. The
   * chain file is the bag's own: the last lines check it against the authority's published certificates.
   */
  timestamps: (platform: GuidePlatform, example: string | null): string[] => {
    const run = openssl[platform];
    const chain = platform === 'windows' ? 'signature\\tsa-chain.pem' : 'signature/tsa-chain.pem';
    const tag =
      platform === 'windows'
        ? `${run} ts -verify -data tagmanifest-sha256.txt -in signature\\tagmanifest-sha256.tsr -CAfile ${chain}`
        : `${run} ts -verify -data tagmanifest-sha256.txt -in signature/tagmanifest-sha256.tsr -CAfile ${chain}`;
    const setup =
      platform === 'windows'
        ? ['$openssl = "$env:ProgramFiles\\Git\\usr\\bin\\openssl.exe"']
        : platform === 'macos'
          ? ['# OpenSSL 3 from Homebrew (brew install openssl@3).']
          : [];
    const captures = example
      ? [
          '# Each capture: its token (custody-entry.tsr) over its custody entry (custody-entry.json):',
          platform === 'windows'
            ? `Get-ChildItem data\\evidence\\*\\custody-entry.tsr | ForEach-Object { $_.FullName; & $openssl ts -verify -data ($_.FullName -replace '\\.tsr$', '.json') -in $_.FullName -CAfile ${chain} }`
            : `for tsr in data/evidence/*/custody-entry.tsr; do echo "$tsr"; ${run} ts -verify -data "\${tsr%.tsr}.json" -in "$tsr" -CAfile ${chain}; done`,
          "# One of them by hand, and the authority's time it names (Time stamp: …):",
          platform === 'windows'
            ? `${run} ts -verify -data data\\evidence\\${example}\\custody-entry.json -in data\\evidence\\${example}\\custody-entry.tsr -CAfile ${chain}`
            : `${run} ts -verify -data data/evidence/${example}/custody-entry.json -in data/evidence/${example}/custody-entry.tsr -CAfile ${chain}`,
          platform === 'windows'
            ? `${run} ts -reply -in data\\evidence\\${example}\\custody-entry.tsr -text`
            : `${run} ts -reply -in data/evidence/${example}/custody-entry.tsr -text`,
          '# Each custody-entry.json hashes to the "hash" of its capture entry in data/custody-log.jsonl:',
          platform === 'windows'
            ? 'Get-FileHash -Algorithm SHA256 data\\evidence\\*\\custody-entry.json'
            : `${platform === 'linux' ? 'sha256sum' : 'shasum -a 256'} data/evidence/*/custody-entry.json`,
        ]
      : [];
    return [
      ...setup,
      ...captures,
      '# The whole bundle: the token over tagmanifest-sha256.txt (absent when the authority was unreachable at export):',
      tag,
      '# Every check prints "Verification: OK"; a changed byte prints "Verification: FAILED".',
      '# The chain travels with the bundle: compare its certificates with those the authority publishes,',
      '# or check against your own copy of its root: -CAfile your-root.pem -untrusted signature/tsa-chain.pem',
      platform === 'windows'
        ? `${run} crl2pkcs7 -nocrl -certfile ${chain} | & $openssl pkcs7 -print_certs -noout`
        : `${run} crl2pkcs7 -nocrl -certfile ${chain} | ${run} pkcs7 -print_certs -noout`,
    ];
  },

  timestampsAbout: (facts: {
    stamped: number;
    pending: readonly string[];
    unstamped: number;
    toleranceMinutes: number;
  }) => {
    const shown = facts.pending.slice(0, 20).join(', ');
    const more = facts.pending.length > 20 ? ` and ${facts.pending.length - 20} more` : '';
    return `
Trusted time stamps (RFC 3161): ${facts.stamped} ${facts.stamped === 1 ? 'capture carries' : 'captures carry'} a token from a time-stamping
authority. data/evidence/<id>/custody-entry.tsr is the authority's token over custody-entry.json
beside it: the capture's custody entry as hashed (time, kind, payloadHash, previous hash), whose
SHA-256 is that entry's "hash" in custody-log.jsonl; its payload names every file's SHA-256. So the
token proves the evidence existed no later than the authority's time, whatever this computer's
clock said. index.html shows each capture's trusted time beside its local time and flags a
difference of more than ${facts.toleranceMinutes} minutes.${
      facts.pending.length > 0
        ? `
${facts.pending.length} ${facts.pending.length === 1 ? 'capture was' : 'captures were'} still waiting for the authority's token when this bundle was made
(they have no .tsr file; a later export carries it): ${shown}${more}.`
        : ''
    }${
      facts.unstamped > 0
        ? `
${facts.unstamped} ${facts.unstamped === 1 ? 'capture was' : 'captures were'} made before time stamps were switched on and carry none.`
        : ''
    }
signature/tagmanifest-sha256.tsr, when present, is the token over tagmanifest-sha256.txt, asked for
when the bundle was made: it dates the whole bundle. It is made after the tag manifest, so the tag
manifest cannot list it, nor signature/tsa-chain.pem, the certificates the tokens chain to.`;
  },

  custodyStep: 'The custody chain, link by link, across any withheld entries:',
  custody: (platform: GuidePlatform): string[] =>
    platform === 'windows'
      ? [
          'py data\\verify-custody.py data\\custody-log.jsonl',
          '# (Python 3 from python.org; "python" works too)',
        ]
      : ['python3 data/verify-custody.py data/custody-log.jsonl'],

  custodyAbout: (entries: number, withheld: number) => `
The custody log holds ${entries} entries${withheld > 0 ? `, ${withheld} of them withheld` : ''}. An entry about evidence
outside this export keeps its sequence number, time, kind and hashes, and withholds what it says
(IDs, titles, URLs, notes, who): the chain still verifies from its first entry, and a changed
withheld entry breaks it.
data/verify-custody.py (Python 3, standard library only) checks every entry and prints "OK"
with the counts, or the first entry that fails.`,

  validator: (bundleName: string) => `With a BagIt validator
----------------------
    bagit.py --validate ${bundleName}      (pip install bagit)`,

  contents: `What else is in here
--------------------
index.html          the report, read by control (opens offline; it runs no scripts)
register.csv        one row per evidence record and control
soa.csv             the Statement of Applicability
findings.csv        audit findings and their corrective actions
requests.csv        the request list with evidence IDs and files (in a bundle made for one)
custody-log.jsonl   the chain of custody: one JSON entry per line. An entry with "payloadHash"
                    is hashed in two steps: "payloadHash" is the SHA-256 of {"actor", "details",
                    "evidenceId"}, and "hash" the SHA-256 of {"at", "event", "payloadHash",
                    "previousHash", "sequence"}, each serialised as JSON with keys sorted at
                    every level and no spaces. An older entry without "payloadHash" is hashed
                    whole (every field but "hash"). "previousHash" is the hash of the entry
                    before it (64 zeros for the first), so a changed, removed or reordered
                    entry breaks the chain.
verify-custody.py   the script that checks that chain
evidence/<id>/      per evidence record: the original PNG exactly as the browser captured it, the
                    stamped PNG, visible text, tables as CSV, the DOM snapshot (if exported),
                    metadata.json (the capture context) and record.json (tags and hashes as held).
../signature/       bag.sig (the signature) and public-key.pem (the key that checks it);
                    with trusted time stamps, tagmanifest-sha256.tsr and tsa-chain.pem`,
};
