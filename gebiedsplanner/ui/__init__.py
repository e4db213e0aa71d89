"""The Textual app: a thin app on its shell, the screens (planner, library, comparison and
the dialogs), and the widgets. Screens ask the layers below and repaint; they hold no
file format or editing protocol."""
