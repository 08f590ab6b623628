/**
 * An imported graph is opened by its address (`?graph=<id>`): the parameter leads the address
 * the app writes, survives every update of the state, and is never reported as ignored.
 */
import { describe, expect, it } from "vitest";
import { addressOf, decodeState, encodeState } from "../../../src/app/state/url";
import { INITIAL_STATE, type AppState } from "../../../src/app/state/store";
import { fixtureGraph } from "../fixtures/graph";

const focused: AppState = { ...INITIAL_STATE, selection: { kind: "concepts", ids: ["entity:postgresql"], match: "all" }, listMode: true };

describe("addressOf", () => {
  it("writes the graph first, then the state as the bundled graph's address has it", () => {
    expect(addressOf(focused, "list-md-mik3x0a1").toString()).toBe(`graph=list-md-mik3x0a1&${encodeState(focused)}`);
  });

  it("keeps the graph when the state says nothing", () => {
    expect(addressOf(INITIAL_STATE, "list-md-mik3x0a1").toString()).toBe("graph=list-md-mik3x0a1");
  });

  it("is the state's address alone on the bundled graph", () => {
    expect(addressOf(focused).toString()).toBe(encodeState(focused).toString());
  });
});

describe("decodeState with a graph named", () => {
  it("reads the rest of the address and reports nothing ignored", () => {
    const { state, ignored } = decodeState(new URLSearchParams(addressOf(focused, "list-md-mik3x0a1")), fixtureGraph());
    expect(ignored).toEqual([]);
    expect(state.selection).toEqual(focused.selection);
    expect(state.listMode).toBe(true);
  });
});
