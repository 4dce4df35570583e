import { Command, CommanderError } from 'commander';
import { addAuditCommands } from './cli/audit-commands.js';
import type { AddCommand } from './cli/command.js';
import { addFolderCommands } from './cli/folder-commands.js';
import { helpAfter, ROOT_HELP } from './cli/help.js';
import { addListCommands } from './cli/list-commands.js';
import { addMemberCommands } from './cli/member-commands.js';
import { guardStandardStreams } from './cli/output.js';
import { EXIT } from './core/exit-code.js';
import { ConfigError, formatProblem, SourceError, UsageError } from './errors.js';
import { plural, sanitizeLine } from './util/text.js';
import { VERSION } from './version.js';

export async function main(argv: string[]): Promise<void> {
  guardStandardStreams();
  // A reader that stops early (`| head`) closes the pipe: that ends the run quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
  try {
    await program().parseAsync(argv);
  } catch (error) {
    process.exitCode = report(error);
  }
}

function program(): Command {
  const root = new Command('follow-audit')
    .description("Audit whom an organization's social media accounts follow against its allowlists.")
    .version(VERSION, '--version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', ROOT_HELP)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(s) })
    .showHelpAfterError('(add --help for usage and examples)')
    .hook('preAction', async (_, command) => {
      // Every command that reads an audit folder and was given no -C finds it upward from here.
      const reads = command.options.some((o) => o.attributeName() === 'config');
      if (reads && command.name() !== 'init' && command.getOptionValue('config') === undefined) {
        const { findAuditFolder } = await import('./config/discover.js');
        command.setOptionValue('config', await findAuditFolder('.'));
      }
    });
  const command: AddCommand = (name, description) =>
    root.command(name).description(description).addHelpText('after', helpAfter(name));
  // In this order in the help.
  addAuditCommands(command);
  addMemberCommands(command);
  addListCommands(command);
  addFolderCommands(command, root);

  return root;
}

/** The one place errors become messages and exit codes. */
function report(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof ConfigError) {
    const n = error.problems.length;
    process.stderr.write(
      `follow-audit: ${plural(n, 'problem')} in the configuration; nothing was audited.\n` +
        error.problems.map((p) => `  ${sanitizeLine(formatProblem(p))}\n`).join(''),
    );
    return EXIT.usage;
  }
  if (error instanceof UsageError || error instanceof SourceError) {
    process.stderr.write(`follow-audit: ${sanitizeLine(error.message)}\n`);
    return EXIT.usage;
  }
  process.stderr.write(
    `follow-audit: internal error, please report it with this output:\n${error instanceof Error ? error.stack : String(error)}\n`,
  );
  return EXIT.usage;
}
