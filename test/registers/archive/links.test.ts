/**
 * Filing an incoming document is a link (core/links.ts): the item links 归档自 the document, and
 * both `show`s list it from the same link data; archive:003 links the items filed before links.
 */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/cli/registry.js';
import { fixedClock } from '../../../src/core/clock.js';
import { openDatabase, writeTx } from '../../../src/core/db.js';
import { post, type Ctx } from '../../../src/core/journal.js';
import { linkEnds } from '../../../src/core/links.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { setSetting } from '../../../src/core/settings.js';
import { fileItem, getItem } from '../../../src/registers/archive/rules.js';
import { findItemByIncoming } from '../../../src/registers/archive/sql.js';
import { archiveSettings } from '../../../src/registers/archive/settings.js';
import { fileIncoming, getIncoming, handlingNote, receiveIncoming } from '../../../src/registers/incoming/rules.js';
import { closeIncoming, reviewIncoming } from '../../../src/registers/incoming/workflow.js';
import { cli, tables, tempDir } from '../../helpers.js';

let env: Record<string, string>;

async function ok(args: string[], lang: 'zh' | 'en' = 'en') {
  const r = await cli(args, { env: { ...env, ...(lang === 'zh' ? { LANG: 'zh_CN.UTF-8' } : {}) } });
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r;
}

const ITEM = 'Z001-WS·2026-D30-0001';

