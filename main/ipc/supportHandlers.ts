import type { supportChannels } from '../../shared/ipc/channels/support';
import { buildDiagnosticReport, renderReportHtml } from '../report/diagnosticReport';
import type { MainServices } from '../app/mainServices';
import type { HandlerTable } from './handlers';

export function createSupportHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof supportChannels> {
  return {
    'support:exportReport': async () => {
      const now = new Date();
      const report = await buildDiagnosticReport(services, now);
      const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
      return services.saveFile({
        suggestedName: `smooz-privatelink-diagnostic-${stamp}.html`,
        filters: [{ name: 'HTML', extensions: ['html'] }],
        content: renderReportHtml(report),
      });
    },
  };
}
