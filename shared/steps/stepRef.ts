/** The manual's sections: 3-1 preparation, 3-2 the stack, 4 the endpoint on SMOOZ's side. */
export const MANUAL_SECTIONS = ['3-1', '3-2', '4'] as const;
export type ManualSection = (typeof MANUAL_SECTIONS)[number];

/** The circled numbers the console labels the stack parameters with (3-2 ①–⑧). */
export const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧'] as const;
export type ParameterNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** A place in the manual, as support and customer name it on a call: "3-2 ⑥". */
export interface StepRef {
  readonly section: ManualSection;
  readonly parameter?: ParameterNumber;
}

export function formatStepRef(ref: StepRef): string {
  return ref.parameter === undefined
    ? ref.section
    : `${ref.section} ${CIRCLED[ref.parameter - 1] ?? ''}`;
}
