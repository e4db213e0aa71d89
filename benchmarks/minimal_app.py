"""The floor for any Textual app: one DataTable and a Footer, with the bundled table's size.

Startup and memory of gebiedsplanner are measured against this app, in the same run.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Footer

COLUMNS = ("Gebied", "Couleur locale", "Gebiedsopdracht", "Taakstelling", "Netto", "CL-aandeel")


class MinimalApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [("q", "quit", "Stop")]

    def compose(self) -> ComposeResult:
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        for row in range(18):
            table.add_row(f"Gebied {row}", "111.000", "2.210.000", "-53.000", "2.268.000", "4,9%")


if __name__ == "__main__":
    MinimalApp().run()
