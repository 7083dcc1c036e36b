/** `wenmi meeting prepare|decide|done|remind|decisions`: the 会前 checklist and the decisions followed up. */
import type { Command } from 'commander';
import { parseDate } from '../../core/dates.js';
import { t } from '../../core/i18n.js';
import { maskedTitle } from '../../core/secret.js';
import { describe, type Kit, type OutputOpts } from '../../cli/kit.js';
import { decisionColumns, prepColumns } from './columns.js';
import { field, meetingArg } from './present.js';
import { decide, decisions, finishDecision, prepareItem, remindDecision } from './followup.js';
import { getMeeting } from './rules.js';
import { prepOf, type DecisionRow } from './sql.js';

interface PrepareOpts extends OutputOpts {
  item?: string;
  done?: boolean;
}

interface DecideOpts {
  item?: string;
  owner?: string;
  due?: string;
}

interface NoteOpts {
  note?: string;
}

interface DecisionsOpts extends OutputOpts {
  open?: boolean;
  owner?: string;
  meeting?: string;
}

const decisionRow = (d: DecisionRow) => ({ number: d.number, item: d.item, owner: d.owner, due: d.due, doneOn: d.done_on, reminders: d.reminders, note: d.done_note });
const decisionArg = (cmd: Command) => cmd.argument('<decision>', describe({ zh: '决议事项编号，如 HY2026-0001-1', en: 'the decision number, e.g. HY2026-0001-1' }));

export function followupCommands(meeting: Command, kit: Kit): void {
  meetingArg(
    kit.withOutput(
      kit.verb(meeting, 'prepare', { zh: '会前准备清单：加一项，或 --done 标记完成；不带 --item 列出清单', en: 'the 会前 checklist: add an item, or mark it --done; without --item, list it' }, [
        'wenmi meeting prepare HY2026-0001 --item "材料印制 20 份"',
        'wenmi meeting prepare HY2026-0001 --item "材料印制 20 份" --done',
        'wenmi meeting prepare HY2026-0001',
      ]),
    ),
  )
    .option('--item <text>', describe({ zh: '准备事项', en: 'the item' }))
    .option('--done', describe({ zh: '标记已完成', en: 'mark it done' }))
    .action(
      kit.run<PrepareOpts>(async (s, o, [ref]) => {
        if (o.item === undefined && !o.done) {
          const db = s.db();
          return s.output(prepColumns, prepOf(db, getMeeting(db, ref!).id).map((p) => ({ item: p.item, done: p.done === 1 })), o);
        }
        const r = prepareItem(s.ctx(), ref!, { item: o.item, done: o.done });
        s.info(t(r.done ? 'meeting.prepDoneNow' : 'meeting.prepAdded', { number: r.row.number, item: r.item }));
      }),
    );

  meetingArg(
    kit.verb(meeting, 'decide', { zh: '决议事项：事项、责任单位或人、期限；进入 wenmi due', en: 'record a decision: what, who owns it, by when; it shows in wenmi due' }, [
      'wenmi meeting decide HY2026-0001 --item 年底前完成档案数字化 --owner 档案室 --due 2026-12-31',
    ]),
  )
    .option('--item <text>', describe({ zh: '决议事项', en: 'the decision' }))
    .option('--owner <who>', describe({ zh: '责任单位或人', en: 'the department or person who owns it' }))
    .option('--due <date>', describe({ zh: '办结期限', en: 'the deadline' }))
    .action(
      kit.run<DecideOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { item: o.item, owner: o.owner, due: o.due };
        await s.complete(v, [field('item', '--item', '决议事项', 'decision'), field('owner', '--owner', '责任单位或人', 'owner'), field('due', '--due', '期限', 'deadline', (d) => void parseDate(d, s.clock))]);
        const d = decide(s.ctx(), ref!, { item: v.item as string, owner: v.owner as string, due: parseDate(String(v.due), s.clock) });
        s.print(d.number + '\n');
        s.info(t('meeting.decided', { number: d.number, owner: d.owner, due: d.due }));
      }),
    );

  decisionArg(kit.verb(meeting, 'done', { zh: '决议事项办结，写明办理情况', en: 'a decision is carried out: say how' }, ['wenmi meeting done HY2026-0001-1 --note 已完成并报送'])).option('--note <text>', describe({ zh: '办理情况', en: 'how it went' })).action(
    kit.run<NoteOpts>((s, o, [ref]) => {
      const d = finishDecision(s.ctx(), ref!, o.note);
      s.info(t('meeting.decisionFinished', { number: d.number }));
    }),
  );

  decisionArg(kit.verb(meeting, 'remind', { zh: '督办：催促未办结的决议事项', en: 'chase an open decision (督办)' }, ['wenmi meeting remind HY2026-0001-1 --note 电话催办，答复本周内完成'])).option('--note <text>', describe({ zh: '督办情况', en: 'what was said' })).action(
    kit.run<NoteOpts>((s, o, [ref]) => {
      const d = remindDecision(s.ctx(), ref!, o.note);
      s.info(t('meeting.reminded', { number: d.number, owner: d.owner, count: d.reminders }));
    }),
  );

  kit
    .withOutput(kit.verb(meeting, 'decisions', { zh: '决议事项：--open 只列未办结的，--owner 只列某责任单位或人的', en: 'decisions: --open only those not done, --owner only one owner’s' }, ['wenmi meeting decisions --open', 'wenmi meeting decisions --owner 档案室 --format json']))
    .option('--open', describe({ zh: '只列未办结的', en: 'only those not done' }))
    .option('--owner <who>', describe({ zh: '责任单位或人', en: 'the owner' }))
    .option('--meeting <meeting>', describe({ zh: '只列一次会议的', en: 'one meeting only' }))
    .action(
      kit.run<DecisionsOpts>(async (s, o) => {
        const db = s.db();
        const meetingId = o.meeting === undefined ? undefined : getMeeting(db, o.meeting).id;
        const rows = decisions(db, { open: o.open === true, owner: o.owner?.trim(), meetingId });
        await s.output(decisionColumns, rows.map((d) => (d.secret_level === null ? decisionRow(d) : { ...decisionRow(d), item: maskedTitle(d.secret_level) })), o);
      }),
    );
}
