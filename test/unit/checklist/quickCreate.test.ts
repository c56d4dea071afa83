import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildQuickCreateLink } from '../../../main/checklist/quickCreate';
import { readTemplateInfo } from '../../../main/checklist/templateFile';
import { STACK_PARAMETER_SOURCES } from '../../../shared/steps/stackParameters';
import type { ChecklistValues } from '../../../shared/steps/values';
import { ROOT } from '../../support/projectRoot';

const TEMPLATES = join(ROOT, 'templates');
const TEMPLATE_URL =
  'https://smooz-templates.s3.ap-northeast-1.amazonaws.com/smooz-privatelink.yaml';

/** The bundled template's Parameters, read independently of the app's own reader. */
async function bundledParameters(): Promise<Record<string, Record<string, unknown>>> {
  const text = await readFile(join(TEMPLATES, 'smooz-privatelink.yaml'), 'utf8');
  const doc = parseDocument(text, { logLevel: 'silent' }).toJS() as {
    Parameters: Record<string, Record<string, unknown>>;
  };
  return doc.Parameters;
}

const VALUES: ChecklistValues = {
  rdsType: 'cluster',
  rdsEndpoint: 'Aurora-Main.cluster-c9akciq32lce.ap-northeast-1.rds.amazonaws.com',
  rdsPort: '3306',
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  subnetId: 'subnet-0fedcba9876543210',
  additionalSubnetIds: 'subnet-0123456789abcdef0, subnet-0aaaabbbbccccdddd',
  lambdaSecurityGroupId: 'sg-0aaaabbbbccccdddd',
  smoozRoleArn: ' arn:aws:iam::210987654321:role/smooz-privatelink ',
  stackName: 'smooz-privatelink',
  dbAuthMethod: 'iam',
  dbUser: 'smooz_reader',
  dbResourceId: 'cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  externalId: 'ext-secret-0001',
  lambdaFunctionName: 'smooz-privatelink-target-updater',
};

function query(url: string): URLSearchParams {
  const hash = new URL(url).hash;
  return new URLSearchParams(hash.slice(hash.indexOf('?') + 1));
}

