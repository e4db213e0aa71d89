"""The budget core: the scenario model and its running totals, money and the largest
remainder, the planning tools, the policy rules, undo and merge, comparison, what
the screens and reports show, as text, and the limits the servers keep. Pure: no
Textual, no file IO."""
