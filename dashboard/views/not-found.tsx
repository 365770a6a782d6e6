// Unknown path: say so in the current language and offer the public map.
import { useI18n } from '../i18n/i18n.tsx';

export function NotFound() {
  const { t } = useI18n();
  return (
    <div className="center-page">
      <h1>{t('view.notFound')}</h1>
      <a href="/map">{t('view.goToMap')}</a>
    </div>
  );
}
