import { Component, type ComponentChildren, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Bi } from './text.tsx';
import type { Bilingual } from '../../core/i18n.ts';
import type { errorText as ErrorText } from '../../i18n/error-text.ts';

/*
 * The words for an error (errorText, with every message it can pick) are not in the first load of the pages that
 * show a LazySlot (issue 19: side panel initial JS): they start loading when this module runs, beside the first
 * render, and a failure that happens before they are in waits for them.
 */
let errorTextOf: typeof ErrorText | null = null;
let errorTextLoading: Promise<typeof ErrorText> | null = null;
const loadErrorText = (): Promise<typeof ErrorText> =>
  (errorTextLoading ??= import('../../i18n/error-text.ts').then(
    (m) => (errorTextOf = m.errorText),
    (error: unknown) => {
      errorTextLoading = null; // a later failure tries again
      throw error;
    },
  ));
void loadErrorText().catch(() => undefined);
/** errors.ts's 'load' words: what errorText says of a part that did not load, for when even its own module cannot */
const PART_NOT_LOADED: Bilingual = { zh: '页面的一部分没有加载成功，请重新打开本页。', en: 'Part of this page did not load; open the page again.' };
const describeError = (e: unknown): Promise<Bilingual> =>
  loadErrorText().then(
    (errorText) => errorText(e),
    () => PART_NOT_LOADED,
  );

type Loader = () => Promise<unknown>;
type Name = { zh: string; en: string };

type Load<P> = { kind: 'loading' } | { kind: 'ready'; Comp: ComponentType<P> } | { kind: 'failed'; error: Bilingual };

/**
 * Mounts another area's default-export component when its module exists in the build (lazy chunk).
 * `loaders` comes from `import.meta.glob`, which is empty while that area has not landed yet.
 * A module that fails to load (or to render) says so, with the error and a retry button, instead
 * of "loading…" forever.
 */
export function LazySlot<P extends object>({ loaders, props, name }: { loaders: Record<string, Loader>; props: P; name: Name }) {
  const loader = Object.values(loaders)[0];
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load<P>>({ kind: 'loading' });
  useEffect(() => {
    if (!loader) {
      setLoad({ kind: 'failed', error: { zh: '本版本不含这部分功能。', en: 'This part is not in this build (module not in this build).' } });
      return;
    }
    let live = true;
    setLoad({ kind: 'loading' });
    loader()
      .then((mod) => {
        const Comp = (mod as { default?: unknown } | null)?.default;
        if (!live) return;
        if (typeof Comp === 'function') setLoad({ kind: 'ready', Comp: Comp as ComponentType<P> });
        else setLoad({ kind: 'failed', error: { zh: '这部分功能没有可显示的内容，请重新安装扩展。', en: 'This part cannot be shown (the module has no default component); reinstall the extension.' } });
      })
      .catch((e: unknown) => describeError(e).then((error) => live && setLoad({ kind: 'failed', error })));
    return () => {
      live = false;
    };
  }, [loader, attempt]);
  const retry = loader ? () => setAttempt((n) => n + 1) : undefined;

  if (load.kind === 'ready') {
    const { Comp } = load;
    return (
      <RenderGuard key={attempt} fallback={(error) => <Unavailable name={name} error={error} onRetry={retry} />}>
        <Comp {...props} />
      </RenderGuard>
    );
  }
  if (load.kind === 'failed') return <Unavailable name={name} error={load.error} onRetry={retry} />;
  return (
    <div class="slot-loading" role="status" data-testid="slot-loading">
      <Bi text={{ zh: `${name.zh}正在加载…`, en: `Loading ${name.en}…` }} />
    </div>
  );
}

function Unavailable({ name, error, onRetry }: { name: Name; error: Bilingual; onRetry?: () => void }) {
  return (
    <div class="slot-failed" role="alert" data-testid="slot-failed">
      <Bi text={{ zh: `${name.zh}暂时无法使用`, en: `${capitalise(name.en)} is unavailable` }} />
      <p class="slot-error">
        <Bi text={error} />
      </p>
      {onRetry ? (
        <button type="button" class="btn" onClick={onRetry} data-testid="slot-retry">
          <Bi text={{ zh: '重试', en: 'Retry' }} inline />
        </button>
      ) : null}
    </div>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Another area's component that throws while rendering must not blank the whole panel. */
class RenderGuard extends Component<
  { fallback: (error: Bilingual) => ComponentChildren; children: ComponentChildren },
  { thrown: boolean; error: Bilingual | null }
> {
  override state = { thrown: false, error: null as Bilingual | null };
  static override getDerivedStateFromError(e: unknown) {
    return { thrown: true, error: errorTextOf ? errorTextOf(e) : null };
  }
  override componentDidCatch(e: unknown) {
    // thrown before the error's words were in: they are shown as soon as they arrive
    if (!errorTextOf) void describeError(e).then((error) => this.setState({ error }));
  }
  override render() {
    if (!this.state.thrown) return this.props.children;
    return this.state.error !== null ? this.props.fallback(this.state.error) : null;
  }
}
