/** The relay commands as a secretary and an evening script meet them: exit codes, refusals writing nothing, reveals, due. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../helpers.js';

let db: string;
const run = (args: string[], at = '2026-11-27T09:30', lang?: 'zh') => cli(lang ? ['--lang', lang, ...args] : args, { env: { WENMI_DB: db, WENMI_NOW: at } });
const ok = async (args: string[], at?: string) => {
  const r = await run(args, at);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
};
function query<T>(sql: string): T[] {
  const raw = new Database(db, { readonly: true });
  const rows = raw.prepare(sql).pluck().all() as T[];
  raw.close();
  return rows;
}
const journalSize = () => query<number>('SELECT count(*) FROM journal')[0]!;
/** Runs a command that must be refused with `code`, and checks it wrote nothing. */
async function refused(args: string[], code: number, message: RegExp, at?: string) {
  const before = journalSize();
  const r = await run(args, at);
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).toMatch(message);
  expect(journalSize()).toBe(before);
}

const call = ['relay', 'down', '--caller', '张处长', '--source', '市委办公室', '--summary', '明早8点全体干部大会', '--to', '李局长,办公室', '--to', '人事科', '--important', '--received', '2026-11-27 08:40'];
const secret = ['relay', 'down', '--source', '市委机要局', '--summary', '某项部署', '--secret', '机密★10年', '--channel', '机要', '--circle', '李局长,王副局长', '--to', '李局长', '--important'];

beforeEach(async () => {
  db = path.join(tempDir(), 'w.db');
  expect((await cli(['init', '--db', db])).code).toBe(0);
});

describe('logging a morning', () => {
  it('prints the number on stdout and says what was logged on stderr', async () => {
    const r = await ok(call);
    expect(r.stdout).toBe('CD2026-0001\n');
    expect(r.stderr).toBe('logged CD2026-0001, passed on to 3; everyone to confirm by 2026-11-28\n');
    expect((await ok(['relay', 'up', '--to', '市委办公室', '--summary', '本周信访情况'])).stdout).toBe('SB2026-0001\n');
    const zh = await run(['relay', 'up', '--to', '市政府办公室', '--summary', '安全生产情况', '--by-deadline', '2026-12-05'], '2026-11-27T09:31', 'zh');
    expect(zh.stderr).toBe('已登记上报 SB2026-0002（待报送）\n');
  });

  it('names every missing flag at once when not on a terminal (exit 2), and asks nothing', async () => {
    await refused(['relay', 'down', '--channel', '电话'], 2, /--source --summary --to/);
    await refused(['relay', 'up'], 2, /--to --summary/);
    await refused(['relay', 'confirm', 'CD2026-0001'], 2, /--person/);
  });

  it('refuses a bad channel, date or classification as usage (exit 2)', async () => {
    await refused([...call, '--channel', '微信'], 2, /微信/);
    await refused(['relay', 'up', '--to', '市委', '--summary', 'x', '--by-deadline', 'someday'], 2, /someday/);
    await refused(secret.map((a) => (a === '机密★10年' ? '机密★99年' : a)), 2, /机密★99年/);
  });
});

