/**
 * A page set printed to PDF by a Chromium-family browser already on the machine (Chromium,
 * Chrome, Edge, or the program WENMI_BROWSER names), run headless on a private temporary copy
 * of the HTML. Nothing is downloaded. Loaded only by `--format pdf` (a chunk of its own).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dataError } from '../errors.js';

/** The programs looked for on PATH, in order. */
export const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'msedge', 'microsoft-edge'];

/** How long the browser may take to print before it is stopped. */
const TIMEOUT_MS = 60_000;

function runnable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first of `names` on `PATH` (with Windows' program extensions there). */
function onPath(names: string[], env: Record<string, string | undefined>): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
  for (const name of names) for (const dir of dirs) for (const ext of exts) if (runnable(path.join(dir, name + ext))) return path.join(dir, name + ext);
  return undefined;
}

/**
 * The browser to print with: WENMI_BROWSER (a path, or a name on PATH), else the first of
 * BROWSERS on PATH. None: a data error (exit 1) whose hint names `--format html`.
 */
export function findBrowser(env: Record<string, string | undefined>): string {
  const named = env.WENMI_BROWSER;
  if (named !== undefined && named.trim() !== '') {
    const found = named.includes('/') || named.includes('\\') ? (runnable(named) ? named : undefined) : onPath([named], env);
    if (!found) throw dataError('book.browserNotFound', { path: named });
    return found;
  }
  const found = onPath(BROWSERS, env);
  if (!found) throw dataError('book.noBrowser');
  return found;
}

/** The line the browser wrote to stderr that says most (its own words, quoted in the error), or undefined when it said nothing. */
function reasonOf(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return (lines.find((l) => /error/i.test(l)) ?? lines[lines.length - 1])?.slice(0, 300);
}

/**
 * Prints `html` to PDF with `browser` headless, in a new private temporary folder (the page, the
 * browser's profile, the PDF) that is removed afterwards whatever happens. Returns the PDF.
 */
export async function printPdf(html: string, browser: string, timeoutMs = TIMEOUT_MS): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenmi-pdf-'));
  try {
    const page = path.join(dir, 'book.html');
    const pdf = path.join(dir, 'book.pdf');
    fs.writeFileSync(page, html, { mode: 0o600 });
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    const { code, stderr, timedOut } = await new Promise<{ code: number | null; stderr: string; timedOut: boolean }>((resolve, reject) => {
      const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.stderr.on('data', (d: Buffer) => (err = (err + d.toString('utf8')).slice(-8000)));
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(dataError('book.pdfFailed', { reason: e.message }));
      });
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve({ code: c, stderr: err, timedOut });
      });
    });
    if (timedOut) throw dataError('book.pdfTimedOut', { seconds: Math.max(1, Math.round(timeoutMs / 1000)) });
    const data = fs.existsSync(pdf) ? fs.readFileSync(pdf) : undefined;
    if (!data || data.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const reason = reasonOf(stderr);
      throw reason === undefined ? dataError('book.pdfSilent', { code: String(code) }) : dataError('book.pdfFailed', { reason });
    }
    return data;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
