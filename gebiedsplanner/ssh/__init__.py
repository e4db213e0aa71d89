"""``gebiedsplanner ssh-serve``: the planner as its own SSH server: the log, the keys,
authentication, a forked planner per session on its own pseudo-terminal, and the
read-only commands a client may run."""
