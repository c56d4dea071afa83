import about from '../../renderer/src/locales/ja/about.json';
import aws from '../../renderer/src/locales/ja/aws.json';
import checklist from '../../renderer/src/locales/ja/checklist.json';
import common from '../../renderer/src/locales/ja/common.json';
import errors from '../../renderer/src/locales/ja/errors.json';
import guided from '../../renderer/src/locales/ja/guided.json';
import home from '../../renderer/src/locales/ja/home.json';
import lifecycle from '../../renderer/src/locales/ja/lifecycle.json';
import setup from '../../renderer/src/locales/ja/setup.json';
import smooz from '../../renderer/src/locales/ja/smooz.json';
import support from '../../renderer/src/locales/ja/support.json';
import update from '../../renderer/src/locales/ja/update.json';
import validation from '../../renderer/src/locales/ja/validation.json';

/** The Japanese catalogue (the UI's default language), by namespace. */
const ja: Record<string, unknown> = {
  about,
  aws,
  checklist,
  common,
  errors,
  guided,
  home,
  lifecycle,
  setup,
  smooz,
  support,
  update,
  validation,
};

/**
 * A string as the user sees it in Japanese: `t('ns:dotted.key', params)` looks it up in the
 * renderer's own catalogue and fills `{{name}}` the way i18next does, so tests select and assert
 * on what the catalogue says rather than on copies of it.
 */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const colon = key.indexOf(':');
  const namespace = colon < 0 ? 'common' : key.slice(0, colon);
  const path = colon < 0 ? key : key.slice(colon + 1);
  const text = path
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined,
      ja[namespace],
    );
  if (typeof text !== 'string') throw new Error(`no Japanese string ${namespace}:${path}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
