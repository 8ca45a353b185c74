msg = "hello"
count = 1

for _ in range(count):
    print(msg)
