import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { TextDecoder, TextEncoder } from 'node:util';

// the app registers only the canvas renderer; tests draw SVG (jsdom has no canvas)
echarts.use([SVGRenderer]);

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

// jsdom has no ResizeObserver (ngx-echarts requires one).
class ResizeObserverStub {
  observe(): void {
    /* no layout in jsdom */
  }
  unobserve(): void {
    /* no layout in jsdom */
  }
  disconnect(): void {
    /* no layout in jsdom */
  }
}
Object.defineProperty(window, 'ResizeObserver', {
  writable: true,
  configurable: true,
  value: ResizeObserverStub,
});

// jsdom has no canvas: ECharts measures text with a 2D context even when it renders SVG.
const context2d = new Proxy(
  {
    measureText: (text: string) => ({
      width: text.length * 7,
      actualBoundingBoxAscent: 8,
      actualBoundingBoxDescent: 2,
    }),
    getImageData: () => ({ data: new Uint8ClampedArray(4) }),
    createLinearGradient: () => ({ addColorStop: () => undefined }),
    createRadialGradient: () => ({ addColorStop: () => undefined }),
    createPattern: () => null,
  } as Record<string, unknown>,
  {
    get: (target, key: string) =>
      key in target ? target[key] : () => undefined,
  },
);
Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
  writable: true,
  configurable: true,
  value: () => context2d,
});

// ngx-echarts reads matchMedia indirectly through our chart defaults.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

// jsdom does no layout: give chart containers a size so ECharts lays the chart out as in a browser.
for (const [prop, size] of [
  ['clientWidth', 800],
  ['clientHeight', 420],
] as const) {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop);
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      return this.hasAttribute('echarts')
        ? size
        : (original?.get?.call(this) ?? 0);
    },
  });
}
