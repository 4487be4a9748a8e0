"""Plain-Python logic of the handbook's build.

Everything here takes data and returns data; nothing imports MkDocs except the
thin adapters one level up in ``hooks/``. That keeps the logic testable without
a build and cheap to move to another static-site generator.
"""
