#!/usr/bin/env python3
"""Recompute Cuadra's audit hash chain from audit_trail.csv, with the Python standard library only.

Usage: python3 verify_chain.py [audit_trail.csv] [manifest.json]
Exit status 0 when every event verifies and the last one is the manifest's chain head; 1 otherwise.

hash = SHA-256(prev_hash as 32 raw bytes || canonical bytes); the first prev_hash is 64 zeros.
Canonical bytes: seq as 8 bytes big-endian, then at, actor, action, subject, before, after, reason,
note, each as a 1-byte tag (0 = NULL, 1 = text) followed, for text, by its UTF-8 length as 8 bytes
big-endian and the bytes. In the CSV a NULL field is named in null_fields, and a value starting with
= + - @ tab CR or ' carries one extra leading ' (for spreadsheets), removed here.
"""
import csv, hashlib, json, os, struct, sys


def unescape(v):
    return v[1:] if v.startswith("'") else v


def field(v):
    if v is None:
        return b"\x00"
    b = v.encode("utf-8")
    return b"\x01" + struct.pack(">Q", len(b)) + b


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    trail = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "audit_trail.csv")
    manifest = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "manifest.json")
    prev, expected, n = "0" * 64, 1, 0
    with open(trail, encoding="utf-8-sig", newline="") as f:
        first = f.readline()
        f.seek(0)
        if first.startswith("\ufeff"):
            first = first[1:]
        delimiter = ";" if first.startswith("seq;") else ","
        for row in csv.DictReader(f, delimiter=delimiter):
            seq, nulls = int(row["seq"]), set(filter(None, row["null_fields"].split("|")))
            if seq != expected:
                return fail(f"event {seq}: expected event {expected} (events missing or reordered)")
            if row["prev_hash"] != prev:
                return fail(f"event {seq}: prev_hash is not the hash of the event before it")
            texts = [unescape(row[k]) for k in ("at", "actor", "action", "subject")]
            texts += [None if k in nulls else unescape(row[k]) for k in ("before", "after", "reason", "note")]
            data = struct.pack(">q", seq) + b"".join(field(v) for v in texts)
            prev = hashlib.sha256(bytes.fromhex(prev) + data).hexdigest()
            if prev != row["hash"]:
                return fail(f"event {seq}: its content does not match its hash (edited after it was written)")
            expected, n = seq + 1, n + 1
    if os.path.exists(manifest):
        with open(manifest, encoding="utf-8") as m:
            head = json.load(m)["chain_head"]
        if head["seq"] != expected - 1 or head["hash"] != prev:
            return fail(f"the chain ends at event {expected - 1} {prev}, not at the manifest's head {head}")
    print(f"OK: {n} events verify; chain head seq {expected - 1} hash {prev}")
    return 0


def fail(message):
    print(f"FAILED: {message}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
