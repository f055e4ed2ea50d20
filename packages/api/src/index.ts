export { createBilateralYoga, type BilateralYoga, type BilateralYogaOptions } from './yoga.ts';
export { schema } from './schema/index.ts';
