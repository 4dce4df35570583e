// Files that are not a following list, or are damaged: never a crash, never a complete list.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportFile, readExport } from '../../src/sources/exports.js';
import { failureOf, fixture, zip } from '../helpers/exports.js';
import { writeTree } from '../helpers/tree.js';

describe('unreadable sources', () => {
  it('names the supported formats and describes the file without quoting it', async () => {
    const dir = await writeTree({ 'notes.txt': 'Dear committee,\nhere is the list' });
    const message = await failureOf('instagram', `${dir}/notes.txt`);
    expect(message).toMatch(/Instagram following\.json/);
    expect(message).toMatch(/Bluesky repo\.car/);
    expect(message).toMatch(
      /notes\.txt is not a format follow-audit reads: it is text of 2 lines with no CSV header row \(32 bytes\)\./,
    );
    expect(message).not.toMatch(/Dear|committee/);
  });

  it('refuses random bytes', async () => {
    const dir = await writeTree({ 'garbage.bin': randomBytes(4096) });
    expect(await failureOf('x', `${dir}/garbage.bin`)).toMatch(/not a format follow-audit reads/);
  });

  it('says which platform a ZIP belongs to', async () => {
    const archive = zip({ 'data/following.js': await fixture('x/following.js') });
    const dir = await writeTree({ 'archive.zip': archive });
    expect(await failureOf('instagram', `${dir}/archive.zip`)).toMatch(
      /X archive data\/following\.js \(data\/following\.js\), from X, but this account is on Instagram/,
    );
  });

  it('refuses a truncated ZIP and one whose member is damaged', async () => {
    const archive = zip({ 'data/following.js': await fixture('x/following.js') });
    const damaged = Buffer.from(archive);
    const inData = 30 + 'data/following.js'.length + 5;
    damaged[inData] = damaged[inData]! ^ 0xff;
    const dir = await writeTree({ 'cut.zip': archive.subarray(0, archive.length - 30), 'bad.zip': damaged });
    expect(await failureOf('x', `${dir}/cut.zip`)).toMatch(/ZIP archive that is truncated or damaged/);
    expect(await failureOf('x', `${dir}/bad.zip`)).toMatch(
      /data\/following\.js (fails its checksum|cannot be decompressed)/,
    );
  });

  it('lists what a ZIP without a following list holds', async () => {
    const dir = await writeTree({ 'photos.zip': zip({ 'media/a.jpg': 'x', 'media/b.jpg': 'y' }) });
    expect(await failureOf('tiktok', `${dir}/photos.zip`)).toMatch(
      /holds 2 files \(media\/a\.jpg, media\/b\.jpg\)/,
    );
  });

  it('names the formats it reads for the platform once', async () => {
    const dir = await writeTree({ 'photos.zip': zip({ 'media/a.jpg': 'x' }) });
    const message = await failureOf('instagram', `${dir}/photos.zip`);
    expect(message).toMatch(/; follow-audit reads Instagram following\.json$/);
    expect(message).not.toMatch(/Instagram's/);
  });

  it('stops a member that unpacks beyond the limit (zip bomb)', async () => {
    const name = 'data/following.js';
    const honest = zip({ [name]: `window.YTD.following.part0 = [${' '.repeat(4096)}]` });
    // The same member, its directory claiming 4 bytes, while it inflates to 4 KB.
    const forged = Buffer.from(honest);
    forged.writeUInt32LE(4, 22);
    forged.writeUInt32LE(4, forged.length - 22 - 46 - name.length + 24);
    const read = (bytes: Uint8Array) => readExport(exportFile('a.zip', 'a.zip', bytes), 'x', 1024);
    await expect(read(honest)).rejects.toThrow(/a\.zip: data\/following\.js unpacks to more than 0 MB/);
    await expect(read(forged)).rejects.toThrow(/unpacks to more than/);
    expect(await readExport(exportFile('a.zip', 'a.zip', honest), 'x', 8192)).toMatchObject({
      following: [],
    });
  });
});
