/** `wenmi meeting notify|confirm|unconfirmed|signin|attendance|sheet`: the notice, the replies, the sign-in. */
import type { Command } from 'commander';
import { parseMoment, shortMoment } from '../../core/dates.js';
import { t } from '../../core/i18n.js';
import { describe, wordOption, type BookOpts, type Kit, type OutputOpts } from '../../cli/kit.js';
import { ANSWERS, attendanceOf, CHANNELS, confirmAttendance, notifyMeeting, signIn, unconfirmed } from './attendance.js';
import { attendanceColumns, attendeeColumns, sheetColumns, WORDS, wordText } from './columns.js';
import { dayOf, field, meetingArg } from './present.js';
import { classificationOf, getMeeting, shownTitle } from './rules.js';
import { attendeesOf, repliesOf } from './sql.js';

interface NotifyOpts {
  via?: string;
  on?: string;
}

interface ConfirmOpts {
  person?: string;
  answer?: string;
  proxy?: string;
  via?: string;
}

interface SigninOpts {
  person?: string;
  at?: string;
  proxy?: string;
}

/** The signature column of the paper sheet: room for a name written by hand (ideographic spaces, which a book keeps). */
const SIGN_SPACE = '\u3000'.repeat(8);

export function attendanceCommands(meeting: Command, kit: Kit): void {
  meetingArg(kit.verb(meeting, 'notify', { zh: '会议通知：登记已发出通知（方式、日期）', en: 'record that the notice (会议通知) went out: how, and on which day' }, ['wenmi meeting notify HY2026-0001 --via 书面', 'wenmi meeting notify HY2026-0001 --via 电话 --on yesterday']))
    .addOption(wordOption('--via <channel>', { zh: '方式（默认 系统）', en: 'how (default system)' }, CHANNELS, WORDS))
    .option('--on <date>', describe({ zh: '通知日期（默认今天）', en: 'the day it went out (default today)' }))
    .action(
      kit.run<NotifyOpts>((s, o, [ref]) => {
        const row = notifyMeeting(s.ctx(), ref!, { via: o.via, on: dayOf(s, o.on) });
        s.info(t('meeting.notified', { number: row.number, count: unconfirmed(s.db(), row).length }));
      }),
    );

  meetingArg(
    kit.verb(meeting, 'confirm', { zh: '回执/电话确认：参会人员答复 参加、请假 或 代参（须 --proxy）', en: 'an attendee answers the notice: 参加 (attending), 请假 (excused) or 代参 (by proxy, with --proxy)' }, [
      'wenmi meeting confirm HY2026-0001 --person 张三 --answer 参加',
      'wenmi meeting confirm HY2026-0001 --person 李四 --answer 代参 --proxy 李副科长 --via 电话',
    ]),
  )
    .option('--person <name>', describe({ zh: '参会人员', en: 'the attendee' }))
    .addOption(wordOption('--answer <answer>', { zh: '答复', en: 'the answer' }, ANSWERS, WORDS))
    .option('--proxy <name>', describe({ zh: '代参人（答复为代参时）', en: 'who attends for them (with --answer by-proxy)' }))
    .addOption(wordOption('--via <channel>', { zh: '确认方式', en: 'how they answered' }, CHANNELS, WORDS))
    .action(
      kit.run<ConfirmOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { person: o.person, answer: o.answer };
        await s.complete(v, [field('person', '--person', '参会人员', 'attendee'), { ...field('answer', '--answer', '答复', 'answer'), choices: ANSWERS.map((value) => ({ value, label: { zh: value, en: `${wordText(value)} (${value})` } })) }]);
        const r = confirmAttendance(s.ctx(), ref!, { ...o, person: v.person as string, answer: v.answer as string });
        s.info(t(r.proxy ? 'meeting.confirmedProxy' : 'meeting.confirmed', { number: r.row.number, name: r.person, answer: r.answer, proxy: r.proxy }));
      }),
    );

  meetingArg(kit.withOutput(kit.verb(meeting, 'unconfirmed', { zh: '尚未答复通知的参会人员', en: 'attendees who have not answered the notice' }, ['wenmi meeting unconfirmed HY2026-0001']))).action(
    kit.run<OutputOpts>(async (s, o, [ref]) => {
      const db = s.db();
      await s.output(attendeeColumns, unconfirmed(db, getMeeting(db, ref!)), o);
    }),
  );

  meetingArg(
    kit.verb(meeting, 'signin', { zh: '签到：开始后签到记为迟到；他人代签用 --proxy', en: 'sign in (签到): after the start it is late; --proxy when someone signs for them' }, [
      'wenmi meeting signin HY2026-0001 --person 张三',
      'wenmi meeting signin HY2026-0001 --person 李四 --proxy 李副科长 --at "2026-12-03 09:05"',
    ]),
  )
    .option('--person <name>', describe({ zh: '参会人员', en: 'the attendee' }))
    .option('--at <time>', describe({ zh: '签到时间（默认现在）', en: 'when (default now)' }))
    .option('--proxy <name>', describe({ zh: '代签人', en: 'who signs for them' }))
    .action(
      kit.run<SigninOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { person: o.person };
        await s.complete(v, [field('person', '--person', '参会人员', 'attendee')]);
        const r = signIn(s.ctx(), ref!, { person: v.person as string, proxy: o.proxy, at: o.at === undefined ? undefined : parseMoment(o.at, s.clock) });
        s.info(t(r.late ? 'meeting.signedInLate' : 'meeting.signedIn', { number: r.row.number, name: r.person, at: shortMoment(r.at).slice(11) }));
      }),
    );

  meetingArg(kit.withOutput(kit.verb(meeting, 'attendance', { zh: '出席情况：应到、实到、请假、缺席、迟到及名单', en: 'attendance: expected, present, excused, absent, late, with names' }, ['wenmi meeting attendance HY2026-0001', 'wenmi meeting attendance HY2026-0001 --format json']))).action(
    kit.run<OutputOpts>(async (s, o, [ref]) => {
      const db = s.db();
      const a = attendanceOf(db, getMeeting(db, ref!));
      const named = (n: string) => (a.proxies[n] ? t('meeting.byProxy', { name: n, proxy: a.proxies[n] }) : n);
      const rows = (['expected', 'present', 'excused', 'absent', 'late'] as const).map((kind) => ({ kind, count: a[kind].length, names: kind === 'present' ? a[kind].map(named) : a[kind] }));
      await s.output(attendanceColumns, rows, o, 'wrap');
    }),
  );

  meetingArg(kit.withBook(kit.verb(meeting, 'sheet', { zh: '打印纸质签到表：序号、姓名、单位/职务、签名栏', en: 'print the paper sign-in sheet (签到表): name, unit or post, a column to sign' }, ['wenmi meeting sheet HY2026-0001', 'wenmi meeting sheet HY2026-0001 -o 签到表.txt'])))
    .action(
      kit.run<BookOpts>(async (s, o, [ref]) => {
        const db = s.db();
        const row = getMeeting(db, ref!);
        const replies = repliesOf(db, row.id);
        const rows = attendeesOf(db, row.id).map((a, i) => {
          const r = replies.get(a.name);
          const note = r?.answer === '请假' ? wordText('请假') : r?.answer === '代参' ? t('meeting.sheet.proxy', { proxy: r.proxy }) : '';
          return { line: i + 1, name: a.name, unit: a.unit ?? '', sign: SIGN_SPACE, note };
        });
        await s.printBook(o, {
          title: { zh: '签到表', en: 'Sign-in sheet' },
          meta: [`${row.number} ${shownTitle(row)}${row.secret_level ? ` ${classificationOf(row)}` : ''}`, `${shortMoment(row.starts_at)}—${shortMoment(row.ends_at).slice(11)} ${row.room}`, t('meeting.sheet.host', { host: row.host })],
          columns: sheetColumns,
          rows,
          footer: 'meeting.sheetFooter',
          footerParams: { count: rows.length },
          classified: Boolean(row.secret_level),
        });
      }),
    );
}
