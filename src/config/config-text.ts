// Policy files are written by hand in whatever editor a volunteer has. A UTF-8 BOM (Windows
// Notepad) is fine; UTF-16 (Notepad's "Unicode") or a binary file would otherwise reach the YAML
// parser as noise and come out as a baffling problem on line 1.
import { isUtf16 } from '../util/file-kind.js';
import { decodeUtf8 } from './shared-lists.js';

const SAVE_AS = "save this file as UTF-8 (in the editor's Save As, choose the encoding UTF-8)";

/** A configuration file's text, without a BOM; or, where it is not UTF-8 text, what to do. */
export function configText(bytes: Uint8Array): { text: string } | { problem: string } {
  if (isUtf16(bytes)) return { problem: `is saved as UTF-16: ${SAVE_AS}` };
  const text = decodeUtf8(bytes)?.replace(/^\uFEFF/, '') ?? null;
  if (text === null || text.includes('\u0000'))
    return { problem: `is not UTF-8 text (binary data, or another encoding): ${SAVE_AS}` };
  return { text };
}
