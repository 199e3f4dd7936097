import { LANGS } from '@pilotage/contracts';
import { useLang, useT } from '../i18n/index.tsx';

/** Two toggle buttons (VI / EN); each is labelled in its own language so anyone can find theirs. */
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
          aria-label={t(`lang.${code}`)}
          onClick={() => setLang(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
