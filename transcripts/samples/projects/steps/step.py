# Sample operation for the steps project: echo a message, optionally leave a file behind.
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--msg")
parser.add_argument("--create")
opts = parser.parse_args()

if opts.msg:
    print(opts.msg)

if opts.create:
    with open(opts.create, "w"):
        pass
