import { describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../../src/core/verify.js';
import { correctItem, voidItem } from '../../../src/registers/archive/corrections.js';
import { borrowItem, returnLoan } from '../../../src/registers/archive/loans.js';
import { checkShelf, fileItem, getItem } from '../../../src/registers/archive/rules.js';
import { iterateItems, revisionsOf } from '../../../src/registers/archive/sql.js';
import { catalogRow, correctionRows } from '../../../src/registers/archive/views.js';
import { expectRefused, tables } from '../../helpers.js';
import { archiveCtx, item } from './setup.js';

const who = { borrower: '李明', dept: '财务科', purpose: '查阅', approver: '王主任' };

describe('更正 (correct)', () => {
  it('a period filter finds an item by its current 文件日期: as filed, or its latest correction', () => {
    const ctx = archiveCtx('2026-12-20T09:00');
    const asFiled = fileItem(ctx, { ...item, title: '未更正', date: '2026-11-05' }).archive_no;
    const moved = fileItem(ctx, { ...item, title: '改到十二月', date: '2026-11-10' }).archive_no;
    const back = fileItem(ctx, { ...item, title: '改去又改回', date: '2026-11-12' }).archive_no;
    const other = fileItem(ctx, { ...item, title: '仅改页数', date: '2026-11-15' }).archive_no;
    correctItem(ctx, moved, { date: '2026-12-01' }, '日期有误');
    correctItem(ctx, back, { date: '2026-12-02' }, '日期有误');
    correctItem(ctx, back, { date: '2026-11-20' }, '再改');
    correctItem(ctx, other, { pages: 3 }, '页数');
    const dated = (from?: string, to?: string) => [...iterateItems(ctx.db, { from, to })].map((r) => [r.archive_no, r.doc_date]);
    expect(dated('2026-11-01', '2026-11-30')).toEqual([
      [asFiled, '2026-11-05'],
      [back, '2026-11-20'],
      [other, '2026-11-15'],
    ]);
    expect(dated('2026-12-01', '2026-12-31')).toEqual([[moved, '2026-12-01']]);
    expect(dated('2026-11-13')).toEqual([
      [moved, '2026-12-01'],
      [back, '2026-11-20'],
      [other, '2026-11-15'],
    ]);
    expect(dated(undefined, '2026-11-10')).toEqual([[asFiled, '2026-11-05']]);
  });

  it('adds a revision naming the one it corrects; the 档号 and the entry as filed stay', () => {
    const ctx = archiveCtx();
    const no = fileItem(ctx, { ...item, org: 'BGS', docNo: '某办〔2026〕15号', pages: 8 }).archive_no;
    const first = correctItem(ctx, no, { pages: 9, docNo: '' }, ' 页数点错 ');
    expect([first.archive_no, first.pages, first.doc_no, first.title]).toEqual([no, 9, null, item.title]);
    const second = correctItem(ctx, no.replace('·', '.'), { title: '[关于2027年部门预算的请示]', ownTitle: true, date: '2026-11-21' }, '题名有误');
    expect([second.title, second.own_title, second.doc_date, second.pages]).toEqual(['关于2027年部门预算的请示', 1, '2026-11-21', 9]);
    expect(revisionsOf(ctx.db, second.id).map((r) => [r.corrects, r.reason])).toEqual([
      [null, '页数点错'],
      [first.revision, '题名有误'],
    ]);
    expect(ctx.db.prepare('SELECT title, pages, doc_no FROM archive_items').get()).toEqual({ title: item.title, pages: 8, doc_no: '某办〔2026〕15号' });
    expect(correctionRows(ctx.db, second, false)).toEqual([
      { correction: 1, field: 'docNo', from: '某办〔2026〕15号', to: null, reason: '页数点错' },
      { correction: 1, field: 'pages', from: 8, to: 9, reason: '页数点错' },
      { correction: 2, field: 'title', from: item.title, to: '[关于2027年部门预算的请示]', reason: '题名有误' },
      { correction: 2, field: 'date', from: '2026-11-20', to: '2026-11-21', reason: '题名有误' },
    ]);
    expect(catalogRow(getItem(ctx.db, no), 1, false).remarks).toBe('已更正');
    expect(() => ctx.db.prepare("UPDATE archive_revisions SET reason = 'x'").run()).toThrow(/append-only/);
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('refuses what is not a correction, and changes nothing', () => {
    const ctx = archiveCtx();
    const no = fileItem(ctx, item).archive_no;
    expectRefused(ctx, () => correctItem(ctx, no, { pages: 3 }, undefined), /input.missing.*--reason/);
    expectRefused(ctx, () => correctItem(ctx, no, { pages: 3 }, '  '), /input.missing.*--reason/);
    expectRefused(ctx, () => correctItem(ctx, no, {}, '无'), /archive.nothingToCorrect/);
    expectRefused(ctx, () => correctItem(ctx, no, { author: item.author }, '无'), /archive.noChange/);
    expectRefused(ctx, () => correctItem(ctx, no, { date: '2025-12-31' }, '日期'), /archive.correctYear/);
    expectRefused(ctx, () => correctItem(ctx, no, { date: '2026-11-28' }, '日期'), /archive.dateInFuture/);
    expectRefused(ctx, () => correctItem(ctx, no, { title: ' ' }, '题名'), /input.missing.*--title/);
    expectRefused(ctx, () => correctItem(ctx, no, { pages: 100000 }, '页数'), /archive.pages/);
    expectRefused(ctx, () => correctItem(ctx, no, { secret: '秘密★11年' }, '密级'), /secret.tooLong/);
    expectRefused(ctx, () => correctItem(ctx, 'Z001-WS·2026-Y-0099', { pages: 3 }, '页数'), /archive.notFound/);
    borrowItem(ctx, no, who);
    expectRefused(ctx, () => correctItem(ctx, no, { secret: '秘密' }, '漏标密级'), /archive.correctWhileOut/);
    expect(correctItem(ctx, no, { box: '3' }, '入盒').box).toBe('3'); // other fields may be corrected while out
  });

  it('masks a classified title in the corrections unless revealed', () => {
    const ctx = archiveCtx();
    const no = fileItem(ctx, { ...item, secret: '秘密★5年' }).archive_no;
    const row = correctItem(ctx, no, { title: '更正后的涉密题名' }, '题名');
    expect(correctionRows(ctx.db, row, false)).toEqual([{ correction: 1, field: 'title', from: '***', to: '***', reason: '题名' }]);
    expect(correctionRows(ctx.db, row, true)[0]).toMatchObject({ from: item.title, to: '更正后的涉密题名' });
    // a classification left out at filing: the title as filed was ordinary, but is masked now
    const plain = fileItem(ctx, item).archive_no;
    const marked = correctItem(ctx, plain, { secret: '机密' }, '漏标密级');
    expect(correctionRows(ctx.db, marked, false)).toEqual([{ correction: 1, field: 'secret', from: null, to: '机密', reason: '漏标密级' }]);
    expect([...iterateItems(ctx.db, { search: '部门预算' })].map((r) => r.archive_no)).toEqual([]);
  });
});

describe('作废 (void)', () => {
  it('keeps the number, marked void with its reason; the item is not lent, corrected or expected on the shelf', () => {
    const ctx = archiveCtx();
    const [a, b] = [fileItem(ctx, item), fileItem(ctx, item)].map((r) => r.archive_no) as [string, string];
    expectRefused(ctx, () => voidItem(ctx, b, ''), /input.missing.*--reason/);
    const v = voidItem(ctx, b, '重复归档');
    expect([v.archive_no, v.voided_on, v.void_reason]).toEqual([b, '2026-11-27', '重复归档']);
    expectRefused(ctx, () => voidItem(ctx, b, '再次'), /archive.alreadyVoid/);
    expectRefused(ctx, () => borrowItem(ctx, b, who), /archive.isVoid/);
    expectRefused(ctx, () => correctItem(ctx, b, { pages: 2 }, '页数'), /archive.isVoid/);
    expect(fileItem(ctx, item).archive_no).toBe('Z001-WS·2026-Y-0003'); // a void number is never given again
    expect(catalogRow(getItem(ctx.db, b), 2, false).remarks).toBe('作废（2026-11-27）：重复归档');
    expect(checkShelf(ctx.db, `${a}\nZ001-WS·2026-Y-0003\n`).findings).toEqual([]);
    expect(checkShelf(ctx.db, `${a}\n${b}\nZ001-WS·2026-Y-0003\n`).findings).toEqual([{ archiveNo: b, finding: '作废在架', loanNo: null, line: 2 }]);
    expect([...iterateItems(ctx.db, { onLoan: false })].map((r) => r.archive_no)).toEqual([a, 'Z001-WS·2026-Y-0003']);
    expect(() => ctx.db.prepare('DELETE FROM archive_voids').run()).toThrow(/append-only/);
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('refuses an item out on loan until it is back', () => {
    const ctx = archiveCtx();
    const no = fileItem(ctx, item).archive_no;
    borrowItem(ctx, no, who);
    expectRefused(ctx, () => voidItem(ctx, no, '错归'), /archive.voidWhileOut/);
    returnLoan(ctx, 'J2026-0001');
    expect(voidItem(ctx, no, '错归').voided_on).toBe('2026-11-27');
  });
});
