# Prints the command line arguments Guild passes to the operation.
import argparse
import sys

parser = argparse.ArgumentParser()
for name in ("i", "f", "b", "s", "n", "x", "word"):
    parser.add_argument("--" + name)
parser.parse_known_args()

print(sys.argv[1:])
