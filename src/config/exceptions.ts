import type { Problem } from '../errors.js';
import type { Platform, PlatformRef } from '../model.js';
import { an } from '../platforms/define.js';
import { adapters, parsePlatformRef } from '../platforms/registry.js';
import { type Parsed, parsed } from '../util/parsed.js';
import type { PolicyFile } from './policy-schema.js';
import type { AuditedAccount, Exception } from './types.js';
import type { YamlFile } from './yaml-file.js';

/** The exceptions of policy.yaml, each naming an audited account (or "*") and whom it may follow. */
export function buildExceptions(
  file: YamlFile,
  policy: PolicyFile,
  problems: Problem[],
  accounts: readonly AuditedAccount[],
): Exception[] {
  const exceptions: Exception[] = [];
  policy.exceptions.forEach((e, i) => {
    const path = ['exceptions', i];
    const account = accounts.find((a) => a.name === e.account);
    if (e.account !== '*' && !account) {
      problems.push(
        file.problem(
          [...path, 'account'],
          `no account is named "${e.account}": use a name from accounts (${accounts.map((a) => a.name).join(', ')}) or "*"`,
        ),
      );
    }
    const target = exceptionTarget(e.follows, account?.platform ?? null);
    if (!target.ok) {
      problems.push(file.problem([...path, 'follows'], target.problem));
      return;
    }
    const { platform } = target.value;
    if (account && account.platform !== platform) {
      problems.push(
        file.problem(
          [...path, 'follows'],
          `"${e.account}" is on ${adapters[account.platform].label}, but this names ${an(adapters[platform].label)} account`,
        ),
      );
    }
    exceptions.push({
      account: e.account,
      follows: e.follows,
      target: { ...target.value, name: null, url: adapters[platform].profileUrl(target.value) },
      reason: e.reason,
      approvedBy: e.approved_by,
      decided: e.decided ?? null,
      decision: e.decision ?? null,
      expires: e.expires,
      position: { file: file.file, ...file.at(path) },
    });
  });
  return exceptions;
}

/** platform:handle, platform:id:<id> or a URL; a bare handle is read on the account's own platform. */
function exceptionTarget(follows: string, platform: Platform | null): Parsed<PlatformRef> {
  const target = parsed(parsePlatformRef(follows));
  if (target.ok || !platform || /^[a-z]+:/i.test(follows.trim())) return target;
  const ref = parsed(adapters[platform].parse(follows));
  return ref.ok ? { ok: true, value: { platform, ...ref.value } } : target;
}
