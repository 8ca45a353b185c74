# Prints the config file named on the command line and the arguments after it.
import sys

print(open(sys.argv[1]).read().rstrip())
if sys.argv[2:]:
    print("args:", sys.argv[2:])
