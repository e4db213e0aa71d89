"""The widgets: the budget grid and the comparison table (line API, repainting only what
changed), the edit line, the totals bar and key line, and fields."""
