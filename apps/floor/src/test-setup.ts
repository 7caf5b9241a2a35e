import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks the text codecs the live stream reader uses
for (const [name, value] of [
  ['TextDecoder', TextDecoder],
  ['TextEncoder', TextEncoder],
] as const) {
  if (!(name in globalThis))
    Object.defineProperty(globalThis, name, {
      writable: true,
      configurable: true,
      value,
    });
}

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});
