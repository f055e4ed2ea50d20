export { schema } from './schema/index.ts';
export { type BilateralYoga, type BilateralYogaOptions, createBilateralYoga } from './yoga.ts';
