/**
 * The version of `templates/smooz-privatelink.yaml`, written in its Metadata
 * (`SmoozTemplate.Version`) and its `SmoozTemplateVersion` output so the app can tell what each
 * stack runs. Raise it with every change to the template's resources; a unit test keeps the
 * template and this constant equal.
 *
 * Version 1 is every stack this app made before the version was recorded (no output); a stack
 * from the manual's template has neither the output nor the app's tag.
 */
export const SMOOZ_TEMPLATE_VERSION = 3;

export const TEMPLATE_VERSION_OUTPUT = 'SmoozTemplateVersion';

/** The version a stack's outputs say it runs; 1 for an app stack made before versions existed. */
export function templateVersionFromOutputs(
  outputs: readonly {
    readonly OutputKey?: string | undefined;
    readonly OutputValue?: string | undefined;
  }[],
): number {
  const value = outputs.find((o) => o.OutputKey === TEMPLATE_VERSION_OUTPUT)?.OutputValue;
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : 1;
}
