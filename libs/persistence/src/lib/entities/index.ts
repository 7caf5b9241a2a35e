/** Every entity of the schema; filled in per table. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ENTITIES: any[] = [];
