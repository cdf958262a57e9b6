"""Translating articles: linked versions, segments, memory, files, machine translation."""
