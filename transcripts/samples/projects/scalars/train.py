# Prints a loss and an accuracy per epoch, in the style selected by --style.
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--lr")
parser.add_argument("--epochs")
parser.add_argument("--style", default="colon")
opts = parser.parse_args()

lr = float(opts.lr)
epochs = int(opts.epochs)

print("lr: %s" % lr)
for epoch in range(1, epochs + 1):
    loss = lr * 4 / epoch
    acc = 0.25 * epoch
    if opts.style == "colon":
        print("step: %i" % epoch)
        print("loss: %s" % loss)
        print("acc: %s" % acc)
    elif opts.style == "eq":
        print("loss=%s acc=%s" % (loss, acc))
    else:
        print("step=%i loss=%s acc=%s" % (epoch, loss, acc))
