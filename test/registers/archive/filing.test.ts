import { describe, expect, it } from 'vitest';
import { writeTx } from '../../../src/core/db.js';
import { setSetting } from '../../../src/core/settings.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { backIncoming, handIncoming } from '../../../src/registers/incoming/custody.js';
import { getIncoming, receiveIncoming, voidIncoming } from '../../../src/registers/incoming/rules.js';
import { closeIncoming, instructIncoming, reviewIncoming } from '../../../src/registers/incoming/workflow.js';
import type { Ctx } from '../../../src/core/journal.js';
import { historyOf } from '../../../src/core/journal.js';
import { checkShelf, fileItem, formatArchiveNo, getItem, normalizeArchiveNo, shownTitle } from '../../../src/registers/archive/rules.js';
import { archiveSettings } from '../../../src/registers/archive/settings.js';
import { expectRefused, tables, testCtx } from '../../helpers.js';
import { archiveCtx, item, journalCount } from './setup.js';

describe('档号 (DA/T 22-2015)', () => {
  it('forms the number for each retention period, with and without an org code', () => {
    const ctx = archiveCtx();
    const y = fileItem(ctx, { ...item, retention: 'Y', org: 'bgs' });
    const d30 = fileItem(ctx, { ...item, retention: 'D30', org: 'BGS' });
    const d10 = fileItem(ctx, { ...item, retention: 'D10' });
    const zh = fileItem(ctx, { ...item, retention: '定期30年' });
    expect(fileItem(ctx, { ...item, retention: 'Ｄ１０', org: 'ＢＧＳ' }).archive_no).toBe('Z001-WS\u00b72026-D10-BGS-0001'); // full-width, as an IME types it
    expect([y.archive_no, d30.archive_no, d10.archive_no, zh.archive_no]).toEqual([
      'Z001-WS\u00b72026-Y-BGS-0001',
      'Z001-WS\u00b72026-D30-BGS-0001',
      'Z001-WS\u00b72026-D10-0001',
      'Z001-WS\u00b72026-D30-0001',
    ]);
    expect(formatArchiveNo({ fonds: 'Z001', category: 'WS', year: 2026, retention: 'Y', org: '', serial: 12 })).toBe('Z001-WS·2026-Y-0012');
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('takes the 全宗号 and 门类代码 from the settings', () => {
    const ctx = archiveCtx(undefined, { 'archive.fonds': 'x012', 'archive.category': 'kj' });
    expect(fileItem(ctx, item).archive_no).toBe('X012-KJ·2026-Y-0001');
    expect(() => writeTx(ctx.db, () => setSetting(ctx, archiveSettings, 'archive.fonds', 'Z01'))).toThrow(/archive.setting.fonds/);
    expect(() => writeTx(ctx.db, () => setSetting(ctx, archiveSettings, 'archive.category', 'W1'))).toThrow(/archive.setting.category/);
  });

  it('refuses to file without a 全宗号, and writes nothing', () => {
    const ctx = testCtx();
    expect(() => fileItem(ctx, item)).toThrow(/archive.noFonds/);
    expect(journalCount(ctx)).toBe(0);
  });

  it('counts 件号 gap-free within each year, retention period and org code', () => {
    const ctx = archiveCtx();
    const nos = [
      fileItem(ctx, { ...item, org: 'BGS' }),
      fileItem(ctx, { ...item, org: 'BGS' }),
      fileItem(ctx, { ...item }),
      fileItem(ctx, { ...item, org: 'CWK' }),
      fileItem(ctx, { ...item, org: 'BGS' }),
      fileItem(ctx, { ...item, retention: 'D10' }),
      fileItem(ctx, { ...item }),
    ].map((r) => r.archive_no);
    expect(nos).toEqual([
      'Z001-WS·2026-Y-BGS-0001',
      'Z001-WS·2026-Y-BGS-0002',
      'Z001-WS·2026-Y-0001',
      'Z001-WS·2026-Y-CWK-0001',
      'Z001-WS·2026-Y-BGS-0003',
      'Z001-WS·2026-D10-0001',
      'Z001-WS·2026-Y-0002',
    ]);
  });

  it('restarts 件号 with the year of the document, and continues last year when a late item of it is filed', () => {
    const ctx = archiveCtx('2027-01-05T10:00');
    expect(fileItem(ctx, { ...item, date: '2026-12-30' }).archive_no).toBe('Z001-WS·2026-Y-0001');
    expect(fileItem(ctx, { ...item, date: '2026-12-31' }).archive_no).toBe('Z001-WS·2026-Y-0002');
    expect(fileItem(ctx, { ...item, date: '2027-01-02' }).archive_no).toBe('Z001-WS·2027-Y-0001');
    expect(fileItem(ctx, { ...item, date: '2026-06-01' }).archive_no).toBe('Z001-WS·2026-Y-0003');
    expect(fileItem(ctx, { ...item, date: '2027-01-05' }).archive_no).toBe('Z001-WS·2027-Y-0002');
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('refuses bad input and changes nothing', () => {
    const ctx = archiveCtx();
    const before = journalCount(ctx);
    expect(() => fileItem(ctx, { ...item, retention: 'D20' })).toThrow(/archive.retention/);
    expect(() => fileItem(ctx, { ...item, org: 'B-GS' })).toThrow(/archive.org/);
    expect(() => fileItem(ctx, { ...item, date: '2026-11-28' })).toThrow(/archive.dateInFuture/);
    expect(() => fileItem(ctx, { ...item, pages: 0 })).toThrow(/archive.pages/);
    expect(() => fileItem(ctx, { ...item, pages: 1e20 })).toThrow(/archive.pages/); // was stored as the float 1.0e+20
    expect(() => fileItem(ctx, { ...item, pages: 100000 })).toThrow(/archive.pages/);
    expect(() => fileItem(ctx, { ...item, secret: '秘密★11年' })).toThrow(/secret.tooLong/);
    expect(() => fileItem(ctx, { retention: 'Y' })).toThrow(/input.missing.*--title --author --date/);
    expect(journalCount(ctx)).toBe(before);
  });

  it('accepts the dots people type for the middle dot when looking an item up', () => {
    const ctx = archiveCtx();
    fileItem(ctx, { ...item, org: 'BGS' });
    expect(normalizeArchiveNo(' z001-ws.2026-y-bgs-0001 ')).toBe('Z001-WS·2026-Y-BGS-0001');
    expect(getItem(ctx.db, 'Z001-WS・2026-Y-BGS-0001').serial).toBe(1);
    expect(() => getItem(ctx.db, 'Z001-WS·2026-Y-BGS-0002')).toThrow(/archive.notFound/);
  });
});

describe('filing from an incoming document', () => {
  const at = '2026-11-20T09:00:00+08:00';
  const closed = (ctx: Ctx, ref: string) => {
    reviewIncoming(ctx, ref, { accept: true });
    closeIncoming(ctx, ref);
  };

  it('copies its fields and marks it 已归档 in the same transaction', () => {
    const ctx = archiveCtx();
    receiveIncoming(ctx, { receivedAt: at, sender: '市财政局', senderNo: '财预〔2026〕12号', title: '关于编报预算的通知', pages: 6 });
    closed(ctx, '2026-0001');
    const row = fileItem(ctx, { fromIncoming: '2026-0001', retention: 'D30', org: 'BGS' });
    expect(row).toMatchObject({ archive_no: 'Z001-WS·2026-D30-BGS-0001', title: '关于编报预算的通知', own_title: 0, author: '市财政局', doc_no: '财预〔2026〕12号', doc_date: '2026-11-20', pages: 6, incoming_no: '2026-0001' });
    expect(getIncoming(ctx.db, '2026-0001').state).toBe('已归档');
    const before = journalCount(ctx);
    expect(() => fileItem(ctx, { fromIncoming: '2026-0001', retention: 'D30' })).toThrow(/archive.incomingFiled/);
    expect(journalCount(ctx)).toBe(before);
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('keeps a classified document classified, and an archivist-written title in [ ]', () => {
    const ctx = archiveCtx();
    receiveIncoming(ctx, { receivedAt: at, sender: '市委办公室', title: '某涉密文件', secret: '机密★10年', copyNo: '3' });
    closed(ctx, 'M2026-0001');
    const row = fileItem(ctx, { fromIncoming: 'M2026-0001', retention: 'Y', title: '[市委办公室关于某事项的通知]', ownTitle: true });
    expect(row.title).toBe('市委办公室关于某事项的通知');
    expect([row.secret_level, row.secret_period]).toEqual(['机密', '10年']);
    expect(shownTitle(row, true)).toBe('[市委办公室关于某事项的通知]');
    expect(shownTitle(row, false)).toBe('【机密】');
  });

  it('refuses a document none of whose copies is back at the secretariat, and files it once one is', () => {
    const ctx = archiveCtx();
    receiveIncoming(ctx, { receivedAt: at, sender: '市财政局', title: '关于编报预算的通知', copies: 2 });
    reviewIncoming(ctx, '2026-0001', { accept: true });
    handIncoming(ctx, '2026-0001', { to: '李明', count: 2 });
    closeIncoming(ctx, '2026-0001', { force: true, reason: '传阅件未收回，先办结' });
    const before = journalCount(ctx);
    expect(() => fileItem(ctx, { fromIncoming: '2026-0001', retention: 'D10' })).toThrow(/archive.incomingNotInHand.*1：李明、2：李明/);
    expect(journalCount(ctx)).toBe(before);
    expect(getIncoming(ctx.db, '2026-0001').state).not.toBe('已归档');
    backIncoming(ctx, '2026-0001', { copies: ['2'] });
    expect(fileItem(ctx, { fromIncoming: '2026-0001', retention: 'D10' }).archive_no).toBe('Z001-WS·2026-D10-0001');
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('files only a closed document, or an unfinished one with a reason that is journaled', () => {
    const ctx = archiveCtx();
    receiveIncoming(ctx, { receivedAt: at, sender: '市财政局', title: '关于编报预算的通知' });
    receiveIncoming(ctx, { receivedAt: at, sender: '市财政局', title: '关于年终决算的通知' });
    expectRefused(ctx, () => fileItem(ctx, { fromIncoming: '2026-0001', retention: 'D10' }), 'archive.incomingNotClosed', 'data');
    expectRefused(ctx, () => fileItem(ctx, { fromIncoming: '2026-0001', retention: 'D10', unfinished: true }), 'input.missing', 'usage');
    expectRefused(ctx, () => fileItem(ctx, { ...item, unfinished: true, reason: 'x' }), 'archive.unfinishedWithoutIncoming', 'usage');
    const row = fileItem(ctx, { fromIncoming: '2026-0001', retention: 'D10', unfinished: true, reason: '承办科室撤销，材料移交' });
    expect(historyOf(ctx.db, 'archive_items', row.id)[0]!.reason).toBe('承办科室撤销，材料移交');
    closed(ctx, '2026-0002');
    expectRefused(ctx, () => fileItem(ctx, { fromIncoming: '2026-0002', retention: 'D10', unfinished: true, reason: 'x' }), 'archive.alreadyClosed', 'usage');
    expect(historyOf(ctx.db, 'archive_items', fileItem(ctx, { fromIncoming: '2026-0002', retention: 'D10' }).id)[0]!.reason).toBeNull();
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('records attachments and the carrier, and carries the leaders\' instructions over from the incoming document', () => {
    const ctx = archiveCtx();
    expectRefused(ctx, () => fileItem(ctx, { ...item, medium: '胶片' }), 'archive.medium', 'usage');
    const photo = fileItem(ctx, { ...item, medium: '照片', attachments: '底片12张' });
    expect([photo.medium, photo.attachments, photo.instruction]).toEqual(['照片', '底片12张', null]);
    expect(fileItem(ctx, { ...item, title: '另一件' }).medium).toBe('纸质');
    receiveIncoming(ctx, { receivedAt: at, sender: '市财政局', title: '关于编报预算的通知' });
    reviewIncoming(ctx, '2026-0001', { accept: true });
    instructIncoming(ctx, '2026-0001', { leader: '张局长', text: '请财务科办理', date: '2026-11-21' });
    instructIncoming(ctx, '2026-0001', { leader: '李副局长', text: '同意', date: '2026-11-22' });
    closeIncoming(ctx, '2026-0001');
    const row = fileItem(ctx, { fromIncoming: '2026-0001', retention: 'D10' });
    expect(row.instruction).toBe('张局长：请财务科办理（2026-11-21）；李副局长：同意（2026-11-22）');
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('files a classified document only when every numbered copy is back', () => {
    const ctx = archiveCtx();
    receiveIncoming(ctx, { receivedAt: at, sender: '市委办公室', title: '某涉密文件', secret: '秘密★5年', copyNo: '3', copies: 2 }, { circle: ['李明'] });
    reviewIncoming(ctx, 'M2026-0001', { accept: true });
    handIncoming(ctx, 'M2026-0001', { to: '李明', count: 1 });
    closeIncoming(ctx, 'M2026-0001', { force: true, reason: '阅件待收回' });
    const e = expectRefused(ctx, () => fileItem(ctx, { fromIncoming: 'M2026-0001', retention: 'D10' }), 'archive.classifiedCopyOut', 'data');
    expect(String(e.params.out)).toContain('李明');
    backIncoming(ctx, 'M2026-0001', { all: true });
    expect(fileItem(ctx, { fromIncoming: 'M2026-0001', retention: 'D10' }).secret_level).toBe('秘密');
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('refuses a void incoming document and leaves both registers unchanged', () => {
    const ctx = archiveCtx();
    receiveIncoming(ctx, { receivedAt: at, sender: 'A', title: 'T' });
    voidIncoming(ctx, '2026-0001', '重复登记');
    const before = journalCount(ctx);
    expect(() => fileItem(ctx, { fromIncoming: '2026-0001', retention: 'D10' })).toThrow(/incoming.cannotFile/);
    expect(() => fileItem(ctx, { fromIncoming: '2026-0099', retention: 'D10' })).toThrow(/incoming.notFound/);
    expect(journalCount(ctx)).toBe(before);
    expect(ctx.db.prepare('SELECT count(*) FROM archive_items').pluck().get()).toBe(0);
  });
});

describe('the register is append-only', () => {
  it('refuses UPDATE and DELETE of posted rows', () => {
    const ctx = archiveCtx();
    fileItem(ctx, item);
    expect(() => ctx.db.prepare("UPDATE archive_items SET title = 'X'").run()).toThrow(/append-only/);
    expect(() => ctx.db.prepare('DELETE FROM archive_items').run()).toThrow(/append-only/);
  });
});

describe('shelf check (清点核对)', () => {
  it('reads lists as people make them: full-width and short numbers, spreadsheet columns, quotes, CR line ends, duplicates', () => {
    const ctx = archiveCtx();
    const [a, b, c] = [1, 2, 3].map(() => fileItem(ctx, { ...item, org: "BGS" }).archive_no) as [string, string, string];
    const text = ['档号,盒号', `${a},3`, 'Ｚ００１－ＷＳ．２０２６－Ｙ－ＢＧＳ－２', `"${c}"\t3`, `  ${a.toLowerCase()}  `].join('\r');
    const r = checkShelf(ctx.db, text);
    expect(r.findings).toEqual([{ archiveNo: '档号', finding: '未登记', loanNo: null, line: 1 }]);
    expect(r.found).toBe(4);
    expect(r.duplicates).toEqual([{ archiveNo: a, lines: [2, 5] }]);
    expect(b).toBe('Z001-WS·2026-Y-BGS-0002');
    expect(getItem(ctx.db, 'z001-ws.2026-y-bgs-3').archive_no).toBe(c);
  });

  it('reports items neither found nor on loan, found items recorded as out, and unknown numbers', async () => {
    const { borrowItem } = await import('../../../src/registers/archive/loans.js');
    const ctx = archiveCtx();
    const a = fileItem(ctx, item).archive_no;
    const b = fileItem(ctx, item).archive_no;
    const c = fileItem(ctx, item).archive_no;
    const d = fileItem(ctx, item).archive_no;
    borrowItem(ctx, c, { borrower: '李明', dept: '财务科', purpose: '查阅', approver: '王主任' });
    borrowItem(ctx, d, { borrower: '赵敏', dept: '人事科', purpose: '查阅', approver: '王主任' });
    // a on the shelf; b missing; c out and not on the shelf (fine); d out but found on the shelf
    const clean = checkShelf(ctx.db, `${a}\n${b}\n`);
    expect(clean.findings).toEqual([]);
    const text = `${a}\n\n  ${d.replace('·', '.')}  \r\nZ001-WS·2026-Y-0099\n${a}\n`;
    const { findings, items, found } = checkShelf(ctx.db, text);
    expect({ items, found }).toEqual({ items: 4, found: 3 });
    expect(findings).toEqual([
      { archiveNo: b, finding: '缺失', loanNo: null, line: null },
      { archiveNo: d, finding: '借出在架', loanNo: 'J2026-0002', line: 3 },
      { archiveNo: 'Z001-WS·2026-Y-0099', finding: '未登记', loanNo: null, line: 4 },
    ]);
  });
});
