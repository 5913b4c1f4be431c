// Widget drivers (writing side): a value the page's framework did not keep is never counted as filled.
import { describe, expect, it } from 'vitest';
import { pickRadio, setToggle, typeText } from '../../../src/portal/dom/drive.ts';

describe('drive: a write counts only when the widget then shows it', () => {
  it('typed text the page resets (a controlled input refusing the value) is not taken', async () => {
    document.body.innerHTML = '<input id="a"><input id="b">';
    const refused = document.getElementById('a') as HTMLInputElement;
    refused.addEventListener('input', () => { refused.value = ''; });
    expect(await typeText(refused, '连云港甲公司')).toBe('not-taken');
    const kept = document.getElementById('b') as HTMLInputElement;
    expect(await typeText(kept, '连云港甲公司')).toBe('filled');
    expect(kept.value).toBe('连云港甲公司');
  });

  it('a radio is picked by its label; a missing option is said so; a switch that does not turn is not taken', async () => {
    document.body.innerHTML = '<div id="g"><label><input type="radio" name="r">是</label><label><input type="radio" name="r">否</label></div><button id="s" role="switch" aria-checked="false"></button>';
    const g = document.getElementById('g')!;
    expect(await pickRadio(g, '否')).toBe('filled');
    expect((g.querySelectorAll('input')[1] as HTMLInputElement).checked).toBe(true);
    expect(await pickRadio(g, '不适用')).toBe('no-such-option');
    // a switch whose page never flips aria-checked (the click was not taken)
    expect(await setToggle(document.getElementById('s')!, true)).toBe('not-taken');
    const s = document.getElementById('s')!;
    s.addEventListener('click', () => s.setAttribute('aria-checked', 'true'));
    expect(await setToggle(s, true)).toBe('filled');
  });
});
