import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=0.1, help="Learning rate")
parser.add_argument("--epochs", type=int, default=2, help="Passes over the data")
args = parser.parse_args()

for epoch in range(1, args.epochs + 1):
    print("epoch %i: lr=%s" % (epoch, args.lr))
