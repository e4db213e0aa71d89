"""The scenario library: the folders it lists, and duplicate, rename, trash and restore."""
