# Writes the data file the train operation needs.
with open("data.txt", "w") as f:
    f.write("1 2 3\n")
print("prepared")
