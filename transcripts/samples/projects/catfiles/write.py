msg = "hello"

print("writing %s" % msg)
with open("result.txt", "w") as f:
    f.write(msg + "\n")
