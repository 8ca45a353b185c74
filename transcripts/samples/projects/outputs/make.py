# Leaves a few files, directories and a hidden file in the run directory.
import os

os.makedirs(os.path.join("out", "sub"))
for name in ("a.txt", "b.txt", "step9.txt", "step10.txt", os.path.join("sub", "c.txt")):
    with open(os.path.join("out", name), "w") as f:
        f.write(name + "\n")
with open(".hidden", "w") as f:
    f.write("hidden\n")
print("made files")
