import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/ipc/createHandlers';
import { dispatch } from '../../../main/ipc/dispatch';
import { silentLogger } from '../../../main/base/logger';
import { createExternalLinks } from '../../../main/app/externalLinks';
import { servicesOnDisk } from '../../support/servicesOnDisk';

function browser() {
  const opened: string[] = [];
  return { opened, open: async (url: string) => void opened.push(url) };
}

describe('the one way out to the system browser', () => {
  it('opens app links to allow-listed https hosts and refuses anything else itself', async () => {
    const { opened, open } = browser();
    const links = createExternalLinks(open, { allowedHosts: ['docs.aws.amazon.com'] });
    await links.openAppLink('https://docs.aws.amazon.com/vpc/');
    for (const url of [
      'https://evil.example/',
      'http://docs.aws.amazon.com/',
      'file:///etc/passwd',
    ]) {
      await expect(links.openAppLink(url), url).rejects.toMatchObject({
        code: 'shell.urlNotAllowed',
      });
    }
    expect(opened).toEqual(['https://docs.aws.amazon.com/vpc/']);
  });

  it('opens SSO pages only on IAM Identity Center hosts or the configured OIDC endpoint', async () => {
    const { opened, open } = browser();
    const links = createExternalLinks(open, {
      allowedHosts: [],
      ssoOidcEndpoint: () => 'http://127.0.0.1:4100',
    });
    await links.openSsoPage('https://oidc.ap-northeast-1.amazonaws.com/authorize?x=1');
    await links.openSsoPage('http://127.0.0.1:4100/device');
    await expect(
      links.openSsoPage('https://attacker.s3.amazonaws.com/login.html'),
    ).rejects.toMatchObject({ code: 'aws.ssoBrowserUrlRejected' });
    await expect(links.openAppLink('https://d-1234.awsapps.com/start')).rejects.toThrow();
    expect(opened).toEqual([
      'https://oidc.ap-northeast-1.amazonaws.com/authorize?x=1',
      'http://127.0.0.1:4100/device',
    ]);
  });

  it('is what the services hand out: a caller cannot reach the browser unchecked', async () => {
    const { opened, open } = browser();
    const { services } = await servicesOnDisk(undefined, { openExternal: open });
    await expect(services.openExternal('https://evil.example/')).rejects.toMatchObject({
      code: 'shell.urlNotAllowed',
    });
    const viaIpc = await dispatch(
      createHandlers(services),
      'shell:openExternal',
      { url: 'https://evil.example/' },
      silentLogger,
    );
    expect(viaIpc).toMatchObject({ ok: false, error: { code: 'shell.urlNotAllowed' } });
    await services.openExternal('https://docs.aws.amazon.com/');
    expect(opened).toEqual(['https://docs.aws.amazon.com/']);
  });
});
