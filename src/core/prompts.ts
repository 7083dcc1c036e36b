/**
 * Asking for what the command line left out: only on a terminal (stdin and stdout TTYs, no
 * --no-input), on stderr; otherwise one usage error naming every missing flag.
 * The prompt library is loaded only when a question is actually asked.
 */
import { blank, requireFlags, WenmiError } from './errors.js';
import { label, t, type Label } from './i18n.js';

export interface Field {
  key: string;
  flag: string;
  label: Label;
  /** Throws a usage error for a bad answer. */
  check?: (value: string) => void;
}

/** The prompt library's theme without colour (for --no-color and TERM=dumb; it honours NO_COLOR itself). */
const plain = (text: string) => text;
const PLAIN_THEME = {
  prefix: { idle: '?', done: '✔' },
  style: { answer: plain, message: plain, error: (text: string) => `> ${text}`, defaultAnswer: (text: string) => `(${text})`, help: plain, highlight: plain, key: (text: string) => `<${text}>` },
};

export async function completeFields(values: Record<string, unknown>, fields: Field[], interactive: boolean, color = true): Promise<void> {
  const missing = fields.filter((f) => blank(values[f.key]));
  if (missing.length === 0) return;
  if (!interactive) return requireFlags(Object.fromEntries(fields.map((f) => [f.flag, values[f.key]])));
  const { input } = await import('@inquirer/prompts');
  for (const f of missing) {
    values[f.key] = await input(
      {
        message: `${label(f.label)} (${f.flag})`,
        required: true,
        theme: color ? undefined : PLAIN_THEME,
        validate: (v: string) => {
          try {
            f.check?.(v);
            return true;
          } catch (e) {
            return e instanceof WenmiError ? t(e.code, e.params) : String(e);
          }
        },
      },
      { output: process.stderr },
    );
  }
}
