// A minimal WebDriver BiDi client: commands over one WebSocket, answered by id. Firefox speaks BiDi
// natively (no geckodriver); plain ESM with a .d.mts beside it, like the Chromium launcher.
import WebSocket from 'ws';

/**
 * Connects to a BiDi endpoint (`ws://host:port/session`) and starts a session.
 * @param {string} url
 */
export async function connectBidi(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  /** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void, method: string }>} */
  const pending = new Map();
  /** @type {Set<(event: { method: string, params: any }) => void>} */
  const listeners = new Set();
  let nextId = 0;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.type === 'event') {
      for (const listener of listeners) listener(message);
      return;
    }
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.type === 'error')
      waiter.reject(new Error(`${waiter.method}: ${message.error}: ${message.message}`));
    else waiter.resolve(message.result);
  });
  socket.on('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${waiter.method}: the browser closed.`));
    pending.clear();
  });

  /** @param {string} method @param {object} [params] */
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject, method });
      socket.send(JSON.stringify({ id, method, params }));
    });

  const session = await send('session.new', {
    capabilities: { alwaysMatch: { acceptInsecureCerts: false } },
  });
  return {
    capabilities: session.capabilities,
    send,
    /** Subscribes to BiDi events; returns the unsubscribe function for the listener. */
    async subscribe(events, listener) {
      listeners.add(listener);
      await send('session.subscribe', { events });
      return () => listeners.delete(listener);
    },
    close: () => socket.close(),
  };
}
