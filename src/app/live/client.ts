/**
 * The page's side of live rebuild (scripts/vite/live-rebuild.ts), injected by the dev server
 * only: never part of `vite build`'s output.
 *
 * A rebuilt graph reloads the page. What the reader is looking at (selection, path, filters,
 * view, camera, tour step) is in the address, so the reload opens the new graph where the old
 * one was (see reload.ts for the camera). A failed rebuild leaves graph.json and the page alone
 * and says why in a banner (text only, closable), until the next good build.
 */
import "./live.css";
import { describeFailure, FAILED, HELLO, REBUILT, type FailedEvent } from "./events";
import { addressAfterRebuild } from "./reload";

/** The banner: a live region that exists before it speaks, so assistive technology announces what it says. */
function createBanner(): { show(failure: FailedEvent): void; clear(): void } {
  const banner = document.createElement("div");
  banner.className = "alert live-alert";
  banner.setAttribute("role", "alert");
  // Under the header, over nothing: the map and its panels move down while it shows.
  const header = document.querySelector("body > header");
  if (header) header.after(banner);
  else document.body.prepend(banner);

  const clear = () => banner.replaceChildren();
  return {
    show(failure) {
      const message = document.createElement("p");
      message.className = "live-message";
      message.append("The graph was not rebuilt: ", Object.assign(document.createElement("code"), { textContent: describeFailure(failure) }));
      const hint = document.createElement("p");
      hint.className = "live-hint";
      hint.textContent = "The map shows the last good graph. It reloads by itself once the file builds again.";
      const close = document.createElement("button");
      close.type = "button";
      close.textContent = "Close";
      close.addEventListener("click", clear);
      banner.replaceChildren(message, hint, close);
    },
    clear,
  };
}

if (import.meta.hot) {
  const hot = import.meta.hot;
  const banner = createBanner();
  hot.on(FAILED, (failure) => banner.show(failure));
  hot.on(REBUILT, () => {
    banner.clear();
    const query = addressAfterRebuild(location.search);
    if (query === undefined) return;
    if (query !== location.search) history.replaceState(history.state, "", `${location.pathname}${query}${location.hash}`);
    location.reload();
  });
  // A page opened while an input is broken hears about it too.
  hot.send(HELLO);
}
