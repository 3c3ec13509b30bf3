/**
 * The one origin a user configured for a network service (the team store's endpoint, a time-stamping
 * authority), and the match pattern that asks the browser for that origin alone. The extension declares
 * `http://*\/*` and `https://*\/*` as optional host permissions only so that it can ask for one such
 * pattern at run time; it never asks for a wider one.
 */

export type OriginCheck = { ok: true; origin: string; pattern: string } | { ok: false; problem: string };

/**
 * Reads a service URL typed by a person or set by policy. Only http and https, no credentials in the URL
 * (they would end up in logs and history), a host name present. `pattern` covers every port and path of
 * that scheme and host, which is what a match pattern can express.
 */
export function serviceOrigin(url: string): OriginCheck {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, problem: 'is not a web address: write it as https://host/…' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return {
      ok: false,
      problem: `uses ${parsed.protocol.replace(/:$/, '')}: only https (or http on a private network) works`,
    };
  }
  if (parsed.username || parsed.password) {
    return {
      ok: false,
      problem: 'holds a user name or password: enter credentials in their own fields, not in the address',
    };
  }
  if (!parsed.hostname) return { ok: false, problem: 'has no host name' };
  return { ok: true, origin: parsed.origin, pattern: `${parsed.protocol}//${parsed.hostname}/*` };
}
