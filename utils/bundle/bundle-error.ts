/** A problem the user can act on (damaged evidence, an unsafe name); its message says which file. */
export class BundleError extends Error {
  override name = 'BundleError';
}
