import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Bi } from './text.tsx';

type Loader = () => Promise<unknown>;

/**
 * Mounts another area's default-export component when its module exists in the build (lazy chunk).
 * `loaders` comes from `import.meta.glob`, which is empty while that area has not landed yet.
 */
export function LazySlot<P extends object>({ loaders, props, name }: { loaders: Record<string, Loader>; props: P; name: { zh: string; en: string } }) {
  const [Comp, setComp] = useState<ComponentType<P> | null>(null);
  const [failed, setFailed] = useState(false);
  const loader = Object.values(loaders)[0];
  useEffect(() => {
    if (!loader) return;
    let live = true;
    loader()
      .then((mod) => live && setComp(() => (mod as { default: ComponentType<P> }).default))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [loader]);
  if (Comp) return <Comp {...props} />;
  return (
    <div class="slot-loading" role="status" data-testid="slot-loading">
      {failed ? (
        <Bi text={{ zh: `${name.zh}加载失败，请重新打开`, en: `${name.en} failed to load; reopen this page` }} />
      ) : (
        <Bi text={{ zh: `${name.zh}正在加载…`, en: `Loading ${name.en}…` }} />
      )}
    </div>
  );
}
