import type { Example } from './types.js';

export const EXAMPLES: readonly Example[] = [];
