# Sample operation using a module global as its flag.
x = 2
print("loss: %s" % (x / 10))
