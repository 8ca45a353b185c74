# Prints x and a loss (x - 0.3)^2, plus 1 for the ramp shape; with --score, a score 1 - loss instead.
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--x", type=float)
parser.add_argument("--shape", default="bowl")
parser.add_argument("--score", action="store_true")
args = parser.parse_args()

loss = (args.x - 0.3) ** 2 + (1 if args.shape == "ramp" else 0)
print("x: %f" % args.x)
if args.score:
    print("score: %f" % (1 - loss))
else:
    print("loss: %f" % loss)
