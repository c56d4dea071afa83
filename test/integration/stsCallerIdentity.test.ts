import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, inject, it } from 'vitest';
import { createAwsClient } from '../../main/aws/clientFactory';
import { loadConfig } from '../../main/base/config';
import { motoAppConfig, motoContext } from '../support/awsTestConfig';

describe('AWS client factory against moto server', () => {
  it('reaches STS GetCallerIdentity at the endpoint given by config', async () => {
    const endpoint = inject('motoEndpoint');
    const sts = createAwsClient(STSClient, motoAppConfig(endpoint), motoContext);
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe('123456789012');
    expect(identity.Arn).toMatch(/^arn:aws:sts::123456789012:/);
  });

  it('takes the endpoint from SMOOZ_AWS_ENDPOINT_URL when loading config', async () => {
    const endpoint = inject('motoEndpoint');
    const config = loadConfig({ SMOOZ_AWS_ENDPOINT_URL: endpoint });
    const sts = createAwsClient(STSClient, config, motoContext);
    const resolved = await sts.config.endpoint?.();
    expect(`${resolved?.protocol}//${resolved?.hostname}:${resolved?.port}`).toBe(endpoint);
  });
});
