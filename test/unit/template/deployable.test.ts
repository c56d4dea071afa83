import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  bundleLambda,
  renderTemplate,
  TEMPLATE_BODY_LIMIT_BYTES,
  TEMPLATE_PATH,
} from '../../../scripts/build-lambda.mjs';
import { parseTemplate } from './cfnYaml';

const committed = readFileSync(TEMPLATE_PATH, 'utf8');
const inline = (logicalId: string) => {
  const code = parseTemplate(committed).Resources[logicalId]?.Properties.Code as {
    ZipFile: string;
  };
  return code.ZipFile;
};

/**
 * Loads inline code the way the Node.js runtime loads CloudFormation's index.js (CommonJS) and
 * records what it requires; the AWS SDK comes from the runtime, so it is only recorded here.
 */
function loadInline(code: string) {
  const required: string[] = [];
  const module = { exports: {} as Record<string, unknown> };
  const fakeRequire = (name: string) => {
    required.push(name);
    if (name.startsWith('@aws-sdk/'))
      return new Proxy(
        {},
        {
          get: () =>
            class SdkStandIn {
              readonly standIn = true;
            },
        },
      );
    if (!builtinModules.includes(name.replace(/^node:/, ''))) throw new Error(`bundled? ${name}`);
    return process.getBuiltinModule(name);
  };
  new Function('module', 'exports', 'require', code)(module, module.exports, fakeRequire);
  return { exports: module.exports, required: [...new Set(required)].sort() };
}

describe('deployable template (templates/smooz-privatelink.yaml)', () => {
  it('is what npm run build:lambda writes from lambda/src (not stale)', async () => {
    expect(await renderTemplate(committed)).toBe(committed);
  });

  it("fits CloudFormation's 51,200-byte TemplateBody limit", () => {
    expect(Buffer.byteLength(committed)).toBeLessThanOrEqual(TEMPLATE_BODY_LIMIT_BYTES);
  });

  it.each([
    ['UpdaterFunction', 'updater'],
    ['SetupFunction', 'setup'],
  ])('inlines %s as the minified build of lambda/src/%s', async (logicalId, entry) => {
    const code = inline(logicalId);
    expect(code.split('\n')[0]).toBe(
      `// generated from lambda/src/${entry} by npm run build:lambda; do not edit`,
    );
    expect(code).toContain(await bundleLambda(entry));
    // CloudFormation dropped the old 4,096-character ZipFile limit in 2022 (a ZipFile is now
    // bounded by the 4 MB zip, the template by the 51,200 bytes asserted above). A tight bound
    // stays, so a dependency bundled by mistake (one AWS SDK client is ~300 kB) fails here.
    expect(code.length).toBeLessThanOrEqual(5120);
  });

  it('loads as CommonJS with a handler, taking the AWS SDK from the runtime instead of bundling it', () => {
    const updater = loadInline(inline('UpdaterFunction'));
    expect(typeof updater.exports.handler).toBe('function');
    expect(updater.required).toEqual([
      '@aws-sdk/client-elastic-load-balancing-v2',
      'node:dns/promises',
      'node:net',
    ]);
    const setup = loadInline(inline('SetupFunction'));
    expect(typeof setup.exports.handler).toBe('function');
    expect(setup.required).toEqual([
      '@aws-sdk/client-ec2',
      '@aws-sdk/client-lambda',
      'node:http',
      'node:https',
    ]);
  });
});
