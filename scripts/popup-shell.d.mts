import type { Plugin } from 'vite';

export declare const POPUP_HTML: string;
export declare function renderPopupShell(): Promise<string>;
export declare function withShell(html: string, markup: string): string;
export declare function popupShell(): Plugin;
