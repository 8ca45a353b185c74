with open("model.txt") as f:
    print("serving", f.read().strip())
