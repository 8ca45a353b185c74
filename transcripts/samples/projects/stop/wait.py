# Waits for the given number of seconds, printing when it starts.
import time

seconds = 60

print(f"waiting {seconds} seconds", flush=True)
time.sleep(seconds)
print("done")
