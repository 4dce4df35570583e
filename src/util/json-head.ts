import { open } from 'node:fs/promises';

/** The first `bytes` of a file as text (fewer when the file is shorter). */
export async function readHead(path: string, bytes: number): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * The string value of a key of the outermost JSON object, read from the beginning of a JSON text;
 * null when the text does not get that far, or the key is not there or not a string.
 */
export function topLevelString(head: string, key: string): string | null {
  let depth = 0;
  let atKey = false;
  let currentKey: string | null = null;
  for (let i = 0; i < head.length; i++) {
    const c = head[i];
    if (c === '"') {
      const end = stringEnd(head, i);
      if (end === -1) return null;
      if (depth === 1) {
        const text = parseString(head.slice(i, end + 1));
        if (text === null) return null;
        if (atKey) [currentKey, atKey] = [text, false];
        else if (currentKey === key) return text;
      }
      i = end;
    } else if (c === '{' || c === '[') {
      depth++;
      atKey = depth === 1 && c === '{';
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 1) [currentKey, atKey] = [null, true];
  }
  return null;
}

/** The index of the quote that closes the JSON string opening at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function parseString(literal: string): string | null {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return null;
  }
}
