import { useTranslation } from 'react-i18next';
import type { ConnectionNames } from '../../../shared/naming/connectionNames';
import { Sensitive } from '../support/Sensitive';

const ORDER: readonly (keyof ConnectionNames)[] = [
  'stackName',
  'lambdaFunctionName',
  'setupFunctionName',
  'lambdaSecurityGroupName',
  'endpointsSecurityGroupName',
  'updaterLogGroupName',
  'setupLogGroupName',
];

/** Security groups exist only for an updater inside the VPC. */
const VPC_ONLY: readonly (keyof ConnectionNames)[] = [
  'lambdaSecurityGroupName',
  'endpointsSecurityGroupName',
];

/** Every AWS name this connection uses, as they will be with the values typed right now. */
export function DerivedNames({ names, inVpc }: { names: ConnectionNames; inVpc: boolean }) {
  const { t } = useTranslation('guided');
  return (
    <section aria-labelledby="confirm-names">
      <h3 id="confirm-names">{t('confirm.names.title')}</h3>
      <p className="muted">{t('confirm.names.note')}</p>
      <dl className="facts" data-testid="derived-names">
        {ORDER.filter((key) => inVpc || !VPC_ONLY.includes(key)).map((key) => (
          <div className="facts-row" key={key} data-testid={`name-${key}`}>
            <dt>{t(`confirm.names.${key}`)}</dt>
            <dd>
              <Sensitive kind="text" value={names[key]} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
