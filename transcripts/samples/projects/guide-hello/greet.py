# Prints a greeting to the name flag.
name = "world"
print(f"Hello {name}!")
