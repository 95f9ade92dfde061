import { answer } from '@enforcement/contracts';
export const doubled: number = answer * 2;
