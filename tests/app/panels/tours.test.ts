import { describe, expect, it } from "vitest";
import { presenterAddress } from "../../../src/app/panels/tours";

describe("the presenter view's address", () => {
  it("names the tour and the step counted from 1", () => {
    expect(presenterAddress("load-management", 0)).toBe("presenter.html?tour=load-management&step=1");
    expect(presenterAddress("postgres", 7)).toBe("presenter.html?tour=postgres&step=8");
  });

  it("carries the graph imported in this browser that the page shows, so both windows read the same graph", () => {
    const address = new URL(presenterAddress("mine", 2, "awesome-scalability-md-2026-11-30"), "https://example.org/app/");
    expect(address.pathname).toBe("/app/presenter.html");
    expect(Object.fromEntries(address.searchParams)).toEqual({ tour: "mine", step: "3", graph: "awesome-scalability-md-2026-11-30" });
  });

  it("encodes what it is given, so an id cannot add parameters", () => {
    const address = new URL(presenterAddress("a&step=9", 0, "x&tour=other"), "https://example.org/");
    expect(address.searchParams.getAll("tour")).toEqual(["a&step=9"]);
    expect(address.searchParams.getAll("step")).toEqual(["1"]);
    expect(address.searchParams.get("graph")).toBe("x&tour=other");
  });
});
