// Full screen, unmistakable: this display's token is unknown or revoked, and it shows no data at all.
import { useI18n } from '../i18n/i18n.tsx';

export function NotAuthorised() {
  const { t } = useI18n();
  return (
    <main className="not-authorised" role="alert" data-testid="not-authorised">
      <h1>{t('wall.notAuthorised')}</h1>
      <p>{t('wall.notAuthorisedHelp')}</p>
    </main>
  );
}
