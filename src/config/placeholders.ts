import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../errors.js';
import { adapters } from '../platforms/registry.js';
import { PLACEHOLDERS } from './placeholder-values.js';
import type { Config } from './types.js';
import { YamlFile } from './yaml-file.js';

const INIT = 'the example "follow-audit init" writes';

/** Warnings, never errors: an audit of a folder with examples in it is still a true audit. */
export async function placeholders(config: Config): Promise<Problem[]> {
  const policy = new YamlFile(config.policyFile, await readFile(join(config.dir, config.policyFile), 'utf8'));
  const out: Problem[] = [];
  if (config.organization === PLACEHOLDERS.organization)
    out.push(
      policy.problem(['organization'], `"${config.organization}" is ${INIT}: write your organization's name`),
    );
  if (config.contact === PLACEHOLDERS.contact)
    out.push(
      policy.problem(
        ['contact'],
        `${config.contact} is ${INIT}: write the address where members should send their reports`,
      ),
    );
  config.accounts.forEach((a, i) => {
    if (PLACEHOLDERS.handles.includes(a.handle))
      out.push(
        policy.problem(
          ['accounts', i, 'handle'],
          `"${a.handle}" is ${INIT}: write the handle of ${a.name} on ${adapters[a.platform].label}`,
        ),
      );
  });
  config.exceptions.forEach((e, i) => {
    if (e.follows === PLACEHOLDERS.exceptionTarget)
      out.push(
        policy.problem(
          ['exceptions', i, 'follows'],
          `${e.follows} is ${INIT}: write the account the exception is for, or delete the exception`,
        ),
      );
  });
  for (const e of config.entries) {
    if (!e.sharedList && PLACEHOLDERS.entries.includes(e.name))
      out.push({
        file: e.file,
        line: e.line,
        column: 5,
        message: `"${e.name}" is ${INIT}: replace it with an entry the organization decided, or delete it`,
      });
  }
  return out;
}
