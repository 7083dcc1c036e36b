/**
 * The seal register's face: the only file another register may import from seal/
 * (test/architecture.test.ts). How links name a seal request (Y2026-0001), and the one way
 * another register has a document stamped: request, approval and stamp in the seal register,
 * under the seal register's own rules (custody, state, approved count, no blank paper).
 */
import { label } from '../../core/i18n.js';
import type { Ctx } from '../../core/journal.js';
import type { EntryFace } from '../../core/register.js';
import { WORDS } from './columns.js';
import { approveRequest, getRequest, requestUse, stampRequest } from './usage.js';

export const face: EntryFace = {
  find: (db, typed) => getRequest(db, typed).number,
  summary(db, ref) {
    const r = getRequest(db, ref);
    return [r.doc, `${r.seal_code} ${r.seal_name}`, r.requested_on, `${r.stamped}/${r.approved ?? r.count}`, label(WORDS[r.state] ?? { zh: r.state, en: r.state })].join(' · ');
  },
};

export interface DocumentStamping {
  /** The seal, by code or name. */
  seal: string;
  /** 文件名称 as the usage book shows it. */
  doc: string;
  unit: string;
  purpose: string;
  count: number;
  approver: string;
  requester: string;
}

/**
 * Requests, approves and stamps `count` copies of a document in one go (one write transaction):
 * the seal register's rules apply to each step. Returns the request number and the line of the
 * usage book (its number, 2026-0012).
 */
export function stampDocument(ctx: Ctx, f: DocumentStamping): { request: string; line: string } {
  const request = requestUse(ctx, { seal: f.seal, doc: f.doc, unit: f.unit, purpose: f.purpose, count: f.count, requester: f.requester });
  approveRequest(ctx, request.number, { approver: f.approver });
  const { line } = stampRequest(ctx, request.number, { count: f.count });
  return { request: request.number, line: line.no };
}
