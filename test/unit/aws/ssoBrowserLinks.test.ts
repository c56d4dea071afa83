import { describe, expect, it } from 'vitest';
import { isSsoBrowserUrl } from '../../../main/aws/sso/ssoBrowserLinks';

describe('pages an SSO login may open in the system browser', () => {
  it('allows IAM Identity Center sign-in and device pages over https', () => {
    for (const url of [
      'https://oidc.ap-northeast-1.amazonaws.com/authorize?client_id=x',
      'https://device.sso.ap-northeast-1.amazonaws.com/?user_code=ABCD-EFGH',
      'https://d-9067c1a2b3.awsapps.com/start/#/device?user_code=ABCD-EFGH',
      'https://oidc.cn-north-1.amazonaws.com.cn/authorize',
      'https://oidc.us-gov-west-1.amazonaws.com/authorize',
      'https://device.sso.cn-northwest-1.amazonaws.com.cn/',
      'https://mycorp.awsapps.cn/start',
    ]) {
      expect(isSsoBrowserUrl(url, null), url).toBe(true);
    }
  });

  it('allows the configured OIDC endpoint, and only that origin, even over http', () => {
    expect(isSsoBrowserUrl('http://127.0.0.1:4100/authorize?x=1', 'http://127.0.0.1:4100')).toBe(
      true,
    );
    expect(isSsoBrowserUrl('http://127.0.0.1:4101/authorize', 'http://127.0.0.1:4100')).toBe(false);
  });

  it('refuses other amazonaws.com hosts (S3, API Gateway), look-alikes, plain http, credentials in the URL and garbage', () => {
    for (const url of [
      'http://oidc.ap-northeast-1.amazonaws.com/authorize',
      'https://amazonaws.com.evil.example/authorize',
      'https://evilamazonaws.com/authorize',
      'https://user:pw@oidc.us-east-1.amazonaws.com/authorize',
      'javascript:alert(1)',
      // Under amazonaws.com but not IAM Identity Center: anyone can own these pages.
      'https://attacker-bucket.s3.amazonaws.com/login.html',
      'https://attacker-bucket.s3-website-ap-northeast-1.amazonaws.com/',
      'https://abc123.execute-api.ap-northeast-1.amazonaws.com/prod/sso',
      'https://amazonaws.com/',
      'https://oidc.ap-northeast-1.amazonaws.com.evil.example/authorize',
      'https://oidc.ap-northeast-1.amazonaws.com:8443/authorize',
      'https://deep.sub.awsapps.com/start',
      'https://awsapps.com/start',
      'not a url',
    ]) {
      expect(isSsoBrowserUrl(url, 'https://oidc.us-east-1.amazonaws.com'), url).toBe(false);
    }
  });
});
