/**
 * The picker's look, inside its closed shadow root: the extension's navy and a dashed amber outline, a
 * banner that names the extension, so that nothing of it can pass for page content.
 */
export const PICKER_CSS = `
:host { all: initial; }
.box, .region { position: fixed; box-sizing: border-box; pointer-events: none; display: none; }
.box { outline: 2px dashed #f5a623; outline-offset: -1px; background: rgba(245, 166, 35, 0.12); }
.region { border: 2px solid #f5a623; background: rgba(16, 36, 62, 0.15); }
.label, .banner { font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #fff;
  background: #10243e; pointer-events: none; }
.label { position: fixed; display: none; padding: 2px 6px; border-radius: 3px; white-space: nowrap;
  max-width: 60vw; overflow: hidden; text-overflow: ellipsis; }
.banner { position: fixed; left: 50%; bottom: 16px; transform: translateX(-50%); padding: 8px 14px;
  border-radius: 6px; border: 2px solid #f5a623; box-shadow: 0 2px 12px rgba(0, 0, 0, 0.4); max-width: 90vw; }
.banner.top { bottom: auto; top: 16px; }
.banner strong { color: #f5a623; }
kbd { font: inherit; border: 1px solid #8aa0bd; border-radius: 3px; padding: 0 3px; }
`;
