"""The registry of user actions (see registry.py) and the built-in commands."""
