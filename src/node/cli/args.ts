// Command-line options of the project's commands (`npm run export`, `npm run bench`), read with
// node:util's strict parseArgs. Each command describes its options once, so --help and the error
// for a mistyped option always agree with what is accepted.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the value looks like in the usage line (`n`, `dir`); string options only. */
  value?: string;
  /** The value when the option is not given; string options only. */
  default?: string;
  /** What the option does; a flag's help also says what happens without it. */
  help: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** The npm script: `npm run <name> -- …`, and the prefix of its error messages. */
  name: string;
  /** What the command does, for --help. */
  about: string;
  options: O;
}

/** Flags are false when not given; string options with a default always have a value. */
export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K] extends { default: string }
      ? string
      : string | undefined;
};

const HELP: OptionSpec = { type: 'boolean', help: 'print this help and exit' };

/** Reads the command line of `command`; on --help prints usage and exits 0, on a mistake exits 2. Runs first in every command. */
export function readArgs<O extends Record<string, OptionSpec>>(
  command: CommandSpec<O>,
  argv: string[] = process.argv.slice(2),
): OptionValues<O> {
  const options = Object.fromEntries(
    Object.entries({ ...command.options, help: HELP }).map(([name, spec]) => [
      name,
      {
        type: spec.type,
        ...(name === 'help' ? { short: 'h' } : {}),
        ...(spec.default !== undefined ? { default: spec.default } : {}),
      },
    ]),
  );
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // A request for help wins over a mistake next to it.
    if (argv.includes('--help') || argv.includes('-h')) values = { help: true };
    else {
      const message = error instanceof Error ? error.message.split('. ')[0]! : String(error);
      usageError(command, message.charAt(0).toLowerCase() + message.slice(1));
    }
  }
  if (values.help) {
    console.log(usage(command));
    process.exit(0);
  }
  for (const [name, spec] of Object.entries(command.options))
    if (spec.type === 'boolean') values[name] ??= false;
  return values as OptionValues<O>;
}

/** Says what is wrong with the command line, points at --help and exits 2; for checks parseArgs cannot make. */
export function usageError(command: CommandSpec<Record<string, OptionSpec>>, message: string): never {
  console.error(`${command.name}: ${message} (see --help)`);
  process.exit(2);
}

/** The value of `--<option>` as a whole number ≥ 1, or a usage error. */
export function wholeNumber(
  command: CommandSpec<Record<string, OptionSpec>>,
  option: string,
  text: string,
): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1)
    usageError(command, `--${option} needs a whole number ≥ 1, not "${text}"`);
  return value;
}

/** True when `moduleUrl` is the script node was started with, not a module a test or another command imports. */
export function isMainModule(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(resolve(process.argv[1])).href;
}

/** The --help text: usage line, what the command does, every option with its default. */
function usage(command: CommandSpec<Record<string, OptionSpec>>): string {
  const rows = Object.entries({ ...command.options, help: HELP }).map(
    ([name, spec]: [string, OptionSpec]) => {
      const flag = `${name === 'help' ? '-h, ' : '    '}--${name}${spec.value ? ` <${spec.value}>` : ''}`;
      return [
        flag,
        spec.default === undefined ? spec.help : `${spec.help} (default: ${spec.default})`,
      ] as const;
    },
  );
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `usage: npm run ${command.name} -- [options]`,
    '',
    command.about,
    '',
    'options:',
    ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`),
  ].join('\n');
}
