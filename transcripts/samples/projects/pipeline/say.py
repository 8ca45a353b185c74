# Prints a message, optionally in capitals, then exits with the requested status.
import argparse
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--msg")
parser.add_argument("--upper", action="store_true")
parser.add_argument("--exit-status", type=int, default=0)
opts = parser.parse_args()

text = opts.msg or ""
print(text.upper() if opts.upper else text)
sys.exit(opts.exit_status)
