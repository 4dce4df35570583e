import type { Command, Option } from 'commander';

// Shell completion written from commander's own definitions of the commands and options, so a
// new command or option completes without anyone editing a script.

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface Flag {
  short?: string;
  long?: string;
  description: string;
  takesValue: boolean;
  choices: string[];
}

interface Sub {
  name: string;
  description: string;
  flags: Flag[];
  /** Values of its positional arguments, where they are a fixed set. */
  choices: string[];
}

function flagOf(o: Option): Flag {
  return {
    ...(o.short ? { short: o.short } : {}),
    ...(o.long ? { long: o.long } : {}),
    description: o.description,
    takesValue: o.required || o.optional,
    choices: o.argChoices ?? [],
  };
}

function subcommands(program: Command): Sub[] {
  const help = program.createHelp();
  const names = help.visibleCommands(program).map((c) => c.name());
  return help.visibleCommands(program).map((c) => ({
    name: c.name(),
    description: c.summary() || c.description(),
    flags: help.visibleOptions(c).map(flagOf),
    choices:
      c.name() === 'help'
        ? names.filter((n) => n !== 'help')
        : c.registeredArguments.flatMap((a) => a.argChoices ?? []),
  }));
}

const names = (f: Flag) => [f.short, f.long].filter((n): n is string => !!n);
const firstLine = (s: string) => s.split('\n')[0]!;

export function completion(program: Command, shell: Shell): string {
  const bin = program.name();
  const fn = `_${bin.replace(/\W/g, '_')}`;
  const subs = subcommands(program);
  const top = program.createHelp().visibleOptions(program).map(flagOf);
  return { bash, zsh, fish }[shell](bin, fn, subs, top);
}

function bash(bin: string, fn: string, subs: Sub[], top: Flag[]): string {
  const cases = subs.map((s) => {
    const values = s.flags
      .filter((f) => f.takesValue)
      .map(
        (f) =>
          `      ${names(f).join('|')}) ${f.choices.length ? `COMPREPLY=($(compgen -W ${shq(f.choices.join(' '))} -- "$cur"))` : 'COMPREPLY=()'}; return ;;`,
      );
    const words = [...s.flags.flatMap(names), ...s.choices].join(' ');
    return `    ${s.name})\n      case "$prev" in\n${values.join('\n')}\n      esac\n      words=${shq(words)} ;;`;
  });
  return `# ${bin} completion for bash. Load it with: eval "$(${bin} completion bash)"
# or save it as ~/.local/share/bash-completion/completions/${bin}
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" words w
  for w in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case " ${subs.map((s) => s.name).join(' ')} " in *" $w "*) cmd="$w"; break ;; esac
  done
  case "$cmd" in
${cases.join('\n')}
    *) words=${shq([...subs.map((s) => s.name), ...top.flatMap(names)].join(' '))} ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F ${fn} ${bin}
`;
}

function zsh(bin: string, fn: string, subs: Sub[], top: Flag[]): string {
  const spec = (f: Flag) => {
    const value = !f.takesValue ? '' : f.choices.length ? `:value:(${f.choices.join(' ')})` : ':value:_files';
    return names(f).map((n) => `      ${shq(`${n}[${zshText(f.description)}]${value}`)}`);
  };
  const cases = subs.map((s) => {
    const args = [
      ...s.flags.flatMap(spec),
      ...(s.choices.length ? [`      ${shq(`*:argument:(${s.choices.join(' ')})`)}`] : []),
    ];
    return `    ${s.name})\n      _arguments \\\n${args.join(' \\\n')} ;;`;
  });
  return `#compdef ${bin}
# ${bin} completion for zsh. Load it with: source <(${bin} completion zsh)
# or save it as _${bin} in a folder on your $fpath
${fn}() {
  local -a commands
  commands=(
${subs.map((s) => `    ${shq(`${s.name}:${zshText(s.description).replace(/:/g, '\\:')}`)}`).join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe command commands
    _arguments ${top
      .flatMap(spec)
      .map((s) => s.trim())
      .join(' ')}
    return
  fi
  shift words
  (( CURRENT-- ))
  case "$words[1]" in
${cases.join('\n')}
  esac
}
compdef ${fn} ${bin}
`;
}

function fish(bin: string, _fn: string, subs: Sub[], top: Flag[]): string {
  const line = (condition: string, f: Flag) => {
    const parts = [`complete -c ${bin} -n ${shq(condition)}`];
    if (f.short) parts.push(`-s ${f.short.slice(1)}`);
    if (f.long) parts.push(`-l ${f.long.slice(2)}`);
    if (f.takesValue) parts.push(f.choices.length ? `-x -a ${shq(f.choices.join(' '))}` : '-r -F');
    parts.push(`-d ${shq(firstLine(f.description))}`);
    return parts.join(' ');
  };
  const lines = [`complete -c ${bin} -f`];
  for (const f of top) lines.push(line('__fish_use_subcommand', f));
  for (const s of subs) {
    lines.push(
      `complete -c ${bin} -n __fish_use_subcommand -a ${s.name} -d ${shq(firstLine(s.description))}`,
    );
    const when = `__fish_seen_subcommand_from ${s.name}`;
    for (const f of s.flags) lines.push(line(when, f));
    if (s.choices.length) lines.push(`complete -c ${bin} -n ${shq(when)} -a ${shq(s.choices.join(' '))}`);
  }
  return `# ${bin} completion for fish. Load it with: ${bin} completion fish | source
# or save it as ~/.config/fish/completions/${bin}.fish
${lines.join('\n')}
`;
}

/** A single-quoted shell word. */
const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** zsh's _arguments reads [ ] and : in a description as syntax. */
const zshText = (s: string) => firstLine(s).replace(/[[\]]/g, (c) => `\\${c}`);
