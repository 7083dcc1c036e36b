import { describe, expect, it } from 'vitest';
import { completeFields, type Field } from '../../src/core/prompts.js';

const fields: Field[] = [
  { key: 'sender', flag: '--sender', label: { zh: '来文单位', en: 'sender' } },
  { key: 'title', flag: '--title', label: { zh: '标题', en: 'title' } },
  { key: 'urgency', flag: '--urgency', label: { zh: '紧急程度', en: 'urgency' }, optional: true, choices: ['特急', '加急'] },
  { key: 'deadline', flag: '--deadline', label: { zh: '时限', en: 'deadline' }, when: (v) => Boolean(v.urgency) },
];

describe('without a terminal', () => {
  it('names every missing required flag at once, not the optional or conditional ones (their rules speak for them)', async () => {
    await expect(completeFields({ urgency: '加急' }, fields, false)).rejects.toMatchObject({ code: 'input.missing', params: { flags: '--sender --title' }, exitCode: 2 });
    const values = { sender: 'A', title: 'T', urgency: '加急' };
    await expect(completeFields(values, fields, false)).resolves.toBeUndefined();
    expect(values).toEqual({ sender: 'A', title: 'T', urgency: '加急' });
  });
});
