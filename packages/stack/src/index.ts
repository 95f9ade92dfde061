export { type DemoPrincipal, demoPrincipals, toolPrincipals } from './demo-principals.ts';
export { dataDirOf } from './paths.ts';
export { type RunningStack, type StackOptions, startStack } from './stack.ts';
export type { StackFile } from './stack-file.ts';
