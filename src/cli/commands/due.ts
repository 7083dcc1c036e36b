import type { Command } from 'commander';
import { collectDue, parseWithin } from '../../core/deadlines.js';
import { formatDate } from '../../core/dates.js';
import { checkError, EXIT, usageError } from '../../core/errors.js';
import { label } from '../../core/i18n.js';
import type { Column } from '../../core/output/render.js';
import type { DeadlineSource } from '../../core/deadlines.js';
import { loadRegister } from '../registry.js';
import { describe, type Kit, type OutputOpts } from '../kit.js';

export const dueColumns: Column[] = [
  { key: 'due', label: { zh: '期限', en: 'due' }, kind: 'id' },
  { key: 'days', label: { zh: '剩余天数', en: 'days left' }, kind: 'id', num: true },
  {
    key: 'status',
    label: { zh: '状态', en: 'status' },
    kind: 'id',
    text: (v) => label({ overdue: { zh: '逾期', en: 'overdue' }, today: { zh: '今日到期', en: 'due today' }, soon: { zh: '将到期', en: 'due soon' } }[v as 'overdue' | 'today' | 'soon']),
  },
  { key: 'register', label: { zh: '登记簿', en: 'register' }, kind: 'id', spare: true },
  { key: 'ref', label: { zh: '编号', en: 'number' }, kind: 'id' },
  { key: 'what', label: { zh: '事项', en: 'what' }, kind: 'text', wrap: 30 },
  { key: 'who', label: { zh: '责任人', en: 'who acts' }, kind: 'text' },
  { key: 'reminders', label: { zh: '催办次数', en: 'reminders' }, kind: 'id', num: true, spare: true },
  { key: 'lastReminder', label: { zh: '最近催办', en: 'last reminder' }, kind: 'id', spare: true },
];

interface DueOpts extends OutputOpts {
  /** 7d unless given */
  within: string;
  all?: boolean;
  register?: string;
  failIfOverdue?: boolean;
}

export function addDue(root: Command, kit: Kit): void {
  kit
    .withOutput(
      kit.verb(root, 'due', { zh: '各登记簿到期与逾期事项，最早的在前', en: 'what is due or overdue across all registers, soonest first' }, [
        'wenmi due',
        'wenmi due --within 14d --register incoming',
        `wenmi due --fail-if-overdue --format json   # ${describe({ zh: '每天早上的定时任务：有逾期即退出码 3', en: 'a morning cron job: exit 3 when anything is overdue' })}`,
      ]),
    )
    .option('--within <span>', describe({ zh: '只看今后这么多天内到期的（如 7d、2w；逾期的总在内）', en: 'only what falls due within this span (7d, 2w; overdue always shown)' }), '7d')
    .option('--all', describe({ zh: '所有未完成的期限事项', en: 'every open item with a deadline' }))
    .option('--register <name>', describe({ zh: '只看一个登记簿', en: 'one register only' }))
    .option('--fail-if-overdue', describe({ zh: '有逾期事项时退出码为 3', en: 'exit 3 when anything is overdue' }))
    .action(
      kit.run<DueOpts>(async (s, opts) => {
        const withinDays = opts.all ? undefined : parseWithin(opts.within);
        if (withinDays === null) throw usageError('due.within', { value: opts.within });
        if (opts.register !== undefined && !kit.registry.registers.some((r) => r.name === opts.register))
          throw usageError('due.unknownRegister', { value: opts.register, choices: kit.registry.registers.map((r) => r.name).join(', ') });
        const today = formatDate(s.clock.now());
        const sources: Record<string, DeadlineSource> = {};
        for (const r of kit.registry.registers) {
          const { deadlines } = await loadRegister(r);
          if (deadlines) sources[r.name] = deadlines;
        }
        const rows = collectDue(s.db(), sources, today, { withinDays, register: opts.register });
        // the register in the current language on screen and in CSV (收文); JSON keeps its name (incoming)
        const registerLabel = (v: unknown) => {
          const r = kit.registry.registers.find((x) => x.name === v);
          return r ? label(r.label) : String(v);
        };
        await s.output(
          dueColumns.map((c) => (c.key === 'register' ? { ...c, text: registerLabel } : c)),
          rows.map((r) => ({ ...r, status: r.overdue ? 'overdue' : r.days === 0 ? 'today' : 'soon', reminders: r.reminders ?? null, lastReminder: r.lastReminder ?? null })),
          opts,
        );
        const overdue = rows.filter((r) => r.overdue).length;
        if (opts.failIfOverdue && overdue > 0) throw checkError('due.overdue', { count: overdue });
        return EXIT.ok;
      }),
    );
}
