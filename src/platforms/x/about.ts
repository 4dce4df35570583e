// Whose an X archive is and when it was made. data/manifest.js is `window.__THAR_CONFIG = {…}`
// with userInfo { accountId, userName }, archiveInfo { generationDate, isPartialArchive } and
// dataTypes.following.files[].fileName; data/account.js is `window.YTD.account.part0 = [{ account:
// { username, accountId, … } }]` (the archive's own data/README.txt; the manifest types of the npm
// package twitter-archive-reader). Everything after the first "=" is JSON: the global names
// changed between archive versions (window.__THAR_CONFIG, window.YTD.manifest.part0).
import { isRecord } from '../../util/record.js';
import type { ExportAbout, ExportAboutReader, ExportFile } from '../types.js';

function assigned(file: ExportFile): unknown {
  const text = file.text();
  const start = text.indexOf('=');
  if (start < 0) return null;
  try {
    return JSON.parse(
      text
        .slice(start + 1)
        .trim()
        .replace(/;\s*$/, ''),
    );
  } catch {
    return null;
  }
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const id = (v: unknown) => (typeof v === 'string' && /^\d{1,19}$/.test(v.trim()) ? v.trim() : null);

const manifest: ExportAboutReader = {
  member: /(^|\/)data\/manifest\.js$/i,
  read(file, members) {
    const data = assigned(file);
    if (!isRecord(data)) return {};
    const about: Partial<ExportAbout> = {};
    const user = isRecord(data.userInfo) ? data.userInfo : {};
    const owner = { id: id(user.accountId), handle: text(user.userName) };
    if (owner.id || owner.handle) about.owner = owner;
    const info = isRecord(data.archiveInfo) ? data.archiveInfo : {};
    const created = text(info.generationDate);
    if (created && !Number.isNaN(Date.parse(created))) about.createdAt = new Date(created).toISOString();
    const missing = listedFollowingFiles(data).filter(
      (name) => !members.some((m) => m === name || m.endsWith(`/${name}`)),
    );
    if (missing.length > 0) {
      about.missing = `the archive's manifest lists ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not in the ZIP${info.isPartialArchive === true ? ' (a partial archive)' : ''}: download every part of the archive`;
    }
    return about;
  },
};

/** The following files the manifest says the archive holds. */
function listedFollowingFiles(data: Record<string, unknown>): string[] {
  const types = isRecord(data.dataTypes) ? data.dataTypes : {};
  const following = isRecord(types.following) ? types.following : {};
  const files = Array.isArray(following.files) ? following.files : [];
  return files.flatMap((f) => (isRecord(f) && text(f.fileName) ? [text(f.fileName)!] : []));
}

const account: ExportAboutReader = {
  member: /(^|\/)data\/account\.js$/i,
  read(file) {
    const data = assigned(file);
    const first = Array.isArray(data) && isRecord(data[0]) ? data[0].account : null;
    if (!isRecord(first)) return {};
    const owner = { id: id(first.accountId), handle: text(first.username) };
    return owner.id || owner.handle ? { owner } : {};
  },
};

export const xAbout = [manifest, account] as const;
