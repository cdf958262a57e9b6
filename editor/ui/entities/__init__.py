"""Entity tagging in the window: the tags panel, tagging a selection, the manager."""
