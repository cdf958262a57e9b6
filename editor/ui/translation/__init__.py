"""The window's part of translation: the Translate to… dialog, the side-by-side view,
the article list's language badges and the editor's paragraph-language flags."""
