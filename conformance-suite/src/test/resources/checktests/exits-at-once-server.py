#!/usr/bin/env python3
# A server that crashes before listening: prints "boom" on stderr and exits with status 1.
import sys

print("boom", file=sys.stderr, flush=True)
sys.exit(1)
