// A group of page inputs whose values live in the address (src/components/state.ts). The group is one element for
// Framework's `view()`: its value is an object of the inputs' values, and it fires "input" when any of them changes
// (by the reader, or by back/forward).
import type {InputLike, Spec, StateOf, UrlState} from "./state.js";

/** An input element that the state can bind (Observable Inputs are forms with a `value`). */
export type BindableInput<T> = InputLike<T> & HTMLElement;

/**
 * The inputs, each bound to the field of its name, in one element whose value is {name: value, …}.
 *
 * @example
 * const look = view(stateForm(state, {municipality: Inputs.select(names), metric: Inputs.select(metrics)}));
 */
export function stateForm<S extends Spec, K extends keyof S & string>(
  state: UrlState<S>,
  inputs: {readonly [P in K]: BindableInput<StateOf<S>[P]>},
  className = "fs-inputs"
): HTMLElement & {readonly value: Pick<StateOf<S>, K>} {
  const root = document.createElement("div");
  root.className = className;
  const names = Object.keys(inputs) as K[];
  for (const name of names) root.append(state.bind(name, inputs[name]));
  Object.defineProperty(root, "value", {
    get: () => Object.fromEntries(names.map((name) => [name, inputs[name].value])) as Pick<StateOf<S>, K>
  });
  return root as unknown as HTMLElement & {readonly value: Pick<StateOf<S>, K>};
}
