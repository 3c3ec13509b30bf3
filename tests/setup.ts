import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// happy-dom's Blob does not survive structured cloning through fake-indexeddb: use Node's.
globalThis.Blob = NodeBlob as unknown as typeof Blob;

// Testing Library unmounts between tests only when told to (vitest globals are off).
afterEach(cleanup);
