/**
 * The seal register's face: the only file another register may import from seal/
 * (test/architecture.test.ts). How links and typed references name a request to use a seal.
 */
import type { EntryFace } from '../../core/register.js';
import { getRequest } from './usage.js';

export const face: EntryFace = {
  find: (db, typed) => getRequest(db, typed).number,
  summary(db, ref) {
    const r = getRequest(db, ref);
    return [`${r.seal_name}：${r.doc}`, r.requested_on, r.state].join(' · ');
  },
};
