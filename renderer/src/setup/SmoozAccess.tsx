import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAction } from '../data/useAction';
import { useSmoozToken } from './useSmoozStatus';
import { ValidatedField, type FieldProblem } from './ValidatedField';

/**
 * SMOOZ's admin API token, asked for once when none is stored (the manual: admin rights are
 * needed). Main checks it against SMOOZ before storing it encrypted; it never comes back here.
 */
export function SmoozAccess({ onStored }: { onStored: () => void }) {
  const { t } = useTranslation('guided');
  const [token, setToken] = useState('');
  const storeToken = useSmoozToken();
  const { busy, error, run } = useAction();
  const trimmed = token.trim();
  const problem: FieldProblem | undefined =
    trimmed === ''
      ? { source: 'guided', key: 'fieldErrors.tokenRequired' }
      : trimmed.length < 8 || trimmed.length > 4096
        ? { source: 'guided', key: 'fieldErrors.tokenLength' }
        : undefined;

  return (
    <form
      className="guided-form smooz-access"
      onSubmit={(event) => {
        event.preventDefault();
        if (problem !== undefined) return;
        void run(async () => {
          await storeToken(trimmed);
          return true;
        }, true).then((stored) => stored && onStored());
      }}
    >
      <p>{t('smooz.tokenNeeded')}</p>
      <ValidatedField
        id="guided-smooz-token"
        label={t('smooz.token')}
        value={token}
        onChange={setToken}
        problem={problem}
        secret
        hint={t('smooz.tokenHint')}
      />
      {error !== undefined && <ErrorNotice error={error} />}
      <div className="actions">
        <button type="submit" disabled={busy !== undefined || problem !== undefined}>
          {t('smooz.save')}
        </button>
      </div>
    </form>
  );
}
