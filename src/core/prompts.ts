/**
 * Asking for what the command line left out: only on a terminal (stdin and stdout TTYs, no
 * --no-input), on stderr; otherwise one usage error naming every missing flag.
 * A field with a fixed set of values is a select; every answer is checked as it is typed with
 * the rule its flag uses, and asked again when wrong; a field that becomes required through an
 * earlier answer (a deadline once an urgency is chosen) is asked then. Ctrl-C cancels with exit
 * 130 and nothing written. The prompt library is loaded only when a question is actually asked.
 */
import { styleText } from 'node:util';
import { blank, requireFlags, WenmiError } from './errors.js';
import { label, t, type Label } from './i18n.js';

export interface Choice {
  value: string;
  /** How the choice reads (default: the value). */
  label?: Label;
}

export interface Field {
  key: string;
  flag: string;
  label: Label;
  /** Throws a usage error for a bad answer: the same rule the flag uses. */
  check?: (value: string) => void;
  /** A fixed set of values: asked with a select. */
  choices?: readonly (string | Choice)[];
  /** Taken when Enter is pressed on an empty answer; shown with the question. */
  default?: string;
  /**
   * Needed only when this holds, given the answers so far (a deadline once an urgency is
   * chosen); then asked as a required field. Without a terminal the rules name it.
   */
  when?: (values: Record<string, unknown>) => boolean;
  /** May be left empty; asked only when some required field is being asked anyway (a guided entry). */
  optional?: boolean;
}

/** The prompt library's theme without colour (for --no-color and TERM=dumb; it honours NO_COLOR itself). */
const plain = (text: string) => text;
const PLAIN_THEME = {
  prefix: { idle: '?', done: '✔' },
  style: { answer: plain, message: plain, error: (text: string) => `> ${text}`, defaultAnswer: (text: string) => `(${text})`, help: plain, highlight: plain, key: (text: string) => `<${text}>` },
};

/** A select's theme: its key help in the current language, and no colour unless wanted. */
function selectTheme(color: boolean) {
  const dim = (text: string) => (color ? styleText('dim', text) : text);
  const keysHelpTip = (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${dim(t(`prompt.key.${action}`))}`).join(dim(' • '));
  return color ? { style: { keysHelpTip } } : { prefix: PLAIN_THEME.prefix, style: { ...PLAIN_THEME.style, description: plain, disabled: plain, keysHelpTip } };
}


/** The message of a bad answer, in the current language. */
function problem(f: Field, value: string): string | true {
  if (blank(value)) return f.optional ? true : t('prompt.required');
  try {
    f.check?.(value.trim());
    return true;
  } catch (e) {
    return e instanceof WenmiError ? t(e.code, e.params) : String(e);
  }
}

async function ask(f: Field, color: boolean): Promise<string | undefined> {
  const { input, select } = await import('@inquirer/prompts');
  const message = `${label(f.label)} (${f.flag})${f.optional ? t('prompt.optional') : ''}`;
  const context = { output: process.stderr };
  if (f.choices) {
    const choices = [
      ...(f.optional ? [{ value: '', name: t('prompt.none') }] : []),
      ...f.choices.map((c) => (typeof c === 'string' ? { value: c, name: c } : { value: c.value, name: c.label ? label(c.label) : c.value })),
    ];
    const answer = await select({ message, choices, default: f.default, theme: selectTheme(color) }, context);
    return answer === '' ? undefined : answer;
  }
  const answer = await input({ message, default: f.default, theme: color ? undefined : PLAIN_THEME, validate: (v: string) => problem(f, v) }, context);
  return blank(answer) ? undefined : answer.trim();
}

/** Fills in the missing fields by asking (on a terminal), or fails naming every missing flag. `say` writes a line to stderr. */
export async function completeFields(values: Record<string, unknown>, fields: Field[], interactive: boolean, color = true, say: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<void> {
  const missing = (f: Field) => blank(values[f.key]);
  if (!interactive) {
    const always = fields.filter((f) => !f.optional && f.when === undefined);
    if (always.some(missing)) requireFlags(Object.fromEntries(always.map((f) => [f.flag, values[f.key]])));
    return;
  }
  const guided = fields.some((f) => missing(f) && !f.optional && f.when === undefined);
  try {
    for (const f of fields) {
      if (!missing(f) || (f.when && !f.when(values)) || (f.optional && !guided)) continue;
      values[f.key] = await ask(f, color);
    }
  } catch (e) {
    // Ctrl-C: one line saying so; the CLI exits 130 on the library's own error, saying nothing more.
    if ((e as Error)?.name === 'ExitPromptError') say(t('prompt.cancelled'));
    throw e;
  }
}
