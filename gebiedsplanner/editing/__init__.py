"""Editing a scenario: the editing session (changes, undo, one save at a time, merging a
colleague's save), loading and saving under the write lock, the crash journal and recovery,
and presence notes (who else edits)."""
