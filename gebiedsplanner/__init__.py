"""gebiedsplanner: plan Rotterdam's NRW gebied budgets against the envelope, in the terminal."""

__version__ = "0.1.0"
