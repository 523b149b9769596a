import { describe, expect, it } from 'vitest';
import { displayWidth, padToWidth } from './display-width';

describe('display width', () => {
  it('counts East Asian wide and full-width characters as two columns and combining marks as none', () => {
    expect(displayWidth('権限がありません (401)')).toBe(22);
    expect(displayWidth('권한이 없는 경우')).toBe(16);
    expect(displayWidth('禁止访问（Forbidden）')).toBe(21);
    expect(displayWidth('e\u0301 مَ')).toBe(3);
    expect(padToWidth('未找到', 8)).toBe('未找到  ');
    expect(padToWidth('BadRequest', 4)).toBe('BadRequest');
  });
});
