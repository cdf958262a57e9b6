"""Translation: segments, their status and staleness, checks, TMX/XLIFF, memory matching.

Plain Python (translate-toolkit and lxml for the file formats, rapidfuzz for matching);
the store keeps segment pairs and the memory, the app ties them to articles.
"""
