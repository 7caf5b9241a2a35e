export function serverCore(): string {
  return 'server-core';
}
