/** Fills a database file with ordinary incoming documents quickly, in-process (tests and the benchmark). */
import { buildRegistry } from '../src/cli/registry.js';
import { fixedClock } from '../src/core/clock.js';
import { openDatabase, writeTx } from '../src/core/db.js';
import { receiveIncoming } from '../src/registers/incoming/rules.js';
import { addItem } from '../src/registers/supplies/rules.js';

const SENDERS = ['市财政局', '市人力资源和社会保障局', '市委办公室', '省政府办公厅', '市发展和改革委员会'];

/** `months`: the documents are spread over that many months ending with November 2026 (the benchmark's ~8,400 a month). */
export function seedIncoming(file: string, count: number, now = '2026-11-27T09:30', months = 1): void {
  const db = openDatabase(file, { create: true, migrations: buildRegistry().migrations });
  const ctx = { db, clock: fixedClock(now), operator: '王秘书' };
  writeTx(db, () => {
    for (let i = 0; i < count; i++) {
      const day = String((i % 27) + 1).padStart(2, '0');
      const month = 2026 * 12 + 10 - (months - 1 - Math.floor((i * months) / count)); // oldest first
      const ym = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
      receiveIncoming(ctx, {
        receivedAt: `${ym}-${day}T09:00:00+00:00`,
        sender: SENDERS[i % SENDERS.length]!,
        senderNo: `财预〔2026〕${i + 1}号`,
        title: `关于做好第${i + 1}项工作的通知`,
        pages: (i % 9) + 1,
      });
    }
  });
  db.close();
}

/** Fills a database file with `count` office-supply item cards (names 物品1…), in one transaction. */
export function seedSupplyItems(file: string, count: number, now = '2026-11-27T09:30'): void {
  const db = openDatabase(file, { create: true, migrations: buildRegistry().migrations });
  const ctx = { db, clock: fixedClock(now), operator: '王秘书' };
  writeTx(db, () => {
    for (let i = 1; i <= count; i++) addItem(ctx, { name: `物品${i}`, spec: '规格', unit: '个' });
  });
  db.close();
}
