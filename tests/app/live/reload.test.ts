import { describe, expect, it } from "vitest";
import { addressAfterRebuild } from "../../../src/app/live/reload";

describe("the address a rebuilt graph reloads at", () => {
  it("is the same address when nothing is chosen: filters, view and camera kept", () => {
    const search = "?hide=type%3Aperson&min=2&view=concepts&camera=0.51%2C0.43%2C0.25&color=region";
    expect(addressAfterRebuild(search)).toBe(search);
    expect(addressAfterRebuild("")).toBe("");
  });

  it("lets the camera go when something is chosen, so the page frames it in the new layout", () => {
    expect(addressAfterRebuild("?concept=entity%3Araft&match=all&camera=0.5%2C0.4%2C0.2&min=2")).toBe("?concept=entity%3Araft&match=all&min=2");
    expect(addressAfterRebuild("?article=article%3Ax&camera=0.5%2C0.4%2C0.2")).toBe("?article=article%3Ax");
    expect(addressAfterRebuild("?from=entity%3Aa&to=entity%3Ab&camera=0.5%2C0.4%2C0.2&list=1")).toBe("?from=entity%3Aa&to=entity%3Ab&list=1");
    expect(addressAfterRebuild("?region=3&camera=1%2C1%2C1")).toBe("?region=3");
  });

  it("lets go of a camera written the old way (view=x,y,ratio) too, and keeps a view's name", () => {
    expect(addressAfterRebuild("?concept=entity%3Araft&view=0.5%2C0.4%2C0.2")).toBe("?concept=entity%3Araft");
    expect(addressAfterRebuild("?concept=entity%3Araft&view=articles&camera=0.5%2C0.4%2C0.2")).toBe("?concept=entity%3Araft&view=articles");
  });

  it("does not reload a page that shows a graph imported in the browser", () => {
    expect(addressAfterRebuild("?graph=my-list-md-mik3x0a1&concept=entity%3Araft")).toBeUndefined();
  });
});
