export * from './acceptance';
export * from './database';
export * from './events';
export * from './plan';
export * from './preflight';
export * from './reducer';
export * from './resources';
export * from './state';
