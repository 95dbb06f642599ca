// Framework data loader: the agreed scenario with the default runs and seed, simulated at build time (see
// default-outcomes.ts): the Overview, every municipality's page, and the agreed side of Prognoses.
import {defaultOutcomes, emit} from "./default-outcomes.ts";

emit(() => {
  const {scenarios, outcome} = defaultOutcomes();
  return outcome(scenarios["agreed"]!);
});
