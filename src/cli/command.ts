import type { Command } from 'commander';
import type { CommandName } from './help.js';

/** Adds a subcommand with its description and its own help text; what each command module is given. */
export type AddCommand = (name: CommandName, description: string) => Command;
