"""Prints a message and writes it to result.txt."""

import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--msg")
args = parser.parse_args()

print(args.msg)
with open("result.txt", "w") as out:
    out.write(args.msg + "\n")
