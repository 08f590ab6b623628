/**
 * Opening a graph kept in the browser (`?graph=<id>`): the graph is checked as a fetched
 * graph.json is, a problem is said in words that name the list it came from, and an id that is
 * not kept (or could not be) is refused without echoing it.
 */
import { describe, expect, it } from "vitest";
import { GraphLoadError } from "../../../src/app/data/graph";
import { openKeptGraph } from "../../../src/app/import/open";
import type { GraphShelf, StoredGraphInfo } from "../../../src/app/import/store";
import { fixtureGraphJson } from "../fixtures/graph";

const INFO: StoredGraphInfo = { id: "list-md-1", name: "list.md", date: "2026-11-30T14:02:00.000Z", size: 10, articles: 1, concepts: 1 };

/** The shelf's interface over a Map; `broken` makes every call fail as a refused IndexedDB does. */
function shelfWith(graphs: Record<string, string>, broken?: DOMException): GraphShelf {
  const texts = new Map(Object.entries(graphs));
  const guard = () => {
    if (broken) throw broken;
  };
  return {
    async list() {
      guard();
      return [...texts.keys()].map((id) => ({ ...INFO, id }));
    },
    async read(id) {
      guard();
      return texts.get(id);
    },
    async add() {
      guard();
    },
    async remove() {
      guard();
    },
  };
}

async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphLoadError);
    return (error as Error).message;
  }
  throw new Error("did not fail");
}

describe("openKeptGraph", () => {
  it("opens a kept graph, telling its record first", async () => {
    const told: StoredGraphInfo[] = [];
    const { graph, info } = await openKeptGraph(shelfWith({ "list-md-1": JSON.stringify(fixtureGraphJson()) }), "list-md-1", (i) => told.push(i));
    expect(info).toEqual(INFO);
    expect(told).toEqual([INFO]);
    expect(graph.order).toBe(fixtureGraphJson().nodes.length);
  });

  it("refuses an id that is not kept, or that no id could be, without repeating it", async () => {
    const shelf = shelfWith({ "list-md-1": JSON.stringify(fixtureGraphJson()) });
    for (const id of ["list-md-2", "<img src=x onerror=alert(1)>"]) {
      const message = await failure(openKeptGraph(shelf, id));
      expect(message).toMatch(/not kept in this browser/);
      expect(message).not.toContain(id);
    }
  });

  it("checks the kept text as graph.json is checked, naming the list it was built from", async () => {
    expect(await failure(openKeptGraph(shelfWith({ "list-md-1": "{not json" }), "list-md-1"))).toBe(
      "the graph of list.md is not valid JSON (open the list again)",
    );
    const damaged = fixtureGraphJson();
    delete (damaged.nodes[0]!.attributes as unknown as Record<string, unknown>).label;
    expect(await failure(openKeptGraph(shelfWith({ "list-md-1": JSON.stringify(damaged) }), "list-md-1"))).toMatch(
      /^the graph of list\.md is damaged: /,
    );
  });

  it("says when the browser's storage cannot be read", async () => {
    const refused = shelfWith({}, new DOMException("denied", "SecurityError"));
    expect(await failure(openKeptGraph(refused, "list-md-1"))).toMatch(/could not be read: this browser does not let the page keep data/);
  });
});
