export interface TestAuthority {
  /** The temp dir holding the CA, the TSA key and certificate and the `openssl ts` config. */
  dir: string;
  /** The test CA's certificate file: what an auditor trusts independently (`-CAfile`). */
  caFile: string;
  caPem: string;
  tsaPem: string;
  /** One DER TimeStampResp for one DER TimeStampReq, from `openssl ts -reply`. */
  reply(query: Uint8Array): Promise<Buffer>;
  remove(): void;
}

export interface TsaServer extends TestAuthority {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The URL to configure: `${origin}/tsa`. */
  url: string;
  /** Every request the server received, in order. */
  requests: { method: string | undefined; url: string | undefined; contentType: string | undefined }[];
  /** Closes the port: connections are refused. */
  takeDown(): Promise<void>;
  /** Listens on the same port again. */
  bringUp(): Promise<void>;
  isUp(): boolean;
  /** Closes the port and removes the temp dir. */
  stop(): Promise<void>;
}

export declare function createTestAuthority(options?: { name?: string }): TestAuthority;
export declare function startTsaServer(options?: { name?: string }): Promise<TsaServer>;
