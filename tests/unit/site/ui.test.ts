import { describe, expect, it } from 'vitest';
import { plural, UI } from '../../../site/src/lib/ui';

describe('Polish plurals', () => {
  it('use the one/few/many forms', () => {
    expect([0, 1, 2, 4, 5, 12, 22, 25, 112].map((n) => plural(n, 'wpis', 'wpisy', 'wpisów'))).toEqual([
      '0 wpisów', '1 wpis', '2 wpisy', '4 wpisy', '5 wpisów', '12 wpisów', '22 wpisy', '25 wpisów', '112 wpisów',
    ]);
    expect(UI.guidesCount(3)).toBe('3 poradniki');
  });
});
