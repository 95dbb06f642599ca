// The part of Observable Inputs (@observablehq/inputs) the views use to build a page's inputs. Pages pass the real
// module in; views stay free of the npm import, so the unit tests can build them under a plain DOM.
import type {BindableInput} from "../inputs.js";

interface Common<T> {
  readonly label?: string;
  readonly value?: T;
  readonly format?: (value: T) => string;
}

export interface InputsLike {
  select<T>(values: readonly T[], options?: Common<T>): BindableInput<T>;
  radio<T>(values: readonly T[], options?: Common<T>): BindableInput<T>;
  checkbox<T>(values: readonly T[], options?: Omit<Common<T[]>, "format"> & {format?: (value: T) => string}): BindableInput<T[]>;
  toggle(options?: Common<boolean>): BindableInput<boolean>;
  number(range: readonly [number, number], options?: Common<number> & {step?: number}): BindableInput<number>;
  range(range: readonly [number, number], options?: Common<number> & {step?: number}): BindableInput<number>;
}
