// Bundles the Lambda functions in lambda/src/ and inlines them into the template's ZipFile
// blocks. The template keeps one block per function, whose first line names its source folder;
// everything else in the template is edited by hand. `node scripts/build-lambda.mjs --check`
// fails if the committed template is not what a build would write.
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATE_PATH = join(ROOT, 'templates', 'smooz-privatelink.yaml');
/** CloudFormation's limit on a TemplateBody passed inline to CreateStack. */
export const TEMPLATE_BODY_LIMIT_BYTES = 51_200;

// A `ZipFile: |` block whose first line names lambda/src/<entry>, up to the first line that is
// indented less than the block's content.
const ZIP_BLOCK =
  /^( *)ZipFile: \|\n\1 {2}\/\/[^\n]*lambda\/src\/([a-z]+)\b[^\n]*\n(?:(?:\1 {2}[^\n]*)?\n)*/gm;

/**
 * CommonJS, because CloudFormation writes inline code to index.js. The runtime's own AWS SDK v3 is
 * used, not bundled, which keeps each function a few kilobytes.
 */
export async function bundleLambda(entry) {
  const result = await build({
    entryPoints: [join(ROOT, 'lambda', 'src', entry, 'index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    external: ['@aws-sdk/*'],
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  return output.text.trimEnd();
}

export function entriesIn(template) {
  return [...template.matchAll(ZIP_BLOCK)].map((match) => match[2]);
}

export async function renderTemplate(template) {
  const code = new Map();
  for (const entry of entriesIn(template)) code.set(entry, await bundleLambda(entry));
  const spliced = template.replace(ZIP_BLOCK, (_block, indent, entry) => {
    const pad = `${indent}  `;
    const lines = [
      `// generated from lambda/src/${entry} by npm run build:lambda; do not edit`,
      ...code.get(entry).split('\n'),
    ];
    return `${indent}ZipFile: |\n${lines.map((line) => (line ? pad + line : '')).join('\n')}\n`;
  });
  const options = (await resolveConfig(TEMPLATE_PATH)) ?? {};
  return format(spliced, { ...options, filepath: TEMPLATE_PATH });
}

async function main() {
  const current = await readFile(TEMPLATE_PATH, 'utf8');
  const rendered = await renderTemplate(current);
  const size = Buffer.byteLength(rendered);
  if (process.argv.includes('--check')) {
    if (rendered !== current) {
      console.error('templates/smooz-privatelink.yaml is stale: run npm run build:lambda');
      process.exit(1);
    }
  } else if (rendered !== current) {
    await writeFile(TEMPLATE_PATH, rendered);
  }
  console.log(
    `templates/smooz-privatelink.yaml: ${size} bytes (limit ${TEMPLATE_BODY_LIMIT_BYTES})`,
  );
  if (size > TEMPLATE_BODY_LIMIT_BYTES) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
