# Writes out/model.txt and summary.txt from data.txt and the x flag.
import os

x = 1

with open("data.txt") as f:
    data = f.read().strip()
os.makedirs("out", exist_ok=True)
with open("out/model.txt", "w") as f:
    f.write(f"{data} x={x}\n")
with open("summary.txt", "w") as f:
    f.write("done\n")
