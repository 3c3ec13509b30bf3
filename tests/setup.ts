import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';

// happy-dom's Blob does not survive structured cloning through fake-indexeddb: use Node's.
globalThis.Blob = NodeBlob as unknown as typeof Blob;
