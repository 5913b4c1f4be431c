import { useSignal } from '@preact/signals';
import { fieldLabel, isListField } from '../../application/labels.ts';
import type { PrefillReport as Report } from './state.ts';
import { Bi } from './text.tsx';
import { tx } from '../lang.ts';

const names = (keys: readonly string[]) => ({
  zh: keys.map((k) => fieldLabel(k).zh).join('、'),
  en: keys.map((k) => fieldLabel(k).en).join(', '),
});

/**
 * Kept fields with what the page holds now, so a value the page shows on its own (a number box that
 * starts at 0) is recognisable; tables and long texts by name only.
 */
const withNow = (keys: readonly string[], now: Readonly<Record<string, string>> | undefined) => {
  const shown = (k: string) => {
    const v = now?.[k];
    return v === undefined || v === '' || isListField(k) ? null : v.length > 24 ? `${v.slice(0, 24)}…` : v;
  };
  return {
    zh: keys.map((k) => (shown(k) === null ? fieldLabel(k).zh : `${fieldLabel(k).zh}（页面现为“${shown(k)}”）`)).join('、'),
    en: keys.map((k) => (shown(k) === null ? fieldLabel(k).en : `${fieldLabel(k).en} (now “${shown(k)}”)`)).join(', '),
  };
};

/**
 * What 填入资料 did. Fields that already hold text are never replaced silently: they are named here,
 * and only the button below (the user's explicit consent) replaces them.
 */
export function PrefillReport({ report, onOverwrite, onClose }: { report: Report; onOverwrite: (keys: string[]) => Promise<unknown>; onClose: () => void }) {
  const busy = useSignal(false);
  const { filled, kept, notPlaced } = report;
  const nothing = filled.length === 0 && kept.length === 0 && notPlaced.length === 0 && (report.notFillable?.length ?? 0) === 0 && (report.notTaken?.length ?? 0) === 0 && (report.notSupported?.length ?? 0) === 0;
  return (
    <div class="notice notice-info prefill-report" role="status" data-testid="prefill-report">
      {nothing ? (
        <Bi text={{ zh: '表单已与保存的资料一致，无需填写', en: 'the form already matches the profile' }} />
      ) : (
        <Bi text={{ zh: `已从保存的资料填入 ${filled.length} 项`, en: `${filled.length} field${filled.length === 1 ? '' : 's'} filled from the profile` }} />
      )}
      {filled.length > 0 && (
        <p class="prefill-line" data-testid="prefill-filled">
          <Bi text={names(filled)} />
        </p>
      )}
      {kept.length > 0 && (
        <div class="prefill-kept" data-testid="prefill-kept">
          <p class="prefill-line">
            <Bi
              text={{
                zh: `${kept.length} 项页面上已有内容，与保存的资料不同，未改动（可能是您填写的，也可能是页面自带的默认值，请核对）：${withNow(kept, report.keptValues).zh}`,
                en: `${kept.length} field${kept.length === 1 ? '' : 's'} already hold a value that differs from the profile and were left as they are (you may have typed it, or the page put it there by default; please check): ${withNow(kept, report.keptValues).en}`,
              }}
            />
          </p>
          {kept.some(isListField) && (
            <p class="prefill-line">
              <Bi text={{ zh: '表格只补充缺少的行，不删除已有的行。', en: 'Tables only get the rows they lack; no row is deleted.' }} />
            </p>
          )}
          <button
            type="button"
            class="btn"
            disabled={busy.value}
            onClick={async () => {
              busy.value = true;
              try {
                await onOverwrite(kept);
              } finally {
                busy.value = false;
              }
            }}
          >
            用保存的资料覆盖这 {kept.length} 项 <span class="en">Replace {kept.length === 1 ? 'it' : `these ${kept.length}`} with the profile</span>
          </button>
        </div>
      )}
      {notPlaced.length > 0 && (
        <p class="prefill-line prefill-not-placed">
          <Bi
            text={{
              zh: `${notPlaced.length} 项不在本页（在表单其他步骤，或页面没有对应选项）：${names(notPlaced).zh}`,
              en: `${notPlaced.length} value${notPlaced.length === 1 ? ' has' : 's have'} no place on this page (another step of the form, or no matching option): ${names(notPlaced).en}`,
            }}
          />
        </p>
      )}
      {(report.notTaken?.length ?? 0) > 0 && (
        <p class="prefill-line prefill-not-taken" data-testid="prefill-not-taken">
          <Bi
            text={{
              zh: `${report.notTaken!.length} 项已填入页面控件，但页面没有接受，请手动填写：${names(report.notTaken!).zh}`,
              en: `${report.notTaken!.length} field${report.notTaken!.length === 1 ? ' was' : 's were'} put into the page's control but the page did not keep ${report.notTaken!.length === 1 ? 'it' : 'them'}: fill ${report.notTaken!.length === 1 ? 'it' : 'them'} in by hand: ${names(report.notTaken!).en}`,
            }}
          />
        </p>
      )}
      {(report.notSupported?.length ?? 0) > 0 && (
        <p class="prefill-line prefill-not-supported" data-testid="prefill-not-supported">
          <Bi
            text={{
              zh: `${report.notSupported!.length} 项本页有，但无法自动填写，请手动填写：${names(report.notSupported!).zh}`,
              en: `${report.notSupported!.length} field${report.notSupported!.length === 1 ? ' is' : 's are'} on this page but could not be filled automatically: fill ${report.notSupported!.length === 1 ? 'it' : 'them'} in by hand: ${names(report.notSupported!).en}`,
            }}
          />
        </p>
      )}
      {(report.notFillable?.length ?? 0) > 0 && (
        <p class="prefill-line prefill-not-fillable" data-testid="prefill-not-fillable">
          <Bi
            text={{
              zh: `${report.notFillable!.length} 项在页面上看不见或不可编辑，为安全起见没有填写：${names(report.notFillable!).zh}`,
              en: `${report.notFillable!.length} field${report.notFillable!.length === 1 ? ' is' : 's are'} hidden or not editable on the page and were left alone for safety: ${names(report.notFillable!).en}`,
            }}
          />
        </p>
      )}
      <button type="button" class="notice-close" aria-label={tx({ zh: '关闭', en: 'Close' })} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** the default export LazySlot mounts: the side panel loads the report with the first prefill (issue 19) */
export default PrefillReport;
