import sys

code = int(sys.argv[1])
print(f"exiting with {code}")
sys.exit(code)
