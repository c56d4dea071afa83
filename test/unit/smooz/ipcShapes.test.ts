import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  SmoozConnectionCreateSchema,
  SmoozConnectionSchema,
  SmoozSettingsSchema,
} from '../../../shared/ipc/channels/smooz';
import type { SmoozConnectivityTestResultSchema } from '../../../shared/smooz/apiShapes';
import type { components } from '../../../shared/smooz-api/openapi-types';

type Schemas = components['schemas'];

// Checked by `npm run typecheck` (tsc over test/): the IPC shapes that mirror the SMOOZ API must
// stay the types generated from openapi.yaml, so a change to the document breaks the build here.
describe('SMOOZ IPC shapes follow the OpenAPI document', () => {
  it('keeps settings, connection, create and test result types equal to the generated ones', () => {
    expectTypeOf<z.infer<typeof SmoozSettingsSchema>>().toEqualTypeOf<Schemas['Settings']>();
    expectTypeOf<z.infer<typeof SmoozConnectionSchema>>().toEqualTypeOf<Schemas['Connection']>();
    expectTypeOf<z.infer<typeof SmoozConnectionCreateSchema>>().toEqualTypeOf<
      Schemas['ConnectionCreate']
    >();
    expectTypeOf<z.infer<typeof SmoozConnectivityTestResultSchema>>().toEqualTypeOf<
      Schemas['ConnectivityTestResult']
    >();
  });
});
