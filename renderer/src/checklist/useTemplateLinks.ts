import { useMemo } from 'react';
import type { ChecklistValues } from '../../../shared/steps/values';
import { useIpcClient } from '../data/IpcClientContext';
import { useIpcQuery } from '../data/useIpcQuery';

/**
 * The template's two ways to the console: the file saved to disk, and a quick-create link built
 * from the values typed so far (asked again whenever they change).
 */
export function useTemplateLinks(values: ChecklistValues) {
  const client = useIpcClient();
  const link = useIpcQuery((c) => c.call('checklist:quickCreateLink'), {
    key: JSON.stringify(values),
  });
  const commands = useMemo(
    () => ({
      saveTemplate: () => client.call('checklist:saveTemplate'),
      openExternal: (url: string) => client.call('shell:openExternal', { url }),
    }),
    [client],
  );
  return { link, ...commands };
}
