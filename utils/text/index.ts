/**
 * Every sentence the extension shows, in one place so it can be translated. Import features from here,
 * never from a locale folder: a translation swaps this re-export for its own module of type `Text`.
 */
import type * as en from './en';

export * from './en';
export { counted, plural } from './plural';

/** The shape every locale module has: a second locale is `const de: Text = { … }`, checked by the compiler. */
export type Text = typeof en;
