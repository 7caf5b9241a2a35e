import type { ValueTransformer } from 'typeorm';

/** numeric comes back from pg as a string; these columns hold small values that fit a JS number. */
export const numericToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
