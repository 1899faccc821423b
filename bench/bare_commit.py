#!/usr/bin/env python3
"""bench/bare_commit.py DIR [N] - the floor for durable writes: N single-row transactions on a
fresh SQLite file in DIR with the server's settings (WAL, synchronous=FULL), one after another.
Prints commits per second. Caseload's durable writes are compared with this figure."""
import os
import sqlite3
import sys
import time

path = os.path.join(sys.argv[1], "bare-commit.db")
n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
start = time.monotonic()
for i in range(n):
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO t (body) VALUES (?)", ("note %d" % i,))
    db.execute("COMMIT")
elapsed = time.monotonic() - start
print("%.0f" % (n / elapsed))
db.close()
os.remove(path)
