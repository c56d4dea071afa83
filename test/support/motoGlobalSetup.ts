import type { TestProject } from 'vitest/node';
import { startMotoServer } from './motoServer';

declare module 'vitest' {
  export interface ProvidedContext {
    motoEndpoint: string;
  }
}

/** One moto server per test run; tests read its address with `inject('motoEndpoint')`. */
export default async function setup(project: TestProject) {
  const moto = await startMotoServer();
  project.provide('motoEndpoint', moto.endpoint);
  return () => moto.stop();
}
