/** One way to require flags: every blank one named at once, the values trimmed; one way to require a reason. */
import { describe, expect, it } from 'vitest';
import { required, requireReason, WenmiError } from '../../src/core/errors.js';

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as WenmiError;
  }
  throw new Error('did not throw');
};

describe('required and requireReason', () => {
  it('returns the texts trimmed', () => {
    expect(required({ '--to': ' 张三 ', '--witness': '李四' })).toEqual({ '--to': '张三', '--witness': '李四' });
    expect(requireReason('  盘错了 ')).toBe('盘错了');
  });

  it('names every missing or blank flag at once, as a usage error', () => {
    const e = thrown(() => required({ '--to': '  ', '--due': '2026-12-01', '--approver': undefined }));
    expect([e.kind, e.code, e.params]).toEqual(['usage', 'input.missing', { flags: '--to --approver' }]);
    expect(thrown(() => requireReason(' ')).params).toEqual({ flags: '--reason' });
    expect(thrown(() => requireReason(undefined)).exitCode).toBe(2);
  });
});
