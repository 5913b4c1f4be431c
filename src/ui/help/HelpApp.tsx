import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { help as H } from '../../i18n/messages/help.ts';
import { lang, msg } from '../lang.ts';

type HelpKey = Parameters<typeof msg<keyof typeof H.zh>>[1];
const ROLES = [
  { id: 'applicant', steps: 6, picture: 'applicant', size: [400, 640] },
  { id: 'recommender', steps: 4, picture: 'recommender', size: [400, 640] },
  { id: 'clerk', steps: 5, picture: 'clerk', size: [1280, 720] },
] as const;

/** The 帮助 page: one section per role, each with a picture the e2e regenerates (public/help/*.jpg); ?welcome=1 adds the first-run steps. */
export function HelpApp({ welcome }: { welcome: boolean }) {
  useEffect(() => {
    document.title = msg(H, 'doc.title');
  }, [lang.value]);
  const openOptions = (e: Event, hash: string) => {
    e.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}` as '/options.html') });
  };
  return (
    <div class="help" data-testid="help" id="top">
      <header class="help-head">
        <img src="/icon/48.png" alt="" width={36} height={36} />
        <div>
          <h1>{welcome ? msg(H, 'welcome.title') : msg(H, 'title')}</h1>
          <p class="sub">{welcome ? msg(H, 'welcome.lead') : msg(H, 'intro')}</p>
        </div>
      </header>
      <main class="help-main">
        {welcome && (
          <section class="card help-welcome" aria-labelledby="welcome-steps" data-testid="welcome">
            <h2 id="welcome-steps" class="sr-only">{msg(H, 'welcome.title')}</h2>
            <ol class="help-steps welcome-steps">
              <li>
                <h3>{msg(H, 'welcome.grant')}</h3>
                <p>{msg(H, 'welcome.grantText')}</p>
                <a class="btn btn-primary" href="/options.html#sec-permissions" onClick={(e) => openOptions(e, '#sec-permissions')} data-testid="welcome-options">
                  {msg(H, 'welcome.openOptions')}
                </a>
              </li>
              <li>
                <h3>{msg(H, 'welcome.profile')}</h3>
                <p>{msg(H, 'welcome.profileText')}</p>
              </li>
              <li>
                <h3>{msg(H, 'welcome.pin')}</h3>
                <p>{msg(H, 'welcome.pinText')}</p>
              </li>
            </ol>
            <p class="hint">{msg(H, 'welcome.next')}</p>
          </section>
        )}
        <nav class="help-roles" aria-label={msg(H, 'roles')}>
          {ROLES.map((r) => (
            <a key={r.id} class="btn" href={`#${r.id}`}>
              {msg(H, `role.${r.id}` as HelpKey)}
            </a>
          ))}
        </nav>
        {ROLES.map((r) => (
          <section key={r.id} id={r.id} class="card help-role" aria-labelledby={`${r.id}-title`} data-testid={`help-${r.id}`}>
            <h2 id={`${r.id}-title`}>{msg(H, `${r.id}.title` as HelpKey)}</h2>
            <div class={`help-body help-body-${r.id}`}>
              <ol class="help-steps">
                {Array.from({ length: r.steps }, (_, i) => (
                  <li key={i}>{msg(H, `${r.id}.${i + 1}` as HelpKey)}</li>
                ))}
              </ol>
              <img class="help-picture" src={`/help/${r.picture}.jpg`} width={r.size[0]} height={r.size[1]} loading="lazy" alt={msg(H, 'picture', { what: msg(H, `${r.id}.title` as HelpKey) })} />
            </div>
            <a class="help-top" href="#top">{msg(H, 'back')}</a>
          </section>
        ))}
        <p class="hint">{msg(H, 'privacy')}</p>
      </main>
    </div>
  );
}
