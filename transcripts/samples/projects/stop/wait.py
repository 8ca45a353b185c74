# Waits for the given number of seconds in a child process, whose pid it writes to child.pid.
import os
import subprocess

seconds = 60

child = subprocess.Popen(["sleep", str(seconds)])
with open("child.pid.tmp", "w") as f:
    f.write(str(child.pid))
os.rename("child.pid.tmp", "child.pid")
print(f"waiting {seconds} seconds", flush=True)
child.wait()
print("done")
