import { useTranslation } from 'react-i18next';
import type { CreatedResource } from '../../../shared/flow/resources';
import { ResourceList } from './ResourceLine';

/**
 * What exists in AWS before "Create" (the one-click egress fix makes endpoints): the ledger, so
 * the confirmation never claims that nothing has been made yet.
 */
export function AlreadyCreated({ created }: { created: readonly CreatedResource[] }) {
  const { t } = useTranslation('guided');
  if (created.length === 0) return null;
  return (
    <section aria-labelledby="confirm-existing">
      <h3 id="confirm-existing">{t('confirm.alreadyCreated')}</h3>
      <p>{t('confirm.alreadyCreatedNote')}</p>
      <ResourceList resources={created} testId="already-created" />
    </section>
  );
}
