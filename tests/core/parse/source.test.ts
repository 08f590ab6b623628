import { describe, expect, it } from "vitest";
import { sourceOf } from "../../../src/core/parse";

describe("sourceOf", () => {
  it.each([
    ["Debugging a FUSE deadlock in the Linux kernel (Netflix)", "Netflix"],
    ["Aurora DSQL: Serverless, Scalable, Global OLTP (Marc Brooker, CMU)", "Marc Brooker"],
    ["Andromeda: Performance, Isolation, and Velocity at Scale (Google, NSDI'18)", "Google"],
    ["CS 6120: Advanced Compilers (Cornell, Self-Guided)", "Cornell"],
    ["Log-Structured File Systems (Rosenblum & Ousterhout)", "Rosenblum & Ousterhout"],
    ["Is Parallel Programming Hard? (Paul McKenney's perfbook)", "Paul McKenney"],
    ["System Calls (Beej's Guide)", "Beej"],
    ["The Internals of PostgreSQL (interdb.jp)", "interdb.jp"],
    ["FUSE - Filesystem in Userspace (Linux Kernel docs)", "Linux Kernel"],
  ])("%s → %s", (title, source) => {
    expect(sourceOf(title)).toBe(source);
  });

  it.each([
    ["Workshop on Filter Data Structures (SPAA 2023)"],
    ["QUIC (RFC 9000)"],
    ["Write Your Own Virtual Machine (LC-3)"],
    ["TUM Systems Programming Course (io_uring, eBPF, networking)"],
    ["Readings in Database Systems (Red Book)"],
    ["Designing Data-Intensive Applications (Book)"],
    ["Stripe's DocDB: Zero-Downtime Data Movement"],
    ["Parentheses (Netflix) in the middle"],
    ["Empty ()"],
  ])("%s → no source", (title) => {
    expect(sourceOf(title)).toBe("");
  });
});
