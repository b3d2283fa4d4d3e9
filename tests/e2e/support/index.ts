// One import for journeys: `import { test, expect, loginAs, signUpDoctor } from './support';`
export * from './a11y';
export * from './api';
export * from './contract';
export * from './demo';
export * from './fixtures';
export * from './screenshots';
export type * from './types';
export * from './ui';
