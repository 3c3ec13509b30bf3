// A real RFC 3161 time-stamping authority on loopback, for the tests and the benchmark: OpenSSL's own
// `openssl ts -reply` behind a small HTTP wrapper. The setup makes a test CA and a TSA certificate (critical
// extendedKeyUsage timeStamping) in a temp dir; nothing leaves 127.0.0.1. Plain ESM with a .d.mts beside it.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const openssl = (args, cwd) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

function tsaConfig(dir) {
  return `[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;
}

/**
 * Makes a CA and a TSA certificate signed by it in a fresh temp dir, and writes the `openssl ts` config.
 * @param {{ name?: string }} [options] name goes into the subjects, so two authorities are told apart
 */
export function createTestAuthority(options = {}) {
  const name = options.name ?? 'ISMS Test';
  const dir = mkdtempSync(path.join(tmpdir(), 'isms-tsa-'));
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '3650',
      '-subj',
      `/CN=${name} Time-Stamping CA`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'tsa.key',
      '-out',
      'tsa.csr',
      '-subj',
      `/CN=${name} TSA`,
    ],
    dir,
  );
  writeFileSync(
    path.join(dir, 'tsa.ext'),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=critical,timeStamping\n',
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'tsa.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '3650',
      '-extfile',
      'tsa.ext',
      '-out',
      'tsa.pem',
    ],
    dir,
  );
  writeFileSync(path.join(dir, 'serial'), '01\n');
  writeFileSync(path.join(dir, 'tsa.cnf'), tsaConfig(dir));
  let queue = Promise.resolve();
  return {
    dir,
    caFile: path.join(dir, 'ca.pem'),
    caPem: readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
    tsaPem: readFileSync(path.join(dir, 'tsa.pem'), 'utf8'),
    /**
     * One DER TimeStampResp for one DER TimeStampReq, made by `openssl ts -reply`; calls run one at a time
     * (the serial file is shared).
     * @param {Uint8Array} query
     * @returns {Promise<Buffer>}
     */
    reply(query) {
      const run = queue.then(() => replyOnce(dir, query));
      queue = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

let counter = 0;

function replyOnce(dir, query) {
  const file = path.join(dir, `query-${process.pid}-${++counter}.tsq`);
  writeFileSync(file, query);
  return new Promise((resolve, reject) => {
    execFile(
      'openssl',
      ['ts', '-reply', '-config', path.join(dir, 'tsa.cnf'), '-queryfile', file],
      { encoding: 'buffer', maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        rmSync(file, { force: true });
        if (error) reject(new Error(`openssl ts -reply failed: ${stderr.toString()}`));
        else resolve(stdout);
      },
    );
  });
}

/**
 * Serves the authority over HTTP on 127.0.0.1 (POST application/timestamp-query → application/timestamp-reply).
 * `takeDown()` closes the port (connections are refused, as for an authority that is offline), `bringUp()`
 * listens on the same port again, so the URL the extension was given keeps working. Every request is counted.
 * @param {{ name?: string }} [options]
 */
export async function startTsaServer(options = {}) {
  const authority = createTestAuthority(options);
  const requests = [];
  const sockets = new Set();
  const handler = (request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method,
        url: request.url,
        contentType: request.headers['content-type'],
      });
      if (request.method !== 'POST') {
        response.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      authority.reply(Buffer.concat(chunks)).then(
        (reply) => response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(reply),
        (error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
      );
    });
  };
  let server = null;
  let port = 0;
  const listen = () =>
    new Promise((resolve, reject) => {
      const next = createServer(handler);
      next.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        const address = next.address();
        port = typeof address === 'object' && address ? address.port : port;
        server = next;
        resolve();
      });
    });
  const close = () =>
    new Promise((resolve) => {
      if (!server) return resolve();
      const closing = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      closing.close(() => resolve());
    });
  await listen();
  const origin = `http://127.0.0.1:${port}`;
  return {
    ...authority,
    origin,
    url: `${origin}/tsa`,
    requests,
    takeDown: close,
    bringUp: listen,
    isUp: () => server !== null,
    stop: async () => {
      await close();
      authority.remove();
    },
  };
}
