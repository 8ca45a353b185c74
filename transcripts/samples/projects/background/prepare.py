# Writes data.txt, or fails when asked to.
import sys

fail = False

if fail:
    sys.exit("prepare failed")
with open("data.txt", "w") as f:
    f.write("prepared\n")
print("prepared data.txt")
