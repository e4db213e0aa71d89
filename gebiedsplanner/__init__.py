"""gebiedsplanner: plan Rotterdam's NRW gebied budgets against the envelope, in the terminal."""

__version__ = "0.1.0"

#: The program's name where the system keeps its folders (platformdirs) and in logs.
APP_NAME = "gebiedsplanner"
