import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../src/ui/lang.ts';
import { lazyPanel } from '../../../src/ui/staff/lazy.tsx';

afterEach(() => {
  cleanup();
  lang.value = 'zh';
});

function Part({ name }: { name: string }) {
  return <p data-testid="part">{name}</p>;
}

/** A part of the staff page loaded from its own file (issue 14). */
describe('lazyPanel', () => {
  it('says 加载中… until the part is there, then shows it with its props; loaded once for every showing', async () => {
    lang.value = 'zh';
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const Lazy = lazyPanel(async () => {
      loads++;
      await gate;
      return Part;
    });
    const first = render(<Lazy name="甲" />);
    expect(first.getByTestId('part-loading').textContent).toBe('加载中…');
    release();
    expect((await first.findByTestId('part')).textContent).toBe('甲');
    cleanup();
    const second = render(<Lazy name="乙" />);
    expect(second.getByTestId('part').textContent).toBe('乙'); // already there: no loading step
    expect(loads).toBe(1);
  });

  it('a part that fails to load says so in the chosen language, and the next showing tries again', async () => {
    lang.value = 'en';
    let loads = 0;
    const Lazy = lazyPanel(async () => {
      if (++loads === 1) throw new Error('chunk missing');
      return Part;
    });
    const first = render(<Lazy name="A" />);
    expect((await first.findByRole('alert')).textContent).toBe('This part could not be loaded; reload the page and try again.');
    cleanup();
    const second = render(<Lazy name="B" />);
    expect((await second.findByTestId('part')).textContent).toBe('B');
    expect(loads).toBe(2);
  });

  it('preload fetches the part ahead, so its first showing has no loading step', async () => {
    const Lazy = lazyPanel(async () => Part);
    await Lazy.preload();
    const { getByTestId } = render(<Lazy name="C" />);
    expect(getByTestId('part').textContent).toBe('C');
  });
});
