// The lib compiles with moduleResolution node10, which does not read package.json "exports";
// pure-rand 8 only publishes subpath exports, so its one generator used here is declared by hand.
declare module 'pure-rand/generator/xoroshiro128plus' {
  export interface PureRandGenerator {
    next(): number;
    clone(): PureRandGenerator;
    getState(): readonly number[];
    jump(): void;
  }
  export function xoroshiro128plus(seed: number): PureRandGenerator;
  export function xoroshiro128plusFromState(
    state: readonly number[],
  ): PureRandGenerator;
}
