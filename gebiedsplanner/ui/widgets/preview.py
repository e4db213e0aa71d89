"""The line under a dialog's input that says what will happen, or why it can't."""

from __future__ import annotations

from textual.widgets import Static


class Preview(Static):
    """Plain text (never markup); styled as an error when it explains a refusal."""

    def __init__(self, text: str = "", *, id: str = "preview") -> None:
        super().__init__(text, id=id, classes="preview", markup=False)

    def say(self, text: str, *, error: bool = False) -> None:
        """Show ``text``; ``error`` when it explains why the input cannot be used."""
        self.update(text)
        self.set_class(error, "error")
