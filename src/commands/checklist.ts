import { loadConfig } from '../config/load.js';
import type { Config } from '../config/types.js';
import { evaluate } from '../core/evaluate.js';
import { bundlePage } from '../page/bundle.js';
import { checklistHtml } from '../page/checklist-html.js';
import type { PageData } from '../page/data.js';
import type { ChecklistInfo } from '../report/checklist.js';
import { checklistMarkdown } from '../report/checklist.js';
import type { ChecklistFormat } from '../report/formats.js';
import type { ObtainOptions } from '../sources/obtain.js';
import { obtainAll } from '../sources/obtain-all.js';
import { todayOf } from '../util/days.js';

export interface ChecklistOptions {
  asOf?: string;
  format: ChecklistFormat;
  /** Publish exceptions (with their reasons) and the latest lists and findings on the page. */
  includeAudit: boolean;
}

/** The blank checklist (Markdown) or the members' page (HTML), from the files as of a day. */
export async function checklist(
  dir: string,
  options: ChecklistOptions,
  obtain: ObtainOptions,
): Promise<string> {
  const config = await loadConfig(dir);
  const today = todayOf(config.timezone, options.asOf, obtain.now());
  const info = checklistInfo(config, today);
  const render: Record<ChecklistFormat, () => string | Promise<string>> = {
    markdown: () => checklistMarkdown(info),
    html: async () =>
      checklistHtml(await pageData(config, today, options.includeAudit, obtain), info, await bundlePage()),
  };
  return render[options.format]();
}

function checklistInfo(config: Config, asOf: string): ChecklistInfo {
  return {
    organization: config.organization,
    contact: config.contact,
    allow: config.allow,
    asOf,
    timezone: config.timezone,
    accounts: config.accounts.map(({ name, platform, handle, allow, contact, note }) => ({
      name,
      platform,
      handle,
      allow,
      contact: contact ?? null,
      note,
    })),
    categories: [...config.categories.values()].map(({ name, description }) => ({ name, description })),
  };
}

async function pageData(
  config: Config,
  asOf: string,
  includeAudit: boolean,
  obtain: ObtainOptions,
): Promise<PageData> {
  const info = checklistInfo(config, asOf);
  const data: PageData = {
    ...info,
    warnDays: config.warnDays,
    // A note is the committee's own: it never leaves the repository.
    entries: config.entries.map(({ note: _, ...entry }) => ({ ...entry, note: null })),
    exceptions: [],
    lists: [],
    findings: [],
    includeAudit,
  };
  if (!includeAudit) return data;
  // Offline, as `check` does: the page shows the lists the organization already holds.
  const lists = await obtainAll(config, config.accounts, { ...obtain, offline: true, today: asOf });
  const { findings } = evaluate(config, lists, asOf);
  return {
    ...data,
    exceptions: config.exceptions,
    lists: lists.map(({ account, source, file, fetchedAt, listDate, complete, following }) => ({
      account,
      source,
      file,
      fetchedAt,
      listDate: listDate ?? null,
      complete,
      following: following.map(({ id, handle, name }) => ({ id, handle, name, url: null })),
    })),
    findings: findings.map((f) => ({ class: f.class, kind: f.kind, account: f.account, message: f.message })),
  };
}
