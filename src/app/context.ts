/** What every panel is given: the graph, its derived indexes, and the one store. */
import type { AppGraph } from "./data/graph";
import type { FilterChoices } from "./data/filters";
import type { SearchIndex } from "./data/search";
import type { Store } from "./state/store";

export interface AppContext {
  graph: AppGraph;
  store: Store;
  search: SearchIndex;
  choices: FilterChoices;
}

export const TYPE_NAMES = {
  organization: "Organizations",
  technology: "Technologies",
  technique: "Techniques",
  person: "People",
} as const;
