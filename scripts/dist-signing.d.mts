export function unsignedWarnings(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[];
export function builderEnv(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): NodeJS.ProcessEnv;
