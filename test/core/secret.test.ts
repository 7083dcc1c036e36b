import { describe, expect, it } from 'vitest';
import { formatClassification, maskedTitle, parseClassification, parseCopyNo } from '../../src/core/secret.js';

describe('classification', () => {
  it('accepts levels with periods within the legal limits', () => {
    expect(parseClassification('秘密★10年')).toEqual({ level: '秘密', period: '10年' });
    expect(parseClassification('机密*20年')).toEqual({ level: '机密', period: '20年' });
    expect(parseClassification('绝密★长期')).toEqual({ level: '绝密', period: '长期' });
    expect(parseClassification('机密')).toEqual({ level: '机密', period: null });
    expect(parseClassification('秘密★6个月')).toEqual({ level: '秘密', period: '6个月' });
    expect(parseClassification('秘密★120个月')).toEqual({ level: '秘密', period: '120个月' });
  });
  it('refuses periods past the limits and unknown levels', () => {
    expect(() => parseClassification('秘密★11年')).toThrow(/secret.tooLong/);
    expect(() => parseClassification('机密★21年')).toThrow(/secret.tooLong/);
    expect(() => parseClassification('绝密★31年')).toThrow(/secret.tooLong/);
    expect(() => parseClassification('机密★长期')).toThrow(/secret.longTerm/);
    expect(() => parseClassification('内部')).toThrow(/secret.invalid/);
    expect(() => parseClassification('秘密★0年')).toThrow(/secret.zero/);
    expect(() => parseClassification('秘密★0个月')).toThrow(/secret.zero/);
    expect(() => parseClassification('秘密★121个月')).toThrow(/secret.tooLong/);
  });
  it('writes the star only with a period, masks titles, pads copy numbers', () => {
    expect(formatClassification('秘密', '5年')).toBe('秘密★5年');
    expect(formatClassification('机密', null)).toBe('机密');
    expect(maskedTitle('机密')).toBe('【机密】');
    expect(parseCopyNo('3')).toBe('000003');
    expect(parseCopyNo('０００００３')).toBe('000003');
    expect(() => parseCopyNo('1234567')).toThrow(/secret.copyNo/);
    expect(() => parseCopyNo('0')).toThrow(/secret.copyNo/);
  });
});
