/** A tiny argv parser: `<command> [--flag] [--key value | --key=value] …`. */
export interface ParsedArgs {
  command: string | undefined;
  flags: Record<string, string | true>;
  rest: string[];
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const rest: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else if (
        i + 1 < argv.length &&
        !argv[i + 1].startsWith('--') &&
        !BOOLEAN_FLAGS.has(a.slice(2))
      )
        flags[a.slice(2)] = argv[++i];
      else flags[a.slice(2)] = true;
    } else if (command === undefined) command = a;
    else rest.push(a);
  }
  return { command, flags, rest };
}

const BOOLEAN_FLAGS = new Set(['force', 'keep', 'help', 'no-analyze']);