describe('the refusals the issue names: exit 1, nothing written', () => {
  it('a classified entry by 短信, a recipient outside the circle, confirming twice, confirming for someone not told', async () => {
    await ok(call);
    await refused(['relay', 'down', '--source', '市委机要局', '--summary', '某项部署', '--secret', '机密', '--channel', '短信', '--circle', '李局长', '--to', '李局长'], 1, /goes only by confidential courier, by hand, meeting, not by "text message"/);
    await refused(['relay', 'down', '--source', '市委机要局', '--summary', '某项部署', '--secret', '机密', '--channel', '机要', '--circle', '李局长', '--to', '李局长,赵科员'], 1, /赵科员 not in the circle/);
    await ok(['relay', 'confirm', 'CD2026-0001', '--person', '李局长']);
    await refused(['relay', 'confirm', 'CD2026-0001', '--person', '李局长'], 1, /李局长 already confirmed CD2026-0001 at 2026-11-27 09:30/);
    await refused(['relay', 'confirm', 'CD2026-0001', '--person', '赵科员'], 1, /赵科员 is not among the recipients of CD2026-0001 \(李局长、办公室、人事科\)/);
    await refused(['relay', 'confirm', 'CD2026-0009', '--person', '李局长'], 1, /no relay entry is numbered CD2026-0009/);
    await refused(['relay', 'sent', 'CD2026-0001'], 1, /was passed down/);
  });

  it('says them in Chinese under zh', async () => {
    await ok(call);
    const r = await run(['relay', 'confirm', 'CD2026-0001', '--person', '赵科员'], undefined, 'zh');
    expect([r.code, r.stderr]).toEqual([1, '错误：赵科员 不在 CD2026-0001 的传达范围（李局长、办公室、人事科）内。\n']);
  });
});

describe('due and the evening script', () => {
  it('exits 3 from `wenmi due --register relay --fail-if-overdue` while a confirmation or report is late, 0 once done', async () => {
    await ok(call);
    await ok(['relay', 'up', '--to', '市政府办公室', '--summary', '安全生产情况', '--by-deadline', '2026-11-30']);
    await ok(['relay', 'confirm', 'CD2026-0001', '--person', '李局长'], '2026-11-27T10:00');
    const soon = await run(['due', '--register', 'relay', '--fail-if-overdue', '--format', 'json'], '2026-11-28T18:00');
    expect(soon.code).toBe(0);
    expect(JSON.parse(soon.stdout).map((r: { ref: string; who: string }) => [r.ref, r.who])).toEqual([['CD2026-0001', '办公室、人事科'], ['SB2026-0001', '市政府办公室']]);
    const late = await run(['due', '--register', 'relay', '--fail-if-overdue'], '2026-11-29T18:00');
    expect(late.code).toBe(3);
    expect(late.stdout).toContain('CD2026-0001\t明早8点全体干部大会\t办公室、人事科');
    await ok(['relay', 'confirm', 'CD2026-0001', '--person', '办公室'], '2026-11-29T18:01');
    await ok(['relay', 'confirm', 'CD2026-0001', '--person', '人事科'], '2026-11-29T18:02');
    expect((await run(['due', '--register', 'relay', '--fail-if-overdue'], '2026-11-29T18:03')).code).toBe(0);
    await ok(['relay', 'up', '--to', '市政府办公室', '--summary', '迟报', '--by-deadline', '2026-11-28'], '2026-11-29T18:04');
    expect((await run(['due', '--register', 'relay', '--fail-if-overdue'], '2026-11-29T18:05')).code).toBe(3);
    await ok(['relay', 'sent', 'SB2026-0002'], '2026-11-29T18:06');
    expect((await run(['due', '--register', 'relay', '--fail-if-overdue'], '2026-11-29T18:07')).code).toBe(0);
  });
});

