import { z } from 'zod';
import { AppErrorSchema } from '../../errors';
import { SMOOZ_ROLE_ARN_PATTERN } from '../../flow/plan';
import {
  dbAuthMethodValues,
  migrationStatusValues,
  retiredEndpointStatusValues,
} from '../../smooz-api/openapi-types';
import {
  asEnum,
  SmoozConnectionStatusSchema,
  SmoozConnectivityTestResultSchema,
  StatusReasonSchema,
} from '../../smooz/apiShapes';
import { CrossCheckSchema } from '../../smooz/crossCheck';
import {
  CustomerSideSchema,
  TRACKING_STATES,
  TrackedConnectionSchema,
} from '../../smooz/trackingRecord';

/**
 * The SMOOZ feature's channels. Shapes that mirror the SMOOZ API are checked against the types
 * generated from `shared/smooz-api/openapi.yaml` (test/unit/smooz/ipcShapes.test.ts), and the
 * enums come from that file, so the two cannot drift; the server itself validates the details.
 */
const DbAuthMethodSchema = z.enum(asEnum(dbAuthMethodValues));

const AvailabilityZoneSchema = z.object({ id: z.string().min(1), name: z.string().min(1) });

export const SmoozSettingsSchema = z.object({
  smoozAwsAccountId: z.string(),
  /** The one principal the endpoint service allows (template parameter ⑧). */
  smoozRoleArn: z.string().regex(SMOOZ_ROLE_ARN_PATTERN),
  resourceNamePrefix: z.string(),
  supportedRegions: z.array(z.string()),
});

export const SmoozConnectionCreateSchema = z.object({
  name: z.string().min(1),
  customerAwsAccountId: z.string().regex(/^\d{12}$/),
  region: z.string().min(1),
  availabilityZones: z.array(AvailabilityZoneSchema).min(1),
  endpointServiceName: z.string().min(1),
  dbAuthMethod: DbAuthMethodSchema,
  iamRoleArn: z.string().exactOptional(),
});

export const SmoozConnectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  customerAwsAccountId: z.string(),
  region: z.string(),
  availabilityZones: z.array(AvailabilityZoneSchema),
  endpointServiceName: z.string(),
  dbAuthMethod: DbAuthMethodSchema,
  iamRoleArn: z.string().exactOptional(),
  status: SmoozConnectionStatusSchema,
  statusReason: StatusReasonSchema.exactOptional(),
  vpcEndpointId: z.string().exactOptional(),
  /** The second endpoint while the connection moves to another endpoint service. */
  migration: z
    .object({
      endpointServiceName: z.string(),
      availabilityZones: z.array(AvailabilityZoneSchema),
      status: z.enum(asEnum(migrationStatusValues)),
      statusReason: StatusReasonSchema.exactOptional(),
      vpcEndpointId: z.string().exactOptional(),
      lastTestSucceededAt: z.string().exactOptional(),
      startedAt: z.string(),
    })
    .exactOptional(),
  retiredEndpoint: z
    .object({
      endpointServiceName: z.string(),
      vpcEndpointId: z.string().exactOptional(),
      status: z.enum(asEnum(retiredEndpointStatusValues)),
    })
    .exactOptional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const SmoozStatusEventSchema = z.object({
  connectionId: z.string(),
  /** SMOOZ's status, or `deleted` once a deletion is complete. */
  status: z.union([SmoozConnectionStatusSchema, z.literal('deleted')]).optional(),
  statusReason: StatusReasonSchema.optional(),
  vpcEndpointId: z.string().optional(),
  tracking: z.enum(TRACKING_STATES),
  /** Why tracking is paused, or the last failed poll (it goes on with backoff). */
  error: AppErrorSchema.optional(),
  crossCheck: CrossCheckSchema.optional(),
  at: z.iso.datetime(),
});
export type SmoozStatusEvent = z.infer<typeof SmoozStatusEventSchema>;

export const SmoozTokenStatusSchema = z.object({
  isSet: z.boolean(),
  last4: z.string().max(4).optional(),
  /** False when no OS keychain is available: the token cannot be stored safely. */
  canEncrypt: z.boolean(),
});

const NoPayload = z.undefined();
const ConnectionRef = z.object({ connectionId: z.string().min(1) });

export const smoozChannels = {
  'smooz:getTokenStatus': { request: NoPayload, response: SmoozTokenStatusSchema },
  /** Checks the token against SMOOZ (admin rights included) before storing it encrypted. */
  'smooz:setToken': {
    request: z.object({ token: z.string().trim().min(8).max(4096) }),
    response: SmoozTokenStatusSchema,
  },
  'smooz:clearToken': { request: NoPayload, response: SmoozTokenStatusSchema },
  'smooz:getSettings': { request: NoPayload, response: SmoozSettingsSchema },
  'smooz:listConnections': { request: NoPayload, response: z.array(SmoozConnectionSchema) },
  'smooz:getConnection': { request: ConnectionRef, response: SmoozConnectionSchema },
  /** Creates the connection and starts tracking it; status changes arrive as events. */
  'smooz:createConnection': {
    request: z.object({
      connection: SmoozConnectionCreateSchema,
      customerSide: CustomerSideSchema,
      /** Keep it with the step's state to make a retry after a crash a replay, not a second create. */
      idempotencyKey: z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,128}$/)
        .optional(),
    }),
    response: SmoozConnectionSchema,
  },
  'smooz:deleteConnection': {
    request: ConnectionRef.extend({ customerSide: CustomerSideSchema }),
    response: SmoozConnectionSchema,
  },
  'smooz:testConnectivity': { request: ConnectionRef, response: SmoozConnectivityTestResultSchema },
  /** (Re)starts tracking a connection, e.g. one created before this app version. */
  'smooz:trackConnection': {
    request: ConnectionRef.extend({ customerSide: CustomerSideSchema }),
    response: z.undefined(),
  },
  /** Connections being tracked, each with the last status event (for a window opened later). */
  'smooz:listTracked': {
    request: NoPayload,
    response: z.array(
      z.object({ tracked: TrackedConnectionSchema, last: SmoozStatusEventSchema.optional() }),
    ),
  },
} as const;

export const smoozEvents = {
  'smooz:connectionStatusChanged': SmoozStatusEventSchema,
} as const;
