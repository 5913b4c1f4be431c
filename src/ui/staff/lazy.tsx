import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Bi, t } from './Bi.tsx';

export type LazyPanel<P> = ((props: P) => JSX.Element) & { preload(): Promise<unknown> };

/**
 * A part of the staff page that the first rows do not need (the case view, the dialogs, the other tabs),
 * loaded from its own file the first time it is shown or preloaded (issue 14: the page's script start was
 * two thirds of the time to first rows at 10,000 cases). Until it is there, a short 加载中… says so.
 */
export function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>): LazyPanel<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (err: unknown) => {
        pending = null; // a later showing tries again
        throw err;
      },
    ));
  function Lazy(props: P): JSX.Element {
    const [failed, setFailed] = useState(false);
    const [, setReady] = useState(0);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(
        () => live && setReady((n) => n + 1),
        () => live && setFailed(true),
      );
      return () => void (live = false);
    }, []);
    if (loaded) {
      const Part = loaded;
      return <Part {...props} />;
    }
    return failed ? (
      <p class="error" role="alert">
        <Bi text={t('这一部分未能加载，请刷新页面后重试。', 'This part could not be loaded; reload the page and try again.')} />
      </p>
    ) : (
      <p class="muted" role="status" data-testid="part-loading">
        <Bi text={t('加载中…', 'Loading…')} />
      </p>
    );
  }
  return Object.assign(Lazy, { preload });
}
