import { describe, expect, it } from "vitest";
import { isWebUrl, pageKey, safeHref } from "../../src/core/url";

describe("safeHref", () => {
  it.each([
    ["https://example.org/a?b=c#d", "https://example.org/a?b=c#d"],
    ["http://example.org", "http://example.org/"],
    ["HTTPS://Example.ORG/Path", "https://example.org/Path"],
    ["mailto:someone@example.org", "mailto:someone@example.org"],
    ["  https://example.org/padded  ", "https://example.org/padded"],
  ])("links %j as %j (the parser's serialisation)", (raw, href) => {
    expect(safeHref(raw)).toBe(href);
  });

  it.each([
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["java\tscript:alert(1)"],
    ["java\nscript:alert(1)"],
    ["java\r\nscript:alert(1)"],
    ["\x01javascript:alert(1)"],
    [" \x00\x1fjavascript:alert(1)"],
    ["vbscript:msgbox(1)"],
    ["VBScript:msgbox(1)"],
    ["data:text/html,<script>window.__pwned=1</script>"],
    ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="],
    ["file:///etc/passwd"],
    ["ftp://example.org/file"],
    ["blob:https://example.org/0b5c"],
    ["about:blank"],
  ])("refuses %j", (raw) => {
    expect(safeHref(raw)).toBeUndefined();
  });

  it("refuses what is not an absolute URL: relative paths, anchors, bare hosts, nothing", () => {
    for (const raw of ["/relative/page", "page.html", "#anchor", "//example.org/x", "example.org", "", undefined]) {
      expect(safeHref(raw), JSON.stringify(raw)).toBeUndefined();
    }
  });

  it("refuses an http URL without a host", () => {
    expect(safeHref("http:")).toBeUndefined();
    expect(safeHref("https://")).toBeUndefined();
  });

  it("never returns an href whose scheme is not http, https or mailto", () => {
    const tricky = ["java\tscript:x", "\x01javascript:x", "javascript\n:x", "jav&#x09;ascript:x", "%6Aavascript:x", "https:javascript:x"];
    for (const raw of tricky) {
      const href = safeHref(raw);
      if (href !== undefined) expect(new URL(href).protocol).toMatch(/^(https?|mailto):$/);
    }
  });
});

describe("isWebUrl", () => {
  it("accepts absolute http(s) URLs with a host", () => {
    expect(isWebUrl("https://example.org/paper.pdf")).toBe(true);
    expect(isWebUrl("http://192.168.0.1:8080/")).toBe(true);
  });

  it("refuses mail, script, data and relative addresses", () => {
    for (const raw of ["mailto:a@example.org", "javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "vbscript:x", "#toc", "./page.md", "", undefined]) {
      expect(isWebUrl(raw), JSON.stringify(raw)).toBe(false);
    }
  });
});

describe("pageKey", () => {
  it("is the same for one page written differently", () => {
    const key = pageKey("https://www.Example.org/post/");
    for (const raw of ["http://example.org/post", "https://EXAMPLE.org/post#section", "https://www.example.org:443/post//", "HTTPS://example.org/post/"]) {
      expect(pageKey(raw), raw).toBe(key);
    }
    expect(key).toBe("example.org/post");
  });

  it("keeps what tells pages apart: path, query, a non-default port", () => {
    const keys = new Set(
      ["https://example.org/post", "https://example.org/other", "https://example.org/post?id=2", "https://example.org:8443/post"].map(pageKey),
    );
    expect(keys.size).toBe(4);
  });

  it("has no key for what is not a web page", () => {
    expect(pageKey("javascript:alert(1)")).toBeUndefined();
    expect(pageKey("mailto:a@example.org")).toBeUndefined();
    expect(pageKey("relative/page")).toBeUndefined();
    expect(pageKey(undefined)).toBeUndefined();
  });
});
