export * from './database';
export * from './events';
export * from './placement';
export * from './plan';
export * from './preflight';
export * from './reducer';
export * from './resources';
export * from './state';
