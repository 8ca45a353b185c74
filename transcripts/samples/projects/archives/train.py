# Writes model.txt from data.txt and the x flag.
x = 1

with open("data.txt") as f:
    data = f.read().strip()
with open("model.txt", "w") as f:
    f.write(f"{data} x={x}\n")
print(f"trained with x={x}")
