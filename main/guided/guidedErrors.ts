/** Error codes of the guided flow; localized from renderer/src/locales/<lang>/guided.json `errors.*`. */
export const GuidedErrorCodes = {
  notComplete: 'guided.notComplete',
  notFound: 'guided.notFound',
  noZoneIds: 'guided.noZoneIds',
} as const;
