"""The data Liftwell ships (exercises.json, programs/*.yaml, articles/*.md) and the edge that reads it.

`loaders` opens the shipped files and `program_text` reads and writes the YAML program format; both
hand plain data to `liftwell.core`, which parses and checks it but never touches a file.
"""
