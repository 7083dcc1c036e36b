/**
 * Docs that run: the tours in README.md and docs/*.md, run with the built binary and compared with
 * what the page shows (test/docs.test.ts); `npm run docs:update` writes the real outputs back.
 *
 * The convention (README, "Tests"): every ```console block of a page is part of that page's
 * tour, in order, in one shell session on a fresh folder (its HOME and working directory); a line
 * `$ COMMAND` is run by bash as written (a trailing `\` continues it on the next line), and the
 * lines up to the next `$ ` are what it prints, stdout and stderr together as a terminal shows
 * them. `export` carries over to later commands, so a page states its clock with
 * `$ export WENMI_NOW=…` (wenmi refuses to run in a tour without one) and its database with
 * `$ export WENMI_DB=…` + `$ wenmi init`. Blank lines after an output only separate steps.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN } from './helpers.js';

export interface Step {
  /** The command as the page writes it, without `$ ` (continuation lines joined by newlines). */
  command: string;
  /** The lines the page shows under it (trailing blank lines removed). */
  shown: string[];
}

interface Block {
  /** Line index of the opening fence. */
  start: number;
  /** Line index of the closing fence. */
  end: number;
  steps: Step[];
  /** The page's lines inside the block before its first command. */
  lead: string[];
  /** Blank lines kept after each step's output. */
  gaps: number[];
}

const FENCE = /^(\s*)(```+|~~~+)(.*)$/;

/** The console blocks of a page; refuses a `$ wenmi` line in any other fenced block (it would escape the test). */
export function parseTour(markdown: string, file: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const info = open[3]!.trim();
    let end = i + 1;
    while (end < lines.length && !(lines[end]!.trim().startsWith(open[2]!) && lines[end]!.trim().replace(/[`~]/g, '') === '')) end++;
    const body = lines.slice(i + 1, end);
    if (info !== 'console') {
      const stray = body.find((l) => /^\$ .*\bwenmi\b/.test(l));
      if (stray) throw new Error(`${file}:${i + 1}: a command in a \`\`\`${info} block is not run by the doc test; make the block \`\`\`console: ${stray}`);
      i = end;
      continue;
    }
    const block: Block = { start: i, end, steps: [], lead: [], gaps: [] };
    for (let j = 0; j < body.length; j++) {
      const line = body[j]!;
      if (line.startsWith('$ ')) {
        let command = line.slice(2);
        while (command.endsWith('\\') && j + 1 < body.length) command += '\n' + body[++j]!;
        block.steps.push({ command, shown: [] });
      } else if (block.steps.length === 0) block.lead.push(line);
      else block.steps[block.steps.length - 1]!.shown.push(line);
    }
    for (const step of block.steps) {
      let gap = 0;
      while (step.shown.length > 0 && step.shown[step.shown.length - 1]!.trim() === '') {
        step.shown.pop();
        gap++;
      }
      block.gaps.push(gap);
    }
    blocks.push(block);
    i = end;
  }
  return blocks;
}

export interface Ran {
  step: Step;
  output: string[];
}

/** Runs one bash script; resolves with everything it printed (stderr goes to the same pipe). */
function bash(script: string, folder: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd: folder, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

/** Runs a page's steps in order in a fresh folder, one bash per step, exports carried over. */
export async function runTour(blocks: Block[], folder: string): Promise<Ran[][]> {
  const shim = path.join(folder, '.bin');
  fs.mkdirSync(shim);
  fs.writeFileSync(
    path.join(shim, 'wenmi'),
    `#!/bin/sh\n[ -n "$WENMI_NOW" ] || { echo "doc test: no clock: the tour must export WENMI_NOW first" >&2; exit 99; }\nexec "${process.execPath}" "${BIN}" "$@"\n`,
    { mode: 0o755 },
  );
  const state = path.join(folder, '.env.sh');
  fs.writeFileSync(state, '');
  const env = { PATH: `${shim}:${process.env.PATH}`, HOME: folder, TZ: 'UTC', LANG: 'C.UTF-8', TERM: 'dumb' };
  const ran: Ran[][] = [];
  for (const block of blocks) {
    const steps: Ran[] = [];
    for (const step of block.steps) {
      const script = `exec 2>&1\n. "${state}"\ncd "${folder}"\n${step.command}\n__rc=$?\nexport -p | grep -v -E '^declare -x (OLDPWD|PWD|SHLVL|_)=' > "${state}"\nexit $__rc\n`;
      const text = (await bash(script, folder, env)).replace(/\n+$/, '');
      steps.push({ step, output: text === '' ? [] : text.split('\n').map((l) => l.replace(/\s+$/, '')) });
    }
    ran.push(steps);
  }
  return ran;
}

/** The page with every console block's outputs replaced by what the steps printed. */
export function rewrite(markdown: string, blocks: Block[], ran: Ran[][]): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let at = 0;
  blocks.forEach((block, b) => {
    out.push(...lines.slice(at, block.start + 1), ...block.lead);
    ran[b]!.forEach(({ step, output }, s) => {
      out.push(...step.command.split('\n').map((l, k) => (k === 0 ? `$ ${l}` : l)), ...output);
      for (let g = 0; g < block.gaps[s]!; g++) out.push('');
    });
    at = block.end;
  });
  out.push(...lines.slice(at));
  return out.join('\n');
}

/** Trailing spaces are not part of what a page shows (editors strip them). */
export function normalized(markdown: string): string {
  return markdown
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n');
}
