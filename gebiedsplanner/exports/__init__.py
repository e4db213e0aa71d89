"""What leaves the program: the plan and comparisons as CSV and Excel workbooks, and the
HTML report."""
