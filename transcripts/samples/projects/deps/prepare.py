# Writes the files that downstream operations depend on.
with open("data.txt", "w") as f:
    f.write("1 2 3\n")
with open("extra.txt", "w") as f:
    f.write("extra\n")
print("prepared")