describe('stack parameters against the bundled template', () => {
  it('name exactly the template parameters, in the manual order ①–⑧ first', async () => {
    const declared = Object.keys(await bundledParameters());
    expect(STACK_PARAMETER_SOURCES.map((p) => p.name).sort()).toEqual([...declared].sort());
    expect(STACK_PARAMETER_SOURCES.slice(0, 8).map((p) => p.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(declared.slice(0, 8)).toEqual(STACK_PARAMETER_SOURCES.slice(0, 8).map((p) => p.name));
  });

  it('the app reads the same parameters, defaults and NoEcho flags as the file declares', async () => {
    const info = await readTemplateInfo(TEMPLATES, undefined);
    const declared = await bundledParameters();
    expect(info.parameters.map((p) => p.name)).toEqual(Object.keys(declared));
    for (const p of info.parameters) {
      const spec = declared[p.name] ?? {};
      expect(p.default).toBe(spec.Default === undefined ? undefined : String(spec.Default));
      expect(p.noEcho).toBe(spec.NoEcho === true);
    }
  });
});

describe('the CloudFormation quick-create link', () => {
  it('is only offered with an S3 template URL SMOOZ hosts', async () => {
    const info = await readTemplateInfo(TEMPLATES, undefined);
    expect(buildQuickCreateLink(VALUES, info)).toEqual({
      available: false,
      reason: 'noTemplateUrl',
      missing: [],
    });
  });

  it('opens the region console with the template URL, the stack name and valid param_ values', async () => {
    const info = await readTemplateInfo(TEMPLATES, TEMPLATE_URL);
    const link = buildQuickCreateLink(VALUES, info);
    if (!link.available) throw new Error(`no link: ${link.reason}`);
    const url = new URL(link.url);
    expect(url.origin).toBe('https://ap-northeast-1.console.aws.amazon.com');
    expect(url.pathname).toBe('/cloudformation/home');
    expect(url.searchParams.get('region')).toBe('ap-northeast-1');
    expect(url.hash.startsWith('#/stacks/quickcreate?')).toBe(true);
    const q = query(link.url);
    expect(q.get('templateURL')).toBe(TEMPLATE_URL);
    expect(q.get('stackName')).toBe('smooz-privatelink');

    const declared = await bundledParameters();
    const params = [...q.keys()].filter((k) => k.startsWith('param_'));
    for (const key of params) {
      const name = key.slice('param_'.length);
      const spec = declared[name];
      expect(spec, `${name} is not a template parameter`).toBeDefined();
      expect(spec?.NoEcho, `${name} is NoEcho and would be ignored`).not.toBe(true);
      const value = q.get(key) ?? '';
      if (typeof spec?.AllowedPattern === 'string')
        expect(value).toMatch(new RegExp(spec.AllowedPattern));
      if (Array.isArray(spec?.AllowedValues))
        expect(spec.AllowedValues.map(String)).toContain(value);
      if (spec?.Type === 'Number') {
        expect(Number(value)).toBeGreaterThanOrEqual(Number(spec.MinValue));
        expect(Number(value)).toBeLessThanOrEqual(Number(spec.MaxValue));
      }
    }
    expect(Object.fromEntries(params.map((k) => [k, q.get(k)]))).toEqual({
      param_LambdaFunctionName: 'smooz-privatelink-target-updater',
      param_RDSType: 'cluster',
      param_RDSEndpoint: 'aurora-main.cluster-c9akciq32lce.ap-northeast-1.rds.amazonaws.com',
      param_RDSPort: '3306',
      param_VpcId: 'vpc-0a1b2c3d4e5f60718',
      param_SubnetId: 'subnet-0fedcba9876543210',
      param_SmoozRoleArn: 'arn:aws:iam::210987654321:role/smooz-privatelink',
      param_AdditionalSubnetIds: 'subnet-0123456789abcdef0,subnet-0aaaabbbbccccdddd',
      param_DbAuthMethod: 'iam',
      param_DbUser: 'smooz_reader',
      param_DbResourceId: 'cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      // Nothing chosen: the updater runs outside the VPC, so ⑦ (a group typed earlier) is left out.
      param_UpdaterPlacement: 'outsideVpc',
    });
  });

  it('carries an inside-VPC placement with ⑦, and leaves ⑦ out of an outside-VPC link', async () => {
    const info = await readTemplateInfo(TEMPLATES, TEMPLATE_URL);
    const linkFor = (placement: string) => {
      const link = buildQuickCreateLink({ ...VALUES, updaterPlacement: placement }, info);
      if (!link.available) throw new Error(`no link: ${link.reason}`);
      return query(link.url);
    };
    const inside = linkFor('insideVpc');
    expect(inside.get('param_UpdaterPlacement')).toBe('insideVpc');
    expect(inside.get('param_LambdaSecurityGroupIds')).toBe('sg-0aaaabbbbccccdddd');
    const outside = linkFor('outsideVpc');
    expect(outside.get('param_UpdaterPlacement')).toBe('outsideVpc');
    expect(outside.has('param_LambdaSecurityGroupIds')).toBe(false);
  });

  it('leaves the IAM parameters out for password authentication and says what is missing', async () => {
    const info = await readTemplateInfo(TEMPLATES, TEMPLATE_URL);
    const link = buildQuickCreateLink({ ...VALUES, dbAuthMethod: 'password' }, info);
    if (!link.available) throw new Error('no link');
    expect([...query(link.url).keys()].filter((k) => k.startsWith('param_Db'))).toEqual([
      'param_DbAuthMethod',
    ]);
    expect(buildQuickCreateLink({ rdsPort: '5432' }, info)).toEqual({
      available: false,
      reason: 'missingValues',
      missing: ['region', 'stackName'],
    });
  });
});
