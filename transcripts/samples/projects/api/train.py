# Prints a step and a loss per epoch, which Guild logs as scalars.
lr = 0.1
epochs = 2
optimizer = "adam"
fast = False
name = "my model"

for epoch in range(epochs):
    print("step: %i" % epoch)
    print("loss: %.2f" % (lr / (epoch + 1)))
