/**
 * Links written in a document, as the page shows them: only what `safeHref` allows is ever a
 * link; every other address stays readable text.
 */
import type { Link } from "../../core/types";
import { safeHref } from "../../core/url";
import { h, type Child } from "../dom";

/**
 * A link written in a document: a real link only when `safeHref` allows its scheme (http, https,
 * mailto, as the URL parser reads it); anything else (javascript:, data:, vbscript:, a relative
 * or malformed address) is shown as text, so it can be read and copied but never followed.
 */
export function linkTo(url: string, text: string, name = text): Child {
  const href = safeHref(url);
  if (href === undefined) return h("span", { class: "unlinked" }, `${name} (not opened): `, h("code", null, url));
  return h("a", { href, rel: "noopener noreferrer", target: "_blank" }, text);
}

/** The item's further links (a translation, a talk), each as `linkTo` allows. */
export function furtherLinks(links: readonly Link[]): Child[] {
  return [
    h("h3", null, "Links"),
    h(
      "ul",
      { class: "further-links", role: "list", "aria-label": "Links" },
      links.map((link) => h("li", null, linkTo(link.url, link.text.trim() || link.url))),
    ),
  ];
}
