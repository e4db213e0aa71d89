"""The screens: the planner, the library, the comparison, and the dialogs on one base."""
