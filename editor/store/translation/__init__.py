"""Translation in the store: links, segment pairs, translation memory, glossary."""
