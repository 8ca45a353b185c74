# Reads data.txt, brought into the run directory by a dependency.
import os

if os.path.exists("data.txt"):
    with open("data.txt") as f:
        print("training on " + f.read().strip())
else:
    print("no data")
