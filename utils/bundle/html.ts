/** The one escape function of the report: every string that reaches index.html goes through it. */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** The URL itself when it is an absolute http(s) URL (safe to link to), otherwise null (shown as text only). */
export function linkableUrl(value: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** A relative link to a file of the bag, each segment percent-encoded. */
export function relativeHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