describe('classified main points', () => {
  it('are masked in list, print, export, show and due; --reveal shows them and is journaled', async () => {
    await ok(secret);
    for (const args of [['relay', 'list'], ['relay', 'print'], ['relay', 'export'], ['relay', 'show', 'MCD2026-0001'], ['due']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toContain('【机密】');
      expect(r.stdout, args.join(' ')).not.toContain('某项部署');
    }
    expect(query<string>("SELECT content FROM journal WHERE tbl = 'reveals'")).toEqual([]);
    expect((await ok(['relay', 'list', '--reveal'])).stdout).toContain('某项部署');
    expect((await ok(['relay', 'show', 'mcd2026-1', '--reveal', '--format', 'json'])).stdout).toContain('"summary": "某项部署"');
    const reveals = query<string>("SELECT content FROM journal WHERE tbl = 'reveals' ORDER BY seq").map((c) => JSON.parse(c));
    expect(reveals.map((r) => [r.command, JSON.parse(r.refs)])).toEqual([['list', ['MCD2026-0001']], ['show', ['MCD2026-0001']]]);
  });
});

describe('list, show, print, export, report', () => {
  it('lists by direction and state, in either language; JSON keys are the column keys', async () => {
    await ok(call);
    await ok(['relay', 'up', '--to', '市委办公室', '--summary', '本周信访情况', '--channel', '文件']);
    const up = JSON.parse((await ok(['relay', 'list', '--direction', 'up', '--format', 'json'])).stdout);
    expect(up).toEqual([{ number: 'SB2026-0001', on: '2026-11-27', direction: '上报', party: '市委办公室', channel: '文件', summary: '本周信访情况', recipients: null, confirmed: null, late: null, due: null, state: '已报送' }]);
    expect((await ok(['relay', 'list', '--state', '待确认'])).stdout.split('\n')[1]).toMatch(/^CD2026-0001\t2026-11-27\tdown\t市委办公室\tphone\t明早8点全体干部大会\t李局长、办公室、人事科\t0\/3\t0\t2026-11-28\tunconfirmed$/);
    expect((await ok(['relay', 'list', '--state', 'confirmed'])).stdout.split('\n').length).toBe(2);
    // confirmation is counted where it is asked for (or was given anyway)
    await ok(['relay', 'down', '--source', '省政府办公厅', '--summary', '通知', '--to', '李局长,后勤科', '--channel', '文件']);
    expect(JSON.parse((await ok(['relay', 'list', '--direction', '下达', '--format', 'json'])).stdout).map((r: { confirmed: string | null }) => r.confirmed)).toEqual(['0/3', null]);
    await ok(['relay', 'confirm', 'CD2026-0002', '--person', '后勤科']);
    expect(JSON.parse((await ok(['relay', 'list', '--direction', 'down', '--format', 'json'])).stdout)[1].confirmed).toBe('1/2');
  });

  it('shows the confirmations and the history, with the stored words in JSON', async () => {
    await ok(call);
    await ok(['relay', 'confirm', 'CD2026-0001', '--person', '李局长', '--at', '2026-11-27 09:00']);
    const shown = JSON.parse((await ok(['relay', 'show', 'CD2026-0001', '--format', 'json'])).stdout);
    expect(shown.entry).toMatchObject({ number: 'CD2026-0001', caller: '张处长', channel: '电话', important: true, confirmBy: '2026-11-28', unconfirmed: '办公室、人事科', state: '待确认' });
    expect(shown.confirmations).toEqual([{ person: '李局长', at: expect.stringMatching(/^2026-11-27T09:00/), late: false }]);
    expect(shown.history.map((h: { action: string }) => h.action)).toEqual(['down', 'confirm']);
    const table = (await ok(['relay', 'show', 'CD2026-0001'])).stdout;
    expect(table).toContain('│ not confirmed │ 办公室、人事科');
    expect(table).toContain('passed down');
  });

  it('prints 信息传达登记簿 with 确认情况 in the paper order, and the month report', async () => {
    await ok(call);
    await ok(['relay', 'up', '--to', '市政府办公室', '--summary', '安全生产情况', '--by-deadline', '2026-11-27', '--sent', '2026-11-27 09:00']);
    await ok(['relay', 'confirm', 'CD2026-0001', '--person', '李局长'], '2026-11-29T09:00');
    const book = (await run(['relay', 'print', '--month', '2026-11'], '2026-11-29T09:01', 'zh')).stdout;
    expect(book).toMatch(/信息传达登记簿/);
    expect(book).toMatch(/│ 编号\s+│ 日期\s+│ 方向 │ 来源\/去向\s+│ 渠道 │ 内容要点\s+│ 传达范围\s+│ 确认情况\s+│/);
    expect(book).toContain('│ 已确认 1/3，逾期 1； │');
    const csv = (await run(['relay', 'export', '--month', '2026-11'], '2026-11-29T09:01')).stdout.split('\r\n');
    expect(csv[0]).toBe('number,date,way,from/to,channel,main points,passed on to,confirmation');
    expect(csv[1]).toBe('CD2026-0001,2026-11-27,down,市委办公室,phone,明早8点全体干部大会,李局长、办公室、人事科,"confirmed 1/3, 1 late; missing: 办公室、人事科"');
    expect(csv[2]).toBe('SB2026-0001,2026-11-27,up,市政府办公室,,安全生产情况,,sent 2026-11-27 09:00');
    const report = JSON.parse((await run(['relay', 'report', '--month', '2026-11', '--format', 'json'], '2026-11-29T09:01')).stdout);
    expect(report.summary).toMatchObject({ down: 1, important: 1, confirmations: 1, lateConfirmations: 1, missing: 2, up: 1, sentOnTime: 1 });
    expect(report.late).toEqual([expect.objectContaining({ number: 'CD2026-0001', person: '李局长', confirmBy: '2026-11-28' })]);
  });

  it('voids with a reason; the number stays, marked void, and verify passes', async () => {
    await ok(call);
    await refused(['relay', 'void', 'CD2026-0001'], 2, /--reason/);
    await ok(['relay', 'void', 'CD2026-0001', '--reason', '重复登记']);
    expect((await ok(['relay', 'list'])).stdout).toContain('\tvoid\n');
    await refused(['relay', 'confirm', 'CD2026-0001', '--person', '李局长'], 1, /CD2026-0001 is void/);
    expect((await run(['verify'])).code).toBe(0);
  });
});

describe('--from-incoming: the entry links to the incoming document it passes on', () => {
  it('links both ways (both shows list it), through typed references; refusals write nothing', async () => {
    await ok(['incoming', 'receive', '--sender', '市财政局', '--title', '关于编报2027年部门预算的通知'], '2026-11-27T08:00');
    await ok(['incoming', 'receive', '--sender', '市委办公室', '--title', '涉密通知', '--secret', '秘密', '--copy-no', '1'], '2026-11-27T08:01');
    await refused(['relay', 'down', '--from-incoming', '2026-0009', '--source', '市财政局', '--summary', '编报预算', '--to', '财务科'], 1, /no incoming document numbered 2026-0009/);
    await refused(['relay', 'down', '--from-incoming', '档案 2026-0001', '--source', '市财政局', '--summary', '编报预算', '--to', '财务科'], 2, /is not a number of the incoming register/);
    await refused(['relay', 'down', '--from-incoming', 'M2026-0001', '--source', '市委办公室', '--summary', '传达', '--channel', '文件', '--to', '财务科'], 1, /M2026-0001 is 秘密/);
    await ok(['relay', 'down', '--from-incoming', '收文 2026-1', '--source', '市财政局', '--summary', '编报预算', '--channel', '文件', '--to', '财务科']);
    await ok(['relay', 'down', '--from-incoming', 'm2026-1', '--source', '市委办公室', '--summary', '传达涉密通知', '--secret', '秘密', '--channel', '会议', '--circle', '李局长', '--to', '李局长']);
    const relay = JSON.parse((await ok(['relay', 'show', 'CD2026-0001', '--format', 'json'])).stdout);
    expect(relay.links).toEqual([{ kind: 'relayed-from', direction: 'to', register: 'incoming', ref: '2026-0001', summary: expect.stringContaining('关于编报2027年部门预算的通知') }]);
    const doc = JSON.parse((await ok(['incoming', 'show', '2026-0001', '--format', 'json'])).stdout);
    expect(doc.links).toEqual([{ kind: 'relayed-from', direction: 'from', register: 'relay', ref: 'CD2026-0001', summary: '编报预算 · 市财政局 · 2026-11-27 · passed on' }]);
    const secretDoc = (await run(['incoming', 'show', 'M2026-0001'], undefined, 'zh')).stdout;
    expect(secretDoc).toMatch(/传达为 +│ 信息传达 │ MCD2026-0001 │ 【秘密】 · 市委办公室 · 2026-11-27 · 已传达/);
    expect(secretDoc).not.toContain('传达涉密通知');
    expect((await run(['verify'])).code).toBe(0);
  });
});
