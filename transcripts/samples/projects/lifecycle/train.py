import sys

lr, epochs = float(sys.argv[1]), int(sys.argv[2])
loss = round(1.0 / (lr * 10 * epochs + 1), 3)
with open("model.txt", "w") as f:
    f.write(f"lr={lr} epochs={epochs}\n")
print(f"loss: {loss}")
