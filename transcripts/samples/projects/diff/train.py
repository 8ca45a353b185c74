# Prints the flags and writes them to model.txt.
x = 1
name = "a"

print(f"training {name} with x={x}")
with open("model.txt", "w") as f:
    f.write(f"name={name}\nx={x}\n")
