# Prints a message, waits the given seconds, then prints another.
import time

seconds = 0.2

print("waiting %s seconds" % seconds, flush=True)
time.sleep(seconds)
print("done waiting")
