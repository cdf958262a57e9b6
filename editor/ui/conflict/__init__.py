"""Two editors saved the same article: the merged text, or mine/theirs/base side by side."""
