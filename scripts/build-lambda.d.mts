export const TEMPLATE_PATH: string;
export const TEMPLATE_BODY_LIMIT_BYTES: number;
/** The minified CommonJS bundle of lambda/src/<entry>/index.ts. */
export function bundleLambda(entry: string): Promise<string>;
/** The lambda/src entries the template's ZipFile blocks name, in order. */
export function entriesIn(template: string): string[];
/** The template with every ZipFile block replaced by a fresh build, formatted by prettier. */
export function renderTemplate(template: string): Promise<string>;
