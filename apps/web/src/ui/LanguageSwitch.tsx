import { LANGS } from '@pilotage/contracts';
import { useLang, useT } from '../i18n/index.tsx';

/** Two toggle buttons (VI / EN); each is named in its own language too ("VI Tiếng Việt") so anyone finds theirs. */
export function LanguageSwitch() {
  const t = useT();
  const [lang, setLang] = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          data-lang={code}
          aria-pressed={lang === code}
          title={t(`lang.${code}`)}
          onClick={() => setLang(code)}
        >
          {code.toUpperCase()}
          <span className="visually-hidden"> {t(`lang.${code}`)}</span>
        </button>
      ))}
    </div>
  );
}
