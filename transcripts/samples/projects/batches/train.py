# Prints the flags it gets, or exits with the status in --code when given --fail.
import argparse
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float)
parser.add_argument("--layers", type=int)
parser.add_argument("--code", type=int)
parser.add_argument("--fail", action="store_true")
args = parser.parse_args()

if args.fail:
    print("exiting with %i" % args.code)
    sys.exit(args.code)
print("lr=%s layers=%s" % (args.lr, args.layers))