describe('archive file --from-incoming, seen from both ends', () => {
  beforeEach(async () => {
    env = { WENMI_DB: path.join(tempDir(), 'w.db') };
    await ok(['init']);
    await ok(['config', 'set', 'archive.fonds', 'Z001']);
    await ok(['incoming', 'receive', '--sender', '市财政局', '--title', '关于编报预算的通知']);
    await ok(['incoming', 'review', '2026-0001', '--accept']);
    await ok(['incoming', 'close', '2026-0001']);
  });

  it('both shows list the link in zh, en and JSON', async () => {
    await ok(['archive', 'file', '--from-incoming', '2026-0001', '--retention', 'D30']);
    const incomingZh = (await ok(['incoming', 'show', '2026-0001'], 'zh')).stdout;
    expect(incomingZh).toMatch(new RegExp(`归档为\\s*│\\s*档案\\s*│\\s*${ITEM}\\s*│\\s*关于编报预算的通知 · 2026-11-27 · 定期30年 · 在库`));
    const archiveZh = (await ok(['archive', 'show', ITEM], 'zh')).stdout;
    expect(archiveZh).toMatch(/归档自\s*│\s*收文\s*│\s*2026-0001\s*│\s*关于编报预算的通知 · 市财政局 · 2026-11-27 · 已归档/);
    expect((await ok(['incoming', 'show', '2026-0001'])).stdout).toMatch(/filed as\s*│\s*archive\s*│/);
    expect((await ok(['archive', 'show', ITEM])).stdout).toMatch(/filed from\s*│\s*incoming\s*│\s*2026-0001\s*│.*· filed/);
    const a = JSON.parse((await ok(['archive', 'show', ITEM, '--format', 'json'])).stdout);
    const i = JSON.parse((await ok(['incoming', 'show', '2026-0001', '--format', 'json'])).stdout);
    expect(a.links).toEqual([{ kind: 'filed-from', direction: 'to', register: 'incoming', ref: '2026-0001', summary: '关于编报预算的通知 · 市财政局 · 2026-11-27 · filed' }]);
    expect(i.links).toEqual([{ kind: 'filed-from', direction: 'from', register: 'archive', ref: ITEM, summary: '关于编报预算的通知 · 2026-11-27 · 30 years · on the shelf' }]);
    expect(a.entry.incomingNo).toBe('2026-0001');
    expect(i.entry.state).toBe('已归档');
    expect((await ok(['verify'])).code).toBe(0);
  });

  it('takes the document as typed: 收文 2026-1, 收文2026-0001, incoming 2026-0001', async () => {
    expect((await ok(['archive', 'file', '--from-incoming', '收文 2026-1', '--retention', 'D30'])).stdout).toBe(`${ITEM}\n`);
    for (const typed of ['收文2026-0001', 'incoming 2026-0001']) {
      const r = await cli(['archive', 'file', '--from-incoming', typed, '--retention', 'D30'], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/already filed as/);
    }
  });

  it('refuses a reference to another register (exit 2) or an unknown document (exit 1), writing nothing', async () => {
    const before = (await ok(['verify'])).stdout;
    const other = await cli(['archive', 'file', '--from-incoming', '档案 Z001-WS·2026-Y-0001', '--retention', 'D30'], { env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/“档案 Z001-WS·2026-Y-0001”不是收文的编号/);
    const blank = await cli(['archive', 'file', '--from-incoming', ' ', '--retention', 'D30'], { env });
    expect(blank.code).toBe(2);
    expect(blank.stderr).toMatch(/no number was given/);
    const missing = await cli(['archive', 'file', '--from-incoming', '收文 2026-0099', '--retention', 'D30'], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/2026-0099/);
    expect((await ok(['verify'])).stdout).toBe(before);
  });
});

describe('archive:003-links on a database filed before links', () => {
  it('links the items filed then, verifies, and both ends show the link', () => {
    const all = buildRegistry().migrations;
    const file = path.join(tempDir(), 'old.db');
    const old = all.filter((m) => !['archive:003-links', 'core:005-links', 'core:007-links-from'].includes(m.id));
    const ctx: Ctx = { db: openDatabase(file, { create: true, migrations: old }), clock: fixedClock('2026-11-20T09:00'), operator: '王秘书' };
    writeTx(ctx.db, () => setSetting(ctx, archiveSettings, 'archive.fonds', 'Z001'));
    const doc = receiveIncoming(ctx, { receivedAt: '2026-11-20 09:00', sender: '市财政局', title: '关于编报预算的通知' });
    reviewIncoming(ctx, doc.number, { accept: true });
    closeIncoming(ctx, doc.number);
    // as the build before links filed it: the document's number in the item, the item's number in the event
    writeTx(ctx.db, () => {
      post(ctx, {
        register: 'archive',
        action: 'file',
        table: 'archive_items',
        values: { archive_no: ITEM, fonds: 'Z001', category: 'WS', year: 2026, retention: 'D30', org: '', serial: 1, title: doc.title, own_title: 0, author: doc.sender, doc_date: '2026-11-20', incoming_no: doc.number, filed_on: '2026-11-20' },
      });
      post(ctx, { register: 'incoming', action: 'file', table: 'incoming_events', values: { doc_id: doc.id, kind: 'file', state: '已归档', data: { archiveNo: ITEM } } });
    });
    const head = verifyDatabase(ctx.db, tables().filter((t) => t !== 'links')).head;
    ctx.db.close();

    const db = openDatabase(file, { create: false, mode: 'write', migrations: all });
    expect(verifyDatabase(db, tables(), head).ok).toBe(true);
    const migrated = db.prepare("SELECT operator, register, action, reason FROM journal WHERE tbl = 'links'").all();
    expect(migrated).toEqual([{ operator: 'wenmi', register: 'archive', action: 'link', reason: '迁移：归档时记录的收文编号记为关联' }]);
    expect(linkEnds(db, { register: 'incoming', ref: doc.number })).toEqual([{ kind: 'filed-from', direction: 'from', other: { register: 'archive', ref: ITEM } }]);
    expect(getItem(db, ITEM).incoming_no).toBe(doc.number);
    expect(findItemByIncoming(db, doc.number)?.archive_no).toBe(ITEM);
    expect(handlingNote(db, getIncoming(db, doc.number))).toBe(`已归档：${ITEM}`);
    // filing after the migration goes on as links, in the same series
    const now: Ctx = { db, clock: fixedClock('2026-11-27T09:30'), operator: '王秘书' };
    const next = receiveIncoming(now, { receivedAt: '2026-11-27 09:30', sender: '市委办公室', title: '关于年终总结的通知' });
    reviewIncoming(now, next.number, { accept: true });
    closeIncoming(now, next.number);
    const row = fileItem(now, { fromIncoming: next.number, retention: 'D30' });
    expect(row).toMatchObject({ archive_no: 'Z001-WS·2026-D30-0002', incoming_no: next.number });
    expect(db.prepare('SELECT incoming_no FROM archive_items WHERE archive_no = ?').pluck().get(row.archive_no)).toBeNull();
    expect(() => fileIncoming(now, doc.number)).toThrow(/incoming.cannotFile/);
    expect(verifyDatabase(db, tables()).ok).toBe(true);
    db.close();
  });
});
